using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Linli.Modules.Facilities.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class FacilityRegistryFields : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "address",
                schema: "facilities",
                table: "facilities",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "capacity",
                schema: "facilities",
                table: "facilities",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "operator",
                schema: "facilities",
                table: "facilities",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "weekly_hours",
                schema: "facilities",
                table: "facilities",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "address",
                schema: "facilities",
                table: "facilities");

            migrationBuilder.DropColumn(
                name: "capacity",
                schema: "facilities",
                table: "facilities");

            migrationBuilder.DropColumn(
                name: "operator",
                schema: "facilities",
                table: "facilities");

            migrationBuilder.DropColumn(
                name: "weekly_hours",
                schema: "facilities",
                table: "facilities");
        }
    }
}
