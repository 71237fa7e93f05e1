using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Linli.Modules.Accounts.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SignInFailuresAndPasswordReset : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "last_sign_in_at",
                schema: "accounts",
                table: "users",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "last_sign_in_client",
                schema: "accounts",
                table: "users",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "must_change_password",
                schema: "accounts",
                table: "users",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "sign_in_failures",
                schema: "accounts",
                columns: table => new
                {
                    user_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    client = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    count = table.Column<int>(type: "integer", nullable: false),
                    window_started_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    locked_until = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sign_in_failures", x => new { x.user_name, x.client });
                });

            migrationBuilder.CreateIndex(
                name: "ix_sign_in_failures_window_started_at",
                schema: "accounts",
                table: "sign_in_failures",
                column: "window_started_at");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "sign_in_failures",
                schema: "accounts");

            migrationBuilder.DropColumn(
                name: "last_sign_in_at",
                schema: "accounts",
                table: "users");

            migrationBuilder.DropColumn(
                name: "last_sign_in_client",
                schema: "accounts",
                table: "users");

            migrationBuilder.DropColumn(
                name: "must_change_password",
                schema: "accounts",
                table: "users");
        }
    }
}
