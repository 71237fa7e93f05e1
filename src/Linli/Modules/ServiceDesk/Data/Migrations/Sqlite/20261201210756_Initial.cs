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
                name: "servicedesk_appointment_messages",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    booking_id = table.Column<long>(type: "INTEGER", nullable: false),
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
                    table.PrimaryKey("pk_servicedesk_appointment_messages", x => x.id);
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
                name: "servicedesk_community_closures",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    community_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    closed_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    closed_by = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_servicedesk_community_closures", x => x.id);
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
                name: "servicedesk_queue_entries",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    community_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    number = table.Column<int>(type: "INTEGER", nullable: false),
                    kind = table.Column<int>(type: "INTEGER", nullable: false),
                    booking_id = table.Column<long>(type: "INTEGER", nullable: true),
                    item_id = table.Column<long>(type: "INTEGER", nullable: true),
                    resident_id = table.Column<long>(type: "INTEGER", nullable: true),
                    resident_user_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    arrived_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    state = table.Column<int>(type: "INTEGER", nullable: false),
                    called_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    called_by = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    case_id = table.Column<long>(type: "INTEGER", nullable: true),
                    added_by = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_servicedesk_queue_entries", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "servicedesk_window_slots",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    community_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    starts_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ends_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    capacity = table.Column<int>(type: "INTEGER", nullable: false),
                    taken = table.Column<int>(type: "INTEGER", nullable: false),
                    serves_all_items = table.Column<bool>(type: "INTEGER", nullable: false),
                    closed_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    created_by = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_servicedesk_window_slots", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "servicedesk_bookings",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    slot_id = table.Column<long>(type: "INTEGER", nullable: false),
                    item_id = table.Column<long>(type: "INTEGER", nullable: false),
                    item_version_id = table.Column<long>(type: "INTEGER", nullable: false),
                    community_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    starts_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    resident_user_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    resident_id = table.Column<long>(type: "INTEGER", nullable: true),
                    state = table.Column<int>(type: "INTEGER", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    cancelled_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    cancel_reason = table.Column<int>(type: "INTEGER", nullable: true),
                    release_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    released_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    remind_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    reminded_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    moved_from_slot_id = table.Column<long>(type: "INTEGER", nullable: true),
                    checked_in_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    checked_in_by = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_servicedesk_bookings", x => x.id);
                    table.ForeignKey(
                        name: "fk_servicedesk_bookings_window_slots_slot_id",
                        column: x => x.slot_id,
                        principalTable: "servicedesk_window_slots",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

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
                });

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
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    accepted_by_law = table.Column<bool>(type: "INTEGER", nullable: false),
                    suspended_for = table.Column<int>(type: "INTEGER", nullable: true),
                    extension_days = table.Column<int>(type: "INTEGER", nullable: true),
                    extension_reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    extension_requested_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    extension_decided_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    extension_approved = table.Column<bool>(type: "INTEGER", nullable: true),
                    proxy_user_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    proxy_name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    mandate = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    mandate_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    home_visit_eligible = table.Column<bool>(type: "INTEGER", nullable: false),
                    hand_over_method = table.Column<int>(type: "INTEGER", nullable: true)
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

            migrationBuilder.CreateTable(
                name: "servicedesk_window_slot_items",
                columns: table => new
                {
                    slot_id = table.Column<long>(type: "INTEGER", nullable: false),
                    item_id = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_servicedesk_window_slot_items", x => new { x.slot_id, x.item_id });
                    table.ForeignKey(
                        name: "fk_servicedesk_window_slot_items_service_items_item_id",
                        column: x => x.item_id,
                        principalTable: "servicedesk_service_items",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_servicedesk_window_slot_items_servicedesk_window_slots_slot_id",
                        column: x => x.slot_id,
                        principalTable: "servicedesk_window_slots",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_servicedesk_appointment_messages_booking_id",
                table: "servicedesk_appointment_messages",
                column: "booking_id");

            migrationBuilder.CreateIndex(
                name: "ix_servicedesk_appointment_messages_id",
                table: "servicedesk_appointment_messages",
                column: "id",
                filter: "sent_at IS NULL AND failed_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_servicedesk_appointment_messages_key",
                table: "servicedesk_appointment_messages",
                column: "key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_servicedesk_bookings_item_id",
                table: "servicedesk_bookings",
                column: "item_id");

            migrationBuilder.CreateIndex(
                name: "ix_servicedesk_bookings_release_at",
                table: "servicedesk_bookings",
                column: "release_at",
                filter: "released_at IS NULL AND release_at IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_servicedesk_bookings_remind_at",
                table: "servicedesk_bookings",
                column: "remind_at",
                filter: "reminded_at IS NULL AND remind_at IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_servicedesk_bookings_resident_user_id_item_id",
                table: "servicedesk_bookings",
                columns: new[] { "resident_user_id", "item_id" },
                unique: true,
                filter: "state = 1");

            migrationBuilder.CreateIndex(
                name: "ix_servicedesk_bookings_resident_user_id_starts_at",
                table: "servicedesk_bookings",
                columns: new[] { "resident_user_id", "starts_at" });

            migrationBuilder.CreateIndex(
                name: "ix_servicedesk_bookings_slot_id_state",
                table: "servicedesk_bookings",
                columns: new[] { "slot_id", "state" });

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
                name: "ix_servicedesk_community_closures_community_code_day",
                table: "servicedesk_community_closures",
                columns: new[] { "community_code", "day" },
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

            migrationBuilder.CreateIndex(
                name: "ix_servicedesk_queue_entries_booking_id",
                table: "servicedesk_queue_entries",
                column: "booking_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_servicedesk_queue_entries_community_code_day_number",
                table: "servicedesk_queue_entries",
                columns: new[] { "community_code", "day", "number" },
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
                name: "ix_servicedesk_service_cases_proxy_user_id",
                table: "servicedesk_service_cases",
                column: "proxy_user_id");

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

            migrationBuilder.CreateIndex(
                name: "ix_servicedesk_window_slot_items_item_id",
                table: "servicedesk_window_slot_items",
                column: "item_id");

            migrationBuilder.CreateIndex(
                name: "ix_servicedesk_window_slots_community_code_day",
                table: "servicedesk_window_slots",
                columns: new[] { "community_code", "day" });

            migrationBuilder.CreateIndex(
                name: "ix_servicedesk_window_slots_community_code_starts_at",
                table: "servicedesk_window_slots",
                columns: new[] { "community_code", "starts_at" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_servicedesk_window_slots_day",
                table: "servicedesk_window_slots",
                column: "day",
                filter: "closed_at IS NULL");

            migrationBuilder.AddForeignKey(
                name: "fk_servicedesk_bookings_service_items_item_id",
                table: "servicedesk_bookings",
                column: "item_id",
                principalTable: "servicedesk_service_items",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_servicedesk_case_home_visits_service_cases_case_id",
                table: "servicedesk_case_home_visits",
                column: "case_id",
                principalTable: "servicedesk_service_cases",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "fk_servicedesk_case_materials_service_cases_case_id",
                table: "servicedesk_case_materials",
                column: "case_id",
                principalTable: "servicedesk_service_cases",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "fk_servicedesk_case_notice_items_servicedesk_case_notices_notice_id",
                table: "servicedesk_case_notice_items",
                column: "notice_id",
                principalTable: "servicedesk_case_notices",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "fk_servicedesk_case_notices_service_cases_case_id",
                table: "servicedesk_case_notices",
                column: "case_id",
                principalTable: "servicedesk_service_cases",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);

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
                name: "fk_servicedesk_due_times_service_cases_case_id",
                table: "servicedesk_due_times",
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
                name: "fk_servicedesk_outbox_service_cases_case_id",
                table: "servicedesk_outbox",
                column: "case_id",
                principalTable: "servicedesk_service_cases",
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
                name: "servicedesk_appointment_messages");

            migrationBuilder.DropTable(
                name: "servicedesk_bookings");

            migrationBuilder.DropTable(
                name: "servicedesk_case_home_visits");

            migrationBuilder.DropTable(
                name: "servicedesk_case_materials");

            migrationBuilder.DropTable(
                name: "servicedesk_case_notice_items");

            migrationBuilder.DropTable(
                name: "servicedesk_case_number_counters");

            migrationBuilder.DropTable(
                name: "servicedesk_case_ratings");

            migrationBuilder.DropTable(
                name: "servicedesk_case_steps");

            migrationBuilder.DropTable(
                name: "servicedesk_community_closures");

            migrationBuilder.DropTable(
                name: "servicedesk_due_times");

            migrationBuilder.DropTable(
                name: "servicedesk_idempotency_keys");

            migrationBuilder.DropTable(
                name: "servicedesk_item_availability");

            migrationBuilder.DropTable(
                name: "servicedesk_item_materials");

            migrationBuilder.DropTable(
                name: "servicedesk_outbox");

            migrationBuilder.DropTable(
                name: "servicedesk_queue_entries");

            migrationBuilder.DropTable(
                name: "servicedesk_window_slot_items");

            migrationBuilder.DropTable(
                name: "servicedesk_case_notices");

            migrationBuilder.DropTable(
                name: "servicedesk_window_slots");

            migrationBuilder.DropTable(
                name: "servicedesk_service_cases");

            migrationBuilder.DropTable(
                name: "servicedesk_service_items");

            migrationBuilder.DropTable(
                name: "servicedesk_service_item_versions");
        }
    }
}
