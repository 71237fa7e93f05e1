using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Linli.Platform.Calendar.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class HolidayCalendar : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "calendar_days",
                columns: table => new
                {
                    date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    year = table.Column<int>(type: "INTEGER", nullable: false),
                    kind = table.Column<int>(type: "INTEGER", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_calendar_days", x => x.date);
                });

            migrationBuilder.CreateTable(
                name: "calendar_recomputations",
                columns: table => new
                {
                    revision_id = table.Column<long>(type: "INTEGER", nullable: false),
                    handler = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    applied_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    items = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_calendar_recomputations", x => new { x.revision_id, x.handler });
                });

            migrationBuilder.CreateTable(
                name: "calendar_revisions",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    user_name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    year = table.Column<int>(type: "INTEGER", nullable: false),
                    days = table.Column<string>(type: "TEXT", nullable: true),
                    summary = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    recomputed_at = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_calendar_revisions", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_calendar_days_year",
                table: "calendar_days",
                column: "year");

            migrationBuilder.CreateIndex(
                name: "ix_calendar_revisions_recomputed_at",
                table: "calendar_revisions",
                column: "recomputed_at");

            migrationBuilder.CreateIndex(
                name: "ix_calendar_revisions_year",
                table: "calendar_revisions",
                column: "year");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "calendar_days");

            migrationBuilder.DropTable(
                name: "calendar_recomputations");

            migrationBuilder.DropTable(
                name: "calendar_revisions");
        }
    }
}
