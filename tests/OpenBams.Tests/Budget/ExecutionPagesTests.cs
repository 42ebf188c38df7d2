using System.Net;
using System.Text.RegularExpressions;
using OpenBams.Platform.Identity;
using OpenBams.Testing;
using OpenBams.Tests.PlatformApi;

namespace OpenBams.Tests.Budget;

/// <summary>
/// The execution pages over real HTTP, as a browser without JavaScript uses them: an expenditure recorded through its form
/// (over the line: the refusal with FL 13.1 on the page), revenue entered, the summary with its charts; residents refused.
/// </summary>
public abstract class ExecutionPagesTests(AppFixture fixture)
{
    private TestApp App => fixture.App;

    private static async Task<string> TokenAsync(HttpClient client, string url)
    {
        var html = await client.GetStringAsync(url);
        var m = Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"");
        Assert.True(m.Success, "no antiforgery token on " + url);
        return m.Groups[1].Value;
    }

    [Fact]
    public async Task An_expenditure_is_recorded_through_the_form_an_over_the_line_one_shows_FL_13_1_and_the_summary_draws_its_charts()
    {
        var x = await ExecutionScenario.CreateAsync(App, appropriationQepik: 10_000);
        var page = $"/Budget/{x.S.MunicipalityId}/Expenditures?year=2026";
        var html = await x.Accountant.GetStringAsync(page);
        Assert.Contains("id=\"record-form\"", html);
        Assert.Contains($"id=\"available-{x.LineId}\"", html);

        Dictionary<string, string> Form(string amount, string token) => new()
        {
            ["__RequestVerificationToken"] = token, ["NewKind"] = "DirectPayment", ["NewLineId"] = x.LineId.ToString(), ["Amount"] = amount, ["On"] = "10.03.2026",
            ["Payee"] = "İşıq MMC", ["Purpose"] = "Lampalar", ["Document"] = "Faktura 12",
        };
        var refused = await x.Accountant.PostAsync(page + "&handler=Record", new FormUrlEncodedContent(Form("100,01", await TokenAsync(x.Accountant, page))));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var body = await refused.Content.ReadAsStringAsync();
        Assert.Contains("id=\"errors\"", body);
        Assert.Contains("FL 13.1", body);

        var ok = await x.Accountant.PostAsync(page + "&handler=Record", new FormUrlEncodedContent(Form("100,00", await TokenAsync(x.Accountant, page))));
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var shown = await x.Accountant.GetStringAsync(ok.Headers.Location!.OriginalString);
        Assert.Contains("id=\"expenditure-detail\"", shown);
        Assert.Contains("İşıq MMC", shown);

        var revenues = $"/Budget/{x.S.MunicipalityId}/Revenues?year=2026";
        var entered = await x.Accountant.PostAsync(revenues + "&handler=Record", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = await TokenAsync(x.Accountant, revenues), ["NewClass"] = "R-7.1.9", ["Amount"] = "25", ["ReceivedOn"] = "02.03.2026",
            ["Payer"] = "Fond", ["Document"] = "Köçürmə 3",
        }));
        Assert.Equal(HttpStatusCode.Redirect, entered.StatusCode);
        Assert.Contains("Köçürmə 3", await x.Accountant.GetStringAsync(revenues));

        var summary = await x.Accountant.GetStringAsync($"/Budget/{x.S.MunicipalityId}/Expenditures/Execution?year=2026");
        Assert.Contains("id=\"chart-revenue\"", summary);
        Assert.Contains("id=\"chart-months\"", summary);
        Assert.Contains("<svg", summary);
        Assert.Contains($"id=\"line-{x.LineId}\"", summary);

        var tag = Guid.NewGuid().ToString("N")[..6];
        await App.CreateUserAsync($"res-bp-{tag}", Role.Resident, x.S.MunicipalityId);
        var resident = await App.LoginAsync($"res-bp-{tag}");
        Assert.Equal(HttpStatusCode.Forbidden, (await resident.GetAsync(page)).StatusCode);
        // The tax officer reads the list but gets no form.
        Assert.DoesNotContain("id=\"record-form\"", await x.S.Officer.GetStringAsync(page));
    }
}

public sealed class ExecutionPagesTests_Sqlite(SqliteFixture f) : ExecutionPagesTests(f), IClassFixture<SqliteFixture>;
public sealed class ExecutionPagesTests_Postgres(PostgresFixture f) : ExecutionPagesTests(f), IClassFixture<PostgresFixture>;
