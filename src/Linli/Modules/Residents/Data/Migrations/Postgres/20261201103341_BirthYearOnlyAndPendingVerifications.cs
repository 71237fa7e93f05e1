using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Linli.Modules.Residents.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class BirthYearOnlyAndPendingVerifications : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "birth_year",
                schema: "residents",
                table: "residents",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            // Keep only the birth year in clear, mask the birth digits, and take every tag date derived from the birthday
            // to its year (age tags: 1 January of the year the resident turns 60/80), before the birth date goes.
            migrationBuilder.Sql("""
                UPDATE residents.residents
                SET birth_year = EXTRACT(YEAR FROM birth_date)::int, id_number_masked = left(id_number_masked, 4) || '**************';
                UPDATE residents.population_tags SET start_date = make_date(EXTRACT(YEAR FROM start_date)::int, 1, 1) WHERE tag IN (1, 2);
                UPDATE residents.population_tags t SET start_date = make_date(EXTRACT(YEAR FROM t.start_date)::int, 1, 1)
                FROM residents.residents r WHERE r.id = t.resident_id AND t.tag NOT IN (1, 2)
                    AND (EXTRACT(YEAR FROM r.birth_date) = EXTRACT(YEAR FROM t.start_date) OR to_char(r.birth_date, 'MM-DD') = to_char(t.start_date, 'MM-DD'));
                UPDATE residents.population_tags t SET end_date = make_date(EXTRACT(YEAR FROM t.end_date)::int, 12, 31)
                FROM residents.residents r WHERE r.id = t.resident_id AND t.end_date IS NOT NULL
                    AND (EXTRACT(YEAR FROM r.birth_date) = EXTRACT(YEAR FROM t.end_date) OR to_char(r.birth_date, 'MM-DD') = to_char(t.end_date, 'MM-DD'));
                """);

            migrationBuilder.DropColumn(
                name: "birth_date",
                schema: "residents",
                table: "residents");

            migrationBuilder.CreateTable(
                name: "pending_verifications",
                schema: "residents",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    community_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false, collation: "C"),
                    name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    id_number_cipher = table.Column<byte[]>(type: "bytea", maxLength: 64, nullable: false),
                    id_number_hash = table.Column<byte[]>(type: "bytea", maxLength: 32, nullable: false),
                    id_number_masked = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: false),
                    existing_resident_id = table.Column<long>(type: "bigint", nullable: false),
                    existing_community_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false, collation: "C"),
                    source = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    requested_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    requested_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    resolved_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    resolved_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    resolution = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_pending_verifications", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_pending_verifications_community_code_id",
                schema: "residents",
                table: "pending_verifications",
                columns: new[] { "community_code", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_pending_verifications_id_number_hash_community_code",
                schema: "residents",
                table: "pending_verifications",
                columns: new[] { "id_number_hash", "community_code" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "pending_verifications",
                schema: "residents");

            migrationBuilder.DropColumn(
                name: "birth_year",
                schema: "residents",
                table: "residents");

            migrationBuilder.AddColumn<DateOnly>(
                name: "birth_date",
                schema: "residents",
                table: "residents",
                type: "date",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1));
        }
    }
}
