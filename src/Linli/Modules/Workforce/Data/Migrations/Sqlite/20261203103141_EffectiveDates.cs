using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Linli.Modules.Workforce.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class EffectiveDates : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "certified_on",
                table: "workforce_workers",
                type: "TEXT",
                nullable: true);

            // A certificate held before this migration was the 2020 baseline's (the only data that existed), so it keeps that date.
            migrationBuilder.Sql("UPDATE workforce_workers SET certified_on = '2020-12-31' WHERE has_social_work_certificate = 1;");

            migrationBuilder.DropColumn(
                name: "has_social_work_certificate",
                table: "workforce_workers");

            migrationBuilder.AddColumn<DateOnly>(
                name: "hired_on",
                table: "workforce_workers",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1));

            migrationBuilder.AddColumn<DateOnly>(
                name: "left_on",
                table: "workforce_workers",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "workforce_worker_trainings",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    worker_id = table.Column<int>(type: "INTEGER", nullable: false),
                    community_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    trained_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    days = table.Column<int>(type: "INTEGER", nullable: false),
                    is_synthetic = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_workforce_worker_trainings", x => x.id);
                    table.ForeignKey(
                        name: "fk_workforce_worker_trainings_workforce_workers_worker_id",
                        column: x => x.worker_id,
                        principalTable: "workforce_workers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_workforce_worker_trainings_community_code",
                table: "workforce_worker_trainings",
                column: "community_code");

            migrationBuilder.CreateIndex(
                name: "ix_workforce_worker_trainings_worker_id_trained_on",
                table: "workforce_worker_trainings",
                columns: new[] { "worker_id", "trained_on" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "workforce_worker_trainings");

            migrationBuilder.DropColumn(
                name: "certified_on",
                table: "workforce_workers");

            migrationBuilder.DropColumn(
                name: "hired_on",
                table: "workforce_workers");

            migrationBuilder.DropColumn(
                name: "left_on",
                table: "workforce_workers");

            migrationBuilder.AddColumn<bool>(
                name: "has_social_work_certificate",
                table: "workforce_workers",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);
        }
    }
}
