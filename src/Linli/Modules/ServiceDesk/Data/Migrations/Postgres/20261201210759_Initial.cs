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
                name: "appointment_messages",
                schema: "servicedesk",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    booking_id = table.Column<long>(type: "bigint", nullable: false),
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
                    table.PrimaryKey("pk_appointment_messages", x => x.id);
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
                name: "community_closures",
                schema: "servicedesk",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    community_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false, collation: "C"),
                    day = table.Column<DateOnly>(type: "date", nullable: false),
                    reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    closed_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    closed_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_community_closures", x => x.id);
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
                name: "queue_entries",
                schema: "servicedesk",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    community_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false, collation: "C"),
                    day = table.Column<DateOnly>(type: "date", nullable: false),
                    number = table.Column<int>(type: "integer", nullable: false),
                    kind = table.Column<int>(type: "integer", nullable: false),
                    booking_id = table.Column<long>(type: "bigint", nullable: true),
                    item_id = table.Column<long>(type: "bigint", nullable: true),
                    resident_id = table.Column<long>(type: "bigint", nullable: true),
                    resident_user_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    arrived_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    state = table.Column<int>(type: "integer", nullable: false),
                    called_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    called_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    case_id = table.Column<long>(type: "bigint", nullable: true),
                    added_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_queue_entries", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "window_slots",
                schema: "servicedesk",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    community_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false, collation: "C"),
                    day = table.Column<DateOnly>(type: "date", nullable: false),
                    starts_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ends_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    capacity = table.Column<int>(type: "integer", nullable: false),
                    taken = table.Column<int>(type: "integer", nullable: false),
                    serves_all_items = table.Column<bool>(type: "boolean", nullable: false),
                    closed_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    created_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_window_slots", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "bookings",
                schema: "servicedesk",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    slot_id = table.Column<long>(type: "bigint", nullable: false),
                    item_id = table.Column<long>(type: "bigint", nullable: false),
                    item_version_id = table.Column<long>(type: "bigint", nullable: false),
                    community_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false, collation: "C"),
                    starts_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    resident_user_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    resident_id = table.Column<long>(type: "bigint", nullable: true),
                    state = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    cancelled_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    cancel_reason = table.Column<int>(type: "integer", nullable: true),
                    release_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    released_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    remind_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    reminded_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    moved_from_slot_id = table.Column<long>(type: "bigint", nullable: true),
                    checked_in_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    checked_in_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_bookings", x => x.id);
                    table.ForeignKey(
                        name: "fk_bookings_window_slots_slot_id",
                        column: x => x.slot_id,
                        principalSchema: "servicedesk",
                        principalTable: "window_slots",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

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
                });

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
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    accepted_by_law = table.Column<bool>(type: "boolean", nullable: false),
                    suspended_for = table.Column<int>(type: "integer", nullable: true),
                    extension_days = table.Column<int>(type: "integer", nullable: true),
                    extension_reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    extension_requested_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    extension_decided_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    extension_approved = table.Column<bool>(type: "boolean", nullable: true),
                    proxy_user_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    proxy_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    mandate = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    mandate_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    home_visit_eligible = table.Column<bool>(type: "boolean", nullable: false),
                    hand_over_method = table.Column<int>(type: "integer", nullable: true)
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

            migrationBuilder.CreateTable(
                name: "window_slot_items",
                schema: "servicedesk",
                columns: table => new
                {
                    slot_id = table.Column<long>(type: "bigint", nullable: false),
                    item_id = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_window_slot_items", x => new { x.slot_id, x.item_id });
                    table.ForeignKey(
                        name: "fk_window_slot_items_service_items_item_id",
                        column: x => x.item_id,
                        principalSchema: "servicedesk",
                        principalTable: "service_items",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_window_slot_items_window_slots_slot_id",
                        column: x => x.slot_id,
                        principalSchema: "servicedesk",
                        principalTable: "window_slots",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_appointment_messages_booking_id",
                schema: "servicedesk",
                table: "appointment_messages",
                column: "booking_id");

            migrationBuilder.CreateIndex(
                name: "ix_appointment_messages_id",
                schema: "servicedesk",
                table: "appointment_messages",
                column: "id",
                filter: "sent_at IS NULL AND failed_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_appointment_messages_key",
                schema: "servicedesk",
                table: "appointment_messages",
                column: "key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_bookings_item_id",
                schema: "servicedesk",
                table: "bookings",
                column: "item_id");

            migrationBuilder.CreateIndex(
                name: "ix_bookings_release_at",
                schema: "servicedesk",
                table: "bookings",
                column: "release_at",
                filter: "released_at IS NULL AND release_at IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_bookings_remind_at",
                schema: "servicedesk",
                table: "bookings",
                column: "remind_at",
                filter: "reminded_at IS NULL AND remind_at IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_bookings_resident_user_id_item_id",
                schema: "servicedesk",
                table: "bookings",
                columns: new[] { "resident_user_id", "item_id" },
                unique: true,
                filter: "state = 1");

            migrationBuilder.CreateIndex(
                name: "ix_bookings_resident_user_id_starts_at",
                schema: "servicedesk",
                table: "bookings",
                columns: new[] { "resident_user_id", "starts_at" });

            migrationBuilder.CreateIndex(
                name: "ix_bookings_slot_id_state",
                schema: "servicedesk",
                table: "bookings",
                columns: new[] { "slot_id", "state" });

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
                name: "ix_community_closures_community_code_day",
                schema: "servicedesk",
                table: "community_closures",
                columns: new[] { "community_code", "day" },
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

            migrationBuilder.CreateIndex(
                name: "ix_queue_entries_booking_id",
                schema: "servicedesk",
                table: "queue_entries",
                column: "booking_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_queue_entries_community_code_day_number",
                schema: "servicedesk",
                table: "queue_entries",
                columns: new[] { "community_code", "day", "number" },
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
                name: "ix_service_cases_proxy_user_id",
                schema: "servicedesk",
                table: "service_cases",
                column: "proxy_user_id");

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

            migrationBuilder.CreateIndex(
                name: "ix_window_slot_items_item_id",
                schema: "servicedesk",
                table: "window_slot_items",
                column: "item_id");

            migrationBuilder.CreateIndex(
                name: "ix_window_slots_community_code_day",
                schema: "servicedesk",
                table: "window_slots",
                columns: new[] { "community_code", "day" });

            migrationBuilder.CreateIndex(
                name: "ix_window_slots_community_code_starts_at",
                schema: "servicedesk",
                table: "window_slots",
                columns: new[] { "community_code", "starts_at" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_window_slots_day",
                schema: "servicedesk",
                table: "window_slots",
                column: "day",
                filter: "closed_at IS NULL");

            migrationBuilder.AddForeignKey(
                name: "fk_bookings_service_items_item_id",
                schema: "servicedesk",
                table: "bookings",
                column: "item_id",
                principalSchema: "servicedesk",
                principalTable: "service_items",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_case_home_visits_service_cases_case_id",
                schema: "servicedesk",
                table: "case_home_visits",
                column: "case_id",
                principalSchema: "servicedesk",
                principalTable: "service_cases",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "fk_case_materials_service_cases_case_id",
                schema: "servicedesk",
                table: "case_materials",
                column: "case_id",
                principalSchema: "servicedesk",
                principalTable: "service_cases",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "fk_case_notice_items_case_notices_notice_id",
                schema: "servicedesk",
                table: "case_notice_items",
                column: "notice_id",
                principalSchema: "servicedesk",
                principalTable: "case_notices",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "fk_case_notices_service_cases_case_id",
                schema: "servicedesk",
                table: "case_notices",
                column: "case_id",
                principalSchema: "servicedesk",
                principalTable: "service_cases",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);

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
                name: "fk_due_times_service_cases_case_id",
                schema: "servicedesk",
                table: "due_times",
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
                name: "fk_outbox_service_cases_case_id",
                schema: "servicedesk",
                table: "outbox",
                column: "case_id",
                principalSchema: "servicedesk",
                principalTable: "service_cases",
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
                name: "appointment_messages",
                schema: "servicedesk");

            migrationBuilder.DropTable(
                name: "bookings",
                schema: "servicedesk");

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
                name: "case_ratings",
                schema: "servicedesk");

            migrationBuilder.DropTable(
                name: "case_steps",
                schema: "servicedesk");

            migrationBuilder.DropTable(
                name: "community_closures",
                schema: "servicedesk");

            migrationBuilder.DropTable(
                name: "due_times",
                schema: "servicedesk");

            migrationBuilder.DropTable(
                name: "idempotency_keys",
                schema: "servicedesk");

            migrationBuilder.DropTable(
                name: "item_availability",
                schema: "servicedesk");

            migrationBuilder.DropTable(
                name: "item_materials",
                schema: "servicedesk");

            migrationBuilder.DropTable(
                name: "outbox",
                schema: "servicedesk");

            migrationBuilder.DropTable(
                name: "queue_entries",
                schema: "servicedesk");

            migrationBuilder.DropTable(
                name: "window_slot_items",
                schema: "servicedesk");

            migrationBuilder.DropTable(
                name: "case_notices",
                schema: "servicedesk");

            migrationBuilder.DropTable(
                name: "window_slots",
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
