using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Linli.Modules.Requests.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class StoppedClocksAndPlatformInbox : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The inbox moves to the platform (Platform/Notifications), which every module delivers into: its messages are
            // copied there first (the platform's tables are migrated before the modules'), ids and read marks included.
            migrationBuilder.Sql("""
INSERT INTO notifications.inbox (id, key, recipient, subject, body, about_kind, about_id, created_at, read_at, read_by)
SELECT id, key, recipient, subject, body, CASE WHEN ticket_id IS NULL THEN NULL ELSE 'ticket' END, ticket_id, created_at, read_at, read_by
FROM requests.inbox ON CONFLICT DO NOTHING;
SELECT setval(pg_get_serial_sequence('notifications.inbox', 'id'), COALESCE(MAX(id), 0) + 1, false) FROM notifications.inbox;
""");

            migrationBuilder.DropTable(
                name: "inbox",
                schema: "requests");

            migrationBuilder.DropIndex(
                name: "ix_outbox_unsent",
                schema: "requests",
                table: "outbox");

            migrationBuilder.DropIndex(
                name: "ix_deadlines_open_due_at",
                schema: "requests",
                table: "deadlines");

            migrationBuilder.AddColumn<DateTime>(
                name: "failed_at",
                schema: "requests",
                table: "outbox",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "paused_at",
                schema: "requests",
                table: "deadlines",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<TimeSpan>(
                name: "remaining",
                schema: "requests",
                table: "deadlines",
                type: "interval",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_outbox_id",
                schema: "requests",
                table: "outbox",
                column: "id",
                filter: "sent_at IS NULL AND failed_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_deadlines_due_at",
                schema: "requests",
                table: "deadlines",
                column: "due_at",
                filter: "fired_at IS NULL AND closed_at IS NULL AND paused_at IS NULL");

            // A suspended ticket's finish clock used to be closed and replaced on resume: it becomes a stopped clock, from
            // when the ticket was suspended to its finish time (the office time between them is counted when it restarts;
            // one already passed when it was suspended stays fired). Messages that had failed every attempt are given up.
            migrationBuilder.Sql("""
INSERT INTO requests.deadlines (ticket_id, kind, unit_code, due_at, paused_at, fired_at)
SELECT t.id, 2, t.assigned_unit_code, t.finish_due_at, t.suspended_at, CASE WHEN t.finish_due_at <= t.suspended_at THEN t.suspended_at ELSE NULL END
FROM requests.tickets t
WHERE t.state = 5 AND t.finish_due_at IS NOT NULL AND t.suspended_at IS NOT NULL AND t.assigned_unit_code IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM requests.deadlines d WHERE d.ticket_id = t.id AND d.kind = 2 AND d.closed_at IS NULL);
UPDATE requests.outbox SET failed_at = created_at WHERE sent_at IS NULL AND attempts >= 20;
""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Before the stopped clock, a suspended ticket's finish clock was closed when it was suspended.
            migrationBuilder.Sql("UPDATE requests.deadlines SET closed_at = paused_at WHERE paused_at IS NOT NULL AND closed_at IS NULL;");

            migrationBuilder.DropIndex(
                name: "ix_outbox_id",
                schema: "requests",
                table: "outbox");

            migrationBuilder.DropIndex(
                name: "ix_deadlines_due_at",
                schema: "requests",
                table: "deadlines");

            migrationBuilder.DropColumn(
                name: "failed_at",
                schema: "requests",
                table: "outbox");

            migrationBuilder.DropColumn(
                name: "paused_at",
                schema: "requests",
                table: "deadlines");

            migrationBuilder.DropColumn(
                name: "remaining",
                schema: "requests",
                table: "deadlines");

            migrationBuilder.CreateTable(
                name: "inbox",
                schema: "requests",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    body = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    key = table.Column<Guid>(type: "uuid", nullable: false),
                    read_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    read_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    recipient = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    subject = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ticket_id = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_inbox", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_outbox_unsent",
                schema: "requests",
                table: "outbox",
                column: "id",
                filter: "sent_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_deadlines_open_due_at",
                schema: "requests",
                table: "deadlines",
                column: "due_at",
                filter: "fired_at IS NULL AND closed_at IS NULL");

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

            // The inbox comes back from the platform's (which keeps its copy).
            migrationBuilder.Sql("""
INSERT INTO requests.inbox (id, key, recipient, subject, body, ticket_id, created_at, read_at, read_by)
SELECT id, key, recipient, subject, body, CASE WHEN about_kind = 'ticket' THEN about_id ELSE NULL END, created_at, read_at, read_by FROM notifications.inbox;
SELECT setval(pg_get_serial_sequence('requests.inbox', 'id'), COALESCE(MAX(id), 0) + 1, false) FROM requests.inbox;
""");
        }
    }
}
