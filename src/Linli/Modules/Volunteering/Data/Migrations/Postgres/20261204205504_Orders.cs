using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Linli.Modules.Volunteering.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Orders : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "orders",
                schema: "volunteering",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    community_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false, collation: "C"),
                    skill = table.Column<int>(type: "integer", nullable: false),
                    title = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    description = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    starts_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ends_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    capacity = table.Column<int>(type: "integer", nullable: false),
                    claimed = table.Column<int>(type: "integer", nullable: false),
                    state = table.Column<int>(type: "integer", nullable: false),
                    resident_id = table.Column<long>(type: "bigint", nullable: true),
                    posted_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    posted_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    dispatched_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    completed_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    cancelled_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    cancel_reason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_orders", x => x.id);
                    table.CheckConstraint("ck_orders_capacity_positive", "capacity > 0");
                    table.CheckConstraint("ck_orders_claimed_within_capacity", "claimed >= 0 AND claimed <= capacity");
                });

            migrationBuilder.CreateTable(
                name: "order_claims",
                schema: "volunteering",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    order_id = table.Column<long>(type: "bigint", nullable: false),
                    volunteer_id = table.Column<long>(type: "bigint", nullable: false),
                    community_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false, collation: "C"),
                    claimed_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    claimed_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_order_claims", x => x.id);
                    table.ForeignKey(
                        name: "fk_order_claims_orders_order_id",
                        column: x => x.order_id,
                        principalSchema: "volunteering",
                        principalTable: "orders",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_order_claims_volunteers_volunteer_id",
                        column: x => x.volunteer_id,
                        principalSchema: "volunteering",
                        principalTable: "volunteers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_order_claims_order_id_volunteer_id",
                schema: "volunteering",
                table: "order_claims",
                columns: new[] { "order_id", "volunteer_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_order_claims_volunteer_id",
                schema: "volunteering",
                table: "order_claims",
                column: "volunteer_id");

            migrationBuilder.CreateIndex(
                name: "ix_orders_community_code_state_starts_at",
                schema: "volunteering",
                table: "orders",
                columns: new[] { "community_code", "state", "starts_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "order_claims",
                schema: "volunteering");

            migrationBuilder.DropTable(
                name: "orders",
                schema: "volunteering");
        }
    }
}
