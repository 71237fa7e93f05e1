using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Linli.Modules.ServiceDesk.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Appointments : Migration
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
                        name: "fk_servicedesk_bookings_service_items_item_id",
                        column: x => x.item_id,
                        principalTable: "servicedesk_service_items",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_servicedesk_bookings_window_slots_slot_id",
                        column: x => x.slot_id,
                        principalTable: "servicedesk_window_slots",
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
                name: "ix_servicedesk_community_closures_community_code_day",
                table: "servicedesk_community_closures",
                columns: new[] { "community_code", "day" },
                unique: true);

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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "servicedesk_appointment_messages");

            migrationBuilder.DropTable(
                name: "servicedesk_bookings");

            migrationBuilder.DropTable(
                name: "servicedesk_community_closures");

            migrationBuilder.DropTable(
                name: "servicedesk_idempotency_keys");

            migrationBuilder.DropTable(
                name: "servicedesk_queue_entries");

            migrationBuilder.DropTable(
                name: "servicedesk_window_slot_items");

            migrationBuilder.DropTable(
                name: "servicedesk_window_slots");
        }
    }
}
