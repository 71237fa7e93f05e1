using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Linli.Modules.ServiceDesk.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ApplicantPhoneAndStatedLink : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "applicant_as_stated",
                schema: "servicedesk",
                table: "service_cases",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<byte[]>(
                name: "applicant_phone_cipher",
                schema: "servicedesk",
                table: "service_cases",
                type: "bytea",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "applicant_phone_masked",
                schema: "servicedesk",
                table: "service_cases",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "applicant_as_stated",
                schema: "servicedesk",
                table: "service_cases");

            migrationBuilder.DropColumn(
                name: "applicant_phone_cipher",
                schema: "servicedesk",
                table: "service_cases");

            migrationBuilder.DropColumn(
                name: "applicant_phone_masked",
                schema: "servicedesk",
                table: "service_cases");
        }
    }
}
