using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Linli.Modules.ServiceDesk.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CaseNoticeAndWaitForStatistics : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "noticed_at",
                table: "servicedesk_service_cases",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "waiting_days",
                table: "servicedesk_service_cases",
                type: "REAL",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "noticed_at",
                table: "servicedesk_service_cases");

            migrationBuilder.DropColumn(
                name: "waiting_days",
                table: "servicedesk_service_cases");
        }
    }
}
