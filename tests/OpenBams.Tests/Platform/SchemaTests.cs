using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;
using OpenBams.Platform.Data;
using OpenBams.Platform.Tenancy;
using OpenBams.Testing;

namespace OpenBams.Tests.Platform;

/// <summary>
/// Migrations are written by hand (no `dotnet ef` here), so these tests are what keeps them honest:
/// the schema the migrations build must equal the schema EF derives from the model, on both engines,
/// and an existing database with data must upgrade from the previous migration.
/// </summary>
public abstract class SchemaTests(DatabaseProvider provider)
{
    private const string Initial = "20261123000001_Initial";

    [Fact]
    public async Task Migrations_build_exactly_the_schema_of_the_model()
    {
        await using var migrated = await ScratchDb.CreateAsync(provider);
        await using var created = await ScratchDb.CreateAsync(provider);
        await using (var db = migrated.Context()) await db.Database.MigrateAsync();
        await using (var db = created.Context()) await db.Database.EnsureCreatedAsync();

        var fromMigrations = await migrated.DumpSchemaAsync();
        var fromModel = await created.DumpSchemaAsync();

        Assert.NotEmpty(fromModel);
        Assert.Equal(fromModel.Except(fromMigrations).ToList(), []);
        Assert.Equal(fromMigrations.Except(fromModel).ToList(), []);
    }

    [Fact]
    public async Task A_database_with_data_upgrades_from_the_previous_migration()
    {
        await using var scratch = await ScratchDb.CreateAsync(provider);
        await using (var db = scratch.Context())
        {
            await db.GetService<IMigrator>().MigrateAsync(Initial);
            Assert.Equal([Initial], await db.Database.GetAppliedMigrationsAsync());
            // Data written by an installation still on the first migration.
            await db.Database.ExecuteSqlRawAsync("""INSERT INTO "Regions" ("Name", "InNakhchivan", "SortOrder") VALUES ('Test rayonu', FALSE, 1)""");
            var regionId = await db.Regions.Select(r => r.Id).SingleAsync();
            await db.Database.ExecuteSqlRawAsync(
                """INSERT INTO "Municipalities" ("Name", "NameAsPrinted", "SearchKey", "Kind", "KindBasis", "Status", "RegionId", "Version") VALUES ('Sınaq bələdiyyəsi', 'Sınaq bolədiyyosi', 'sineg', 3, 'territory', 0, {0}, 0)""",
                regionId);
            await db.Database.ExecuteSqlRawAsync(
                """INSERT INTO "AuditLog" ("At", "UserName", "Entity", "EntityId", "Action") VALUES ({0}, 'old', 'Municipality', '1', 'create')""",
                DateTime.UtcNow);
            // Before the upgrade the audit log could still be edited at the database level.
            Assert.Equal(1, await db.Database.ExecuteSqlRawAsync("""UPDATE "AuditLog" SET "Reason" = 'before upgrade'"""));
        }

        await using (var db = scratch.Context())
        {
            await db.Database.MigrateAsync();
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            var m = await db.Municipalities.Include(x => x.Region).SingleAsync();
            Assert.Equal("Sınaq bələdiyyəsi", m.Name);
            Assert.Equal("Test rayonu", m.Region!.Name);
            var audit = await db.AuditLog.SingleAsync();
            Assert.Equal("before upgrade", audit.Reason);
            // After the upgrade the database itself refuses to rewrite history.
            await Assert.ThrowsAnyAsync<DbException>(() => db.Database.ExecuteSqlRawAsync("""UPDATE "AuditLog" SET "Reason" = 'tampered'"""));
            await Assert.ThrowsAnyAsync<DbException>(() => db.Database.ExecuteSqlRawAsync("""DELETE FROM "AuditLog" """));
            Assert.Equal(1, await db.AuditLog.CountAsync());
        }
    }

    [Fact]
    public async Task A_commission_meeting_recorded_before_the_commission_rules_keeps_its_data_and_is_not_final()
    {
        await using var scratch = await ScratchDb.CreateAsync(provider);
        await using (var db = scratch.Context())
        {
            await db.GetService<IMigrator>().MigrateAsync("20261123000003_Council");
            const string tallies = """[{"commissionId":7,"commission":"Büdcə","members":3,"presentMemberIds":[1,2],"present":2,"for":2,"against":0,"abstain":0,"required":2,"adopted":true}]""";
            await db.Database.ExecuteSqlRawAsync(
                """INSERT INTO "CommissionMeetings" ("MunicipalityId", "HeldOn", "NotifiedOn", "Subject", "DecisionText", "Adopted", "Tallies", "IsReportToCouncil") VALUES (1, {0}, {1}, 'Köhnə iclas', 'Qərar', TRUE, {2}, FALSE)""",
                new DateOnly(2026, 5, 12), new DateOnly(2026, 5, 8), tallies);
        }

        await using (var db = scratch.Context())
        {
            await db.Database.MigrateAsync();
            var meeting = await db.CommissionMeetings.SingleAsync();
            Assert.Equal(("Köhnə iclas", new DateOnly(2026, 5, 12), true), (meeting.Subject, meeting.HeldOn, meeting.Adopted));
            // COMM 14, 17, 20: who presided was not recorded; the minutes are not final; the version starts at 0.
            Assert.Equal((null, null, null, null, 0L), (meeting.Minutes, meeting.PresidedByMemberId, meeting.PresidingBasis, meeting.MinutesFinalAt, meeting.Version));
            meeting.Minutes = "Sonradan yazılmış protokol";
            await db.SaveChangesAsync();
            Assert.Equal(1L, meeting.Version);
            Assert.Empty(await db.CommissionDissents.ToListAsync());
            Assert.Empty(await db.CommissionMeetingSignatures.ToListAsync());
        }
    }

    [Fact]
    public async Task Every_migration_can_be_rolled_back_to_an_empty_database()
    {
        await using var scratch = await ScratchDb.CreateAsync(provider);
        await using var db = scratch.Context();
        await db.Database.MigrateAsync();
        await db.GetService<IMigrator>().MigrateAsync(Migration.InitialDatabase);
        Assert.Empty(await db.Database.GetAppliedMigrationsAsync());
        Assert.DoesNotContain(await scratch.DumpSchemaAsync(), line => line.StartsWith("table Municipalities", StringComparison.Ordinal));
    }
}

public sealed class SchemaTests_Sqlite() : SchemaTests(DatabaseProvider.Sqlite);
public sealed class SchemaTests_Postgres() : SchemaTests(DatabaseProvider.PostgreSQL);

/// <summary>An empty database of its own, dropped afterwards.</summary>
internal sealed class ScratchDb : IAsyncDisposable
{
    private DatabaseSettings Settings { get; init; } = null!;
    private Func<Task> Drop { get; init; } = () => Task.CompletedTask;

    public static async Task<ScratchDb> CreateAsync(DatabaseProvider provider)
    {
        if (provider == DatabaseProvider.Sqlite)
        {
            var dir = Directory.CreateTempSubdirectory("openbams-schema-").FullName;
            return new ScratchDb
            {
                Settings = new DatabaseSettings(provider, $"Data Source={Path.Combine(dir, "s.db")};Pooling=False", dir),
                Drop = () => { SqliteConnection.ClearAllPools(); Directory.Delete(dir, true); return Task.CompletedTask; },
            };
        }
        var server = Templates.PostgresServer;
        var name = "obams_schema_" + Guid.NewGuid().ToString("N")[..12];
        await Templates.ExecAsync(server, $"CREATE DATABASE {name}");
        var cs = new NpgsqlConnectionStringBuilder(server) { Database = name, Pooling = false }.ConnectionString;
        return new ScratchDb
        {
            Settings = new DatabaseSettings(provider, cs, Path.GetTempPath()),
            Drop = () => Templates.ExecAsync(server, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)"),
        };
    }

    public AppDb Context()
    {
        var options = new DbContextOptionsBuilder<AppDb>();
        Settings.Configure(options);
        return new AppDb(options.Options, new TenantAccessor());
    }

    /// <summary>Tables, columns (type, nullability), keys, indexes and foreign keys, one line each, engine-native.</summary>
    public async Task<List<string>> DumpSchemaAsync()
    {
        await using var db = Context();
        var conn = db.Database.GetDbConnection();
        await conn.OpenAsync();
        var lines = new List<string>();
        if (Settings.Provider == DatabaseProvider.Sqlite)
        {
            var tables = await QueryAsync(conn, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '__migrations'");
            foreach (var t in tables.Select(r => r[0]))
            {
                lines.Add($"table {t}");
                foreach (var c in await QueryAsync(conn, $"SELECT name, type, \"notnull\", pk FROM pragma_table_info('{t}')"))
                    lines.Add($"column {t}.{c[0]} {c[1]} notnull={c[2]} pk={c[3]}");
                foreach (var i in await QueryAsync(conn, $"SELECT name, \"unique\" FROM pragma_index_list('{t}') WHERE origin = 'c'"))
                {
                    var cols = await QueryAsync(conn, $"SELECT name FROM pragma_index_info('{i[0]}') ORDER BY seqno");
                    lines.Add($"index {t}.{i[0]} unique={i[1]} ({string.Join(",", cols.Select(x => x[0]))})");
                }
                foreach (var f in await QueryAsync(conn, $"SELECT \"table\", \"from\", \"to\", on_delete FROM pragma_foreign_key_list('{t}')"))
                    lines.Add($"fk {t}.{f[1]} -> {f[0]}.{f[2]} on delete {f[3]}");
            }
        }
        else
        {
            foreach (var c in await QueryAsync(conn, """
                SELECT table_name, column_name, data_type, is_nullable, coalesce(character_maximum_length, -1),
                       coalesce(numeric_precision, -1), coalesce(numeric_scale, -1), is_identity, coalesce(column_default, '')
                FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '__migrations'
                """))
                lines.Add($"column {c[0]}.{c[1]} {c[2]} null={c[3]} len={c[4]} p={c[5]} s={c[6]} identity={c[7]} default={c[8]}");
            foreach (var t in await QueryAsync(conn, "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> '__migrations'"))
                lines.Add($"table {t[0]}");
            foreach (var i in await QueryAsync(conn, "SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename <> '__migrations'"))
                lines.Add($"index {i[0]}.{i[1]} {i[2]}");
            foreach (var k in await QueryAsync(conn, """
                SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) FROM pg_constraint
                WHERE connamespace = 'public'::regnamespace AND conrelid::regclass::text <> '"__migrations"'
                """))
                lines.Add($"constraint {k[0]}.{k[1]} {k[2]}");
        }
        // EF's own bookkeeping (history table, migration lock) is not part of the application's schema.
        return lines.Where(l => !l.Contains("__migrations") && !l.Contains("__EFMigrationsLock"))
            .Order(StringComparer.Ordinal).ToList();
    }

    private static async Task<List<string[]>> QueryAsync(DbConnection conn, string sql)
    {
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        await using var r = await cmd.ExecuteReaderAsync();
        var rows = new List<string[]>();
        while (await r.ReadAsync())
            rows.Add(Enumerable.Range(0, r.FieldCount).Select(i => Convert.ToString(r.GetValue(i)) ?? "").ToArray());
        return rows;
    }

    public async ValueTask DisposeAsync() => await Drop();
}
