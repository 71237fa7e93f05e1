using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Linli.Modules.Residents.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ResidentSearchIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_residents_residents_name",
                table: "residents_residents");

            migrationBuilder.CreateIndex(
                name: "ix_residents_residents_name_community_code",
                table: "residents_residents",
                columns: new[] { "name", "community_code" });

            migrationBuilder.CreateIndex(
                name: "ix_residents_population_tags_tag_community_code_resident_id",
                table: "residents_population_tags",
                columns: new[] { "tag", "community_code", "resident_id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_residents_residents_name_community_code",
                table: "residents_residents");

            migrationBuilder.DropIndex(
                name: "ix_residents_population_tags_tag_community_code_resident_id",
                table: "residents_population_tags");

            migrationBuilder.CreateIndex(
                name: "ix_residents_residents_name",
                table: "residents_residents",
                column: "name");
        }
    }
}
