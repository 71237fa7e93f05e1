using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Linli.Modules.ServiceDesk.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Cases : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "accepted_by_law",
                schema: "servicedesk",
                table: "service_cases",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "extension_approved",
                schema: "servicedesk",
                table: "service_cases",
                type: "boolean",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "extension_days",
                schema: "servicedesk",
                table: "service_cases",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "extension_decided_at",
                schema: "servicedesk",
                table: "service_cases",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "extension_reason",
                schema: "servicedesk",
                table: "service_cases",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "extension_requested_at",
                schema: "servicedesk",
                table: "service_cases",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "hand_over_method",
                schema: "servicedesk",
                table: "service_cases",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "home_visit_eligible",
                schema: "servicedesk",
                table: "service_cases",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "mandate",
                schema: "servicedesk",
                table: "service_cases",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "mandate_at",
                schema: "servicedesk",
                table: "service_cases",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "proxy_name",
                schema: "servicedesk",
                table: "service_cases",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "proxy_user_id",
                schema: "servicedesk",
                table: "service_cases",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "suspended_for",
                schema: "servicedesk",
                table: "service_cases",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "case_home_visits",
                schema: "servicedesk",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    case_id = table.Column<long>(type: "bigint", nullable: false),
                    scheduled_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    worker_user_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    worker_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    visited_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    outcome = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    accepting_community_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_case_home_visits", x => x.id);
                    table.ForeignKey(
                        name: "fk_case_home_visits_service_cases_case_id",
                        column: x => x.case_id,
                        principalSchema: "servicedesk",
                        principalTable: "service_cases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "case_materials",
                schema: "servicedesk",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    case_id = table.Column<long>(type: "bigint", nullable: false),
                    material_id = table.Column<long>(type: "bigint", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    mandatory = table.Column<bool>(type: "boolean", nullable: false),
                    accept_later = table.Column<bool>(type: "boolean", nullable: false),
                    supplied = table.Column<int>(type: "integer", nullable: false),
                    status = table.Column<int>(type: "integer", nullable: false),
                    note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    commitment_due_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_case_materials", x => x.id);
                    table.ForeignKey(
                        name: "fk_case_materials_service_cases_case_id",
                        column: x => x.case_id,
                        principalSchema: "servicedesk",
                        principalTable: "service_cases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "case_notices",
                schema: "servicedesk",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    case_id = table.Column<long>(type: "bigint", nullable: false),
                    number = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    sequence = table.Column<int>(type: "integer", nullable: false),
                    item_version_id = table.Column<long>(type: "bigint", nullable: false),
                    issued_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    issued_by_user_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    issued_by_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    completed_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_case_notices", x => x.id);
                    table.ForeignKey(
                        name: "fk_case_notices_service_cases_case_id",
                        column: x => x.case_id,
                        principalSchema: "servicedesk",
                        principalTable: "service_cases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "case_number_counters",
                schema: "servicedesk",
                columns: table => new
                {
                    day = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    last_number = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_case_number_counters", x => x.day);
                });

            migrationBuilder.CreateTable(
                name: "due_times",
                schema: "servicedesk",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    case_id = table.Column<long>(type: "bigint", nullable: false),
                    kind = table.Column<int>(type: "integer", nullable: false),
                    rating_id = table.Column<long>(type: "bigint", nullable: true),
                    due_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    paused_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    remaining = table.Column<TimeSpan>(type: "interval", nullable: true),
                    fired_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    closed_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_due_times", x => x.id);
                    table.ForeignKey(
                        name: "fk_due_times_service_cases_case_id",
                        column: x => x.case_id,
                        principalSchema: "servicedesk",
                        principalTable: "service_cases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "idempotency_keys",
                schema: "servicedesk",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    caller = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    key = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    request_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    status_code = table.Column<int>(type: "integer", nullable: false),
                    content_type = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    body = table.Column<string>(type: "text", nullable: true),
                    location = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_idempotency_keys", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "outbox",
                schema: "servicedesk",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    case_id = table.Column<long>(type: "bigint", nullable: true),
                    key = table.Column<Guid>(type: "uuid", nullable: false),
                    recipient = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    subject = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    body = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    sent_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    last_error = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    failed_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_outbox", x => x.id);
                    table.ForeignKey(
                        name: "fk_outbox_service_cases_case_id",
                        column: x => x.case_id,
                        principalSchema: "servicedesk",
                        principalTable: "service_cases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "case_notice_items",
                schema: "servicedesk",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    notice_id = table.Column<long>(type: "bigint", nullable: false),
                    material_id = table.Column<long>(type: "bigint", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    problem = table.Column<int>(type: "integer", nullable: false),
                    reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_case_notice_items", x => x.id);
                    table.ForeignKey(
                        name: "fk_case_notice_items_case_notices_notice_id",
                        column: x => x.notice_id,
                        principalSchema: "servicedesk",
                        principalTable: "case_notices",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_service_cases_proxy_user_id",
                schema: "servicedesk",
                table: "service_cases",
                column: "proxy_user_id");

            migrationBuilder.CreateIndex(
                name: "ix_case_home_visits_accepting_community_code_scheduled_at",
                schema: "servicedesk",
                table: "case_home_visits",
                columns: new[] { "accepting_community_code", "scheduled_at" });

            migrationBuilder.CreateIndex(
                name: "ix_case_home_visits_case_id",
                schema: "servicedesk",
                table: "case_home_visits",
                column: "case_id");

            migrationBuilder.CreateIndex(
                name: "ix_case_materials_case_id_position",
                schema: "servicedesk",
                table: "case_materials",
                columns: new[] { "case_id", "position" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_case_notice_items_notice_id",
                schema: "servicedesk",
                table: "case_notice_items",
                column: "notice_id");

            migrationBuilder.CreateIndex(
                name: "ix_case_notices_case_id_sequence",
                schema: "servicedesk",
                table: "case_notices",
                columns: new[] { "case_id", "sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_case_notices_number",
                schema: "servicedesk",
                table: "case_notices",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_due_times_case_id",
                schema: "servicedesk",
                table: "due_times",
                column: "case_id");

            migrationBuilder.CreateIndex(
                name: "ix_due_times_due_at",
                schema: "servicedesk",
                table: "due_times",
                column: "due_at",
                filter: "fired_at IS NULL AND closed_at IS NULL AND paused_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_idempotency_keys_caller_key",
                schema: "servicedesk",
                table: "idempotency_keys",
                columns: new[] { "caller", "key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_idempotency_keys_created_at",
                schema: "servicedesk",
                table: "idempotency_keys",
                column: "created_at");

            migrationBuilder.CreateIndex(
                name: "ix_outbox_case_id",
                schema: "servicedesk",
                table: "outbox",
                column: "case_id");

            migrationBuilder.CreateIndex(
                name: "ix_outbox_id",
                schema: "servicedesk",
                table: "outbox",
                column: "id",
                filter: "sent_at IS NULL AND failed_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_outbox_key",
                schema: "servicedesk",
                table: "outbox",
                column: "key",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "case_home_visits",
                schema: "servicedesk");

            migrationBuilder.DropTable(
                name: "case_materials",
                schema: "servicedesk");

            migrationBuilder.DropTable(
                name: "case_notice_items",
                schema: "servicedesk");

            migrationBuilder.DropTable(
                name: "case_number_counters",
                schema: "servicedesk");

            migrationBuilder.DropTable(
                name: "due_times",
                schema: "servicedesk");

            migrationBuilder.DropTable(
                name: "idempotency_keys",
                schema: "servicedesk");

            migrationBuilder.DropTable(
                name: "outbox",
                schema: "servicedesk");

            migrationBuilder.DropTable(
                name: "case_notices",
                schema: "servicedesk");

            migrationBuilder.DropIndex(
                name: "ix_service_cases_proxy_user_id",
                schema: "servicedesk",
                table: "service_cases");

            migrationBuilder.DropColumn(
                name: "accepted_by_law",
                schema: "servicedesk",
                table: "service_cases");

            migrationBuilder.DropColumn(
                name: "extension_approved",
                schema: "servicedesk",
                table: "service_cases");

            migrationBuilder.DropColumn(
                name: "extension_days",
                schema: "servicedesk",
                table: "service_cases");

            migrationBuilder.DropColumn(
                name: "extension_decided_at",
                schema: "servicedesk",
                table: "service_cases");

            migrationBuilder.DropColumn(
                name: "extension_reason",
                schema: "servicedesk",
                table: "service_cases");

            migrationBuilder.DropColumn(
                name: "extension_requested_at",
                schema: "servicedesk",
                table: "service_cases");

            migrationBuilder.DropColumn(
                name: "hand_over_method",
                schema: "servicedesk",
                table: "service_cases");

            migrationBuilder.DropColumn(
                name: "home_visit_eligible",
                schema: "servicedesk",
                table: "service_cases");

            migrationBuilder.DropColumn(
                name: "mandate",
                schema: "servicedesk",
                table: "service_cases");

            migrationBuilder.DropColumn(
                name: "mandate_at",
                schema: "servicedesk",
                table: "service_cases");

            migrationBuilder.DropColumn(
                name: "proxy_name",
                schema: "servicedesk",
                table: "service_cases");

            migrationBuilder.DropColumn(
                name: "proxy_user_id",
                schema: "servicedesk",
                table: "service_cases");

            migrationBuilder.DropColumn(
                name: "suspended_for",
                schema: "servicedesk",
                table: "service_cases");
        }
    }
}
