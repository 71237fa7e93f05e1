using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Linli.Platform.Protection.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ProtectionKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "protection_data_protection_keys",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    friendly_name = table.Column<string>(type: "TEXT", nullable: true),
                    xml = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_protection_data_protection_keys", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "protection_key_checks",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false),
                    check_value = table.Column<byte[]>(type: "BLOB", maxLength: 32, nullable: false),
                    set_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_protection_key_checks", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "protection_key_rotation_steps",
                columns: table => new
                {
                    name = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    last_id = table.Column<long>(type: "INTEGER", nullable: false),
                    rows = table.Column<long>(type: "INTEGER", nullable: false),
                    finished = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_protection_key_rotation_steps", x => x.name);
                });

            migrationBuilder.CreateTable(
                name: "protection_key_rotations",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false),
                    from_check = table.Column<byte[]>(type: "BLOB", maxLength: 32, nullable: false),
                    to_check = table.Column<byte[]>(type: "BLOB", maxLength: 32, nullable: false),
                    started_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_protection_key_rotations", x => x.id);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "protection_data_protection_keys");

            migrationBuilder.DropTable(
                name: "protection_key_checks");

            migrationBuilder.DropTable(
                name: "protection_key_rotation_steps");

            migrationBuilder.DropTable(
                name: "protection_key_rotations");
        }
    }
}
