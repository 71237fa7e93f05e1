using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Linli.Modules.Requests.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddRequestClassifier : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "requests_classifier_examples",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ticket_id = table.Column<long>(type: "INTEGER", nullable: false),
                    text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    category_id = table.Column<int>(type: "INTEGER", nullable: false),
                    level1 = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    corrected = table.Column<bool>(type: "INTEGER", nullable: false),
                    at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_requests_classifier_examples", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "requests_classifier_models",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    trained_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    trained_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    file_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    training_examples = table.Column<int>(type: "INTEGER", nullable: false),
                    ticket_examples = table.Column<int>(type: "INTEGER", nullable: false),
                    held_out_examples = table.Column<int>(type: "INTEGER", nullable: false),
                    accuracy = table.Column<double>(type: "REAL", nullable: false),
                    macro_f1 = table.Column<double>(type: "REAL", nullable: false),
                    report_json = table.Column<string>(type: "TEXT", nullable: false),
                    is_active = table.Column<bool>(type: "INTEGER", nullable: false),
                    passed_gate = table.Column<bool>(type: "INTEGER", nullable: false),
                    training_milliseconds = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_requests_classifier_models", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_requests_classifier_examples_ticket_id",
                table: "requests_classifier_examples",
                column: "ticket_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_requests_classifier_models_is_active",
                table: "requests_classifier_models",
                column: "is_active");

            migrationBuilder.CreateIndex(
                name: "ix_requests_classifier_models_version",
                table: "requests_classifier_models",
                column: "version",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "requests_classifier_examples");

            migrationBuilder.DropTable(
                name: "requests_classifier_models");
        }
    }
}
