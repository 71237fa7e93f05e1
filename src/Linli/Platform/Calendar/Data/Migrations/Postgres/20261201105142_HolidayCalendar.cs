using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Linli.Platform.Calendar.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class HolidayCalendar : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "calendar");

            migrationBuilder.CreateTable(
                name: "days",
                schema: "calendar",
                columns: table => new
                {
                    date = table.Column<DateOnly>(type: "date", nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    kind = table.Column<int>(type: "integer", nullable: false),
                    name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_days", x => x.date);
                });

            migrationBuilder.CreateTable(
                name: "recomputations",
                schema: "calendar",
                columns: table => new
                {
                    revision_id = table.Column<long>(type: "bigint", nullable: false),
                    handler = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    applied_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    items = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_recomputations", x => new { x.revision_id, x.handler });
                });

            migrationBuilder.CreateTable(
                name: "revisions",
                schema: "calendar",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    user_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    days = table.Column<string>(type: "text", nullable: true),
                    summary = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    recomputed_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_revisions", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_days_year",
                schema: "calendar",
                table: "days",
                column: "year");

            migrationBuilder.CreateIndex(
                name: "ix_revisions_recomputed_at",
                schema: "calendar",
                table: "revisions",
                column: "recomputed_at");

            migrationBuilder.CreateIndex(
                name: "ix_revisions_year",
                schema: "calendar",
                table: "revisions",
                column: "year");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "days",
                schema: "calendar");

            migrationBuilder.DropTable(
                name: "recomputations",
                schema: "calendar");

            migrationBuilder.DropTable(
                name: "revisions",
                schema: "calendar");
        }
    }
}
