using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Linli.Modules.Facilities.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class FacilityRegistryFields : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "address",
                table: "facilities_facilities",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "capacity",
                table: "facilities_facilities",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "operator",
                table: "facilities_facilities",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "weekly_hours",
                table: "facilities_facilities",
                type: "TEXT",
                maxLength: 100,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "address",
                table: "facilities_facilities");

            migrationBuilder.DropColumn(
                name: "capacity",
                table: "facilities_facilities");

            migrationBuilder.DropColumn(
                name: "operator",
                table: "facilities_facilities");

            migrationBuilder.DropColumn(
                name: "weekly_hours",
                table: "facilities_facilities");
        }
    }
}
