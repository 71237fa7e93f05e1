using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Linli.Modules.ServiceDesk.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Cases : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "accepted_by_law",
                table: "servicedesk_service_cases",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "extension_approved",
                table: "servicedesk_service_cases",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "extension_days",
                table: "servicedesk_service_cases",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "extension_decided_at",
                table: "servicedesk_service_cases",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "extension_reason",
                table: "servicedesk_service_cases",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "extension_requested_at",
                table: "servicedesk_service_cases",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "hand_over_method",
                table: "servicedesk_service_cases",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "home_visit_eligible",
                table: "servicedesk_service_cases",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "mandate",
                table: "servicedesk_service_cases",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "mandate_at",
                table: "servicedesk_service_cases",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "proxy_name",
                table: "servicedesk_service_cases",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "proxy_user_id",
                table: "servicedesk_service_cases",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "suspended_for",
                table: "servicedesk_service_cases",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "servicedesk_case_home_visits",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    case_id = table.Column<long>(type: "INTEGER", nullable: false),
                    scheduled_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    worker_user_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    worker_name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    visited_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    outcome = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    accepting_community_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_servicedesk_case_home_visits", x => x.id);
                    table.ForeignKey(
                        name: "fk_servicedesk_case_home_visits_service_cases_case_id",
                        column: x => x.case_id,
                        principalTable: "servicedesk_service_cases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "servicedesk_case_materials",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    case_id = table.Column<long>(type: "INTEGER", nullable: false),
                    material_id = table.Column<long>(type: "INTEGER", nullable: false),
                    position = table.Column<int>(type: "INTEGER", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    mandatory = table.Column<bool>(type: "INTEGER", nullable: false),
                    accept_later = table.Column<bool>(type: "INTEGER", nullable: false),
                    supplied = table.Column<int>(type: "INTEGER", nullable: false),
                    status = table.Column<int>(type: "INTEGER", nullable: false),
                    note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    commitment_due_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_servicedesk_case_materials", x => x.id);
                    table.ForeignKey(
                        name: "fk_servicedesk_case_materials_service_cases_case_id",
                        column: x => x.case_id,
                        principalTable: "servicedesk_service_cases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "servicedesk_case_notices",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    case_id = table.Column<long>(type: "INTEGER", nullable: false),
                    number = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    item_version_id = table.Column<long>(type: "INTEGER", nullable: false),
                    issued_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    issued_by_user_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    issued_by_name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    completed_at = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_servicedesk_case_notices", x => x.id);
                    table.ForeignKey(
                        name: "fk_servicedesk_case_notices_service_cases_case_id",
                        column: x => x.case_id,
                        principalTable: "servicedesk_service_cases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "servicedesk_case_number_counters",
                columns: table => new
                {
                    day = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    last_number = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_servicedesk_case_number_counters", x => x.day);
                });

            migrationBuilder.CreateTable(
                name: "servicedesk_due_times",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    case_id = table.Column<long>(type: "INTEGER", nullable: false),
                    kind = table.Column<int>(type: "INTEGER", nullable: false),
                    rating_id = table.Column<long>(type: "INTEGER", nullable: true),
                    due_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    paused_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    remaining = table.Column<TimeSpan>(type: "TEXT", nullable: true),
                    fired_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    closed_at = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_servicedesk_due_times", x => x.id);
                    table.ForeignKey(
                        name: "fk_servicedesk_due_times_service_cases_case_id",
                        column: x => x.case_id,
                        principalTable: "servicedesk_service_cases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "servicedesk_idempotency_keys",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    caller = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    key = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    request_hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    status_code = table.Column<int>(type: "INTEGER", nullable: false),
                    content_type = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    body = table.Column<string>(type: "TEXT", nullable: true),
                    location = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_servicedesk_idempotency_keys", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "servicedesk_outbox",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    case_id = table.Column<long>(type: "INTEGER", nullable: true),
                    key = table.Column<Guid>(type: "TEXT", nullable: false),
                    recipient = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    subject = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    body = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    sent_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    last_error = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    failed_at = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_servicedesk_outbox", x => x.id);
                    table.ForeignKey(
                        name: "fk_servicedesk_outbox_service_cases_case_id",
                        column: x => x.case_id,
                        principalTable: "servicedesk_service_cases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "servicedesk_case_notice_items",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    notice_id = table.Column<long>(type: "INTEGER", nullable: false),
                    material_id = table.Column<long>(type: "INTEGER", nullable: false),
                    position = table.Column<int>(type: "INTEGER", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    problem = table.Column<int>(type: "INTEGER", nullable: false),
                    reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_servicedesk_case_notice_items", x => x.id);
                    table.ForeignKey(
                        name: "fk_servicedesk_case_notice_items_servicedesk_case_notices_notice_id",
                        column: x => x.notice_id,
                        principalTable: "servicedesk_case_notices",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_servicedesk_service_cases_proxy_user_id",
                table: "servicedesk_service_cases",
                column: "proxy_user_id");

            migrationBuilder.CreateIndex(
                name: "ix_servicedesk_case_home_visits_accepting_community_code_scheduled_at",
                table: "servicedesk_case_home_visits",
                columns: new[] { "accepting_community_code", "scheduled_at" });

            migrationBuilder.CreateIndex(
                name: "ix_servicedesk_case_home_visits_case_id",
                table: "servicedesk_case_home_visits",
                column: "case_id");

            migrationBuilder.CreateIndex(
                name: "ix_servicedesk_case_materials_case_id_position",
                table: "servicedesk_case_materials",
                columns: new[] { "case_id", "position" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_servicedesk_case_notice_items_notice_id",
                table: "servicedesk_case_notice_items",
                column: "notice_id");

            migrationBuilder.CreateIndex(
                name: "ix_servicedesk_case_notices_case_id_sequence",
                table: "servicedesk_case_notices",
                columns: new[] { "case_id", "sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_servicedesk_case_notices_number",
                table: "servicedesk_case_notices",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_servicedesk_due_times_case_id",
                table: "servicedesk_due_times",
                column: "case_id");

            migrationBuilder.CreateIndex(
                name: "ix_servicedesk_due_times_due_at",
                table: "servicedesk_due_times",
                column: "due_at",
                filter: "fired_at IS NULL AND closed_at IS NULL AND paused_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_servicedesk_idempotency_keys_caller_key",
                table: "servicedesk_idempotency_keys",
                columns: new[] { "caller", "key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_servicedesk_idempotency_keys_created_at",
                table: "servicedesk_idempotency_keys",
                column: "created_at");

            migrationBuilder.CreateIndex(
                name: "ix_servicedesk_outbox_case_id",
                table: "servicedesk_outbox",
                column: "case_id");

            migrationBuilder.CreateIndex(
                name: "ix_servicedesk_outbox_id",
                table: "servicedesk_outbox",
                column: "id",
                filter: "sent_at IS NULL AND failed_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_servicedesk_outbox_key",
                table: "servicedesk_outbox",
                column: "key",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "servicedesk_case_home_visits");

            migrationBuilder.DropTable(
                name: "servicedesk_case_materials");

            migrationBuilder.DropTable(
                name: "servicedesk_case_notice_items");

            migrationBuilder.DropTable(
                name: "servicedesk_case_number_counters");

            migrationBuilder.DropTable(
                name: "servicedesk_due_times");

            migrationBuilder.DropTable(
                name: "servicedesk_idempotency_keys");

            migrationBuilder.DropTable(
                name: "servicedesk_outbox");

            migrationBuilder.DropTable(
                name: "servicedesk_case_notices");

            migrationBuilder.DropIndex(
                name: "ix_servicedesk_service_cases_proxy_user_id",
                table: "servicedesk_service_cases");

            migrationBuilder.DropColumn(
                name: "accepted_by_law",
                table: "servicedesk_service_cases");

            migrationBuilder.DropColumn(
                name: "extension_approved",
                table: "servicedesk_service_cases");

            migrationBuilder.DropColumn(
                name: "extension_days",
                table: "servicedesk_service_cases");

            migrationBuilder.DropColumn(
                name: "extension_decided_at",
                table: "servicedesk_service_cases");

            migrationBuilder.DropColumn(
                name: "extension_reason",
                table: "servicedesk_service_cases");

            migrationBuilder.DropColumn(
                name: "extension_requested_at",
                table: "servicedesk_service_cases");

            migrationBuilder.DropColumn(
                name: "hand_over_method",
                table: "servicedesk_service_cases");

            migrationBuilder.DropColumn(
                name: "home_visit_eligible",
                table: "servicedesk_service_cases");

            migrationBuilder.DropColumn(
                name: "mandate",
                table: "servicedesk_service_cases");

            migrationBuilder.DropColumn(
                name: "mandate_at",
                table: "servicedesk_service_cases");

            migrationBuilder.DropColumn(
                name: "proxy_name",
                table: "servicedesk_service_cases");

            migrationBuilder.DropColumn(
                name: "proxy_user_id",
                table: "servicedesk_service_cases");

            migrationBuilder.DropColumn(
                name: "suspended_for",
                table: "servicedesk_service_cases");
        }
    }
}
