using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Linli.Modules.ServiceDesk.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ApplicantPhoneAndStatedLink : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "applicant_as_stated",
                table: "servicedesk_service_cases",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<byte[]>(
                name: "applicant_phone_cipher",
                table: "servicedesk_service_cases",
                type: "BLOB",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "applicant_phone_masked",
                table: "servicedesk_service_cases",
                type: "TEXT",
                maxLength: 32,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "applicant_as_stated",
                table: "servicedesk_service_cases");

            migrationBuilder.DropColumn(
                name: "applicant_phone_cipher",
                table: "servicedesk_service_cases");

            migrationBuilder.DropColumn(
                name: "applicant_phone_masked",
                table: "servicedesk_service_cases");
        }
    }
}
