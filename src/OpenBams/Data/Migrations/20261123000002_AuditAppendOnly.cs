using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using OpenBams.Platform.Data;

#nullable disable

namespace OpenBams.Data.Migrations;

/// <summary>
/// Makes the audit log append-only in the database itself, not only in AppDb: an UPDATE or DELETE
/// of an audit row fails on both engines, whatever client issues it.
/// </summary>
[DbContext(typeof(AppDb))]
[Migration("20261123000002_AuditAppendOnly")]
public sealed class AuditAppendOnly : Migration
{
    protected override void Up(MigrationBuilder b)
    {
        if (b.IsPostgres())
        {
            b.Sql("""
                CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION 'The audit log is append-only (% refused)', TG_OP;
                END $$;
                """);
            b.Sql("""
                CREATE TRIGGER "AuditLog_append_only" BEFORE UPDATE OR DELETE ON "AuditLog"
                FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
                """);
        }
        else
        {
            b.Sql("""
                CREATE TRIGGER "AuditLog_no_update" BEFORE UPDATE ON "AuditLog"
                BEGIN SELECT RAISE(ABORT, 'The audit log is append-only (UPDATE refused)'); END;
                """);
            b.Sql("""
                CREATE TRIGGER "AuditLog_no_delete" BEFORE DELETE ON "AuditLog"
                BEGIN SELECT RAISE(ABORT, 'The audit log is append-only (DELETE refused)'); END;
                """);
        }
    }

    protected override void Down(MigrationBuilder b)
    {
        if (b.IsPostgres())
        {
            b.Sql("""DROP TRIGGER "AuditLog_append_only" ON "AuditLog";""");
            b.Sql("DROP FUNCTION audit_log_append_only();");
        }
        else
        {
            b.Sql("""DROP TRIGGER "AuditLog_no_update";""");
            b.Sql("""DROP TRIGGER "AuditLog_no_delete";""");
        }
    }
}
