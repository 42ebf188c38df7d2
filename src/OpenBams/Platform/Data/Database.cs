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
            options.UseSqlite(ConnectionString, o => o.MigrationsHistoryTable("__migrations"));
        // Migrations are written by hand (no `dotnet ef` here) and carry no model snapshot; the
        // schema test proves they produce exactly the model's schema on both engines.
        options.ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));
    }
}
