using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Linli.Modules.ServiceDesk.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "servicedesk");

            migrationBuilder.CreateTable(
                name: "case_ratings",
                schema: "servicedesk",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    case_id = table.Column<long>(type: "bigint", nullable: false),
                    stage = table.Column<int>(type: "integer", nullable: false),
                    level = table.Column<int>(type: "integer", nullable: false),
                    comment = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    rated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    accepting_community_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false, collation: "C"),
                    follow_up_due_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    follow_up_note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    follow_up_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    follow_up_level = table.Column<int>(type: "integer", nullable: true),
                    follow_up_overdue = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_case_ratings", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "case_steps",
                schema: "servicedesk",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    case_id = table.Column<long>(type: "bigint", nullable: false),
                    at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    from_state = table.Column<int>(type: "integer", nullable: true),
                    to_state = table.Column<int>(type: "integer", nullable: false),
                    actor_user_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    actor_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_case_steps", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "item_availability",
                schema: "servicedesk",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    item_id = table.Column<long>(type: "bigint", nullable: false),
                    district_code = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false, collation: "C"),
                    published_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_item_availability", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "item_materials",
                schema: "servicedesk",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    version_id = table.Column<long>(type: "bigint", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    original = table.Column<bool>(type: "boolean", nullable: false),
                    electronic = table.Column<bool>(type: "boolean", nullable: false),
                    copies = table.Column<int>(type: "integer", nullable: false),
                    mandatory = table.Column<bool>(type: "boolean", nullable: false),
                    condition = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    accept_later = table.Column<bool>(type: "boolean", nullable: false),
                    supplied = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_item_materials", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "service_cases",
                schema: "servicedesk",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    number = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    item_id = table.Column<long>(type: "bigint", nullable: false),
                    item_version_id = table.Column<long>(type: "bigint", nullable: false),
                    state = table.Column<int>(type: "integer", nullable: false),
                    resident_id = table.Column<long>(type: "bigint", nullable: true),
                    applicant_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    applicant_id_cipher = table.Column<byte[]>(type: "bytea", nullable: false),
                    applicant_id_hash = table.Column<byte[]>(type: "bytea", nullable: false),
                    applicant_id_masked = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    accepting_community_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false, collation: "C"),
                    home_community_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false, collation: "C"),
                    department_code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    owner_user_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    owner_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    applicant_user_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    mode = table.Column<int>(type: "integer", nullable: false),
                    received_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    accepted_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    decided_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    handed_over_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    due_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    is_overdue = table.Column<bool>(type: "boolean", nullable: false),
                    refusal_reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    working_days_taken = table.Column<double>(type: "double precision", nullable: true),
                    version = table.Column<int>(type: "integer", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_service_cases", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "service_item_versions",
                schema: "servicedesk",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    item_id = table.Column<long>(type: "bigint", nullable: false),
                    number = table.Column<int>(type: "integer", nullable: false),
                    state = table.Column<int>(type: "integer", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    department_code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    legal_basis = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    conditions = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    required_tag = table.Column<int>(type: "integer", nullable: true),
                    minimum_age = table.Column<int>(type: "integer", nullable: true),
                    fee = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    legal_limit_days = table.Column<int>(type: "integer", nullable: false),
                    promised_limit_days = table.Column<int>(type: "integer", nullable: false),
                    modes = table.Column<int>(type: "integer", nullable: false),
                    city_wide = table.Column<bool>(type: "boolean", nullable: false),
                    community_steps = table.Column<int>(type: "integer", nullable: false),
                    non_counting_steps = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    published_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    published_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_service_item_versions", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "service_items",
                schema: "servicedesk",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    published_version_id = table.Column<long>(type: "bigint", nullable: true),
                    retired = table.Column<bool>(type: "boolean", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_service_items", x => x.id);
                    table.ForeignKey(
                        name: "fk_service_items_service_item_versions_published_version_id",
                        column: x => x.published_version_id,
                        principalSchema: "servicedesk",
                        principalTable: "service_item_versions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_case_ratings_accepting_community_code_rated_at",
                schema: "servicedesk",
                table: "case_ratings",
                columns: new[] { "accepting_community_code", "rated_at" });

            migrationBuilder.CreateIndex(
                name: "ix_case_ratings_case_id_stage",
                schema: "servicedesk",
                table: "case_ratings",
                columns: new[] { "case_id", "stage" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_case_ratings_follow_up_due_at",
                schema: "servicedesk",
                table: "case_ratings",
                column: "follow_up_due_at",
                filter: "follow_up_at IS NULL AND follow_up_due_at IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_case_steps_case_id_at",
                schema: "servicedesk",
                table: "case_steps",
                columns: new[] { "case_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_item_availability_district_code_item_id",
                schema: "servicedesk",
                table: "item_availability",
                columns: new[] { "district_code", "item_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_item_availability_item_id",
                schema: "servicedesk",
                table: "item_availability",
                column: "item_id");

            migrationBuilder.CreateIndex(
                name: "ix_item_materials_version_id_position",
                schema: "servicedesk",
                table: "item_materials",
                columns: new[] { "version_id", "position" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_service_cases_accepting_community_code_received_at_id",
                schema: "servicedesk",
                table: "service_cases",
                columns: new[] { "accepting_community_code", "received_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_service_cases_applicant_id_hash",
                schema: "servicedesk",
                table: "service_cases",
                column: "applicant_id_hash");

            migrationBuilder.CreateIndex(
                name: "ix_service_cases_applicant_user_id",
                schema: "servicedesk",
                table: "service_cases",
                column: "applicant_user_id");

            migrationBuilder.CreateIndex(
                name: "ix_service_cases_department_code_received_at_id",
                schema: "servicedesk",
                table: "service_cases",
                columns: new[] { "department_code", "received_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_service_cases_due_at",
                schema: "servicedesk",
                table: "service_cases",
                column: "due_at");

            migrationBuilder.CreateIndex(
                name: "ix_service_cases_home_community_code_received_at_id",
                schema: "servicedesk",
                table: "service_cases",
                columns: new[] { "home_community_code", "received_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_service_cases_item_id",
                schema: "servicedesk",
                table: "service_cases",
                column: "item_id");

            migrationBuilder.CreateIndex(
                name: "ix_service_cases_item_version_id",
                schema: "servicedesk",
                table: "service_cases",
                column: "item_version_id");

            migrationBuilder.CreateIndex(
                name: "ix_service_cases_number",
                schema: "servicedesk",
                table: "service_cases",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_service_cases_received_at_id",
                schema: "servicedesk",
                table: "service_cases",
                columns: new[] { "received_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_service_cases_resident_id",
                schema: "servicedesk",
                table: "service_cases",
                column: "resident_id");

            migrationBuilder.CreateIndex(
                name: "ix_service_item_versions_item_id_number",
                schema: "servicedesk",
                table: "service_item_versions",
                columns: new[] { "item_id", "number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_service_items_code",
                schema: "servicedesk",
                table: "service_items",
                column: "code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_service_items_published_version_id",
                schema: "servicedesk",
                table: "service_items",
                column: "published_version_id");

            migrationBuilder.AddForeignKey(
                name: "fk_case_ratings_service_cases_case_id",
                schema: "servicedesk",
                table: "case_ratings",
                column: "case_id",
                principalSchema: "servicedesk",
                principalTable: "service_cases",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "fk_case_steps_service_cases_case_id",
                schema: "servicedesk",
                table: "case_steps",
                column: "case_id",
                principalSchema: "servicedesk",
                principalTable: "service_cases",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "fk_item_availability_service_items_item_id",
                schema: "servicedesk",
                table: "item_availability",
                column: "item_id",
                principalSchema: "servicedesk",
                principalTable: "service_items",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "fk_item_materials_service_item_versions_version_id",
                schema: "servicedesk",
                table: "item_materials",
                column: "version_id",
                principalSchema: "servicedesk",
                principalTable: "service_item_versions",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "fk_service_cases_service_item_versions_item_version_id",
                schema: "servicedesk",
                table: "service_cases",
                column: "item_version_id",
                principalSchema: "servicedesk",
                principalTable: "service_item_versions",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_service_cases_service_items_item_id",
                schema: "servicedesk",
                table: "service_cases",
                column: "item_id",
                principalSchema: "servicedesk",
                principalTable: "service_items",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_service_item_versions_service_items_item_id",
                schema: "servicedesk",
                table: "service_item_versions",
                column: "item_id",
                principalSchema: "servicedesk",
                principalTable: "service_items",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_service_item_versions_service_items_item_id",
                schema: "servicedesk",
                table: "service_item_versions");

            migrationBuilder.DropTable(
                name: "case_ratings",
                schema: "servicedesk");

            migrationBuilder.DropTable(
                name: "case_steps",
                schema: "servicedesk");

            migrationBuilder.DropTable(
                name: "item_availability",
                schema: "servicedesk");

            migrationBuilder.DropTable(
                name: "item_materials",
                schema: "servicedesk");

            migrationBuilder.DropTable(
                name: "service_cases",
                schema: "servicedesk");

            migrationBuilder.DropTable(
                name: "service_items",
                schema: "servicedesk");

            migrationBuilder.DropTable(
                name: "service_item_versions",
                schema: "servicedesk");
        }
    }
}
