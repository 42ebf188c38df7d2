using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace OpenBams.Tests.Platform;

/// <summary>
/// The README's run command, as a user types it: a real process on embedded SQLite in a fresh data
/// directory, with --demo and the standard --urls. It must migrate, load the official list, print the
/// URL and the demo logins, answer /health, and start again on the same data without duplicating it.
/// </summary>
public sealed class RunCommandTests
{
    [Fact]
    public async Task The_run_command_starts_on_a_fresh_machine_prints_url_and_demo_logins_and_restarts_cleanly()
    {
        var dataDir = Directory.CreateTempSubdirectory("openbams-run-").FullName;
        try
        {
            var first = await RunUntilHealthyAsync(dataDir);
            Assert.Contains("Demo logins", first.Output);
            Assert.Contains("sedr", first.Output);
            Assert.Contains("Biləcəri bələdiyyəsi", first.Output);
            Assert.True(File.Exists(Path.Combine(dataDir, "openbams.db")), "the database file is created under the data directory");
            Assert.Contains("\"total\":2718", first.Register);
            // The demo's public budget shows what a visitor expects of it: its approval decision (FL 10.2, published under
            // SL 52-1), tax collected through the system (posted by revenue class) and what is still owed.
            var demo = first.Portal.RootElement;
            Assert.Equal("Approved", demo.GetProperty("status").GetString());
            Assert.Equal(JsonValueKind.Object, demo.GetProperty("approvalDecision").ValueKind);
            Assert.True(demo.GetProperty("taxPayments").GetInt32() > 0, "the demo collects some tax");
            var taxes = demo.GetProperty("taxes").EnumerateArray().ToList();
            Assert.True(taxes.Sum(t => t.GetProperty("paidQepik").GetInt64()) > 0);
            Assert.True(taxes.Sum(t => t.GetProperty("outstandingQepik").GetInt64()) > 0, "and leaves arrears for the residents to pay");
            var landTax = demo.GetProperty("revenueClasses").EnumerateArray().Single(l => l.GetProperty("code").GetString() == "R-7.1.1");
            Assert.Equal(taxes.Single(t => t.GetProperty("tax").GetString() == "LandTax").GetProperty("paidQepik").GetInt64(),
                landTax.GetProperty("executedQepik").GetInt64());

            var second = await RunUntilHealthyAsync(dataDir);
            Assert.Contains("\"total\":2718", second.Register); // the import is idempotent
            // and so is the demo: a restart collects no tax twice.
            Assert.Equal(demo.GetProperty("taxPayments").GetInt32(), second.Portal.RootElement.GetProperty("taxPayments").GetInt32());
            first.Portal.Dispose();
            second.Portal.Dispose();
            Assert.DoesNotContain("Administrator login", second.Output); // the admin exists already; no new password
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(dataDir, recursive: true);
        }
    }

    private static async Task<(string Output, string Register, JsonDocument Portal)> RunUntilHealthyAsync(string dataDir)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "OpenBams.dll");
        var psi = new ProcessStartInfo("dotnet", [dll, "--demo", "--urls", "http://127.0.0.1:0"])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        psi.Environment["OPENBAMS_DATA_DIR"] = dataDir;
        psi.Environment["Logging__LogLevel__Default"] = "Warning";
        using var process = Process.Start(psi)!;
        var output = new StringBuilder();
        var url = new TaskCompletionSource<string>();
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            lock (output) output.AppendLine(e.Data);
            var m = Regex.Match(e.Data, @"OpenBAMS is running at: (http://127\.0\.0\.1:\d+)");
            if (m.Success) url.TrySetResult(m.Groups[1].Value);
        };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            var done = await Task.WhenAny(url.Task, Task.Delay(TimeSpan.FromSeconds(90)));
            Assert.True(done == url.Task, "no URL printed within 90 s:\n" + output);
            using var http = new HttpClient { BaseAddress = new Uri(url.Task.Result) };
            var health = await http.GetAsync("/health");
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
            var register = await http.GetStringAsync("/api/v1/municipalities?pageSize=1");
            // The child runs on the real clock, so the demo's year is the real Baku year.
            var year = DateTime.UtcNow.AddHours(4).Year;
            using var index = JsonDocument.Parse(await http.GetStringAsync($"/api/v1/portal/{year}/index.json"));
            var demoId = index.RootElement.GetProperty("packages").EnumerateArray().Single().GetProperty("municipalityId").GetInt32();
            var portal = JsonDocument.Parse(await http.GetStringAsync($"/api/v1/portal/municipalities/{demoId}/{year}"));
            lock (output) return (output.ToString(), register, portal);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }
}
