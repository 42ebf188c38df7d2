using System.Net;
using System.Text.Json;
using OpenBams.Council;
using OpenBams.Law.Budget;
using OpenBams.Testing;
using static OpenBams.Tests.Budget.PlanningScenario;

namespace OpenBams.Tests.Budget;

/// <summary>
/// The reports of SL 52-2 recorded on the budget of the year they report on and shown on its calendar: the report to the Milli Məclis by
/// 1 April, only where delegated powers or state-budget funds exist (52-2.1-2); the report to voters approved at a session and given on
/// the Monday of January's third week, then sent to the oversight body within 10 days (52-2.3).
/// </summary>
public abstract class ReportsToParliamentAndVotersTests(AppFixture fixture)
{
    private TestApp App => fixture.App;

    private static JsonElement M(JsonElement cal, BudgetMilestone m) =>
        cal.GetProperty("milestones").EnumerateArray().Single(x => x.GetProperty("milestone").GetString() == m.ToString());

    private async Task<(string Status, string? Due)> MilestoneAsync(PlanningScenario s, int id, BudgetMilestone m)
    {
        var x = M(await Json(await s.Member.GetAsync($"{s.Api}/budgets/{id}/calendar")), m);
        return (x.GetProperty("status").GetString()!, x.GetProperty("due").ValueKind == JsonValueKind.Null ? null : x.GetProperty("due").GetString());
    }

    private static object Delegated => Spending("E-9", ExpenditureArea.Other, 70_00, LineFunding.DelegatedStatePowers, "Hərbi qeydiyyat");

    [Fact]
    public async Task SL_52_2_1_no_report_to_Parliament_is_due_without_delegated_powers_or_state_funds()
    {
        var s = await CreateAsync(App);
        var id = await s.ApprovedAsync(2025, null, Spending("E-1", ExpenditureArea.Administration, 100_00));
        Assert.Equal("NotApplicable", (await MilestoneAsync(s, id, BudgetMilestone.ReportToParliament)).Status);
        var p = await Refused(await s.Post(s.Chairman, $"/budgets/{id}/report-to-parliament", new { on = new DateOnly(2026, 3, 20), version = await s.VersionAsync(id) }),
            "budgetId", "SL 52-2.1");
        Assert.Contains("no report to the Milli Məclis is due", p.GetProperty("title").GetString());
    }

    [Theory]
    [InlineData(1, "DoneOnTime")]
    [InlineData(2, "DoneLate")]
    public async Task SL_52_2_2_the_report_to_Parliament_on_the_year_goes_by_1_April_of_the_next(int aprilDay, string expected)
    {
        var s = await CreateAsync(App);
        var id = await s.ApprovedAsync(2025, null, Delegated);
        Assert.Equal(("Overdue", "2026-04-01"), await MilestoneAsync(s, id, BudgetMilestone.ReportToParliament));
        // "ilin yekununa görə": not before the year is over.
        await Refused(await s.Post(s.Chairman, $"/budgets/{id}/report-to-parliament", new { on = new DateOnly(2025, 12, 31), version = await s.VersionAsync(id) }),
            "on", "SL 52-2.2");
        var ok = await Json(await s.Post(s.Chairman, $"/budgets/{id}/report-to-parliament",
            new { on = new DateOnly(2026, 4, aprilDay), reference = "  ÇX-17  ", version = await s.VersionAsync(id) }));
        Assert.Equal(($"2026-04-0{aprilDay}", "ÇX-17"), (ok.GetProperty("reportToParliamentSentOn").GetString(), ok.GetProperty("reportToParliamentReference").GetString()));
        Assert.Equal((expected, "2026-04-01"), await MilestoneAsync(s, id, BudgetMilestone.ReportToParliament));
        // A stale version is a conflict, not a silent overwrite.
        Assert.Equal(HttpStatusCode.Conflict, (await s.Post(s.Chairman, $"/budgets/{id}/report-to-parliament", new { on = new DateOnly(2026, 3, 1), version = 0 })).StatusCode);
    }

    [Fact]
    public async Task SL_52_2_2_a_budget_never_approved_has_no_report()
    {
        var s = await CreateAsync(App);
        var id = (await s.BudgetAsync(2025)).GetProperty("id").GetInt32();
        await s.LineAsync(id, Delegated);
        await Refused(await s.Post(s.Chairman, $"/budgets/{id}/report-to-parliament", new { on = new DateOnly(2026, 3, 20), version = await s.VersionAsync(id) }),
            "status", "SL 52-2.2");
    }

    /// <summary>January 2026's Mondays are the 5th, 12th and 19th: the report is due on the 19th (the third Monday, 15-21 January).</summary>
    [Theory]
    [InlineData(19, "DoneOnTime")]
    [InlineData(20, "DoneLate")]
    public async Task SL_52_2_3_the_report_to_voters_is_approved_at_a_session_and_given_on_the_third_Monday_of_January(int day, string expected)
    {
        var s = await CreateAsync(App);
        var id = await s.ApprovedAsync(2025, null, Spending("E-1", ExpenditureArea.Administration, 100_00));
        await Refused(await s.Post(s.Chairman, $"/budgets/{id}/report-to-voters", new { on = new DateOnly(2026, 1, 19), version = await s.VersionAsync(id) }),
            "decisionId", "SL 52-2.3");
        var revoked = await s.DecisionAsync(new DateOnly(2026, 1, 14), title: "Seçicilərə hesabat", status: DecisionStatus.Revoked);
        await Refused(await s.Post(s.Chairman, $"/budgets/{id}/report-to-voters", new { decisionId = revoked.Id, on = new DateOnly(2026, 1, 19), version = await s.VersionAsync(id) }),
            "decisionId", "SL 52-2.3");
        var inTheYear = await s.DecisionAsync(new DateOnly(2025, 12, 28), title: "Seçicilərə hesabat");
        await Refused(await s.Post(s.Chairman, $"/budgets/{id}/report-to-voters", new { decisionId = inTheYear.Id, on = new DateOnly(2026, 1, 19), version = await s.VersionAsync(id) }),
            "decisionId", "SL 52-2.3");
        var d = await s.DecisionAsync(new DateOnly(2026, 1, 15), title: "Seçicilərə hesabat");
        await Refused(await s.Post(s.Chairman, $"/budgets/{id}/report-to-voters", new { decisionId = d.Id, on = new DateOnly(2026, 1, 14), version = await s.VersionAsync(id) }),
            "on", "SL 52-2.3");
        // A council member reads the budget but does not record its reports.
        Assert.Equal(HttpStatusCode.Forbidden,
            (await s.Post(s.Member, $"/budgets/{id}/report-to-voters", new { decisionId = d.Id, on = new DateOnly(2026, 1, day), version = await s.VersionAsync(id) })).StatusCode);

        var ok = await Json(await s.Post(s.Chairman, $"/budgets/{id}/report-to-voters", new { decisionId = d.Id, on = new DateOnly(2026, 1, day), version = await s.VersionAsync(id) }));
        Assert.Equal(($"{d.Number}/{d.Year}", "2026-01-15", $"2026-01-{day}"),
            (ok.GetProperty("voterReportDecision").GetString(), ok.GetProperty("voterReportApprovedOn").GetString(), ok.GetProperty("voterReportGivenOn").GetString()));
        Assert.Equal((expected, "2026-01-19"), await MilestoneAsync(s, id, BudgetMilestone.ReportToVoters));
    }

    /// <summary>Approved Thursday 15 January 2026: the 10th day is Sunday the 25th, so the report is due Monday the 26th.</summary>
    [Theory]
    [InlineData(26, "DoneOnTime")]
    [InlineData(27, "DoneLate")]
    public async Task SL_52_2_3_the_approved_report_to_voters_goes_to_the_oversight_body_within_10_days(int day, string expected)
    {
        var s = await CreateAsync(App);
        var id = await s.ApprovedAsync(2025, null, Spending("E-1", ExpenditureArea.Administration, 100_00));
        // Until the session approves the report, the 10 days have not started.
        Assert.Null((await MilestoneAsync(s, id, BudgetMilestone.ReportToVotersSentToOversight)).Due);
        await Refused(await s.Post(s.Chairman, $"/budgets/{id}/report-to-voters/sent", new { on = new DateOnly(2026, 1, 20), version = await s.VersionAsync(id) }),
            "decisionId", "SL 52-2.3");
        var d = await s.DecisionAsync(new DateOnly(2026, 1, 15), title: "Seçicilərə hesabat");
        await Json(await s.Post(s.Chairman, $"/budgets/{id}/report-to-voters", new { decisionId = d.Id, on = new DateOnly(2026, 1, 19), version = await s.VersionAsync(id) }));
        await Refused(await s.Post(s.Chairman, $"/budgets/{id}/report-to-voters/sent", new { on = new DateOnly(2026, 1, 14), version = await s.VersionAsync(id) }),
            "on", "SL 52-2.3");
        var ok = await Json(await s.Post(s.Chairman, $"/budgets/{id}/report-to-voters/sent", new { on = new DateOnly(2026, 1, day), version = await s.VersionAsync(id) }));
        Assert.Equal($"2026-01-{day}", ok.GetProperty("voterReportSentToOversightOn").GetString());
        Assert.Equal((expected, "2026-01-26"), await MilestoneAsync(s, id, BudgetMilestone.ReportToVotersSentToOversight));
    }

    [Fact]
    public async Task Another_municipality_cannot_record_a_report_on_this_budget()
    {
        var s = await CreateAsync(App);
        var other = await CreateAsync(App);
        var id = await s.ApprovedAsync(2025, null, Delegated);
        var r = await other.Chairman.PostAsync($"/api/v1/municipalities/{s.MunicipalityId}/budget/budgets/{id}/report-to-parliament",
            JsonContent(new { on = new DateOnly(2026, 3, 20), version = await s.VersionAsync(id) }));
        Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode);
        // Through its own municipality's route the budget does not exist.
        var mine = await other.Post(other.Chairman, $"/budgets/{id}/report-to-parliament", new { on = new DateOnly(2026, 3, 20), version = await s.VersionAsync(id) });
        Assert.Equal(HttpStatusCode.NotFound, mine.StatusCode);
        Assert.Null((await Json(await s.Chairman.GetAsync($"{s.Api}/budgets/{id}"))).GetProperty("reportToParliamentSentOn").GetString());
    }

    private static HttpContent JsonContent(object body) => System.Net.Http.Json.JsonContent.Create(body, options: Taxes.TaxJson.Options);
}

public sealed class ReportsToParliamentAndVotersTests_Sqlite(SqliteFixture f) : ReportsToParliamentAndVotersTests(f), IClassFixture<SqliteFixture>;
public sealed class ReportsToParliamentAndVotersTests_Postgres(PostgresFixture f) : ReportsToParliamentAndVotersTests(f), IClassFixture<PostgresFixture>;
