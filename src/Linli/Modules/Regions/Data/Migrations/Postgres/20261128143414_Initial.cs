using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Linli.Modules.Regions.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "regions");

            migrationBuilder.CreateTable(
                name: "district_boundaries",
                schema: "regions",
                columns: table => new
                {
                    code = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false, collation: "C"),
                    geometry_json = table.Column<string>(type: "text", nullable: false),
                    centre_longitude = table.Column<double>(type: "double precision", nullable: false),
                    centre_latitude = table.Column<double>(type: "double precision", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_district_boundaries", x => x.code);
                });

            migrationBuilder.CreateTable(
                name: "regions",
                schema: "regions",
                columns: table => new
                {
                    code = table.Column<string>(type: "character varying(15)", maxLength: 15, nullable: false, collation: "C"),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    level = table.Column<int>(type: "integer", nullable: false),
                    kind = table.Column<int>(type: "integer", nullable: false),
                    parent_code = table.Column<string>(type: "character varying(15)", maxLength: 15, nullable: true, collation: "C"),
                    longitude = table.Column<double>(type: "double precision", nullable: true),
                    latitude = table.Column<double>(type: "double precision", nullable: true),
                    is_synthetic = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_regions", x => x.code);
                });

            migrationBuilder.CreateIndex(
                name: "ix_regions_level_code",
                schema: "regions",
                table: "regions",
                columns: new[] { "level", "code" });

            migrationBuilder.CreateIndex(
                name: "ix_regions_name",
                schema: "regions",
                table: "regions",
                column: "name");

            migrationBuilder.CreateIndex(
                name: "ix_regions_parent_code",
                schema: "regions",
                table: "regions",
                column: "parent_code");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "district_boundaries",
                schema: "regions");

            migrationBuilder.DropTable(
                name: "regions",
                schema: "regions");
        }
    }
}
