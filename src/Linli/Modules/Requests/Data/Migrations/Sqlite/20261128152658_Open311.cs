using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Linli.Modules.Requests.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Open311 : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "requests_open311_clients",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    key_hash = table.Column<byte[]>(type: "BLOB", nullable: false),
                    key_hint = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    created_by = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    revoked_at = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_requests_open311_clients", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "requests_service_attributes",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    category_id = table.Column<int>(type: "INTEGER", nullable: false),
                    code = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    order = table.Column<int>(type: "INTEGER", nullable: false),
                    datatype = table.Column<int>(type: "INTEGER", nullable: false),
                    required = table.Column<bool>(type: "INTEGER", nullable: false),
                    variable = table.Column<bool>(type: "INTEGER", nullable: false),
                    description = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    datatype_description = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    values_json = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_requests_service_attributes", x => x.id);
                    table.ForeignKey(
                        name: "fk_requests_service_attributes_requests_categories_category_id",
                        column: x => x.category_id,
                        principalTable: "requests_categories",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "requests_open311_submissions",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ticket_id = table.Column<long>(type: "INTEGER", nullable: false),
                    token = table.Column<Guid>(type: "TEXT", nullable: false),
                    client_id = table.Column<int>(type: "INTEGER", nullable: false),
                    account_id = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    device_id = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    address_id = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    contact_cipher = table.Column<byte[]>(type: "BLOB", nullable: true),
                    media_url = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    attributes_json = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_requests_open311_submissions", x => x.id);
                    table.ForeignKey(
                        name: "fk_requests_open311_submissions_requests_open311_clients_client_id",
                        column: x => x.client_id,
                        principalTable: "requests_open311_clients",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_requests_open311_submissions_requests_tickets_ticket_id",
                        column: x => x.ticket_id,
                        principalTable: "requests_tickets",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_requests_open311_clients_key_hash",
                table: "requests_open311_clients",
                column: "key_hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_requests_open311_submissions_client_id",
                table: "requests_open311_submissions",
                column: "client_id");

            migrationBuilder.CreateIndex(
                name: "ix_requests_open311_submissions_ticket_id",
                table: "requests_open311_submissions",
                column: "ticket_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_requests_open311_submissions_token",
                table: "requests_open311_submissions",
                column: "token",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_requests_service_attributes_category_id_code",
                table: "requests_service_attributes",
                columns: new[] { "category_id", "code" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "requests_open311_submissions");

            migrationBuilder.DropTable(
                name: "requests_service_attributes");

            migrationBuilder.DropTable(
                name: "requests_open311_clients");
        }
    }
}
