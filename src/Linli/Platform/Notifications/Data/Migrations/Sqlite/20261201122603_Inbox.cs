using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Linli.Platform.Notifications.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Inbox : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "notifications_inbox",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    key = table.Column<Guid>(type: "TEXT", nullable: false),
                    recipient = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    subject = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    body = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    about_kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    about_id = table.Column<long>(type: "INTEGER", nullable: true),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    read_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    read_by = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_notifications_inbox", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_notifications_inbox_key",
                table: "notifications_inbox",
                column: "key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_notifications_inbox_recipient_id",
                table: "notifications_inbox",
                columns: new[] { "recipient", "id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "notifications_inbox");
        }
    }
}
