using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Linli.Platform.Audit.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AuditChain : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_entries_subject_type_subject_id",
                schema: "audit",
                table: "entries");

            migrationBuilder.AddColumn<long>(
                name: "count",
                schema: "audit",
                table: "entries",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<byte[]>(
                name: "hash",
                schema: "audit",
                table: "entries",
                type: "bytea",
                nullable: false,
                defaultValue: new byte[0]);

            migrationBuilder.AddColumn<string>(
                name: "key_id",
                schema: "audit",
                table: "entries",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<byte[]>(
                name: "previous_hash",
                schema: "audit",
                table: "entries",
                type: "bytea",
                nullable: false,
                defaultValue: new byte[0]);

            migrationBuilder.AddColumn<long>(
                name: "sequence",
                schema: "audit",
                table: "entries",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<string>(
                name: "subject_label",
                schema: "audit",
                table: "entries",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "user_display_name",
                schema: "audit",
                table: "entries",
                type: "character varying(256)",
                maxLength: 256,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "checkpoints",
                schema: "audit",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    sequence = table.Column<long>(type: "bigint", nullable: false),
                    hash = table.Column<byte[]>(type: "bytea", nullable: false),
                    at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    key_id = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    mac = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_checkpoints", x => x.id);
                });

            // Entries written before the chain keep their order as their sequence and no hash: verification counts them
            // as predating the chain. The append-only trigger is lifted for this one statement.
            migrationBuilder.Sql("ALTER TABLE audit.entries DISABLE TRIGGER entries_append_only;");
            migrationBuilder.Sql("UPDATE audit.entries SET sequence = id;");
            migrationBuilder.Sql("ALTER TABLE audit.entries ENABLE TRIGGER entries_append_only;");
            // Checkpoints are append-only too, and neither table can be emptied by TRUNCATE (which row triggers do not see).
            migrationBuilder.Sql("CREATE TRIGGER checkpoints_append_only BEFORE UPDATE OR DELETE ON audit.checkpoints FOR EACH ROW EXECUTE FUNCTION audit.refuse_change();");
            migrationBuilder.Sql("CREATE TRIGGER entries_no_truncate BEFORE TRUNCATE ON audit.entries FOR EACH STATEMENT EXECUTE FUNCTION audit.refuse_change();");
            migrationBuilder.Sql("CREATE TRIGGER checkpoints_no_truncate BEFORE TRUNCATE ON audit.checkpoints FOR EACH STATEMENT EXECUTE FUNCTION audit.refuse_change();");

            migrationBuilder.CreateIndex(
                name: "ix_entries_action_at",
                schema: "audit",
                table: "entries",
                columns: new[] { "action", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_entries_sequence",
                schema: "audit",
                table: "entries",
                column: "sequence",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_entries_subject_type_subject_id_at",
                schema: "audit",
                table: "entries",
                columns: new[] { "subject_type", "subject_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_entries_user_name_at",
                schema: "audit",
                table: "entries",
                columns: new[] { "user_name", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_checkpoints_sequence",
                schema: "audit",
                table: "checkpoints",
                column: "sequence");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "checkpoints",
                schema: "audit");

            migrationBuilder.DropIndex(
                name: "ix_entries_action_at",
                schema: "audit",
                table: "entries");

            migrationBuilder.DropIndex(
                name: "ix_entries_sequence",
                schema: "audit",
                table: "entries");

            migrationBuilder.DropIndex(
                name: "ix_entries_subject_type_subject_id_at",
                schema: "audit",
                table: "entries");

            migrationBuilder.DropIndex(
                name: "ix_entries_user_name_at",
                schema: "audit",
                table: "entries");

            migrationBuilder.DropColumn(
                name: "count",
                schema: "audit",
                table: "entries");

            migrationBuilder.DropColumn(
                name: "hash",
                schema: "audit",
                table: "entries");

            migrationBuilder.DropColumn(
                name: "key_id",
                schema: "audit",
                table: "entries");

            migrationBuilder.DropColumn(
                name: "previous_hash",
                schema: "audit",
                table: "entries");

            migrationBuilder.DropColumn(
                name: "sequence",
                schema: "audit",
                table: "entries");

            migrationBuilder.DropColumn(
                name: "subject_label",
                schema: "audit",
                table: "entries");

            migrationBuilder.DropColumn(
                name: "user_display_name",
                schema: "audit",
                table: "entries");

            migrationBuilder.CreateIndex(
                name: "ix_entries_subject_type_subject_id",
                schema: "audit",
                table: "entries",
                columns: new[] { "subject_type", "subject_id" });
        }
    }
}
