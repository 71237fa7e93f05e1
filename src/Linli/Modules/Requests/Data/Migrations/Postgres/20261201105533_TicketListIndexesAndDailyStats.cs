using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Linli.Modules.Requests.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class TicketListIndexesAndDailyStats : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_tickets_created_at",
                schema: "requests",
                table: "tickets");

            migrationBuilder.CreateTable(
                name: "ticket_daily_stats",
                schema: "requests",
                columns: table => new
                {
                    day = table.Column<DateOnly>(type: "date", nullable: false),
                    dimension = table.Column<int>(type: "integer", nullable: false),
                    region = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    key = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    count = table.Column<long>(type: "bigint", nullable: false),
                    sign_due = table.Column<long>(type: "bigint", nullable: false),
                    signed_on_time = table.Column<long>(type: "bigint", nullable: false),
                    closed_dispatched = table.Column<long>(type: "bigint", nullable: false),
                    finished_on_time = table.Column<long>(type: "bigint", nullable: false),
                    closed = table.Column<long>(type: "bigint", nullable: false),
                    resolved = table.Column<long>(type: "bigint", nullable: false),
                    rated = table.Column<long>(type: "bigint", nullable: false),
                    satisfied = table.Column<long>(type: "bigint", nullable: false),
                    overdue = table.Column<long>(type: "bigint", nullable: false),
                    dispatched = table.Column<long>(type: "bigint", nullable: false),
                    returned = table.Column<long>(type: "bigint", nullable: false),
                    repeats = table.Column<long>(type: "bigint", nullable: false),
                    timed = table.Column<long>(type: "bigint", nullable: false),
                    hours_sum = table.Column<double>(type: "double precision", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ticket_daily_stats", x => new { x.dimension, x.day, x.region, x.key });
                });

            migrationBuilder.CreateTable(
                name: "ticket_stats_changes",
                schema: "requests",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    day = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ticket_stats_changes", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "ticket_stats_days",
                schema: "requests",
                columns: table => new
                {
                    day = table.Column<DateOnly>(type: "date", nullable: false),
                    computed_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ticket_stats_days", x => x.day);
                });

            migrationBuilder.CreateIndex(
                name: "ix_tickets_created_at_id",
                schema: "requests",
                table: "tickets",
                columns: new[] { "created_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_tickets_overdue_created_at_id",
                schema: "requests",
                table: "tickets",
                columns: new[] { "created_at", "id" },
                filter: "is_overdue");

            migrationBuilder.CreateIndex(
                name: "ix_tickets_state_created_at_id",
                schema: "requests",
                table: "tickets",
                columns: new[] { "state", "created_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_tickets_supervised_created_at_id",
                schema: "requests",
                table: "tickets",
                columns: new[] { "created_at", "id" },
                filter: "under_supervision");

            migrationBuilder.CreateIndex(
                name: "ix_tickets_unsigned_created_at",
                schema: "requests",
                table: "tickets",
                column: "created_at",
                filter: "signed_at IS NULL AND sign_due_at IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_ticket_stats_changes_day",
                schema: "requests",
                table: "ticket_stats_changes",
                column: "day");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ticket_daily_stats",
                schema: "requests");

            migrationBuilder.DropTable(
                name: "ticket_stats_changes",
                schema: "requests");

            migrationBuilder.DropTable(
                name: "ticket_stats_days",
                schema: "requests");

            migrationBuilder.DropIndex(
                name: "ix_tickets_created_at_id",
                schema: "requests",
                table: "tickets");

            migrationBuilder.DropIndex(
                name: "ix_tickets_overdue_created_at_id",
                schema: "requests",
                table: "tickets");

            migrationBuilder.DropIndex(
                name: "ix_tickets_state_created_at_id",
                schema: "requests",
                table: "tickets");

            migrationBuilder.DropIndex(
                name: "ix_tickets_supervised_created_at_id",
                schema: "requests",
                table: "tickets");

            migrationBuilder.DropIndex(
                name: "ix_tickets_unsigned_created_at",
                schema: "requests",
                table: "tickets");

            migrationBuilder.CreateIndex(
                name: "ix_tickets_created_at",
                schema: "requests",
                table: "tickets",
                column: "created_at");
        }
    }
}
