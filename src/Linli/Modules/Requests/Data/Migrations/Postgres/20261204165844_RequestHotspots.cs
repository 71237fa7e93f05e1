using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Linli.Modules.Requests.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class RequestHotspots : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "hotspot_runs",
                schema: "requests",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    from = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    to = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    started_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    finished_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    tickets_read = table.Column<int>(type: "integer", nullable: false),
                    found = table.Column<int>(type: "integer", nullable: false),
                    started_by = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    failure = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_hotspot_runs", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "hotspots",
                schema: "requests",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    kind = table.Column<int>(type: "integer", nullable: false),
                    state = table.Column<int>(type: "integer", nullable: false),
                    category_id = table.Column<int>(type: "integer", nullable: false),
                    region_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false, collation: "C"),
                    longitude = table.Column<double>(type: "double precision", nullable: true),
                    latitude = table.Column<double>(type: "double precision", nullable: true),
                    radius_meters = table.Column<int>(type: "integer", nullable: true),
                    first_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    last_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ticket_count = table.Column<int>(type: "integer", nullable: false),
                    baseline = table.Column<double>(type: "double precision", nullable: true),
                    week_of = table.Column<DateOnly>(type: "date", nullable: true),
                    detected_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    proactive_ticket_id = table.Column<long>(type: "bigint", nullable: true),
                    dismiss_reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    handled_by = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_hotspots", x => x.id);
                    table.ForeignKey(
                        name: "fk_hotspots_tickets_proactive_ticket_id",
                        column: x => x.proactive_ticket_id,
                        principalSchema: "requests",
                        principalTable: "tickets",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "hotspot_members",
                schema: "requests",
                columns: table => new
                {
                    hotspot_id = table.Column<long>(type: "bigint", nullable: false),
                    ticket_id = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_hotspot_members", x => new { x.hotspot_id, x.ticket_id });
                    table.ForeignKey(
                        name: "fk_hotspot_members_hotspots_hotspot_id",
                        column: x => x.hotspot_id,
                        principalSchema: "requests",
                        principalTable: "hotspots",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_hotspot_members_tickets_ticket_id",
                        column: x => x.ticket_id,
                        principalSchema: "requests",
                        principalTable: "tickets",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_hotspot_members_ticket_id",
                schema: "requests",
                table: "hotspot_members",
                column: "ticket_id");

            migrationBuilder.CreateIndex(
                name: "ix_hotspot_runs_started_at",
                schema: "requests",
                table: "hotspot_runs",
                column: "started_at");

            migrationBuilder.CreateIndex(
                name: "ix_hotspots_kind_region_code_category_id_week_of",
                schema: "requests",
                table: "hotspots",
                columns: new[] { "kind", "region_code", "category_id", "week_of" },
                unique: true,
                filter: "week_of IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_hotspots_proactive_ticket_id",
                schema: "requests",
                table: "hotspots",
                column: "proactive_ticket_id");

            migrationBuilder.CreateIndex(
                name: "ix_hotspots_region_code_state_last_at",
                schema: "requests",
                table: "hotspots",
                columns: new[] { "region_code", "state", "last_at" });

            migrationBuilder.CreateIndex(
                name: "ix_hotspots_state_last_at",
                schema: "requests",
                table: "hotspots",
                columns: new[] { "state", "last_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "hotspot_members",
                schema: "requests");

            migrationBuilder.DropTable(
                name: "hotspot_runs",
                schema: "requests");

            migrationBuilder.DropTable(
                name: "hotspots",
                schema: "requests");
        }
    }
}
