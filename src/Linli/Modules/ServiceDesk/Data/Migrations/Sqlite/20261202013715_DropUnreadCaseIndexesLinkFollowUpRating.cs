using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Linli.Modules.ServiceDesk.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DropUnreadCaseIndexesLinkFollowUpRating : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_servicedesk_service_cases_proxy_user_id",
                table: "servicedesk_service_cases");

            migrationBuilder.DropIndex(
                name: "ix_servicedesk_service_cases_resident_id",
                table: "servicedesk_service_cases");

            migrationBuilder.CreateIndex(
                name: "ix_servicedesk_due_times_rating_id",
                table: "servicedesk_due_times",
                column: "rating_id");

            migrationBuilder.AddForeignKey(
                name: "fk_servicedesk_due_times_servicedesk_case_ratings_rating_id",
                table: "servicedesk_due_times",
                column: "rating_id",
                principalTable: "servicedesk_case_ratings",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_servicedesk_due_times_servicedesk_case_ratings_rating_id",
                table: "servicedesk_due_times");

            migrationBuilder.DropIndex(
                name: "ix_servicedesk_due_times_rating_id",
                table: "servicedesk_due_times");

            migrationBuilder.CreateIndex(
                name: "ix_servicedesk_service_cases_proxy_user_id",
                table: "servicedesk_service_cases",
                column: "proxy_user_id");

            migrationBuilder.CreateIndex(
                name: "ix_servicedesk_service_cases_resident_id",
                table: "servicedesk_service_cases",
                column: "resident_id");
        }
    }
}
