using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Linli.Modules.Requests.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Tickets : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "inbox",
                schema: "requests",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    key = table.Column<Guid>(type: "uuid", nullable: false),
                    recipient = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    subject = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    body = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    ticket_id = table.Column<long>(type: "bigint", nullable: true),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    read_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    read_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_inbox", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "ticket_number_counters",
                schema: "requests",
                columns: table => new
                {
                    day = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    last_number = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ticket_number_counters", x => x.day);
                });

            migrationBuilder.CreateTable(
                name: "tickets",
                schema: "requests",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    number = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    channel = table.Column<int>(type: "integer", nullable: false),
                    category_id = table.Column<int>(type: "integer", nullable: false),
                    routing_rule_id = table.Column<int>(type: "integer", nullable: false),
                    urgency = table.Column<int>(type: "integer", nullable: false),
                    description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    address = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    community_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false, collation: "C"),
                    grid_code = table.Column<string>(type: "character varying(15)", maxLength: 15, nullable: true, collation: "C"),
                    longitude = table.Column<double>(type: "double precision", nullable: true),
                    latitude = table.Column<double>(type: "double precision", nullable: true),
                    is_anonymous = table.Column<bool>(type: "boolean", nullable: false),
                    reporter_user_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    phone_cipher = table.Column<byte[]>(type: "bytea", nullable: true),
                    phone_masked = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    phone_hash = table.Column<byte[]>(type: "bytea", nullable: true),
                    created_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    state = table.Column<int>(type: "integer", nullable: false),
                    assigned_unit_code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true, collation: "C"),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    dispatched_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    signed_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    replied_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    closed_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    sign_due_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    finish_due_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    suspended_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    extension_requested_days = table.Column<int>(type: "integer", nullable: true),
                    extension_reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    reply = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    rating = table.Column<int>(type: "integer", nullable: true),
                    reopen_count = table.Column<int>(type: "integer", nullable: false),
                    return_count = table.Column<int>(type: "integer", nullable: false),
                    under_supervision = table.Column<bool>(type: "boolean", nullable: false),
                    is_overdue = table.Column<bool>(type: "boolean", nullable: false),
                    merged_into_id = table.Column<long>(type: "bigint", nullable: true),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_tickets", x => x.id);
                    table.ForeignKey(
                        name: "fk_tickets_categories_category_id",
                        column: x => x.category_id,
                        principalSchema: "requests",
                        principalTable: "categories",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_tickets_routing_rules_routing_rule_id",
                        column: x => x.routing_rule_id,
                        principalSchema: "requests",
                        principalTable: "routing_rules",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "deadlines",
                schema: "requests",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ticket_id = table.Column<long>(type: "bigint", nullable: false),
                    kind = table.Column<int>(type: "integer", nullable: false),
                    unit_code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    due_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    fired_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    closed_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_deadlines", x => x.id);
                    table.ForeignKey(
                        name: "fk_deadlines_tickets_ticket_id",
                        column: x => x.ticket_id,
                        principalSchema: "requests",
                        principalTable: "tickets",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "outbox",
                schema: "requests",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    key = table.Column<Guid>(type: "uuid", nullable: false),
                    recipient = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    subject = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    body = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    ticket_id = table.Column<long>(type: "bigint", nullable: true),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    sent_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    last_error = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_outbox", x => x.id);
                    table.ForeignKey(
                        name: "fk_outbox_tickets_ticket_id",
                        column: x => x.ticket_id,
                        principalSchema: "requests",
                        principalTable: "tickets",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "supervisions",
                schema: "requests",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ticket_id = table.Column<long>(type: "bigint", nullable: false),
                    reason = table.Column<int>(type: "integer", nullable: false),
                    unit_code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true, collation: "C"),
                    deadline_kind = table.Column<int>(type: "integer", nullable: true),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    resolved_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_supervisions", x => x.id);
                    table.ForeignKey(
                        name: "fk_supervisions_tickets_ticket_id",
                        column: x => x.ticket_id,
                        principalSchema: "requests",
                        principalTable: "tickets",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ticket_actions",
                schema: "requests",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ticket_id = table.Column<long>(type: "bigint", nullable: false),
                    at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    user_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    user_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    unit_code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true, collation: "C"),
                    action = table.Column<int>(type: "integer", nullable: false),
                    from_state = table.Column<int>(type: "integer", nullable: false),
                    to_state = table.Column<int>(type: "integer", nullable: false),
                    opinion = table.Column<string>(type: "character varying(2200)", maxLength: 2200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ticket_actions", x => x.id);
                    table.ForeignKey(
                        name: "fk_ticket_actions_tickets_ticket_id",
                        column: x => x.ticket_id,
                        principalSchema: "requests",
                        principalTable: "tickets",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ticket_units",
                schema: "requests",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ticket_id = table.Column<long>(type: "bigint", nullable: false),
                    unit_code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    role = table.Column<int>(type: "integer", nullable: false),
                    is_active = table.Column<bool>(type: "boolean", nullable: false),
                    added_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    report_due_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    reported_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    report = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ticket_units", x => x.id);
                    table.ForeignKey(
                        name: "fk_ticket_units_tickets_ticket_id",
                        column: x => x.ticket_id,
                        principalSchema: "requests",
                        principalTable: "tickets",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_deadlines_open_due_at",
                schema: "requests",
                table: "deadlines",
                column: "due_at",
                filter: "fired_at IS NULL AND closed_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_deadlines_ticket_id",
                schema: "requests",
                table: "deadlines",
                column: "ticket_id");

            migrationBuilder.CreateIndex(
                name: "ix_inbox_key",
                schema: "requests",
                table: "inbox",
                column: "key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_inbox_recipient_id",
                schema: "requests",
                table: "inbox",
                columns: new[] { "recipient", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_outbox_key",
                schema: "requests",
                table: "outbox",
                column: "key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_outbox_ticket_id",
                schema: "requests",
                table: "outbox",
                column: "ticket_id");

            migrationBuilder.CreateIndex(
                name: "ix_outbox_unsent",
                schema: "requests",
                table: "outbox",
                column: "id",
                filter: "sent_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_supervisions_ticket_id_resolved_at",
                schema: "requests",
                table: "supervisions",
                columns: new[] { "ticket_id", "resolved_at" });

            migrationBuilder.CreateIndex(
                name: "ix_supervisions_unit_code_resolved_at",
                schema: "requests",
                table: "supervisions",
                columns: new[] { "unit_code", "resolved_at" });

            migrationBuilder.CreateIndex(
                name: "ix_ticket_actions_action_at",
                schema: "requests",
                table: "ticket_actions",
                columns: new[] { "action", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_ticket_actions_ticket_id_at",
                schema: "requests",
                table: "ticket_actions",
                columns: new[] { "ticket_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_ticket_units_ticket_id",
                schema: "requests",
                table: "ticket_units",
                column: "ticket_id");

            migrationBuilder.CreateIndex(
                name: "ix_ticket_units_unit_code_ticket_id",
                schema: "requests",
                table: "ticket_units",
                columns: new[] { "unit_code", "ticket_id" });

            migrationBuilder.CreateIndex(
                name: "ix_tickets_assigned_unit_code_state",
                schema: "requests",
                table: "tickets",
                columns: new[] { "assigned_unit_code", "state" });

            migrationBuilder.CreateIndex(
                name: "ix_tickets_category_id_created_at",
                schema: "requests",
                table: "tickets",
                columns: new[] { "category_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_tickets_community_code_created_at",
                schema: "requests",
                table: "tickets",
                columns: new[] { "community_code", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_tickets_created_at",
                schema: "requests",
                table: "tickets",
                column: "created_at");

            migrationBuilder.CreateIndex(
                name: "ix_tickets_finish_due_at",
                schema: "requests",
                table: "tickets",
                column: "finish_due_at");

            migrationBuilder.CreateIndex(
                name: "ix_tickets_merged_into_id",
                schema: "requests",
                table: "tickets",
                column: "merged_into_id");

            migrationBuilder.CreateIndex(
                name: "ix_tickets_number",
                schema: "requests",
                table: "tickets",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_tickets_phone_hash",
                schema: "requests",
                table: "tickets",
                column: "phone_hash");

            migrationBuilder.CreateIndex(
                name: "ix_tickets_reporter_user_id",
                schema: "requests",
                table: "tickets",
                column: "reporter_user_id");

            migrationBuilder.CreateIndex(
                name: "ix_tickets_routing_rule_id",
                schema: "requests",
                table: "tickets",
                column: "routing_rule_id");

            migrationBuilder.CreateIndex(
                name: "ix_tickets_state_assigned_unit_code",
                schema: "requests",
                table: "tickets",
                columns: new[] { "state", "assigned_unit_code" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "deadlines",
                schema: "requests");

            migrationBuilder.DropTable(
                name: "inbox",
                schema: "requests");

            migrationBuilder.DropTable(
                name: "outbox",
                schema: "requests");

            migrationBuilder.DropTable(
                name: "supervisions",
                schema: "requests");

            migrationBuilder.DropTable(
                name: "ticket_actions",
                schema: "requests");

            migrationBuilder.DropTable(
                name: "ticket_number_counters",
                schema: "requests");

            migrationBuilder.DropTable(
                name: "ticket_units",
                schema: "requests");

            migrationBuilder.DropTable(
                name: "tickets",
                schema: "requests");
        }
    }
}
