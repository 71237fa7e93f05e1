using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Linli.Modules.Care.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CareRoster : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "care_roster",
                columns: table => new
                {
                    resident_id = table.Column<long>(type: "INTEGER", nullable: false),
                    community_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    grid_code = table.Column<string>(type: "TEXT", maxLength: 15, nullable: true),
                    tags = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    tag_tier = table.Column<int>(type: "INTEGER", nullable: false),
                    finding_tier = table.Column<int>(type: "INTEGER", nullable: true),
                    raised_tier = table.Column<int>(type: "INTEGER", nullable: true),
                    raise_reason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    raised_by = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    raised_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    tier = table.Column<int>(type: "INTEGER", nullable: false),
                    joined_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    last_visit_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    synced_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    next_due_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    window_start_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    window_end_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    due_reason = table.Column<int>(type: "INTEGER", nullable: false),
                    due_note = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_care_roster", x => x.resident_id);
                });

            migrationBuilder.CreateTable(
                name: "care_visits",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    resident_id = table.Column<long>(type: "INTEGER", nullable: false),
                    community_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    grid_code = table.Column<string>(type: "TEXT", maxLength: 15, nullable: true),
                    visited_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    method = table.Column<int>(type: "INTEGER", nullable: false),
                    health = table.Column<int>(type: "INTEGER", nullable: false),
                    living = table.Column<int>(type: "INTEGER", nullable: false),
                    safety = table.Column<int>(type: "INTEGER", nullable: false),
                    needs = table.Column<int>(type: "INTEGER", nullable: false),
                    notes = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    visitor_user_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    visitor_name = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    tier_before = table.Column<int>(type: "INTEGER", nullable: false),
                    tier_after = table.Column<int>(type: "INTEGER", nullable: false),
                    follow_up_ticket_id = table.Column<long>(type: "INTEGER", nullable: true),
                    follow_up_ticket_number = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    recorded_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_care_visits", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_care_roster_community_code_next_due_at",
                table: "care_roster",
                columns: new[] { "community_code", "next_due_at" });

            migrationBuilder.CreateIndex(
                name: "ix_care_roster_community_code_window_end_at",
                table: "care_roster",
                columns: new[] { "community_code", "window_end_at" });

            migrationBuilder.CreateIndex(
                name: "ix_care_roster_synced_at",
                table: "care_roster",
                column: "synced_at");

            migrationBuilder.CreateIndex(
                name: "ix_care_visits_community_code_visited_at",
                table: "care_visits",
                columns: new[] { "community_code", "visited_at" });

            migrationBuilder.CreateIndex(
                name: "ix_care_visits_resident_id_visited_at",
                table: "care_visits",
                columns: new[] { "resident_id", "visited_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "care_roster");

            migrationBuilder.DropTable(
                name: "care_visits");
        }
    }
}
