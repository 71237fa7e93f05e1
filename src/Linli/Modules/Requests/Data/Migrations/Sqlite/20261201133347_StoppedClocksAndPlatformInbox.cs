using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Linli.Modules.Requests.Data.Migrations.Sqlite
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
INSERT OR IGNORE INTO notifications_inbox (id, key, recipient, subject, body, about_kind, about_id, created_at, read_at, read_by)
SELECT id, key, recipient, subject, body, CASE WHEN ticket_id IS NULL THEN NULL ELSE 'ticket' END, ticket_id, created_at, read_at, read_by
FROM requests_inbox;
""");

            migrationBuilder.DropTable(
                name: "requests_inbox");

            migrationBuilder.DropIndex(
                name: "ix_outbox_unsent",
                table: "requests_outbox");

            migrationBuilder.DropIndex(
                name: "ix_deadlines_open_due_at",
                table: "requests_deadlines");

            migrationBuilder.AddColumn<DateTime>(
                name: "failed_at",
                table: "requests_outbox",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "paused_at",
                table: "requests_deadlines",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<TimeSpan>(
                name: "remaining",
                table: "requests_deadlines",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_requests_outbox_id",
                table: "requests_outbox",
                column: "id",
                filter: "sent_at IS NULL AND failed_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_requests_deadlines_due_at",
                table: "requests_deadlines",
                column: "due_at",
                filter: "fired_at IS NULL AND closed_at IS NULL AND paused_at IS NULL");

            // A suspended ticket's finish clock used to be closed and replaced on resume: it becomes a stopped clock, from
            // when the ticket was suspended to its finish time (the office time between them is counted when it restarts;
            // one already passed when it was suspended stays fired). Messages that had failed every attempt are given up.
            migrationBuilder.Sql("""
INSERT INTO requests_deadlines (ticket_id, kind, unit_code, due_at, paused_at, fired_at)
SELECT t.id, 2, t.assigned_unit_code, t.finish_due_at, t.suspended_at, CASE WHEN t.finish_due_at <= t.suspended_at THEN t.suspended_at ELSE NULL END
FROM requests_tickets t
WHERE t.state = 5 AND t.finish_due_at IS NOT NULL AND t.suspended_at IS NOT NULL AND t.assigned_unit_code IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM requests_deadlines d WHERE d.ticket_id = t.id AND d.kind = 2 AND d.closed_at IS NULL);
UPDATE requests_outbox SET failed_at = created_at WHERE sent_at IS NULL AND attempts >= 20;
""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Before the stopped clock, a suspended ticket's finish clock was closed when it was suspended.
            migrationBuilder.Sql("UPDATE requests_deadlines SET closed_at = paused_at WHERE paused_at IS NOT NULL AND closed_at IS NULL;");

            migrationBuilder.DropIndex(
                name: "ix_requests_outbox_id",
                table: "requests_outbox");

            migrationBuilder.DropIndex(
                name: "ix_requests_deadlines_due_at",
                table: "requests_deadlines");

            migrationBuilder.DropColumn(
                name: "failed_at",
                table: "requests_outbox");

            migrationBuilder.DropColumn(
                name: "paused_at",
                table: "requests_deadlines");

            migrationBuilder.DropColumn(
                name: "remaining",
                table: "requests_deadlines");

            migrationBuilder.CreateTable(
                name: "requests_inbox",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    body = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    key = table.Column<Guid>(type: "TEXT", nullable: false),
                    read_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    read_by = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    recipient = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    subject = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ticket_id = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_requests_inbox", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_outbox_unsent",
                table: "requests_outbox",
                column: "id",
                filter: "sent_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_deadlines_open_due_at",
                table: "requests_deadlines",
                column: "due_at",
                filter: "fired_at IS NULL AND closed_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_requests_inbox_key",
                table: "requests_inbox",
                column: "key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_requests_inbox_recipient_id",
                table: "requests_inbox",
                columns: new[] { "recipient", "id" });

            // The inbox comes back from the platform's (which keeps its copy).
            migrationBuilder.Sql("""
INSERT INTO requests_inbox (id, key, recipient, subject, body, ticket_id, created_at, read_at, read_by)
SELECT id, key, recipient, subject, body, CASE WHEN about_kind = 'ticket' THEN about_id ELSE NULL END, created_at, read_at, read_by FROM notifications_inbox;
""");
        }
    }
}
