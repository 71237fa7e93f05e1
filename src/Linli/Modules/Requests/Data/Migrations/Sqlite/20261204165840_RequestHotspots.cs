using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Linli.Modules.Requests.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class RequestHotspots : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "requests_hotspot_runs",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    from = table.Column<DateTime>(type: "TEXT", nullable: false),
                    to = table.Column<DateTime>(type: "TEXT", nullable: false),
                    started_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    finished_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    tickets_read = table.Column<int>(type: "INTEGER", nullable: false),
                    found = table.Column<int>(type: "INTEGER", nullable: false),
                    started_by = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    failure = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_requests_hotspot_runs", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "requests_hotspots",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    kind = table.Column<int>(type: "INTEGER", nullable: false),
                    state = table.Column<int>(type: "INTEGER", nullable: false),
                    category_id = table.Column<int>(type: "INTEGER", nullable: false),
                    region_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    longitude = table.Column<double>(type: "REAL", nullable: true),
                    latitude = table.Column<double>(type: "REAL", nullable: true),
                    radius_meters = table.Column<int>(type: "INTEGER", nullable: true),
                    first_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    last_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ticket_count = table.Column<int>(type: "INTEGER", nullable: false),
                    baseline = table.Column<double>(type: "REAL", nullable: true),
                    week_of = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    detected_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    proactive_ticket_id = table.Column<long>(type: "INTEGER", nullable: true),
                    dismiss_reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    handled_by = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_requests_hotspots", x => x.id);
                    table.ForeignKey(
                        name: "fk_requests_hotspots_tickets_proactive_ticket_id",
                        column: x => x.proactive_ticket_id,
                        principalTable: "requests_tickets",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "requests_hotspot_members",
                columns: table => new
                {
                    hotspot_id = table.Column<long>(type: "INTEGER", nullable: false),
                    ticket_id = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_requests_hotspot_members", x => new { x.hotspot_id, x.ticket_id });
                    table.ForeignKey(
                        name: "fk_requests_hotspot_members_requests_hotspots_hotspot_id",
                        column: x => x.hotspot_id,
                        principalTable: "requests_hotspots",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_requests_hotspot_members_tickets_ticket_id",
                        column: x => x.ticket_id,
                        principalTable: "requests_tickets",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_requests_hotspot_members_ticket_id",
                table: "requests_hotspot_members",
                column: "ticket_id");

            migrationBuilder.CreateIndex(
                name: "ix_requests_hotspot_runs_started_at",
                table: "requests_hotspot_runs",
                column: "started_at");

            migrationBuilder.CreateIndex(
                name: "ix_requests_hotspots_kind_region_code_category_id_week_of",
                table: "requests_hotspots",
                columns: new[] { "kind", "region_code", "category_id", "week_of" },
                unique: true,
                filter: "week_of IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_requests_hotspots_proactive_ticket_id",
                table: "requests_hotspots",
                column: "proactive_ticket_id");

            migrationBuilder.CreateIndex(
                name: "ix_requests_hotspots_region_code_state_last_at",
                table: "requests_hotspots",
                columns: new[] { "region_code", "state", "last_at" });

            migrationBuilder.CreateIndex(
                name: "ix_requests_hotspots_state_last_at",
                table: "requests_hotspots",
                columns: new[] { "state", "last_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "requests_hotspot_members");

            migrationBuilder.DropTable(
                name: "requests_hotspot_runs");

            migrationBuilder.DropTable(
                name: "requests_hotspots");
        }
    }
}
