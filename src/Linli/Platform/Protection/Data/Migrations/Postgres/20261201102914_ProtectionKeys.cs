using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Linli.Platform.Protection.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ProtectionKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "protection");

            migrationBuilder.CreateTable(
                name: "data_protection_keys",
                schema: "protection",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    friendly_name = table.Column<string>(type: "text", nullable: true),
                    xml = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_data_protection_keys", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "key_checks",
                schema: "protection",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false),
                    check_value = table.Column<byte[]>(type: "bytea", maxLength: 32, nullable: false),
                    set_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_key_checks", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "key_rotation_steps",
                schema: "protection",
                columns: table => new
                {
                    name = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    last_id = table.Column<long>(type: "bigint", nullable: false),
                    rows = table.Column<long>(type: "bigint", nullable: false),
                    finished = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_key_rotation_steps", x => x.name);
                });

            migrationBuilder.CreateTable(
                name: "key_rotations",
                schema: "protection",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false),
                    from_check = table.Column<byte[]>(type: "bytea", maxLength: 32, nullable: false),
                    to_check = table.Column<byte[]>(type: "bytea", maxLength: 32, nullable: false),
                    started_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_key_rotations", x => x.id);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "data_protection_keys",
                schema: "protection");

            migrationBuilder.DropTable(
                name: "key_checks",
                schema: "protection");

            migrationBuilder.DropTable(
                name: "key_rotation_steps",
                schema: "protection");

            migrationBuilder.DropTable(
                name: "key_rotations",
                schema: "protection");
        }
    }
}
