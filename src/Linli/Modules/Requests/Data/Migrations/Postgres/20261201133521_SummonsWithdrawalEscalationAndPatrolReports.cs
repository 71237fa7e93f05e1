using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Linli.Modules.Requests.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SummonsWithdrawalEscalationAndPatrolReports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "escalated_at",
                schema: "requests",
                table: "ticket_units",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "reported_by",
                schema: "requests",
                table: "ticket_units",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "withdraw_reason",
                schema: "requests",
                table: "ticket_units",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "withdrawn_at",
                schema: "requests",
                table: "ticket_units",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_tickets_created_by_created_at",
                schema: "requests",
                table: "tickets",
                columns: new[] { "created_by", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_ticket_units_escalated_at_reported_at",
                schema: "requests",
                table: "ticket_units",
                columns: new[] { "escalated_at", "reported_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_tickets_created_by_created_at",
                schema: "requests",
                table: "tickets");

            migrationBuilder.DropIndex(
                name: "ix_ticket_units_escalated_at_reported_at",
                schema: "requests",
                table: "ticket_units");

            migrationBuilder.DropColumn(
                name: "escalated_at",
                schema: "requests",
                table: "ticket_units");

            migrationBuilder.DropColumn(
                name: "reported_by",
                schema: "requests",
                table: "ticket_units");

            migrationBuilder.DropColumn(
                name: "withdraw_reason",
                schema: "requests",
                table: "ticket_units");

            migrationBuilder.DropColumn(
                name: "withdrawn_at",
                schema: "requests",
                table: "ticket_units");
        }
    }
}
