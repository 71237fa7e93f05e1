using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Linli.Platform.Audit.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AuditChain : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_audit_entries_subject_type_subject_id",
                table: "audit_entries");

            migrationBuilder.AddColumn<long>(
                name: "count",
                table: "audit_entries",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<byte[]>(
                name: "hash",
                table: "audit_entries",
                type: "BLOB",
                nullable: false,
                defaultValue: new byte[0]);

            migrationBuilder.AddColumn<string>(
                name: "key_id",
                table: "audit_entries",
                type: "TEXT",
                maxLength: 16,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<byte[]>(
                name: "previous_hash",
                table: "audit_entries",
                type: "BLOB",
                nullable: false,
                defaultValue: new byte[0]);

            migrationBuilder.AddColumn<long>(
                name: "sequence",
                table: "audit_entries",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<string>(
                name: "subject_label",
                table: "audit_entries",
                type: "TEXT",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "user_display_name",
                table: "audit_entries",
                type: "TEXT",
                maxLength: 256,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "audit_checkpoints",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    sequence = table.Column<long>(type: "INTEGER", nullable: false),
                    hash = table.Column<byte[]>(type: "BLOB", nullable: false),
                    at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    key_id = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    mac = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_audit_checkpoints", x => x.id);
                });

            // Entries written before the chain keep their order as their sequence and no hash: verification counts them
            // as predating the chain. The append-only trigger is lifted for this one statement.
            migrationBuilder.Sql("DROP TRIGGER audit_entries_no_update;");
            migrationBuilder.Sql("UPDATE audit_entries SET sequence = id;");
            migrationBuilder.Sql("CREATE TRIGGER audit_entries_no_update BEFORE UPDATE ON audit_entries BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;");
            migrationBuilder.Sql("CREATE TRIGGER audit_checkpoints_no_update BEFORE UPDATE ON audit_checkpoints BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;");
            migrationBuilder.Sql("CREATE TRIGGER audit_checkpoints_no_delete BEFORE DELETE ON audit_checkpoints BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;");

            migrationBuilder.CreateIndex(
                name: "ix_audit_entries_action_at",
                table: "audit_entries",
                columns: new[] { "action", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_audit_entries_sequence",
                table: "audit_entries",
                column: "sequence",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_audit_entries_subject_type_subject_id_at",
                table: "audit_entries",
                columns: new[] { "subject_type", "subject_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_audit_entries_user_name_at",
                table: "audit_entries",
                columns: new[] { "user_name", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_audit_checkpoints_sequence",
                table: "audit_checkpoints",
                column: "sequence");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "audit_checkpoints");

            migrationBuilder.DropIndex(
                name: "ix_audit_entries_action_at",
                table: "audit_entries");

            migrationBuilder.DropIndex(
                name: "ix_audit_entries_sequence",
                table: "audit_entries");

            migrationBuilder.DropIndex(
                name: "ix_audit_entries_subject_type_subject_id_at",
                table: "audit_entries");

            migrationBuilder.DropIndex(
                name: "ix_audit_entries_user_name_at",
                table: "audit_entries");

            migrationBuilder.DropColumn(
                name: "count",
                table: "audit_entries");

            migrationBuilder.DropColumn(
                name: "hash",
                table: "audit_entries");

            migrationBuilder.DropColumn(
                name: "key_id",
                table: "audit_entries");

            migrationBuilder.DropColumn(
                name: "previous_hash",
                table: "audit_entries");

            migrationBuilder.DropColumn(
                name: "sequence",
                table: "audit_entries");

            migrationBuilder.DropColumn(
                name: "subject_label",
                table: "audit_entries");

            migrationBuilder.DropColumn(
                name: "user_display_name",
                table: "audit_entries");

            migrationBuilder.CreateIndex(
                name: "ix_audit_entries_subject_type_subject_id",
                table: "audit_entries",
                columns: new[] { "subject_type", "subject_id" });
        }
    }
}
