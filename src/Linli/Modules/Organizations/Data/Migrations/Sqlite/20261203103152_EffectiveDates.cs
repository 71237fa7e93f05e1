using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Linli.Modules.Organizations.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class EffectiveDates : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RenameColumn(
                name: "registered_at",
                table: "organizations_social_organizations",
                newName: "registered_on");

            // A DateTime was written as "yyyy-MM-dd HH:mm:ss"; a DateOnly is read from "yyyy-MM-dd".
            migrationBuilder.Sql("UPDATE organizations_social_organizations SET registered_on = substr(registered_on, 1, 10);");

            migrationBuilder.AddColumn<DateOnly>(
                name: "dissolved_on",
                table: "organizations_social_organizations",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "organizations_social_work_stations",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    street_code = table.Column<string>(type: "TEXT", maxLength: 9, nullable: false),
                    opened_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    closed_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    is_synthetic = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_organizations_social_work_stations", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_organizations_social_work_stations_street_code",
                table: "organizations_social_work_stations",
                column: "street_code");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "organizations_social_work_stations");

            migrationBuilder.DropColumn(
                name: "dissolved_on",
                table: "organizations_social_organizations");

            migrationBuilder.RenameColumn(
                name: "registered_on",
                table: "organizations_social_organizations",
                newName: "registered_at");
        }
    }
}
