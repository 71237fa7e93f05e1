using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Linli.Modules.ServiceDesk.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class DropUnreadCaseIndexesLinkFollowUpRating : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_service_cases_proxy_user_id",
                schema: "servicedesk",
                table: "service_cases");

            migrationBuilder.DropIndex(
                name: "ix_service_cases_resident_id",
                schema: "servicedesk",
                table: "service_cases");

            migrationBuilder.CreateIndex(
                name: "ix_due_times_rating_id",
                schema: "servicedesk",
                table: "due_times",
                column: "rating_id");

            migrationBuilder.AddForeignKey(
                name: "fk_due_times_case_ratings_rating_id",
                schema: "servicedesk",
                table: "due_times",
                column: "rating_id",
                principalSchema: "servicedesk",
                principalTable: "case_ratings",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_due_times_case_ratings_rating_id",
                schema: "servicedesk",
                table: "due_times");

            migrationBuilder.DropIndex(
                name: "ix_due_times_rating_id",
                schema: "servicedesk",
                table: "due_times");

            migrationBuilder.CreateIndex(
                name: "ix_service_cases_proxy_user_id",
                schema: "servicedesk",
                table: "service_cases",
                column: "proxy_user_id");

            migrationBuilder.CreateIndex(
                name: "ix_service_cases_resident_id",
                schema: "servicedesk",
                table: "service_cases",
                column: "resident_id");
        }
    }
}
