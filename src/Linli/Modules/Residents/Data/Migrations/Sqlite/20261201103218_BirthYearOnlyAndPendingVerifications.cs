using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Linli.Modules.Residents.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class BirthYearOnlyAndPendingVerifications : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "birth_year",
                table: "residents_residents",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            // Keep only the birth year in clear, mask the birth digits, and take every tag date derived from the birthday
            // to its year (age tags: 1 January of the year the resident turns 60/80), before the birth date goes.
            migrationBuilder.Sql("""
                UPDATE "residents_residents"
                SET "birth_year" = CAST(substr("birth_date", 1, 4) AS INTEGER),
                    "id_number_masked" = substr("id_number_masked", 1, 4) || '**************';
                UPDATE "residents_population_tags" SET "start_date" = substr("start_date", 1, 4) || '-01-01' WHERE "tag" IN (1, 2);
                UPDATE "residents_population_tags" SET "start_date" = substr("start_date", 1, 4) || '-01-01'
                WHERE "tag" NOT IN (1, 2) AND EXISTS (SELECT 1 FROM "residents_residents" r WHERE r."id" = "resident_id"
                    AND (substr(r."birth_date", 1, 4) = substr("start_date", 1, 4) OR substr(r."birth_date", 6, 5) = substr("start_date", 6, 5)));
                UPDATE "residents_population_tags" SET "end_date" = substr("end_date", 1, 4) || '-12-31'
                WHERE "end_date" IS NOT NULL AND EXISTS (SELECT 1 FROM "residents_residents" r WHERE r."id" = "resident_id"
                    AND (substr(r."birth_date", 1, 4) = substr("end_date", 1, 4) OR substr(r."birth_date", 6, 5) = substr("end_date", 6, 5)));
                """);

            migrationBuilder.DropColumn(
                name: "birth_date",
                table: "residents_residents");

            migrationBuilder.CreateTable(
                name: "residents_pending_verifications",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    community_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    id_number_cipher = table.Column<byte[]>(type: "BLOB", maxLength: 64, nullable: false),
                    id_number_hash = table.Column<byte[]>(type: "BLOB", maxLength: 32, nullable: false),
                    id_number_masked = table.Column<string>(type: "TEXT", maxLength: 18, nullable: false),
                    existing_resident_id = table.Column<long>(type: "INTEGER", nullable: false),
                    existing_community_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    source = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    requested_by = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    requested_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    resolved_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    resolved_by = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    resolution = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_residents_pending_verifications", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_residents_pending_verifications_community_code_id",
                table: "residents_pending_verifications",
                columns: new[] { "community_code", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_residents_pending_verifications_id_number_hash_community_code",
                table: "residents_pending_verifications",
                columns: new[] { "id_number_hash", "community_code" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "residents_pending_verifications");

            migrationBuilder.DropColumn(
                name: "birth_year",
                table: "residents_residents");

            migrationBuilder.AddColumn<DateOnly>(
                name: "birth_date",
                table: "residents_residents",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1));
        }
    }
}
