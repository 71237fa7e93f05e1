using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Linli.Modules.Requests.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SummonsWithdrawalEscalationAndPatrolReports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "escalated_at",
                table: "requests_ticket_units",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "reported_by",
                table: "requests_ticket_units",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "withdraw_reason",
                table: "requests_ticket_units",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "withdrawn_at",
                table: "requests_ticket_units",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_requests_tickets_created_by_created_at",
                table: "requests_tickets",
                columns: new[] { "created_by", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_requests_ticket_units_escalated_at_reported_at",
                table: "requests_ticket_units",
                columns: new[] { "escalated_at", "reported_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_requests_tickets_created_by_created_at",
                table: "requests_tickets");

            migrationBuilder.DropIndex(
                name: "ix_requests_ticket_units_escalated_at_reported_at",
                table: "requests_ticket_units");

            migrationBuilder.DropColumn(
                name: "escalated_at",
                table: "requests_ticket_units");

            migrationBuilder.DropColumn(
                name: "reported_by",
                table: "requests_ticket_units");

            migrationBuilder.DropColumn(
                name: "withdraw_reason",
                table: "requests_ticket_units");

            migrationBuilder.DropColumn(
                name: "withdrawn_at",
                table: "requests_ticket_units");
        }
    }
}
