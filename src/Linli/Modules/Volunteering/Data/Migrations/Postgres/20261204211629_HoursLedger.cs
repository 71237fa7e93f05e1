using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Linli.Modules.Volunteering.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class HoursLedger : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "hours_entries",
                schema: "volunteering",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    volunteer_id = table.Column<long>(type: "bigint", nullable: false),
                    order_id = table.Column<long>(type: "bigint", nullable: true),
                    community_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false, collation: "C"),
                    service_day = table.Column<DateOnly>(type: "date", nullable: false),
                    sign_in_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    sign_out_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    attended_minutes = table.Column<int>(type: "integer", nullable: false),
                    minutes = table.Column<int>(type: "integer", nullable: false),
                    reverses_entry_id = table.Column<long>(type: "bigint", nullable: true),
                    reason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    recorded_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_hours_entries", x => x.id);
                    table.ForeignKey(
                        name: "fk_hours_entries_hours_entries_reverses_entry_id",
                        column: x => x.reverses_entry_id,
                        principalSchema: "volunteering",
                        principalTable: "hours_entries",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_hours_entries_orders_order_id",
                        column: x => x.order_id,
                        principalSchema: "volunteering",
                        principalTable: "orders",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_hours_entries_volunteers_volunteer_id",
                        column: x => x.volunteer_id,
                        principalSchema: "volunteering",
                        principalTable: "volunteers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_hours_entries_order_id_volunteer_id",
                schema: "volunteering",
                table: "hours_entries",
                columns: new[] { "order_id", "volunteer_id" });

            migrationBuilder.CreateIndex(
                name: "ix_hours_entries_reverses_entry_id",
                schema: "volunteering",
                table: "hours_entries",
                column: "reverses_entry_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_hours_entries_volunteer_id_service_day",
                schema: "volunteering",
                table: "hours_entries",
                columns: new[] { "volunteer_id", "service_day" });

            // The ledger is append-only: corrections are new reversing rows, so the database itself refuses any change of a row (and TRUNCATE).
            migrationBuilder.Sql("""
                CREATE FUNCTION volunteering.refuse_hours_entry_change() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION 'volunteering.hours_entries is append-only: record a reversing entry instead' USING ERRCODE = 'restrict_violation';
                END $$;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER hours_entries_append_only BEFORE UPDATE OR DELETE ON volunteering.hours_entries
                FOR EACH ROW EXECUTE FUNCTION volunteering.refuse_hours_entry_change();
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER hours_entries_no_truncate BEFORE TRUNCATE ON volunteering.hours_entries
                FOR EACH STATEMENT EXECUTE FUNCTION volunteering.refuse_hours_entry_change();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS hours_entries_no_truncate ON volunteering.hours_entries;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS hours_entries_append_only ON volunteering.hours_entries;");
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS volunteering.refuse_hours_entry_change();");
            migrationBuilder.DropTable(
                name: "hours_entries",
                schema: "volunteering");
        }
    }
}
