using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using OpenBams.Platform.Data;
using OpenBams.Platform.Identity;
using OpenBams.Platform.Tenancy;

namespace OpenBams.Testing;

/// <summary>
/// The real OpenBAMS application on a real database: a SQLite file, or a database of the throw-away
/// PostgreSQL that ./test.sh starts (OPENBAMS_TEST_POSTGRES). Each app gets its own database, cloned
/// from a template that was migrated and loaded with the official list once per test process.
/// </summary>
public sealed class TestApp : IAsyncDisposable
{
    public const string Password = "Test-password-2026";
    public const string AdminPassword = "Admin-password-2026";

    public required WebApplication App { get; init; }
    public required DatabaseProvider Provider { get; init; }
    public required string ConnectionString { get; init; }
    public string? BaseUrl { get; private init; }
    private string DataDir { get; init; } = "";
    private Func<Task>? DropDatabase { get; init; }

    public IServiceProvider Services => App.Services;

    /// <summary>The app's clock: real time until a test moves it (a session called 5 days ahead is held "today").</summary>
    public TestClock Clock { get; private init; } = new();

    /// <param name="configure">Test-only changes to the host, applied before the application's own services (e.g. a clock).</param>
    public static async Task<TestApp> StartAsync(DatabaseProvider provider, bool kestrel = false, Action<WebApplicationBuilder>? configure = null)
    {
        var dataDir = Directory.CreateTempSubdirectory("openbams-test-").FullName;
        var (cs, drop) = provider == DatabaseProvider.PostgreSQL
            ? await Templates.NewPostgresDatabaseAsync()
            : (await Templates.NewSqliteDatabaseAsync(dataDir), (Func<Task>?)null);
        var clock = new TestClock();
        var app = OpenBamsApp.Build([], b =>
        {
            b.Services.AddSingleton<TimeProvider>(clock);
            // Sign-in cookies keep real time, so a test that moves "today" by months stays logged in.
            b.Services.PostConfigureAll<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>(o => o.TimeProvider = TimeProvider.System);
            b.Services.PostConfigure<SecurityStampValidatorOptions>(o => o.TimeProvider = TimeProvider.System);
            b.Configuration["OpenBams:Database:Provider"] = provider.ToString();
            b.Configuration["ConnectionStrings:OpenBams"] = cs;
            b.Configuration["OpenBams:DataDirectory"] = dataDir;
            b.Configuration["OpenBams:AdminPassword"] = AdminPassword;
            b.Logging.SetMinimumLevel(LogLevel.Warning);
            if (kestrel) b.WebHost.UseUrls("http://127.0.0.1:0");
            else b.WebHost.UseTestServer();
            configure?.Invoke(b);
        });
        await OpenBamsApp.PrepareAsync(app, []);
        await app.StartAsync();
        var url = kestrel ? app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() : null;
        return new TestApp { Clock = clock, App = app, Provider = provider, ConnectionString = cs, BaseUrl = url, DataDir = dataDir, DropDatabase = drop };
    }

    /// <summary>An HTTP client that keeps cookies, like a browser session.</summary>
    public HttpClient Client()
    {
        HttpMessageHandler inner = BaseUrl is null ? App.GetTestServer().CreateHandler() : new SocketsHttpHandler();
        var handler = new CookieHandler(inner);
        return new HttpClient(handler) { BaseAddress = new Uri(BaseUrl ?? "http://localhost/") };
    }

    /// <summary>Logs in through the real API and returns the session's client.</summary>
    public async Task<HttpClient> LoginAsync(string userName, string? password = null)
    {
        var client = Client();
        var r = await client.PostAsJsonAsync("/api/v1/auth/login", new { userName, password = password ?? Password });
        if (r.StatusCode != HttpStatusCode.OK)
            throw new InvalidOperationException($"Login of {userName} failed: {(int)r.StatusCode} {await r.Content.ReadAsStringAsync()}");
        return client;
    }

    public Task<HttpClient> LoginAdminAsync() => LoginAsync("admin", AdminPassword);

    /// <summary>Creates a user with one role, directly (not through the API under test).</summary>
    public async Task<AppUser> CreateUserAsync(string userName, Role role, int? municipalityId, string? personalId = null)
    {
        using var scope = Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<TenantAccessor>().Use(TenantContext.System);
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        var user = new AppUser { UserName = userName, FullName = "Test " + userName, PersonalId = personalId, CreatedAt = DateTime.UtcNow };
        var result = await users.CreateAsync(user, Password);
        if (!result.Succeeded) throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        db.RoleAssignments.Add(new RoleAssignment { UserId = user.Id, Role = role, MunicipalityId = municipalityId, GrantedAt = DateTime.UtcNow, GrantedBy = "test" });
        await db.SaveChangesAsync();
        return user;
    }

    /// <summary>Runs work on the database as a given tenant (the platform itself by default).</summary>
    public async Task<T> WithDbAsync<T>(Func<AppDb, Task<T>> work, TenantContext? tenant = null)
    {
        using var scope = Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<TenantAccessor>().Use(tenant ?? TenantContext.System);
        return await work(scope.ServiceProvider.GetRequiredService<AppDb>());
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        if (DropDatabase is not null) await DropDatabase();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(DataDir, recursive: true); } catch (IOException) { }
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

/// <summary>Migrated and loaded databases to clone from, made once per test process and engine.</summary>
internal static class Templates
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static string? _sqliteTemplate;
    private static string? _postgresTemplate;
    private static readonly string RunId = Guid.NewGuid().ToString("N")[..10];

    public static string PostgresServer =>
        Environment.GetEnvironmentVariable("OPENBAMS_TEST_POSTGRES")
        ?? throw new InvalidOperationException(
            "OPENBAMS_TEST_POSTGRES is not set. Run the suite with ./test.sh, which starts a throw-away PostgreSQL.");

    public static async Task<string> NewSqliteDatabaseAsync(string dataDir)
    {
        await Gate.WaitAsync();
        try
        {
            if (_sqliteTemplate is null)
            {
                var dir = Directory.CreateTempSubdirectory("openbams-template-").FullName;
                var path = Path.Combine(dir, "template.db");
                await PrepareAsync(DatabaseProvider.Sqlite, $"Data Source={path};Pooling=False", dir);
                _sqliteTemplate = path;
            }
        }
        finally { Gate.Release(); }
        var target = Path.Combine(dataDir, "openbams.db");
        File.Copy(_sqliteTemplate, target);
        return $"Data Source={target}";
    }

    public static async Task<(string, Func<Task>)> NewPostgresDatabaseAsync()
    {
        var server = new NpgsqlConnectionStringBuilder(PostgresServer);
        await Gate.WaitAsync();
        try
        {
            if (_postgresTemplate is null)
            {
                var name = $"obams_tpl_{RunId}";
                await ExecAsync(server.ConnectionString, $"CREATE DATABASE {name}");
                var cs = new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = name, Pooling = false }.ConnectionString;
                await PrepareAsync(DatabaseProvider.PostgreSQL, cs, Directory.CreateTempSubdirectory("openbams-template-").FullName);
                NpgsqlConnection.ClearAllPools();
                _postgresTemplate = name;
            }
            var db = $"obams_{RunId}_{Guid.NewGuid().ToString("N")[..8]}";
            await ExecAsync(server.ConnectionString, $"CREATE DATABASE {db} TEMPLATE {_postgresTemplate}");
            var target = new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = db }.ConnectionString;
            return (target, async () =>
            {
                NpgsqlConnection.ClearAllPools();
                await ExecAsync(server.ConnectionString, $"DROP DATABASE IF EXISTS {db} WITH (FORCE)");
            });
        }
        finally { Gate.Release(); }
    }

    private static async Task PrepareAsync(DatabaseProvider provider, string cs, string dataDir)
    {
        var clock = new TestClock();
        var app = OpenBamsApp.Build([], b =>
        {
            b.Services.AddSingleton<TimeProvider>(clock);
            // Sign-in cookies keep real time, so a test that moves "today" by months stays logged in.
            b.Services.PostConfigureAll<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>(o => o.TimeProvider = TimeProvider.System);
            b.Services.PostConfigure<SecurityStampValidatorOptions>(o => o.TimeProvider = TimeProvider.System);
            b.Configuration["OpenBams:Database:Provider"] = provider.ToString();
            b.Configuration["ConnectionStrings:OpenBams"] = cs;
            b.Configuration["OpenBams:DataDirectory"] = dataDir;
            b.Configuration["OpenBams:AdminPassword"] = TestApp.AdminPassword;
            b.Logging.SetMinimumLevel(LogLevel.Warning);
            b.WebHost.UseTestServer();
        });
        await OpenBamsApp.PrepareAsync(app, []);
        await app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    public static async Task ExecAsync(string cs, string sql)
    {
        await using var c = new NpgsqlConnection(cs);
        await c.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, c);
        await cmd.ExecuteNonQueryAsync();
    }
}

/// <summary>
/// A clock tests can move; starts at the real time, or on the day in <c>OPENBAMS_TEST_TODAY</c> (yyyy-MM-dd), which runs the
/// suite as if on another day so that a test which only passes in the month it was written shows up before that month ends.
/// </summary>
public sealed class TestClock : TimeProvider
{
    private readonly TimeSpan _start;
    private TimeSpan _offset;

    public TestClock()
    {
        var day = Environment.GetEnvironmentVariable("OPENBAMS_TEST_TODAY");
        if (string.IsNullOrWhiteSpace(day)) return;
        if (!DateOnly.TryParseExact(day, "yyyy-MM-dd", out var d)) throw new InvalidOperationException($"OPENBAMS_TEST_TODAY is yyyy-MM-dd, not '{day}'");
        SetToday(d);
        _start = _offset;
    }

    /// <summary>The Baku day a fresh test clock starts on: the real one, or OPENBAMS_TEST_TODAY. Test code that needs "today" without an
    /// app at hand uses this, never the system clock, so that a shifted run stays consistent.</summary>
    public static DateOnly StartDay => OpenBams.Platform.Clock.Today(new TestClock());

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + _offset;
    /// <summary>Moves "today" (Baku) to the given day, keeping the time of day.</summary>
    public void SetToday(DateOnly day) => _offset += TimeSpan.FromDays(day.DayNumber - OpenBams.Platform.Clock.Today(this).DayNumber);
    public void Reset() => _offset = _start;
    public void Advance(TimeSpan by) => _offset += by;
}
