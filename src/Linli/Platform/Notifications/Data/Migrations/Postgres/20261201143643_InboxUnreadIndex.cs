using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Linli.Platform.Notifications.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class InboxUnreadIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_inbox_unread",
                schema: "notifications",
                table: "inbox",
                column: "recipient",
                filter: "read_at IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_inbox_unread",
                schema: "notifications",
                table: "inbox");
        }
    }
}
