using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Linli.Modules.Requests.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Open311 : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "open311_clients",
                schema: "requests",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    key_hash = table.Column<byte[]>(type: "bytea", nullable: false),
                    key_hint = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    created_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    revoked_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_open311_clients", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "service_attributes",
                schema: "requests",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    category_id = table.Column<int>(type: "integer", nullable: false),
                    code = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false, collation: "C"),
                    order = table.Column<int>(type: "integer", nullable: false),
                    datatype = table.Column<int>(type: "integer", nullable: false),
                    required = table.Column<bool>(type: "boolean", nullable: false),
                    variable = table.Column<bool>(type: "boolean", nullable: false),
                    description = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    datatype_description = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    values_json = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_service_attributes", x => x.id);
                    table.ForeignKey(
                        name: "fk_service_attributes_categories_category_id",
                        column: x => x.category_id,
                        principalSchema: "requests",
                        principalTable: "categories",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "open311_submissions",
                schema: "requests",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ticket_id = table.Column<long>(type: "bigint", nullable: false),
                    token = table.Column<Guid>(type: "uuid", nullable: false),
                    client_id = table.Column<int>(type: "integer", nullable: false),
                    account_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    device_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    address_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    contact_cipher = table.Column<byte[]>(type: "bytea", nullable: true),
                    media_url = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    attributes_json = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_open311_submissions", x => x.id);
                    table.ForeignKey(
                        name: "fk_open311_submissions_open311_clients_client_id",
                        column: x => x.client_id,
                        principalSchema: "requests",
                        principalTable: "open311_clients",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_open311_submissions_tickets_ticket_id",
                        column: x => x.ticket_id,
                        principalSchema: "requests",
                        principalTable: "tickets",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_open311_clients_key_hash",
                schema: "requests",
                table: "open311_clients",
                column: "key_hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_open311_submissions_client_id",
                schema: "requests",
                table: "open311_submissions",
                column: "client_id");

            migrationBuilder.CreateIndex(
                name: "ix_open311_submissions_ticket_id",
                schema: "requests",
                table: "open311_submissions",
                column: "ticket_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_open311_submissions_token",
                schema: "requests",
                table: "open311_submissions",
                column: "token",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_service_attributes_category_id_code",
                schema: "requests",
                table: "service_attributes",
                columns: new[] { "category_id", "code" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "open311_submissions",
                schema: "requests");

            migrationBuilder.DropTable(
                name: "service_attributes",
                schema: "requests");

            migrationBuilder.DropTable(
                name: "open311_clients",
                schema: "requests");
        }
    }
}
