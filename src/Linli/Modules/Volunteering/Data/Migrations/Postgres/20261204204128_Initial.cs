using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Linli.Modules.Volunteering.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "volunteering");

            migrationBuilder.CreateTable(
                name: "volunteers",
                schema: "volunteering",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    resident_id = table.Column<long>(type: "bigint", nullable: false),
                    name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    home_community_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false, collation: "C"),
                    community_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false, collation: "C"),
                    skills = table.Column<int>(type: "integer", nullable: false),
                    is_party_member = table.Column<bool>(type: "boolean", nullable: false),
                    party_branch = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    work_unit = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    account_user_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    registered_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    registered_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_volunteers", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_volunteers_account_user_name",
                schema: "volunteering",
                table: "volunteers",
                column: "account_user_name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_volunteers_community_code_id",
                schema: "volunteering",
                table: "volunteers",
                columns: new[] { "community_code", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_volunteers_resident_id",
                schema: "volunteering",
                table: "volunteers",
                column: "resident_id",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "volunteers",
                schema: "volunteering");
        }
    }
}
