using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Linli.Modules.Facilities.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class FacilityHistoryAndIndicatorTypes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "city_level_since",
                schema: "facilities",
                table: "facilities",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "closed_on",
                schema: "facilities",
                table: "facilities",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "opened_on",
                schema: "facilities",
                table: "facilities",
                type: "date",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1));

            migrationBuilder.AddColumn<double>(
                name: "service_area",
                schema: "facilities",
                table: "facilities",
                type: "double precision",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_facilities_type_opened_on_closed_on",
                schema: "facilities",
                table: "facilities",
                columns: new[] { "type", "opened_on", "closed_on" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_facilities_type_opened_on_closed_on",
                schema: "facilities",
                table: "facilities");

            migrationBuilder.DropColumn(
                name: "city_level_since",
                schema: "facilities",
                table: "facilities");

            migrationBuilder.DropColumn(
                name: "closed_on",
                schema: "facilities",
                table: "facilities");

            migrationBuilder.DropColumn(
                name: "opened_on",
                schema: "facilities",
                table: "facilities");

            migrationBuilder.DropColumn(
                name: "service_area",
                schema: "facilities",
                table: "facilities");
        }
    }
}
