using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Linli.Modules.Requests.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class IdempotencyKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_requests_open311_submissions_requests_tickets_ticket_id",
                table: "requests_open311_submissions");

            migrationBuilder.CreateTable(
                name: "requests_idempotency_keys",
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
                    table.PrimaryKey("pk_requests_idempotency_keys", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_requests_idempotency_keys_caller_key",
                table: "requests_idempotency_keys",
                columns: new[] { "caller", "key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_requests_idempotency_keys_created_at",
                table: "requests_idempotency_keys",
                column: "created_at");

            migrationBuilder.AddForeignKey(
                name: "fk_requests_open311_submissions_tickets_ticket_id",
                table: "requests_open311_submissions",
                column: "ticket_id",
                principalTable: "requests_tickets",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_requests_open311_submissions_tickets_ticket_id",
                table: "requests_open311_submissions");

            migrationBuilder.DropTable(
                name: "requests_idempotency_keys");

            migrationBuilder.AddForeignKey(
                name: "fk_requests_open311_submissions_requests_tickets_ticket_id",
                table: "requests_open311_submissions",
                column: "ticket_id",
                principalTable: "requests_tickets",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);
        }
    }
}
