using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Linli.Modules.Indicators.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddDataEntry : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "indicators_entries",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    community_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    year = table.Column<int>(type: "INTEGER", nullable: false),
                    measure_code = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    value = table.Column<double>(type: "REAL", nullable: true),
                    comment = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    return_reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    updated_by = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    approved_by = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    approved_at = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_indicators_entries", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_indicators_entries_community_code_year_measure_code",
                table: "indicators_entries",
                columns: new[] { "community_code", "year", "measure_code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_indicators_entries_year_measure_code_status",
                table: "indicators_entries",
                columns: new[] { "year", "measure_code", "status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "indicators_entries");
        }
    }
}
