using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Linli.Platform.Notifications.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class InboxUnreadIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_inbox_unread",
                table: "notifications_inbox",
                column: "recipient",
                filter: "read_at IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_inbox_unread",
                table: "notifications_inbox");
        }
    }
}
