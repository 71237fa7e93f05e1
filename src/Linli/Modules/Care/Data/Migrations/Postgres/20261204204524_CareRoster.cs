using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Linli.Modules.Care.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CareRoster : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "care");

            migrationBuilder.CreateTable(
                name: "roster",
                schema: "care",
                columns: table => new
                {
                    resident_id = table.Column<long>(type: "bigint", nullable: false),
                    community_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false, collation: "C"),
                    grid_code = table.Column<string>(type: "character varying(15)", maxLength: 15, nullable: true, collation: "C"),
                    tags = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    tag_tier = table.Column<int>(type: "integer", nullable: false),
                    finding_tier = table.Column<int>(type: "integer", nullable: true),
                    raised_tier = table.Column<int>(type: "integer", nullable: true),
                    raise_reason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    raised_by = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    raised_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    tier = table.Column<int>(type: "integer", nullable: false),
                    joined_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    last_visit_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    synced_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    next_due_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    window_start_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    window_end_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    due_reason = table.Column<int>(type: "integer", nullable: false),
                    due_note = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_roster", x => x.resident_id);
                });

            migrationBuilder.CreateTable(
                name: "visits",
                schema: "care",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    resident_id = table.Column<long>(type: "bigint", nullable: false),
                    community_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false, collation: "C"),
                    grid_code = table.Column<string>(type: "character varying(15)", maxLength: 15, nullable: true, collation: "C"),
                    visited_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    method = table.Column<int>(type: "integer", nullable: false),
                    health = table.Column<int>(type: "integer", nullable: false),
                    living = table.Column<int>(type: "integer", nullable: false),
                    safety = table.Column<int>(type: "integer", nullable: false),
                    needs = table.Column<int>(type: "integer", nullable: false),
                    notes = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    visitor_user_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    visitor_name = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    tier_before = table.Column<int>(type: "integer", nullable: false),
                    tier_after = table.Column<int>(type: "integer", nullable: false),
                    follow_up_ticket_id = table.Column<long>(type: "bigint", nullable: true),
                    follow_up_ticket_number = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    recorded_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_visits", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_roster_community_code_next_due_at",
                schema: "care",
                table: "roster",
                columns: new[] { "community_code", "next_due_at" });

            migrationBuilder.CreateIndex(
                name: "ix_roster_community_code_window_end_at",
                schema: "care",
                table: "roster",
                columns: new[] { "community_code", "window_end_at" });

            migrationBuilder.CreateIndex(
                name: "ix_roster_synced_at",
                schema: "care",
                table: "roster",
                column: "synced_at");

            migrationBuilder.CreateIndex(
                name: "ix_visits_community_code_visited_at",
                schema: "care",
                table: "visits",
                columns: new[] { "community_code", "visited_at" });

            migrationBuilder.CreateIndex(
                name: "ix_visits_resident_id_visited_at",
                schema: "care",
                table: "visits",
                columns: new[] { "resident_id", "visited_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "roster",
                schema: "care");

            migrationBuilder.DropTable(
                name: "visits",
                schema: "care");
        }
    }
}
