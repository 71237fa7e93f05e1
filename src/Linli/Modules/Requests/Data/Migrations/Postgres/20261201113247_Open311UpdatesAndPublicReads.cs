using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Linli.Modules.Requests.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Open311UpdatesAndPublicReads : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "open311_client_updates",
                schema: "requests",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    client_id = table.Column<int>(type: "integer", nullable: false),
                    client_update_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    action_id = table.Column<long>(type: "bigint", nullable: false),
                    status = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    media_url = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_open311_client_updates", x => x.id);
                    table.ForeignKey(
                        name: "fk_open311_client_updates_open311_clients_client_id",
                        column: x => x.client_id,
                        principalSchema: "requests",
                        principalTable: "open311_clients",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_open311_client_updates_ticket_actions_action_id",
                        column: x => x.action_id,
                        principalSchema: "requests",
                        principalTable: "ticket_actions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_tickets_channel_created_at",
                schema: "requests",
                table: "tickets",
                columns: new[] { "channel", "created_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_tickets_channel_updated_at",
                schema: "requests",
                table: "tickets",
                columns: new[] { "channel", "updated_at" });

            migrationBuilder.CreateIndex(
                name: "ix_open311_client_updates_action_id",
                schema: "requests",
                table: "open311_client_updates",
                column: "action_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_open311_client_updates_client_id_client_update_id",
                schema: "requests",
                table: "open311_client_updates",
                columns: new[] { "client_id", "client_update_id" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "open311_client_updates",
                schema: "requests");

            migrationBuilder.DropIndex(
                name: "ix_tickets_channel_created_at",
                schema: "requests",
                table: "tickets");

            migrationBuilder.DropIndex(
                name: "ix_tickets_channel_updated_at",
                schema: "requests",
                table: "tickets");
        }
    }
}
