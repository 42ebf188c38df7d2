using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace OpenBams.Bench;

/// <summary>
/// The real application as the benchmarks start it: OpenBamsApp.Build and PrepareAsync (migrations, the official
/// list, the administrator) on a new SQLite file or a throw-away PostgreSQL database, served in memory (TestServer).
/// </summary>
public sealed class BenchHost : IAsyncDisposable
{
    public const string AdminPassword = "Bench-password-2026";

    public required WebApplication App { get; init; }
    private string DataDir { get; init; } = "";
    private Func<Task>? DropDatabase { get; init; }

    /// <summary>SQLite always; PostgreSQL too when OPENBAMS_BENCH_POSTGRES names a server.</summary>
    public static IEnumerable<string> Engines()
    {
        string[] all = Environment.GetEnvironmentVariable("OPENBAMS_BENCH_POSTGRES") is { Length: > 0 } ? ["Sqlite", "PostgreSQL"] : ["Sqlite"];
        // OPENBAMS_BENCH_ENGINES=PostgreSQL runs one engine only.
        return Environment.GetEnvironmentVariable("OPENBAMS_BENCH_ENGINES") is { Length: > 0 } only
            ? all.Where(e => only.Split(',').Contains(e, StringComparer.OrdinalIgnoreCase)) : all;
    }

    /// <summary>Starts the app in memory, or with <paramref name="listenUrl"/> on Kestrel (a real socket, for wrk).</summary>
    public static async Task<BenchHost> StartAsync(string engine, string? listenUrl = null)
    {
        var dataDir = Directory.CreateTempSubdirectory("openbams-bench-").FullName;
        string? connectionString = null;
        Func<Task>? drop = null;
        if (engine == "PostgreSQL")
            (connectionString, drop) = await NewPostgresDatabaseAsync();
        var app = OpenBamsApp.Build([], b =>
        {
            b.Configuration["OpenBams:DataDirectory"] = dataDir;
            b.Configuration["OpenBams:Database:Provider"] = engine;
            if (connectionString is not null) b.Configuration["ConnectionStrings:OpenBams"] = connectionString;
            b.Configuration["OpenBams:AdminPassword"] = AdminPassword;
            // Errors only: the import's warnings about unmatched 2004 formations are not benchmark output.
            b.Logging.SetMinimumLevel(LogLevel.Error);
            if (listenUrl is not null) b.WebHost.UseUrls(listenUrl);
            else b.WebHost.UseTestServer(); // in-memory server for the HTTP scenarios; nothing listens on a port
        });
        await OpenBamsApp.PrepareAsync(app, []);
        await app.StartAsync();
        return new BenchHost { App = app, DataDir = dataDir, DropDatabase = drop };
    }

    /// <summary>A client that keeps cookies, like a browser (the same as the tests' TestApp.Client).</summary>
    public HttpClient Client() =>
        new(new CookieHandler(App.GetTestServer().CreateHandler())) { BaseAddress = new Uri("http://localhost/") };

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (DropDatabase is not null) await DropDatabase();
        try { Directory.Delete(DataDir, true); } catch (IOException) { }
    }

    /// <summary>A throw-away database on the given server (the role needs CREATEDB), dropped at cleanup.</summary>
    public static async Task<(string, Func<Task>)> NewPostgresDatabaseAsync()
    {
        var server = new NpgsqlConnectionStringBuilder(Environment.GetEnvironmentVariable("OPENBAMS_BENCH_POSTGRES"));
        var name = $"openbams_bench_{Guid.NewGuid():N}"[..28];
        await ExecAsync(server.ConnectionString, $"CREATE DATABASE {name}");
        var cs = new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = name }.ConnectionString;
        return (cs, async () =>
        {
            NpgsqlConnection.ClearAllPools();
            await ExecAsync(server.ConnectionString, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
        });
    }

    private static async Task ExecAsync(string cs, string sql)
    {
        await using var c = new NpgsqlConnection(cs);
        await c.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, c);
        await cmd.ExecuteNonQueryAsync();
    }

    private sealed class CookieHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        private readonly CookieContainer _cookies = new();

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
        {
            var uri = request.RequestUri!;
            var header = _cookies.GetCookieHeader(uri);
            if (header.Length > 0) request.Headers.Add("Cookie", header);
            var response = await base.SendAsync(request, ct);
            if (response.Headers.TryGetValues("Set-Cookie", out var set))
                foreach (var c in set) _cookies.SetCookies(uri, c);
            return response;
        }
    }
}
