using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Linli.Modules.Residents.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ResidentSearchIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_residents_name",
                schema: "residents",
                table: "residents");

            migrationBuilder.CreateIndex(
                name: "ix_residents_name_community_code",
                schema: "residents",
                table: "residents",
                columns: new[] { "name", "community_code" })
                .Annotation("Npgsql:IndexOperators", new[] { "text_pattern_ops", "text_pattern_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_population_tags_tag_community_code_resident_id",
                schema: "residents",
                table: "population_tags",
                columns: new[] { "tag", "community_code", "resident_id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_residents_name_community_code",
                schema: "residents",
                table: "residents");

            migrationBuilder.DropIndex(
                name: "ix_population_tags_tag_community_code_resident_id",
                schema: "residents",
                table: "population_tags");

            migrationBuilder.CreateIndex(
                name: "ix_residents_name",
                schema: "residents",
                table: "residents",
                column: "name")
                .Annotation("Npgsql:IndexOperators", new[] { "text_pattern_ops" });
        }
    }
}
