using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Linli.Modules.Volunteering.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class HoursLedger : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "volunteering_hours_entries",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    volunteer_id = table.Column<long>(type: "INTEGER", nullable: false),
                    order_id = table.Column<long>(type: "INTEGER", nullable: true),
                    community_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    service_day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    sign_in_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    sign_out_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    attended_minutes = table.Column<int>(type: "INTEGER", nullable: false),
                    minutes = table.Column<int>(type: "INTEGER", nullable: false),
                    reverses_entry_id = table.Column<long>(type: "INTEGER", nullable: true),
                    reason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    recorded_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    recorded_by = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_volunteering_hours_entries", x => x.id);
                    table.ForeignKey(
                        name: "fk_volunteering_hours_entries_orders_order_id",
                        column: x => x.order_id,
                        principalTable: "volunteering_orders",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_volunteering_hours_entries_volunteering_hours_entries_reverses_entry_id",
                        column: x => x.reverses_entry_id,
                        principalTable: "volunteering_hours_entries",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_volunteering_hours_entries_volunteers_volunteer_id",
                        column: x => x.volunteer_id,
                        principalTable: "volunteering_volunteers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_volunteering_hours_entries_order_id_volunteer_id",
                table: "volunteering_hours_entries",
                columns: new[] { "order_id", "volunteer_id" });

            migrationBuilder.CreateIndex(
                name: "ix_volunteering_hours_entries_reverses_entry_id",
                table: "volunteering_hours_entries",
                column: "reverses_entry_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_volunteering_hours_entries_volunteer_id_service_day",
                table: "volunteering_hours_entries",
                columns: new[] { "volunteer_id", "service_day" });

            // The ledger is append-only: corrections are new reversing rows, so the database itself refuses any change of a row.
            migrationBuilder.Sql("""
                CREATE TRIGGER volunteering_hours_entries_no_update BEFORE UPDATE ON volunteering_hours_entries
                BEGIN SELECT RAISE(ABORT, 'volunteering_hours_entries is append-only: record a reversing entry instead'); END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER volunteering_hours_entries_no_delete BEFORE DELETE ON volunteering_hours_entries
                BEGIN SELECT RAISE(ABORT, 'volunteering_hours_entries is append-only: record a reversing entry instead'); END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS volunteering_hours_entries_no_update;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS volunteering_hours_entries_no_delete;");
            migrationBuilder.DropTable(
                name: "volunteering_hours_entries");
        }
    }
}
