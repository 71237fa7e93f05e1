using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Linli.Modules.ServiceDesk.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "servicedesk_case_ratings",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    case_id = table.Column<long>(type: "INTEGER", nullable: false),
                    stage = table.Column<int>(type: "INTEGER", nullable: false),
                    level = table.Column<int>(type: "INTEGER", nullable: false),
                    comment = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    rated_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    accepting_community_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    follow_up_due_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    follow_up_note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    follow_up_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    follow_up_level = table.Column<int>(type: "INTEGER", nullable: true),
                    follow_up_overdue = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_servicedesk_case_ratings", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "servicedesk_case_steps",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    case_id = table.Column<long>(type: "INTEGER", nullable: false),
                    at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    from_state = table.Column<int>(type: "INTEGER", nullable: true),
                    to_state = table.Column<int>(type: "INTEGER", nullable: false),
                    actor_user_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    actor_name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_servicedesk_case_steps", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "servicedesk_item_availability",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    item_id = table.Column<long>(type: "INTEGER", nullable: false),
                    district_code = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    published_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_servicedesk_item_availability", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "servicedesk_item_materials",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    version_id = table.Column<long>(type: "INTEGER", nullable: false),
                    position = table.Column<int>(type: "INTEGER", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    original = table.Column<bool>(type: "INTEGER", nullable: false),
                    electronic = table.Column<bool>(type: "INTEGER", nullable: false),
                    copies = table.Column<int>(type: "INTEGER", nullable: false),
                    mandatory = table.Column<bool>(type: "INTEGER", nullable: false),
                    condition = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    accept_later = table.Column<bool>(type: "INTEGER", nullable: false),
                    supplied = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_servicedesk_item_materials", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "servicedesk_service_cases",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    number = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    item_id = table.Column<long>(type: "INTEGER", nullable: false),
                    item_version_id = table.Column<long>(type: "INTEGER", nullable: false),
                    state = table.Column<int>(type: "INTEGER", nullable: false),
                    resident_id = table.Column<long>(type: "INTEGER", nullable: true),
                    applicant_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    applicant_id_cipher = table.Column<byte[]>(type: "BLOB", nullable: false),
                    applicant_id_hash = table.Column<byte[]>(type: "BLOB", nullable: false),
                    applicant_id_masked = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    accepting_community_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    home_community_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    department_code = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    owner_user_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    owner_name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    applicant_user_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    mode = table.Column<int>(type: "INTEGER", nullable: false),
                    received_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    accepted_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    decided_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    handed_over_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    due_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    is_overdue = table.Column<bool>(type: "INTEGER", nullable: false),
                    refusal_reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    working_days_taken = table.Column<double>(type: "REAL", nullable: true),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_servicedesk_service_cases", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "servicedesk_service_item_versions",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    item_id = table.Column<long>(type: "INTEGER", nullable: false),
                    number = table.Column<int>(type: "INTEGER", nullable: false),
                    state = table.Column<int>(type: "INTEGER", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    department_code = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    legal_basis = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    conditions = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    required_tag = table.Column<int>(type: "INTEGER", nullable: true),
                    minimum_age = table.Column<int>(type: "INTEGER", nullable: true),
                    fee = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    legal_limit_days = table.Column<int>(type: "INTEGER", nullable: false),
                    promised_limit_days = table.Column<int>(type: "INTEGER", nullable: false),
                    modes = table.Column<int>(type: "INTEGER", nullable: false),
                    city_wide = table.Column<bool>(type: "INTEGER", nullable: false),
                    community_steps = table.Column<int>(type: "INTEGER", nullable: false),
                    non_counting_steps = table.Column<int>(type: "INTEGER", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    published_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    published_by = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_servicedesk_service_item_versions", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "servicedesk_service_items",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    code = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    published_version_id = table.Column<long>(type: "INTEGER", nullable: true),
                    retired = table.Column<bool>(type: "INTEGER", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_servicedesk_service_items", x => x.id);
                    table.ForeignKey(
                        name: "fk_servicedesk_service_items_service_item_versions_published_version_id",
                        column: x => x.published_version_id,
                        principalTable: "servicedesk_service_item_versions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_servicedesk_case_ratings_accepting_community_code_rated_at",
                table: "servicedesk_case_ratings",
                columns: new[] { "accepting_community_code", "rated_at" });

            migrationBuilder.CreateIndex(
                name: "ix_servicedesk_case_ratings_case_id_stage",
                table: "servicedesk_case_ratings",
                columns: new[] { "case_id", "stage" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_servicedesk_case_ratings_follow_up_due_at",
                table: "servicedesk_case_ratings",
                column: "follow_up_due_at",
                filter: "follow_up_at IS NULL AND follow_up_due_at IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_servicedesk_case_steps_case_id_at",
                table: "servicedesk_case_steps",
                columns: new[] { "case_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_servicedesk_item_availability_district_code_item_id",
                table: "servicedesk_item_availability",
                columns: new[] { "district_code", "item_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_servicedesk_item_availability_item_id",
                table: "servicedesk_item_availability",
                column: "item_id");

            migrationBuilder.CreateIndex(
                name: "ix_servicedesk_item_materials_version_id_position",
                table: "servicedesk_item_materials",
                columns: new[] { "version_id", "position" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_servicedesk_service_cases_accepting_community_code_received_at_id",
                table: "servicedesk_service_cases",
                columns: new[] { "accepting_community_code", "received_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_servicedesk_service_cases_applicant_id_hash",
                table: "servicedesk_service_cases",
                column: "applicant_id_hash");

            migrationBuilder.CreateIndex(
                name: "ix_servicedesk_service_cases_applicant_user_id",
                table: "servicedesk_service_cases",
                column: "applicant_user_id");

            migrationBuilder.CreateIndex(
                name: "ix_servicedesk_service_cases_department_code_received_at_id",
                table: "servicedesk_service_cases",
                columns: new[] { "department_code", "received_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_servicedesk_service_cases_due_at",
                table: "servicedesk_service_cases",
                column: "due_at");

            migrationBuilder.CreateIndex(
                name: "ix_servicedesk_service_cases_home_community_code_received_at_id",
                table: "servicedesk_service_cases",
                columns: new[] { "home_community_code", "received_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_servicedesk_service_cases_item_id",
                table: "servicedesk_service_cases",
                column: "item_id");

            migrationBuilder.CreateIndex(
                name: "ix_servicedesk_service_cases_item_version_id",
                table: "servicedesk_service_cases",
                column: "item_version_id");

            migrationBuilder.CreateIndex(
                name: "ix_servicedesk_service_cases_number",
                table: "servicedesk_service_cases",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_servicedesk_service_cases_received_at_id",
                table: "servicedesk_service_cases",
                columns: new[] { "received_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_servicedesk_service_cases_resident_id",
                table: "servicedesk_service_cases",
                column: "resident_id");

            migrationBuilder.CreateIndex(
                name: "ix_servicedesk_service_item_versions_item_id_number",
                table: "servicedesk_service_item_versions",
                columns: new[] { "item_id", "number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_servicedesk_service_items_code",
                table: "servicedesk_service_items",
                column: "code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_servicedesk_service_items_published_version_id",
                table: "servicedesk_service_items",
                column: "published_version_id");

            migrationBuilder.AddForeignKey(
                name: "fk_servicedesk_case_ratings_service_cases_case_id",
                table: "servicedesk_case_ratings",
                column: "case_id",
                principalTable: "servicedesk_service_cases",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "fk_servicedesk_case_steps_service_cases_case_id",
                table: "servicedesk_case_steps",
                column: "case_id",
                principalTable: "servicedesk_service_cases",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "fk_servicedesk_item_availability_service_items_item_id",
                table: "servicedesk_item_availability",
                column: "item_id",
                principalTable: "servicedesk_service_items",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "fk_servicedesk_item_materials_service_item_versions_version_id",
                table: "servicedesk_item_materials",
                column: "version_id",
                principalTable: "servicedesk_service_item_versions",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "fk_servicedesk_service_cases_service_item_versions_item_version_id",
                table: "servicedesk_service_cases",
                column: "item_version_id",
                principalTable: "servicedesk_service_item_versions",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_servicedesk_service_cases_service_items_item_id",
                table: "servicedesk_service_cases",
                column: "item_id",
                principalTable: "servicedesk_service_items",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_servicedesk_service_item_versions_servicedesk_service_items_item_id",
                table: "servicedesk_service_item_versions",
                column: "item_id",
                principalTable: "servicedesk_service_items",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_servicedesk_service_item_versions_servicedesk_service_items_item_id",
                table: "servicedesk_service_item_versions");

            migrationBuilder.DropTable(
                name: "servicedesk_case_ratings");

            migrationBuilder.DropTable(
                name: "servicedesk_case_steps");

            migrationBuilder.DropTable(
                name: "servicedesk_item_availability");

            migrationBuilder.DropTable(
                name: "servicedesk_item_materials");

            migrationBuilder.DropTable(
                name: "servicedesk_service_cases");

            migrationBuilder.DropTable(
                name: "servicedesk_service_items");

            migrationBuilder.DropTable(
                name: "servicedesk_service_item_versions");
        }
    }
}
