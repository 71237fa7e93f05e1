using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Linli.Modules.Volunteering.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "volunteering_volunteers",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    resident_id = table.Column<long>(type: "INTEGER", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    home_community_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    community_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    skills = table.Column<int>(type: "INTEGER", nullable: false),
                    is_party_member = table.Column<bool>(type: "INTEGER", nullable: false),
                    party_branch = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    work_unit = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    account_user_name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    registered_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    registered_by = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_volunteering_volunteers", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_volunteering_volunteers_account_user_name",
                table: "volunteering_volunteers",
                column: "account_user_name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_volunteering_volunteers_community_code_id",
                table: "volunteering_volunteers",
                columns: new[] { "community_code", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_volunteering_volunteers_resident_id",
                table: "volunteering_volunteers",
                column: "resident_id",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "volunteering_volunteers");
        }
    }
}
