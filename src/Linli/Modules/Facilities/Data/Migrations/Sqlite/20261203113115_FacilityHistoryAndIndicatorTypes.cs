using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Linli.Modules.Facilities.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class FacilityHistoryAndIndicatorTypes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "city_level_since",
                table: "facilities_facilities",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "closed_on",
                table: "facilities_facilities",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "opened_on",
                table: "facilities_facilities",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1));

            migrationBuilder.AddColumn<double>(
                name: "service_area",
                table: "facilities_facilities",
                type: "REAL",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_facilities_facilities_type_opened_on_closed_on",
                table: "facilities_facilities",
                columns: new[] { "type", "opened_on", "closed_on" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_facilities_facilities_type_opened_on_closed_on",
                table: "facilities_facilities");

            migrationBuilder.DropColumn(
                name: "city_level_since",
                table: "facilities_facilities");

            migrationBuilder.DropColumn(
                name: "closed_on",
                table: "facilities_facilities");

            migrationBuilder.DropColumn(
                name: "opened_on",
                table: "facilities_facilities");

            migrationBuilder.DropColumn(
                name: "service_area",
                table: "facilities_facilities");
        }
    }
}
