using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Linli.Modules.Workforce.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class EffectiveDates : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "certified_on",
                schema: "workforce",
                table: "workers",
                type: "date",
                nullable: true);

            // A certificate held before this migration was the 2020 baseline's (the only data that existed), so it keeps that date.
            migrationBuilder.Sql("UPDATE workforce.workers SET certified_on = '2020-12-31' WHERE has_social_work_certificate;");

            migrationBuilder.DropColumn(
                name: "has_social_work_certificate",
                schema: "workforce",
                table: "workers");

            migrationBuilder.AddColumn<DateOnly>(
                name: "hired_on",
                schema: "workforce",
                table: "workers",
                type: "date",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1));

            migrationBuilder.AddColumn<DateOnly>(
                name: "left_on",
                schema: "workforce",
                table: "workers",
                type: "date",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "worker_trainings",
                schema: "workforce",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    worker_id = table.Column<int>(type: "integer", nullable: false),
                    community_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false, collation: "C"),
                    trained_on = table.Column<DateOnly>(type: "date", nullable: false),
                    days = table.Column<int>(type: "integer", nullable: false),
                    is_synthetic = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_worker_trainings", x => x.id);
                    table.ForeignKey(
                        name: "fk_worker_trainings_workers_worker_id",
                        column: x => x.worker_id,
                        principalSchema: "workforce",
                        principalTable: "workers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_worker_trainings_community_code",
                schema: "workforce",
                table: "worker_trainings",
                column: "community_code");

            migrationBuilder.CreateIndex(
                name: "ix_worker_trainings_worker_id_trained_on",
                schema: "workforce",
                table: "worker_trainings",
                columns: new[] { "worker_id", "trained_on" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "worker_trainings",
                schema: "workforce");

            migrationBuilder.DropColumn(
                name: "certified_on",
                schema: "workforce",
                table: "workers");

            migrationBuilder.DropColumn(
                name: "hired_on",
                schema: "workforce",
                table: "workers");

            migrationBuilder.DropColumn(
                name: "left_on",
                schema: "workforce",
                table: "workers");

            migrationBuilder.AddColumn<bool>(
                name: "has_social_work_certificate",
                schema: "workforce",
                table: "workers",
                type: "boolean",
                nullable: false,
                defaultValue: false);
        }
    }
}
