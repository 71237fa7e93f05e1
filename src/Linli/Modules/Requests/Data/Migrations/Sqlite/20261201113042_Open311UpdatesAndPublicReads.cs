using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Linli.Modules.Requests.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Open311UpdatesAndPublicReads : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "requests_open311_client_updates",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    client_id = table.Column<int>(type: "INTEGER", nullable: false),
                    client_update_id = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    action_id = table.Column<long>(type: "INTEGER", nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    media_url = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_requests_open311_client_updates", x => x.id);
                    table.ForeignKey(
                        name: "fk_requests_open311_client_updates_requests_open311_clients_client_id",
                        column: x => x.client_id,
                        principalTable: "requests_open311_clients",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_requests_open311_client_updates_ticket_actions_action_id",
                        column: x => x.action_id,
                        principalTable: "requests_ticket_actions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_tickets_channel_created_at",
                table: "requests_tickets",
                columns: new[] { "channel", "created_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_tickets_channel_updated_at",
                table: "requests_tickets",
                columns: new[] { "channel", "updated_at" });

            migrationBuilder.CreateIndex(
                name: "ix_requests_open311_client_updates_action_id",
                table: "requests_open311_client_updates",
                column: "action_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_requests_open311_client_updates_client_id_client_update_id",
                table: "requests_open311_client_updates",
                columns: new[] { "client_id", "client_update_id" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "requests_open311_client_updates");

            migrationBuilder.DropIndex(
                name: "ix_tickets_channel_created_at",
                table: "requests_tickets");

            migrationBuilder.DropIndex(
                name: "ix_tickets_channel_updated_at",
                table: "requests_tickets");
        }
    }
}
