using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Linli.Modules.Requests.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AddRequestClassifier : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "classifier_examples",
                schema: "requests",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ticket_id = table.Column<long>(type: "bigint", nullable: false),
                    text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    category_id = table.Column<int>(type: "integer", nullable: false),
                    level1 = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    corrected = table.Column<bool>(type: "boolean", nullable: false),
                    at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_classifier_examples", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "classifier_models",
                schema: "requests",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    version = table.Column<int>(type: "integer", nullable: false),
                    trained_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    trained_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    file_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    training_examples = table.Column<int>(type: "integer", nullable: false),
                    ticket_examples = table.Column<int>(type: "integer", nullable: false),
                    held_out_examples = table.Column<int>(type: "integer", nullable: false),
                    accuracy = table.Column<double>(type: "double precision", nullable: false),
                    macro_f1 = table.Column<double>(type: "double precision", nullable: false),
                    report_json = table.Column<string>(type: "text", nullable: false),
                    is_active = table.Column<bool>(type: "boolean", nullable: false),
                    passed_gate = table.Column<bool>(type: "boolean", nullable: false),
                    training_milliseconds = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_classifier_models", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_classifier_examples_ticket_id",
                schema: "requests",
                table: "classifier_examples",
                column: "ticket_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_classifier_models_is_active",
                schema: "requests",
                table: "classifier_models",
                column: "is_active");

            migrationBuilder.CreateIndex(
                name: "ix_classifier_models_version",
                schema: "requests",
                table: "classifier_models",
                column: "version",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "classifier_examples",
                schema: "requests");

            migrationBuilder.DropTable(
                name: "classifier_models",
                schema: "requests");
        }
    }
}
