using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Linli.Modules.ServiceDesk.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CaseNoticeAndWaitForStatistics : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "noticed_at",
                schema: "servicedesk",
                table: "service_cases",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "waiting_days",
                schema: "servicedesk",
                table: "service_cases",
                type: "double precision",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "noticed_at",
                schema: "servicedesk",
                table: "service_cases");

            migrationBuilder.DropColumn(
                name: "waiting_days",
                schema: "servicedesk",
                table: "service_cases");
        }
    }
}
