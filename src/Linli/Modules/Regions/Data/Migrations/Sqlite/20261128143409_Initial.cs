using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Linli.Modules.Regions.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "regions_district_boundaries",
                columns: table => new
                {
                    code = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    geometry_json = table.Column<string>(type: "TEXT", nullable: false),
                    centre_longitude = table.Column<double>(type: "REAL", nullable: false),
                    centre_latitude = table.Column<double>(type: "REAL", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_regions_district_boundaries", x => x.code);
                });

            migrationBuilder.CreateTable(
                name: "regions_regions",
                columns: table => new
                {
                    code = table.Column<string>(type: "TEXT", maxLength: 15, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    level = table.Column<int>(type: "INTEGER", nullable: false),
                    kind = table.Column<int>(type: "INTEGER", nullable: false),
                    parent_code = table.Column<string>(type: "TEXT", maxLength: 15, nullable: true),
                    longitude = table.Column<double>(type: "REAL", nullable: true),
                    latitude = table.Column<double>(type: "REAL", nullable: true),
                    is_synthetic = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_regions_regions", x => x.code);
                });

            migrationBuilder.CreateIndex(
                name: "ix_regions_regions_level_code",
                table: "regions_regions",
                columns: new[] { "level", "code" });

            migrationBuilder.CreateIndex(
                name: "ix_regions_regions_name",
                table: "regions_regions",
                column: "name");

            migrationBuilder.CreateIndex(
                name: "ix_regions_regions_parent_code",
                table: "regions_regions",
                column: "parent_code");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "regions_district_boundaries");

            migrationBuilder.DropTable(
                name: "regions_regions");
        }
    }
}
