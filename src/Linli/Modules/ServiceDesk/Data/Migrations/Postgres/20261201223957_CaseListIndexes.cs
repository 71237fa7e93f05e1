using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Linli.Modules.ServiceDesk.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CaseListIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_service_cases_received_at_id1",
                schema: "servicedesk",
                table: "service_cases",
                columns: new[] { "received_at", "id" },
                filter: "due_at IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_service_cases_state_received_at_id",
                schema: "servicedesk",
                table: "service_cases",
                columns: new[] { "state", "received_at", "id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_service_cases_received_at_id1",
                schema: "servicedesk",
                table: "service_cases");

            migrationBuilder.DropIndex(
                name: "ix_service_cases_state_received_at_id",
                schema: "servicedesk",
                table: "service_cases");
        }
    }
}
