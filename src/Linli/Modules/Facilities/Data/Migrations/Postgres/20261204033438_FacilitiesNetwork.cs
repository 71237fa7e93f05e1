using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Linli.Modules.Facilities.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class FacilitiesNetwork : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "compound_access",
                schema: "facilities",
                columns: table => new
                {
                    type = table.Column<int>(type: "integer", nullable: false),
                    compound_id = table.Column<int>(type: "integer", nullable: false),
                    minutes = table.Column<float>(type: "real", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_compound_access", x => new { x.type, x.compound_id });
                });

            migrationBuilder.CreateTable(
                name: "compounds",
                schema: "facilities",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false),
                    community_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false, collation: "C"),
                    longitude = table.Column<double>(type: "double precision", nullable: false),
                    latitude = table.Column<double>(type: "double precision", nullable: false),
                    households = table.Column<int>(type: "integer", nullable: false),
                    residents = table.Column<int>(type: "integer", nullable: false),
                    elderly = table.Column<int>(type: "integer", nullable: false),
                    children = table.Column<int>(type: "integer", nullable: false),
                    node_id = table.Column<int>(type: "integer", nullable: false),
                    snap_meters = table.Column<float>(type: "real", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_compounds", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "network_edges",
                schema: "facilities",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false),
                    from_node_id = table.Column<int>(type: "integer", nullable: false),
                    to_node_id = table.Column<int>(type: "integer", nullable: false),
                    length_meters = table.Column<float>(type: "real", nullable: false),
                    highway = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_network_edges", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "network_imports",
                schema: "facilities",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    source = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    imported_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    nodes = table.Column<int>(type: "integer", nullable: false),
                    edges = table.Column<int>(type: "integer", nullable: false),
                    ways_read = table.Column<int>(type: "integer", nullable: false),
                    ways_kept = table.Column<int>(type: "integer", nullable: false),
                    area_km2 = table.Column<double>(type: "double precision", nullable: false),
                    is_synthetic = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_network_imports", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "network_nodes",
                schema: "facilities",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false),
                    longitude = table.Column<double>(type: "double precision", nullable: false),
                    latitude = table.Column<double>(type: "double precision", nullable: false),
                    osm_id = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_network_nodes", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_compounds_community_code",
                schema: "facilities",
                table: "compounds",
                column: "community_code");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "compound_access",
                schema: "facilities");

            migrationBuilder.DropTable(
                name: "compounds",
                schema: "facilities");

            migrationBuilder.DropTable(
                name: "network_edges",
                schema: "facilities");

            migrationBuilder.DropTable(
                name: "network_imports",
                schema: "facilities");

            migrationBuilder.DropTable(
                name: "network_nodes",
                schema: "facilities");
        }
    }
}
