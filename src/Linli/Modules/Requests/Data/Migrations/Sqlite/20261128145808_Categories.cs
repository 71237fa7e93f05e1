using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Linli.Modules.Requests.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Categories : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "requests_categories",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    parent_id = table.Column<int>(type: "INTEGER", nullable: true),
                    level = table.Column<int>(type: "INTEGER", nullable: false),
                    is_retired = table.Column<bool>(type: "INTEGER", nullable: false),
                    seed_key = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_requests_categories", x => x.id);
                    table.ForeignKey(
                        name: "fk_requests_categories_requests_categories_parent_id",
                        column: x => x.parent_id,
                        principalTable: "requests_categories",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "requests_routing_rules",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    category_id = table.Column<int>(type: "INTEGER", nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    is_current = table.Column<bool>(type: "INTEGER", nullable: false),
                    department_code = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    sign_hours_urgent = table.Column<int>(type: "INTEGER", nullable: false),
                    sign_hours_normal = table.Column<int>(type: "INTEGER", nullable: false),
                    finish_days_urgent = table.Column<int>(type: "INTEGER", nullable: false),
                    finish_days_normal = table.Column<int>(type: "INTEGER", nullable: false),
                    duplicate_radius_meters = table.Column<int>(type: "INTEGER", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    created_by = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_requests_routing_rules", x => x.id);
                    table.ForeignKey(
                        name: "fk_requests_routing_rules_requests_categories_category_id",
                        column: x => x.category_id,
                        principalTable: "requests_categories",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_requests_categories_parent_id",
                table: "requests_categories",
                column: "parent_id");

            migrationBuilder.CreateIndex(
                name: "ix_requests_categories_seed_key",
                table: "requests_categories",
                column: "seed_key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_requests_routing_rules_category_id_is_current",
                table: "requests_routing_rules",
                columns: new[] { "category_id", "is_current" });

            migrationBuilder.CreateIndex(
                name: "ix_requests_routing_rules_category_id_version",
                table: "requests_routing_rules",
                columns: new[] { "category_id", "version" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "requests_routing_rules");

            migrationBuilder.DropTable(
                name: "requests_categories");
        }
    }
}
