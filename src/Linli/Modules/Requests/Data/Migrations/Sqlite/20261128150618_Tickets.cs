using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Linli.Modules.Requests.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Tickets : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "requests_inbox",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    key = table.Column<Guid>(type: "TEXT", nullable: false),
                    recipient = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    subject = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    body = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    ticket_id = table.Column<long>(type: "INTEGER", nullable: true),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    read_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    read_by = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_requests_inbox", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "requests_ticket_number_counters",
                columns: table => new
                {
                    day = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    last_number = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_requests_ticket_number_counters", x => x.day);
                });

            migrationBuilder.CreateTable(
                name: "requests_tickets",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    number = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    channel = table.Column<int>(type: "INTEGER", nullable: false),
                    category_id = table.Column<int>(type: "INTEGER", nullable: false),
                    routing_rule_id = table.Column<int>(type: "INTEGER", nullable: false),
                    urgency = table.Column<int>(type: "INTEGER", nullable: false),
                    description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    address = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    community_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    grid_code = table.Column<string>(type: "TEXT", maxLength: 15, nullable: true),
                    longitude = table.Column<double>(type: "REAL", nullable: true),
                    latitude = table.Column<double>(type: "REAL", nullable: true),
                    is_anonymous = table.Column<bool>(type: "INTEGER", nullable: false),
                    reporter_user_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    phone_cipher = table.Column<byte[]>(type: "BLOB", nullable: true),
                    phone_masked = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    phone_hash = table.Column<byte[]>(type: "BLOB", nullable: true),
                    created_by = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    state = table.Column<int>(type: "INTEGER", nullable: false),
                    assigned_unit_code = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    dispatched_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    signed_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    replied_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    closed_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    sign_due_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    finish_due_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    suspended_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    extension_requested_days = table.Column<int>(type: "INTEGER", nullable: true),
                    extension_reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    reply = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    rating = table.Column<int>(type: "INTEGER", nullable: true),
                    reopen_count = table.Column<int>(type: "INTEGER", nullable: false),
                    return_count = table.Column<int>(type: "INTEGER", nullable: false),
                    under_supervision = table.Column<bool>(type: "INTEGER", nullable: false),
                    is_overdue = table.Column<bool>(type: "INTEGER", nullable: false),
                    merged_into_id = table.Column<long>(type: "INTEGER", nullable: true),
                    version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_requests_tickets", x => x.id);
                    table.ForeignKey(
                        name: "fk_requests_tickets_requests_categories_category_id",
                        column: x => x.category_id,
                        principalTable: "requests_categories",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_requests_tickets_requests_routing_rules_routing_rule_id",
                        column: x => x.routing_rule_id,
                        principalTable: "requests_routing_rules",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "requests_deadlines",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ticket_id = table.Column<long>(type: "INTEGER", nullable: false),
                    kind = table.Column<int>(type: "INTEGER", nullable: false),
                    unit_code = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    due_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    fired_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    closed_at = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_requests_deadlines", x => x.id);
                    table.ForeignKey(
                        name: "fk_requests_deadlines_tickets_ticket_id",
                        column: x => x.ticket_id,
                        principalTable: "requests_tickets",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "requests_outbox",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    key = table.Column<Guid>(type: "TEXT", nullable: false),
                    recipient = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    subject = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    body = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    ticket_id = table.Column<long>(type: "INTEGER", nullable: true),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    sent_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    last_error = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_requests_outbox", x => x.id);
                    table.ForeignKey(
                        name: "fk_requests_outbox_tickets_ticket_id",
                        column: x => x.ticket_id,
                        principalTable: "requests_tickets",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "requests_supervisions",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ticket_id = table.Column<long>(type: "INTEGER", nullable: false),
                    reason = table.Column<int>(type: "INTEGER", nullable: false),
                    unit_code = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    deadline_kind = table.Column<int>(type: "INTEGER", nullable: true),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    resolved_at = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_requests_supervisions", x => x.id);
                    table.ForeignKey(
                        name: "fk_requests_supervisions_tickets_ticket_id",
                        column: x => x.ticket_id,
                        principalTable: "requests_tickets",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "requests_ticket_actions",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ticket_id = table.Column<long>(type: "INTEGER", nullable: false),
                    at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    user_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    user_name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    unit_code = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    action = table.Column<int>(type: "INTEGER", nullable: false),
                    from_state = table.Column<int>(type: "INTEGER", nullable: false),
                    to_state = table.Column<int>(type: "INTEGER", nullable: false),
                    opinion = table.Column<string>(type: "TEXT", maxLength: 2200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_requests_ticket_actions", x => x.id);
                    table.ForeignKey(
                        name: "fk_requests_ticket_actions_requests_tickets_ticket_id",
                        column: x => x.ticket_id,
                        principalTable: "requests_tickets",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "requests_ticket_units",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ticket_id = table.Column<long>(type: "INTEGER", nullable: false),
                    unit_code = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    role = table.Column<int>(type: "INTEGER", nullable: false),
                    is_active = table.Column<bool>(type: "INTEGER", nullable: false),
                    added_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    report_due_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    reported_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    report = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_requests_ticket_units", x => x.id);
                    table.ForeignKey(
                        name: "fk_requests_ticket_units_requests_tickets_ticket_id",
                        column: x => x.ticket_id,
                        principalTable: "requests_tickets",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_deadlines_open_due_at",
                table: "requests_deadlines",
                column: "due_at",
                filter: "fired_at IS NULL AND closed_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_requests_deadlines_ticket_id",
                table: "requests_deadlines",
                column: "ticket_id");

            migrationBuilder.CreateIndex(
                name: "ix_requests_inbox_key",
                table: "requests_inbox",
                column: "key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_requests_inbox_recipient_id",
                table: "requests_inbox",
                columns: new[] { "recipient", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_outbox_unsent",
                table: "requests_outbox",
                column: "id",
                filter: "sent_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_requests_outbox_key",
                table: "requests_outbox",
                column: "key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_requests_outbox_ticket_id",
                table: "requests_outbox",
                column: "ticket_id");

            migrationBuilder.CreateIndex(
                name: "ix_requests_supervisions_ticket_id_resolved_at",
                table: "requests_supervisions",
                columns: new[] { "ticket_id", "resolved_at" });

            migrationBuilder.CreateIndex(
                name: "ix_requests_supervisions_unit_code_resolved_at",
                table: "requests_supervisions",
                columns: new[] { "unit_code", "resolved_at" });

            migrationBuilder.CreateIndex(
                name: "ix_requests_ticket_actions_action_at",
                table: "requests_ticket_actions",
                columns: new[] { "action", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_requests_ticket_actions_ticket_id_at",
                table: "requests_ticket_actions",
                columns: new[] { "ticket_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_requests_ticket_units_ticket_id",
                table: "requests_ticket_units",
                column: "ticket_id");

            migrationBuilder.CreateIndex(
                name: "ix_requests_ticket_units_unit_code_ticket_id",
                table: "requests_ticket_units",
                columns: new[] { "unit_code", "ticket_id" });

            migrationBuilder.CreateIndex(
                name: "ix_requests_tickets_assigned_unit_code_state",
                table: "requests_tickets",
                columns: new[] { "assigned_unit_code", "state" });

            migrationBuilder.CreateIndex(
                name: "ix_requests_tickets_category_id_created_at",
                table: "requests_tickets",
                columns: new[] { "category_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_requests_tickets_community_code_created_at",
                table: "requests_tickets",
                columns: new[] { "community_code", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_requests_tickets_created_at",
                table: "requests_tickets",
                column: "created_at");

            migrationBuilder.CreateIndex(
                name: "ix_requests_tickets_finish_due_at",
                table: "requests_tickets",
                column: "finish_due_at");

            migrationBuilder.CreateIndex(
                name: "ix_requests_tickets_merged_into_id",
                table: "requests_tickets",
                column: "merged_into_id");

            migrationBuilder.CreateIndex(
                name: "ix_requests_tickets_number",
                table: "requests_tickets",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_requests_tickets_phone_hash",
                table: "requests_tickets",
                column: "phone_hash");

            migrationBuilder.CreateIndex(
                name: "ix_requests_tickets_reporter_user_id",
                table: "requests_tickets",
                column: "reporter_user_id");

            migrationBuilder.CreateIndex(
                name: "ix_requests_tickets_routing_rule_id",
                table: "requests_tickets",
                column: "routing_rule_id");

            migrationBuilder.CreateIndex(
                name: "ix_requests_tickets_state_assigned_unit_code",
                table: "requests_tickets",
                columns: new[] { "state", "assigned_unit_code" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "requests_deadlines");

            migrationBuilder.DropTable(
                name: "requests_inbox");

            migrationBuilder.DropTable(
                name: "requests_outbox");

            migrationBuilder.DropTable(
                name: "requests_supervisions");

            migrationBuilder.DropTable(
                name: "requests_ticket_actions");

            migrationBuilder.DropTable(
                name: "requests_ticket_number_counters");

            migrationBuilder.DropTable(
                name: "requests_ticket_units");

            migrationBuilder.DropTable(
                name: "requests_tickets");
        }
    }
}
