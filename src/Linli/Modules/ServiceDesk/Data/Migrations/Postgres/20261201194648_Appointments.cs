using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Linli.Modules.ServiceDesk.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Appointments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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
                        name: "fk_bookings_service_items_item_id",
                        column: x => x.item_id,
                        principalSchema: "servicedesk",
                        principalTable: "service_items",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_bookings_window_slots_slot_id",
                        column: x => x.slot_id,
                        principalSchema: "servicedesk",
                        principalTable: "window_slots",
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
                name: "ix_community_closures_community_code_day",
                schema: "servicedesk",
                table: "community_closures",
                columns: new[] { "community_code", "day" },
                unique: true);

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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "appointment_messages",
                schema: "servicedesk");

            migrationBuilder.DropTable(
                name: "bookings",
                schema: "servicedesk");

            migrationBuilder.DropTable(
                name: "community_closures",
                schema: "servicedesk");

            migrationBuilder.DropTable(
                name: "idempotency_keys",
                schema: "servicedesk");

            migrationBuilder.DropTable(
                name: "queue_entries",
                schema: "servicedesk");

            migrationBuilder.DropTable(
                name: "window_slot_items",
                schema: "servicedesk");

            migrationBuilder.DropTable(
                name: "window_slots",
                schema: "servicedesk");
        }
    }
}
