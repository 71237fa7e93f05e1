using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Linli.Modules.ServiceDesk.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AddCaseStatsRollup : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "case_daily_stats",
                schema: "servicedesk",
                columns: table => new
                {
                    day = table.Column<DateOnly>(type: "date", nullable: false),
                    dimension = table.Column<int>(type: "integer", nullable: false),
                    region = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    key = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    received = table.Column<int>(type: "integer", nullable: false),
                    accepted = table.Column<int>(type: "integer", nullable: false),
                    refused = table.Column<int>(type: "integer", nullable: false),
                    outside = table.Column<int>(type: "integer", nullable: false),
                    decided = table.Column<int>(type: "integer", nullable: false),
                    on_time = table.Column<int>(type: "integer", nullable: false),
                    days_sum = table.Column<double>(type: "double precision", nullable: false),
                    days_count = table.Column<int>(type: "integer", nullable: false),
                    proxy = table.Column<int>(type: "integer", nullable: false),
                    door = table.Column<int>(type: "integer", nullable: false),
                    late = table.Column<int>(type: "integer", nullable: false),
                    noticed = table.Column<int>(type: "integer", nullable: false),
                    wait_sum = table.Column<double>(type: "double precision", nullable: false),
                    wait_count = table.Column<int>(type: "integer", nullable: false),
                    very_satisfied = table.Column<int>(type: "integer", nullable: false),
                    satisfied = table.Column<int>(type: "integer", nullable: false),
                    fairly = table.Column<int>(type: "integer", nullable: false),
                    dissatisfied = table.Column<int>(type: "integer", nullable: false),
                    very_dissatisfied = table.Column<int>(type: "integer", nullable: false),
                    followed_up = table.Column<int>(type: "integer", nullable: false),
                    follow_up_overdue = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_case_daily_stats", x => new { x.dimension, x.day, x.region, x.key });
                });

            migrationBuilder.CreateTable(
                name: "case_stats_changes",
                schema: "servicedesk",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    day = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_case_stats_changes", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "case_stats_days",
                schema: "servicedesk",
                columns: table => new
                {
                    day = table.Column<DateOnly>(type: "date", nullable: false),
                    computed_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_case_stats_days", x => x.day);
                });

            migrationBuilder.CreateIndex(
                name: "ix_case_stats_changes_day",
                schema: "servicedesk",
                table: "case_stats_changes",
                column: "day");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "case_daily_stats",
                schema: "servicedesk");

            migrationBuilder.DropTable(
                name: "case_stats_changes",
                schema: "servicedesk");

            migrationBuilder.DropTable(
                name: "case_stats_days",
                schema: "servicedesk");
        }
    }
}
