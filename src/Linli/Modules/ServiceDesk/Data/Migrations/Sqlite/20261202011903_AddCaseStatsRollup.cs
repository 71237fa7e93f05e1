using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Linli.Modules.ServiceDesk.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddCaseStatsRollup : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "servicedesk_case_daily_stats",
                columns: table => new
                {
                    day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    dimension = table.Column<int>(type: "INTEGER", nullable: false),
                    region = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    key = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    received = table.Column<int>(type: "INTEGER", nullable: false),
                    accepted = table.Column<int>(type: "INTEGER", nullable: false),
                    refused = table.Column<int>(type: "INTEGER", nullable: false),
                    outside = table.Column<int>(type: "INTEGER", nullable: false),
                    decided = table.Column<int>(type: "INTEGER", nullable: false),
                    on_time = table.Column<int>(type: "INTEGER", nullable: false),
                    days_sum = table.Column<double>(type: "REAL", nullable: false),
                    days_count = table.Column<int>(type: "INTEGER", nullable: false),
                    proxy = table.Column<int>(type: "INTEGER", nullable: false),
                    door = table.Column<int>(type: "INTEGER", nullable: false),
                    late = table.Column<int>(type: "INTEGER", nullable: false),
                    noticed = table.Column<int>(type: "INTEGER", nullable: false),
                    wait_sum = table.Column<double>(type: "REAL", nullable: false),
                    wait_count = table.Column<int>(type: "INTEGER", nullable: false),
                    very_satisfied = table.Column<int>(type: "INTEGER", nullable: false),
                    satisfied = table.Column<int>(type: "INTEGER", nullable: false),
                    fairly = table.Column<int>(type: "INTEGER", nullable: false),
                    dissatisfied = table.Column<int>(type: "INTEGER", nullable: false),
                    very_dissatisfied = table.Column<int>(type: "INTEGER", nullable: false),
                    followed_up = table.Column<int>(type: "INTEGER", nullable: false),
                    follow_up_overdue = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_servicedesk_case_daily_stats", x => new { x.dimension, x.day, x.region, x.key });
                });

            migrationBuilder.CreateTable(
                name: "servicedesk_case_stats_changes",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    day = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_servicedesk_case_stats_changes", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "servicedesk_case_stats_days",
                columns: table => new
                {
                    day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    computed_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_servicedesk_case_stats_days", x => x.day);
                });

            migrationBuilder.CreateIndex(
                name: "ix_servicedesk_case_stats_changes_day",
                table: "servicedesk_case_stats_changes",
                column: "day");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "servicedesk_case_daily_stats");

            migrationBuilder.DropTable(
                name: "servicedesk_case_stats_changes");

            migrationBuilder.DropTable(
                name: "servicedesk_case_stats_days");
        }
    }
}
