using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Linli.Modules.Volunteering.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Orders : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "volunteering_orders",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    community_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    skill = table.Column<int>(type: "INTEGER", nullable: false),
                    title = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    description = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    starts_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ends_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    capacity = table.Column<int>(type: "INTEGER", nullable: false),
                    claimed = table.Column<int>(type: "INTEGER", nullable: false),
                    state = table.Column<int>(type: "INTEGER", nullable: false),
                    resident_id = table.Column<long>(type: "INTEGER", nullable: true),
                    posted_by = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    posted_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    dispatched_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    completed_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    cancelled_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    cancel_reason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_volunteering_orders", x => x.id);
                    table.CheckConstraint("ck_orders_capacity_positive", "capacity > 0");
                    table.CheckConstraint("ck_orders_claimed_within_capacity", "claimed >= 0 AND claimed <= capacity");
                });

            migrationBuilder.CreateTable(
                name: "volunteering_order_claims",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    order_id = table.Column<long>(type: "INTEGER", nullable: false),
                    volunteer_id = table.Column<long>(type: "INTEGER", nullable: false),
                    community_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    claimed_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    claimed_by = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_volunteering_order_claims", x => x.id);
                    table.ForeignKey(
                        name: "fk_volunteering_order_claims_orders_order_id",
                        column: x => x.order_id,
                        principalTable: "volunteering_orders",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_volunteering_order_claims_volunteers_volunteer_id",
                        column: x => x.volunteer_id,
                        principalTable: "volunteering_volunteers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_volunteering_order_claims_order_id_volunteer_id",
                table: "volunteering_order_claims",
                columns: new[] { "order_id", "volunteer_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_volunteering_order_claims_volunteer_id",
                table: "volunteering_order_claims",
                column: "volunteer_id");

            migrationBuilder.CreateIndex(
                name: "ix_volunteering_orders_community_code_state_starts_at",
                table: "volunteering_orders",
                columns: new[] { "community_code", "state", "starts_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "volunteering_order_claims");

            migrationBuilder.DropTable(
                name: "volunteering_orders");
        }
    }
}
