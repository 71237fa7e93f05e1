using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Linli.Modules.Facilities.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class FacilitiesNetwork : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "facilities_compound_access",
                columns: table => new
                {
                    type = table.Column<int>(type: "INTEGER", nullable: false),
                    compound_id = table.Column<int>(type: "INTEGER", nullable: false),
                    minutes = table.Column<float>(type: "REAL", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_facilities_compound_access", x => new { x.type, x.compound_id });
                });

            migrationBuilder.CreateTable(
                name: "facilities_compounds",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false),
                    community_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    longitude = table.Column<double>(type: "REAL", nullable: false),
                    latitude = table.Column<double>(type: "REAL", nullable: false),
                    households = table.Column<int>(type: "INTEGER", nullable: false),
                    residents = table.Column<int>(type: "INTEGER", nullable: false),
                    elderly = table.Column<int>(type: "INTEGER", nullable: false),
                    children = table.Column<int>(type: "INTEGER", nullable: false),
                    node_id = table.Column<int>(type: "INTEGER", nullable: false),
                    snap_meters = table.Column<float>(type: "REAL", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_facilities_compounds", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "facilities_network_edges",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false),
                    from_node_id = table.Column<int>(type: "INTEGER", nullable: false),
                    to_node_id = table.Column<int>(type: "INTEGER", nullable: false),
                    length_meters = table.Column<float>(type: "REAL", nullable: false),
                    highway = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_facilities_network_edges", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "facilities_network_imports",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    source = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    imported_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    nodes = table.Column<int>(type: "INTEGER", nullable: false),
                    edges = table.Column<int>(type: "INTEGER", nullable: false),
                    ways_read = table.Column<int>(type: "INTEGER", nullable: false),
                    ways_kept = table.Column<int>(type: "INTEGER", nullable: false),
                    area_km2 = table.Column<double>(type: "REAL", nullable: false),
                    is_synthetic = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_facilities_network_imports", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "facilities_network_nodes",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false),
                    longitude = table.Column<double>(type: "REAL", nullable: false),
                    latitude = table.Column<double>(type: "REAL", nullable: false),
                    osm_id = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_facilities_network_nodes", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_facilities_compounds_community_code",
                table: "facilities_compounds",
                column: "community_code");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "facilities_compound_access");

            migrationBuilder.DropTable(
                name: "facilities_compounds");

            migrationBuilder.DropTable(
                name: "facilities_network_edges");

            migrationBuilder.DropTable(
                name: "facilities_network_imports");

            migrationBuilder.DropTable(
                name: "facilities_network_nodes");
        }
    }
}
