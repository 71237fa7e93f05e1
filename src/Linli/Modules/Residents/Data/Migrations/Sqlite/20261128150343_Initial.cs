using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Linli.Modules.Residents.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "residents_households",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    community_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    grid_code = table.Column<string>(type: "TEXT", maxLength: 15, nullable: true),
                    address = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    building = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    unit = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    room = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    longitude = table.Column<double>(type: "REAL", nullable: true),
                    latitude = table.Column<double>(type: "REAL", nullable: true),
                    is_synthetic = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_residents_households", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "residents_unit_counts",
                columns: table => new
                {
                    unit_code = table.Column<string>(type: "TEXT", maxLength: 15, nullable: false),
                    households = table.Column<long>(type: "INTEGER", nullable: false),
                    residents = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_residents_unit_counts", x => x.unit_code);
                });

            migrationBuilder.CreateTable(
                name: "residents_residents",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    household_id = table.Column<long>(type: "INTEGER", nullable: false),
                    community_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    grid_code = table.Column<string>(type: "TEXT", maxLength: 15, nullable: true),
                    name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    id_number_cipher = table.Column<byte[]>(type: "BLOB", maxLength: 64, nullable: false),
                    id_number_hash = table.Column<byte[]>(type: "BLOB", maxLength: 32, nullable: false),
                    id_number_masked = table.Column<string>(type: "TEXT", maxLength: 18, nullable: false),
                    phone_cipher = table.Column<byte[]>(type: "BLOB", maxLength: 64, nullable: true),
                    phone_hash = table.Column<byte[]>(type: "BLOB", maxLength: 32, nullable: true),
                    phone_masked = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    gender = table.Column<int>(type: "INTEGER", nullable: false),
                    birth_date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    relation_to_head = table.Column<int>(type: "INTEGER", nullable: false),
                    registered_address = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    actual_address = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    is_synthetic = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_residents_residents", x => x.id);
                    table.ForeignKey(
                        name: "fk_residents_residents_residents_households_household_id",
                        column: x => x.household_id,
                        principalTable: "residents_households",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "residents_population_tags",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    resident_id = table.Column<long>(type: "INTEGER", nullable: false),
                    community_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    tag = table.Column<int>(type: "INTEGER", nullable: false),
                    grade = table.Column<int>(type: "INTEGER", nullable: true),
                    start_date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    end_date = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_residents_population_tags", x => x.id);
                    table.ForeignKey(
                        name: "fk_residents_population_tags_residents_resident_id",
                        column: x => x.resident_id,
                        principalTable: "residents_residents",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_residents_households_community_code",
                table: "residents_households",
                column: "community_code");

            migrationBuilder.CreateIndex(
                name: "ix_residents_households_grid_code",
                table: "residents_households",
                column: "grid_code");

            migrationBuilder.CreateIndex(
                name: "ix_residents_population_tags_resident_id",
                table: "residents_population_tags",
                column: "resident_id");

            migrationBuilder.CreateIndex(
                name: "ix_residents_population_tags_tag_resident_id",
                table: "residents_population_tags",
                columns: new[] { "tag", "resident_id" });

            migrationBuilder.CreateIndex(
                name: "ix_residents_residents_community_code",
                table: "residents_residents",
                column: "community_code");

            migrationBuilder.CreateIndex(
                name: "ix_residents_residents_grid_code",
                table: "residents_residents",
                column: "grid_code");

            migrationBuilder.CreateIndex(
                name: "ix_residents_residents_household_id",
                table: "residents_residents",
                column: "household_id");

            migrationBuilder.CreateIndex(
                name: "ix_residents_residents_id_number_hash",
                table: "residents_residents",
                column: "id_number_hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_residents_residents_name",
                table: "residents_residents",
                column: "name");

            migrationBuilder.CreateIndex(
                name: "ix_residents_residents_phone_hash",
                table: "residents_residents",
                column: "phone_hash");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "residents_population_tags");

            migrationBuilder.DropTable(
                name: "residents_unit_counts");

            migrationBuilder.DropTable(
                name: "residents_residents");

            migrationBuilder.DropTable(
                name: "residents_households");
        }
    }
}
