using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Linli.Modules.Requests.Data.Migrations.Postgres
{
    /// <summary>
    /// The ticket roll-up gains categories and units per district (StatsDimension.CategoryByDistrict, UnitByDistrict; no
    /// change of the tables): forgetting which days were computed makes the roll-up job recompute every day with the new
    /// rows, and readers count the days from the tickets until it has (the numbers stay a recount throughout).
    /// </summary>
    [DbContext(typeof(PostgresRequestsDbContext))]
    [Migration("20261202051500_TicketRollupByDistrict")]
    public partial class TicketRollupByDistrict : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.Sql("DELETE FROM requests.ticket_stats_days;");

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.Sql("DELETE FROM requests.ticket_stats_days;");
    }
}
