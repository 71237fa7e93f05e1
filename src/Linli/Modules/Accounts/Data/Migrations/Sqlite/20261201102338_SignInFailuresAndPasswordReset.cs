using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Linli.Modules.Accounts.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SignInFailuresAndPasswordReset : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "last_sign_in_at",
                table: "accounts_users",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "last_sign_in_client",
                table: "accounts_users",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "must_change_password",
                table: "accounts_users",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "accounts_sign_in_failures",
                columns: table => new
                {
                    user_name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    client = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    count = table.Column<int>(type: "INTEGER", nullable: false),
                    window_started_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    locked_until = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_accounts_sign_in_failures", x => new { x.user_name, x.client });
                });

            migrationBuilder.CreateIndex(
                name: "ix_accounts_sign_in_failures_window_started_at",
                table: "accounts_sign_in_failures",
                column: "window_started_at");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "accounts_sign_in_failures");

            migrationBuilder.DropColumn(
                name: "last_sign_in_at",
                table: "accounts_users");

            migrationBuilder.DropColumn(
                name: "last_sign_in_client",
                table: "accounts_users");

            migrationBuilder.DropColumn(
                name: "must_change_password",
                table: "accounts_users");
        }
    }
}
