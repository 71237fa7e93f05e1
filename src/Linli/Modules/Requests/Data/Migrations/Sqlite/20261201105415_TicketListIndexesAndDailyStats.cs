using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Linli.Modules.Requests.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class TicketListIndexesAndDailyStats : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_requests_tickets_created_at",
                table: "requests_tickets");

            migrationBuilder.CreateTable(
                name: "requests_ticket_daily_stats",
                columns: table => new
                {
                    day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    dimension = table.Column<int>(type: "INTEGER", nullable: false),
                    region = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    key = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    count = table.Column<long>(type: "INTEGER", nullable: false),
                    sign_due = table.Column<long>(type: "INTEGER", nullable: false),
                    signed_on_time = table.Column<long>(type: "INTEGER", nullable: false),
                    closed_dispatched = table.Column<long>(type: "INTEGER", nullable: false),
                    finished_on_time = table.Column<long>(type: "INTEGER", nullable: false),
                    closed = table.Column<long>(type: "INTEGER", nullable: false),
                    resolved = table.Column<long>(type: "INTEGER", nullable: false),
                    rated = table.Column<long>(type: "INTEGER", nullable: false),
                    satisfied = table.Column<long>(type: "INTEGER", nullable: false),
                    overdue = table.Column<long>(type: "INTEGER", nullable: false),
                    dispatched = table.Column<long>(type: "INTEGER", nullable: false),
                    returned = table.Column<long>(type: "INTEGER", nullable: false),
                    repeats = table.Column<long>(type: "INTEGER", nullable: false),
                    timed = table.Column<long>(type: "INTEGER", nullable: false),
                    hours_sum = table.Column<double>(type: "REAL", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_requests_ticket_daily_stats", x => new { x.dimension, x.day, x.region, x.key });
                });

            migrationBuilder.CreateTable(
                name: "requests_ticket_stats_changes",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    day = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_requests_ticket_stats_changes", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "requests_ticket_stats_days",
                columns: table => new
                {
                    day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    computed_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_requests_ticket_stats_days", x => x.day);
                });

            migrationBuilder.CreateIndex(
                name: "ix_requests_tickets_state_created_at_id",
                table: "requests_tickets",
                columns: new[] { "state", "created_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_tickets_created_at_id",
                table: "requests_tickets",
                columns: new[] { "created_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_tickets_overdue_created_at_id",
                table: "requests_tickets",
                columns: new[] { "created_at", "id" },
                filter: "is_overdue");

            migrationBuilder.CreateIndex(
                name: "ix_tickets_supervised_created_at_id",
                table: "requests_tickets",
                columns: new[] { "created_at", "id" },
                filter: "under_supervision");

            migrationBuilder.CreateIndex(
                name: "ix_tickets_unsigned_created_at",
                table: "requests_tickets",
                column: "created_at",
                filter: "signed_at IS NULL AND sign_due_at IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_requests_ticket_stats_changes_day",
                table: "requests_ticket_stats_changes",
                column: "day");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "requests_ticket_daily_stats");

            migrationBuilder.DropTable(
                name: "requests_ticket_stats_changes");

            migrationBuilder.DropTable(
                name: "requests_ticket_stats_days");

            migrationBuilder.DropIndex(
                name: "ix_requests_tickets_state_created_at_id",
                table: "requests_tickets");

            migrationBuilder.DropIndex(
                name: "ix_tickets_created_at_id",
                table: "requests_tickets");

            migrationBuilder.DropIndex(
                name: "ix_tickets_overdue_created_at_id",
                table: "requests_tickets");

            migrationBuilder.DropIndex(
                name: "ix_tickets_supervised_created_at_id",
                table: "requests_tickets");

            migrationBuilder.DropIndex(
                name: "ix_tickets_unsigned_created_at",
                table: "requests_tickets");

            migrationBuilder.CreateIndex(
                name: "ix_requests_tickets_created_at",
                table: "requests_tickets",
                column: "created_at");
        }
    }
}
