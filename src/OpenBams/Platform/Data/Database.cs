using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace OpenBams.Platform.Data;

public enum DatabaseProvider { Sqlite, PostgreSQL }

/// <summary>
/// Where the data lives. SQLite (a file under the data directory) is the embedded default;
/// PostgreSQL is the production database. Configure with OpenBams:Database:Provider and
/// ConnectionStrings:OpenBams, or the environment variables OPENBAMS_DB_PROVIDER / OPENBAMS_DB.
/// </summary>
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString, string DataDirectory)
{
    public static DatabaseSettings From(IConfiguration config, string contentRoot)
    {
        var dataDir = config["OpenBams:DataDirectory"] ?? Environment.GetEnvironmentVariable("OPENBAMS_DATA_DIR")
                      ?? Path.Combine(contentRoot, "App_Data");
        dataDir = Path.GetFullPath(dataDir);
        var providerText = config["OpenBams:Database:Provider"] ?? Environment.GetEnvironmentVariable("OPENBAMS_DB_PROVIDER") ?? "Sqlite";
        if (!Enum.TryParse<DatabaseProvider>(providerText, ignoreCase: true, out var provider))
            throw new InvalidOperationException($"OpenBams:Database:Provider must be Sqlite or PostgreSQL, not '{providerText}'.");
        var cs = config.GetConnectionString("OpenBams") ?? Environment.GetEnvironmentVariable("OPENBAMS_DB");
        if (string.IsNullOrWhiteSpace(cs))
        {
            if (provider == DatabaseProvider.PostgreSQL)
                throw new InvalidOperationException("PostgreSQL needs ConnectionStrings:OpenBams (or OPENBAMS_DB).");
            cs = $"Data Source={Path.Combine(dataDir, "openbams.db")}";
        }
        return new DatabaseSettings(provider, cs, dataDir);
    }

    public void Configure(DbContextOptionsBuilder options)
    {
        if (Provider == DatabaseProvider.PostgreSQL)
            options.UseNpgsql(ConnectionString, o => o.MigrationsHistoryTable("__migrations"));
        else
            options.UseSqlite(ConnectionString, o => o.MigrationsHistoryTable("__migrations")).AddInterceptors(SqlitePragmas.Instance);
        options.AddInterceptors(CommittedChangesInterceptor.Instance);
        // Migrations are written by hand (no `dotnet ef` here) and carry no model snapshot; the
        // schema test proves they produce exactly the model's schema on both engines.
        options.ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));
    }
}

/// <summary>
/// SQLite in write-ahead-log mode with normal synchronisation: readers (pages, the API) do not wait for a long writer (a
/// background job), and a commit does not wait for the disk — after a power cut the last commits may be lost, never the
/// database (sqlite.org/wal.html). The journal mode is stored in the file; synchronisation is set per connection.
/// </summary>
internal sealed class SqlitePragmas : Microsoft.EntityFrameworkCore.Diagnostics.DbConnectionInterceptor
{
    public static readonly SqlitePragmas Instance = new();
    private const string Sql = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;";

    public override void ConnectionOpened(System.Data.Common.DbConnection connection, Microsoft.EntityFrameworkCore.Diagnostics.ConnectionEndEventData eventData)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = Sql;
        cmd.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(System.Data.Common.DbConnection connection, Microsoft.EntityFrameworkCore.Diagnostics.ConnectionEndEventData eventData,
        CancellationToken cancellationToken = default)
    {
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = Sql;
        await cmd.ExecuteNonQueryAsync(cancellationToken);
    }
}
