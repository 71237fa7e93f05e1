using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Linli.Modules.Organizations.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class EffectiveDates : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "dissolved_on",
                schema: "organizations",
                table: "social_organizations",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "registered_on",
                schema: "organizations",
                table: "social_organizations",
                type: "date",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1));

            // The registration day survives the change of type (times are stored as UTC; the day is the UTC day it was written as).
            migrationBuilder.Sql("UPDATE organizations.social_organizations SET registered_on = (registered_at AT TIME ZONE 'UTC')::date;");

            migrationBuilder.DropColumn(
                name: "registered_at",
                schema: "organizations",
                table: "social_organizations");

            migrationBuilder.CreateTable(
                name: "social_work_stations",
                schema: "organizations",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    street_code = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: false, collation: "C"),
                    opened_on = table.Column<DateOnly>(type: "date", nullable: false),
                    closed_on = table.Column<DateOnly>(type: "date", nullable: true),
                    is_synthetic = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_social_work_stations", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_social_work_stations_street_code",
                schema: "organizations",
                table: "social_work_stations",
                column: "street_code");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "social_work_stations",
                schema: "organizations");

            migrationBuilder.DropColumn(
                name: "dissolved_on",
                schema: "organizations",
                table: "social_organizations");

            migrationBuilder.DropColumn(
                name: "registered_on",
                schema: "organizations",
                table: "social_organizations");

            migrationBuilder.AddColumn<DateTime>(
                name: "registered_at",
                schema: "organizations",
                table: "social_organizations",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));
        }
    }
}
