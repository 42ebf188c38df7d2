using Microsoft.EntityFrameworkCore;
using System.Net;
using OpenBams.Law.Budget;
using OpenBams.Platform.Identity;
using OpenBams.Testing;
using OpenBams.Tests.Admin;
using static OpenBams.Tests.Admin.AdminHttp;
using static OpenBams.Tests.Budget.PlanningScenario;

namespace OpenBams.Tests.Budget;

/// <summary>The planning pages without JavaScript: the list, a budget with its lines and actions, the calendar with overdue rows,
/// changes and audits; a refused approval shows its article; a resident is refused.</summary>
public abstract class PlanningPagesTests(AppFixture fixture)
{
    private TestApp App => fixture.App;

    [Fact]
    public async Task Pages_show_budgets_lines_calendar_changes_and_audits_and_an_approval_without_decision_shows_FL_10_2()
    {
        var s = await CreateAsync(App);
        var id = (await s.BudgetAsync(2027)).GetProperty("id").GetInt32();
        await s.LineAsync(id, Spending("E-1", ExpenditureArea.StreetsYardsGardens, 1234_56));
        var list = await s.Member.PageAsync($"/Budget/{s.MunicipalityId}");
        Assert.NotNull(list.GetElementById($"budget-{id}"));
        Assert.NotNull(list.GetElementById("export-xlsx"));
        var page = await s.Member.PageAsync($"/Budget/{s.MunicipalityId}/Budgets/{id}");
        Assert.Contains("1 234,56", page.GetElementById("lines")!.TextContent.Replace('\u00A0', ' '));
        Assert.Null(page.GetElementById("submit-form"));

        // The chairman submits through the page, then tries to approve without a decision.
        var url = $"/Budget/{s.MunicipalityId}/Budgets/{id}";
        var v = await s.VersionAsync(id);
        Assert.Equal(url, (await s.Chairman.PostFormAsync(url, [F("On", "01.10.2026"), F("Version", v)], url + "?handler=Submit")).Redirected());
        var refused = await (await s.Chairman.PostFormAsync(url, [F("Version", await s.VersionAsync(id))], url + "?handler=Approve")).HtmlAsync();
        Assert.Contains("FL 10.2", refused.GetElementById("errors")!.TextContent);

        var old = (await s.BudgetAsync(2026)).GetProperty("id").GetInt32();
        var cal = await s.Member.PageAsync($"/Budget/{s.MunicipalityId}/Budgets/{old}/Calendar");
        Assert.Contains("overdue", cal.GetElementById("milestone-budgetapproved")!.ClassName);
        Assert.NotNull(cal.GetElementById("chairman-flag"));
        Assert.NotNull((await s.Member.PageAsync($"/Budget/{s.MunicipalityId}/Budgets/{id}/Changes")).GetElementById("changes"));
        Assert.NotNull((await s.Member.PageAsync($"/Budget/{s.MunicipalityId}/Audits")).GetElementById("audits"));

        var resident = await s.UserAsync(Role.Resident);
        Assert.True((await resident.GetAsync($"/Budget/{s.MunicipalityId}")).Refused());
        Assert.True((await resident.GetAsync(url)).Refused());
    }

    [Fact]
    public async Task FL_10_4_one_amendment_from_the_page_changes_several_lines_and_a_bad_amount_names_its_line_and_keeps_what_was_typed()
    {
        var s = await CreateAsync(App);
        var id = await s.ApprovedAsync(2027, null, Spending("E-1", ExpenditureArea.Administration, 100_00), Spending("E-2", ExpenditureArea.Culture, 50_00),
            Spending("E-3", ExpenditureArea.Sports, 30_00));
        var url = $"/Budget/{s.MunicipalityId}/Budgets/{id}";
        var page = await s.Accountant.PageAsync(url);
        var inputs = page.GetElementById("amend-lines")!.QuerySelectorAll("input").ToDictionary(i => i.GetAttribute("aria-label")!, i => i.GetAttribute("name")!);
        Assert.Equal(["E-1", "E-2", "E-3"], inputs.Keys.Order());
        var d = await s.DecisionAsync(new DateOnly(2027, 2, 1));

        var bad = await (await s.Accountant.PostFormAsync(url, [F(inputs["E-1"], "25"), F(inputs["E-2"], "-10,5x"), F("DecisionId", d.Id), F("Reason", "Dəqiqləşdirmə")],
            url + "?handler=Amend")).HtmlAsync();
        var e2 = inputs["E-2"][7..^1]; // Deltas[id]
        Assert.Contains($"lines[{e2}].deltaQepik", bad.GetElementById("errors")!.TextContent);
        Assert.Equal("-10,5x", bad.GetElementById($"amend-delta-{e2}")!.GetAttribute("value"));

        Assert.Equal(url, (await s.Accountant.PostFormAsync(url, [F(inputs["E-1"], "25"), F(inputs["E-2"], "-10,50"), F(inputs["E-3"], " "),
            F("DecisionId", d.Id), F("On", "02.02.2027"), F("Reason", "Dəqiqləşdirmə")], url + "?handler=Amend")).Redirected());
        var lines = (await Json(await s.Member.GetAsync($"{s.Api}/budgets/{id}/lines"))).GetProperty("items").EnumerateArray()
            .ToDictionary(l => l.GetProperty("code").GetString()!, l => l.GetProperty("appropriationQepik").GetInt64());
        Assert.Equal((125_00L, 39_50L, 30_00L), (lines["E-1"], lines["E-2"], lines["E-3"]));
        var changes = await s.Member.PageAsync($"{url}/Changes");
        var row = changes.GetElementById("changes")!.QuerySelector("tbody tr")!.TextContent.Replace('\u00A0', ' ');
        Assert.Contains("02.02.2027", row);
        Assert.Contains("E-1: +25,00", row);
        Assert.Contains("E-2: -10,50", row);
        Assert.DoesNotContain("E-3", row);
    }

    [Fact]
    public async Task FL_13_1_an_audit_recorded_on_engagement_gets_its_report_from_the_page_is_exported_and_a_mistaken_one_removed()
    {
        var s = await CreateAsync(App);
        var url = $"/Budget/{s.MunicipalityId}/Audits";
        Assert.Equal(url, (await s.Accountant.PostFormAsync(url, [F("Year", 2026), F("Auditor", "Audit MMC"), F("EngagedOn", "01.11.2026")])).Redirected());
        Assert.Equal(url, (await s.Accountant.PostFormAsync(url, [F("Year", 2026), F("Auditor", "Səhv MMC"), F("EngagedOn", "02.11.2026")])).Redirected());
        var audits = await App.WithDbAsync(db => db.BudgetAudits.Where(a => a.MunicipalityId == s.MunicipalityId).ToListAsync());
        var right = audits.Single(a => a.Auditor == "Audit MMC");
        var wrong = audits.Single(a => a.Auditor == "Səhv MMC");
        Assert.Null((await s.Member.PageAsync(url)).GetElementById($"edit-{right.Id}"));

        // The report arrives: the edit form holds the audit as recorded.
        var edit = await s.Accountant.PageAsync($"{url}?edit={right.Id}");
        Assert.Equal("01.11.2026", edit.GetElementById("EngagedOn")!.GetAttribute("value"));
        var fields = new List<KeyValuePair<string, string>> { F("AuditId", right.Id), F("Version", right.Version), F("Year", 2026), F("Auditor", "Audit MMC"),
            F("EngagedOn", "01.11.2026"), F("ReportedOn", "30.11.2026"), F("Findings", "Qüsur aşkar edilməyib") };
        var badDay = await (await s.Accountant.PostFormAsync(url, [.. fields.Where(f => f.Key != "ReportedOn"), F("ReportedOn", "31.11.2026")], url + "?handler=Edit")).HtmlAsync();
        Assert.Contains("reportedOn", badDay.GetElementById("errors")!.TextContent);
        Assert.NotNull(badDay.GetElementById("edit-audit"));
        Assert.Equal(url, (await s.Accountant.PostFormAsync(url, fields, url + "?handler=Edit")).Redirected());
        var stale = await (await s.Accountant.PostFormAsync(url, fields, url + "?handler=Edit")).HtmlAsync();
        Assert.NotNull(stale.GetElementById("errors"));
        var row = (await s.Member.PageAsync(url)).GetElementById($"audit-{right.Id}")!.TextContent;
        Assert.Contains("30.11.2026", row);
        Assert.Contains("Qüsur aşkar edilməyib", row);

        Assert.Equal(url, (await s.Accountant.PostFormAsync(url, [F("AuditId", wrong.Id), F("Version", wrong.Version)], url + "?handler=Remove")).Redirected());
        var csv = Registry.RegistryHttp.ParseCsv(await s.Member.GetStringAsync($"/api/v1/municipalities/{s.MunicipalityId}/budget/audits/export.csv?lang=en"));
        Assert.Equal(2, csv.Count); // the header and the one audit left
        Assert.Contains(csv, r => r.Contains("Audit MMC") && r.Contains("30.11.2026") && r.Contains("Qüsur aşkar edilməyib"));
        var xlsx = await s.Member.GetAsync($"/api/v1/municipalities/{s.MunicipalityId}/budget/audits/export.xlsx");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);
        // A council member reads the audits but cannot remove one.
        var refused = await (await s.Member.PostFormAsync(url, [F("AuditId", right.Id), F("Version", right.Version + 1)], url + "?handler=Remove")).HtmlAsync();
        Assert.NotNull(refused.GetElementById("errors"));
        Assert.Equal(1, await App.WithDbAsync(db => db.BudgetAudits.CountAsync(a => a.MunicipalityId == s.MunicipalityId)));
    }

    [Fact]
    public async Task The_SL_52_2_reports_are_recorded_from_the_budget_page_and_a_wrong_day_shows_the_article()
    {
        var s = await CreateAsync(App);
        var id = await s.ApprovedAsync(2025, null, Spending("E-9", ExpenditureArea.Other, 70_00, LineFunding.DelegatedStatePowers, "Hərbi qeydiyyat"));
        var url = $"/Budget/{s.MunicipalityId}/Budgets/{id}";
        Assert.Null((await s.Member.PageAsync(url)).GetElementById("report-forms"));
        var d = await s.DecisionAsync(new DateOnly(2026, 1, 15), title: "Seçicilərə hesabat");
        var page = await s.Chairman.PageAsync(url);
        Assert.NotNull(page.GetElementById("parliament-form"));
        Assert.Contains(page.GetElementById("voter-report-decision")!.QuerySelectorAll("option"), o => o.GetAttribute("value") == d.Id.ToString());

        var early = await (await s.Chairman.PostFormAsync(url, [F("On", "31.12.2025"), F("Reference", "ÇX-1"), F("Version", await s.VersionAsync(id))],
            url + "?handler=Parliament")).HtmlAsync();
        Assert.Contains("SL 52-2.2", early.GetElementById("errors")!.TextContent);
        Assert.Equal(url, (await s.Chairman.PostFormAsync(url, [F("On", "20.03.2026"), F("Reference", "ÇX-1"), F("Version", await s.VersionAsync(id))],
            url + "?handler=Parliament")).Redirected());
        Assert.Equal(url, (await s.Chairman.PostFormAsync(url, [F("DecisionId", d.Id), F("On", "19.01.2026"), F("Version", await s.VersionAsync(id))],
            url + "?handler=VoterReport")).Redirected());
        Assert.Equal(url, (await s.Chairman.PostFormAsync(url, [F("On", "22.01.2026"), F("Version", await s.VersionAsync(id))],
            url + "?handler=VoterReportSent")).Redirected());

        var done = await s.Chairman.PageAsync(url);
        Assert.Contains("20.03.2026", done.GetElementById("parliament-sent")!.TextContent);
        Assert.Contains("ÇX-1", done.GetElementById("parliament-sent")!.TextContent);
        Assert.Contains("19.01.2026", done.GetElementById("voter-report")!.TextContent);
        Assert.Contains("22.01.2026", done.GetElementById("voter-report")!.TextContent);
        Assert.Null(done.GetElementById("parliament-form"));
        Assert.Null(done.GetElementById("voter-report-sent-form"));
        var cal = await s.Member.PageAsync($"{url}/Calendar");
        Assert.DoesNotContain("overdue", cal.GetElementById("milestone-reporttovoters")!.ClassName);
    }
}

public sealed class PlanningPagesTests_Sqlite(SqliteFixture f) : PlanningPagesTests(f), IClassFixture<SqliteFixture>;
public sealed class PlanningPagesTests_Postgres(PostgresFixture f) : PlanningPagesTests(f), IClassFixture<PostgresFixture>;
