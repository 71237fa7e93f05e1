using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Linli.Modules.Residents.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "residents");

            migrationBuilder.CreateTable(
                name: "households",
                schema: "residents",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    community_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false, collation: "C"),
                    grid_code = table.Column<string>(type: "character varying(15)", maxLength: 15, nullable: true, collation: "C"),
                    address = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    building = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    unit = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    room = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    longitude = table.Column<double>(type: "double precision", nullable: true),
                    latitude = table.Column<double>(type: "double precision", nullable: true),
                    is_synthetic = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_households", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "unit_counts",
                schema: "residents",
                columns: table => new
                {
                    unit_code = table.Column<string>(type: "character varying(15)", maxLength: 15, nullable: false, collation: "C"),
                    households = table.Column<long>(type: "bigint", nullable: false),
                    residents = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_unit_counts", x => x.unit_code);
                });

            migrationBuilder.CreateTable(
                name: "residents",
                schema: "residents",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    household_id = table.Column<long>(type: "bigint", nullable: false),
                    community_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false, collation: "C"),
                    grid_code = table.Column<string>(type: "character varying(15)", maxLength: 15, nullable: true, collation: "C"),
                    name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    id_number_cipher = table.Column<byte[]>(type: "bytea", maxLength: 64, nullable: false),
                    id_number_hash = table.Column<byte[]>(type: "bytea", maxLength: 32, nullable: false),
                    id_number_masked = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: false),
                    phone_cipher = table.Column<byte[]>(type: "bytea", maxLength: 64, nullable: true),
                    phone_hash = table.Column<byte[]>(type: "bytea", maxLength: 32, nullable: true),
                    phone_masked = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    gender = table.Column<int>(type: "integer", nullable: false),
                    birth_date = table.Column<DateOnly>(type: "date", nullable: false),
                    relation_to_head = table.Column<int>(type: "integer", nullable: false),
                    registered_address = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    actual_address = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    is_synthetic = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_residents", x => x.id);
                    table.ForeignKey(
                        name: "fk_residents_households_household_id",
                        column: x => x.household_id,
                        principalSchema: "residents",
                        principalTable: "households",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "population_tags",
                schema: "residents",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    resident_id = table.Column<long>(type: "bigint", nullable: false),
                    community_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false, collation: "C"),
                    tag = table.Column<int>(type: "integer", nullable: false),
                    grade = table.Column<int>(type: "integer", nullable: true),
                    start_date = table.Column<DateOnly>(type: "date", nullable: false),
                    end_date = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_population_tags", x => x.id);
                    table.ForeignKey(
                        name: "fk_population_tags_residents_resident_id",
                        column: x => x.resident_id,
                        principalSchema: "residents",
                        principalTable: "residents",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_households_community_code",
                schema: "residents",
                table: "households",
                column: "community_code");

            migrationBuilder.CreateIndex(
                name: "ix_households_grid_code",
                schema: "residents",
                table: "households",
                column: "grid_code");

            migrationBuilder.CreateIndex(
                name: "ix_population_tags_resident_id",
                schema: "residents",
                table: "population_tags",
                column: "resident_id");

            migrationBuilder.CreateIndex(
                name: "ix_population_tags_tag_resident_id",
                schema: "residents",
                table: "population_tags",
                columns: new[] { "tag", "resident_id" });

            migrationBuilder.CreateIndex(
                name: "ix_residents_community_code",
                schema: "residents",
                table: "residents",
                column: "community_code");

            migrationBuilder.CreateIndex(
                name: "ix_residents_grid_code",
                schema: "residents",
                table: "residents",
                column: "grid_code");

            migrationBuilder.CreateIndex(
                name: "ix_residents_household_id",
                schema: "residents",
                table: "residents",
                column: "household_id");

            migrationBuilder.CreateIndex(
                name: "ix_residents_id_number_hash",
                schema: "residents",
                table: "residents",
                column: "id_number_hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_residents_name",
                schema: "residents",
                table: "residents",
                column: "name")
                .Annotation("Npgsql:IndexOperators", new[] { "text_pattern_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_residents_phone_hash",
                schema: "residents",
                table: "residents",
                column: "phone_hash");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "population_tags",
                schema: "residents");

            migrationBuilder.DropTable(
                name: "unit_counts",
                schema: "residents");

            migrationBuilder.DropTable(
                name: "residents",
                schema: "residents");

            migrationBuilder.DropTable(
                name: "households",
                schema: "residents");
        }
    }
}
