using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using OpenBams.Budget;
using OpenBams.Law.Budget;
using OpenBams.Testing;
using static OpenBams.Tests.Budget.PlanningScenario;

namespace OpenBams.Tests.Budget;

/// <summary>
/// The budget calendar through the API: FL 10.1 submission on 15 October on time and on the 16th late, publication on the 10th day
/// after submission on time and on the 11th late, the FL 10.2 / 10.3 option (20 or 25 December) for a dotation draft and the
/// SL 19.3.5-1 flag, overdue milestones.
/// </summary>
public abstract class CalendarTests(AppFixture fixture)
{
    private TestApp App => fixture.App;

    private static JsonElement M(JsonElement cal, BudgetMilestone m) =>
        cal.GetProperty("milestones").EnumerateArray().Single(x => x.GetProperty("milestone").GetString() == m.ToString());

    private static async Task<(PlanningScenario S, int Id)> SubmittedAsync(TestApp app, DateOnly on)
    {
        var s = await CreateAsync(app);
        var id = (await s.BudgetAsync(2027)).GetProperty("id").GetInt32();
        await s.LineAsync(id, Spending("E-1", ExpenditureArea.Administration, 100_00));
        await Json(await s.Post(s.Chairman, $"/budgets/{id}/submit", new { on, version = await s.VersionAsync(id) }));
        return (s, id);
    }

    [Theory]
    [InlineData(15, "DoneOnTime")]
    [InlineData(16, "DoneLate")]
    public async Task FL_10_1_the_draft_is_submitted_by_15_October(int day, string expected)
    {
        var (s, id) = await SubmittedAsync(App, new DateOnly(2026, 10, day));
        var cal = await Json(await s.Member.GetAsync($"{s.Api}/budgets/{id}/calendar?lang=en"));
        var m = M(cal, BudgetMilestone.DraftSubmitted);
        Assert.Equal((expected, "FL 10.1", "2026-10-15"), (m.GetProperty("status").GetString(), m.GetProperty("article").GetString(), m.GetProperty("due").GetString()));
    }

    [Theory]
    [InlineData(10, "DoneOnTime")]
    [InlineData(11, "DoneLate")]
    public async Task FL_10_1_the_draft_is_published_within_10_days_of_submission(int days, string expected)
    {
        // Submitted Tuesday 6 October 2026: the 10th day is Friday 16 October, a working day, so nothing moves.
        var (s, id) = await SubmittedAsync(App, new DateOnly(2026, 10, 6));
        await Json(await s.Post(s.Chairman, $"/budgets/{id}/publish", new { on = new DateOnly(2026, 10, 6).AddDays(days), version = await s.VersionAsync(id) }));
        var m = M(await Json(await s.Member.GetAsync($"{s.Api}/budgets/{id}/calendar")), BudgetMilestone.DraftPublished);
        Assert.Equal(("2026-10-16", expected), (m.GetProperty("due").GetString(), m.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task FL_10_2_approval_not_yet_due_on_3_December_and_the_audit_of_FL_13_1_is_due_while_a_past_year_shows_overdue()
    {
        var (s, id) = await SubmittedAsync(App, new DateOnly(2026, 10, 6));
        App.Clock.SetToday(new DateOnly(2026, 12, 3)); // the day the test is named for, whatever day it runs
        JsonElement cal;
        try { cal = await Json(await s.Member.GetAsync($"{s.Api}/budgets/{id}/calendar")); }
        finally { App.Clock.Reset(); }
        Assert.Equal("Due", M(cal, BudgetMilestone.BudgetApproved).GetProperty("status").GetString());
        Assert.False(cal.GetProperty("chairmanDidNotOrganiseBudget").GetBoolean());
        Assert.Equal("December20", cal.GetProperty("dotationApprovalRule").GetString());
        var old = (await s.BudgetAsync(2026)).GetProperty("id").GetInt32();
        var past = await Json(await s.Member.GetAsync($"{s.Api}/budgets/{old}/calendar"));
        Assert.Equal(("Overdue", "Overdue"), (M(past, BudgetMilestone.DraftSubmitted).GetProperty("status").GetString(), M(past, BudgetMilestone.BudgetApproved).GetProperty("status").GetString()));
        Assert.True(past.GetProperty("chairmanDidNotOrganiseBudget").GetBoolean());
        Assert.Equal("SL 19.3.5-1", past.GetProperty("chairmanGround").GetString());
    }

    /// <summary>20 December 2026 is a Sunday, so the FL 10.2 day moves to Monday 21 December; 25 December is a Friday.</summary>
    [Theory]
    [InlineData(21, DotationApprovalDeadline.December20, "DoneOnTime", "FL 10.2")]
    [InlineData(22, DotationApprovalDeadline.December20, "DoneLate", "FL 10.2")]
    [InlineData(25, DotationApprovalDeadline.December25, "DoneOnTime", "FL 10.3")]
    [InlineData(26, DotationApprovalDeadline.December25, "DoneLate", "FL 10.3")]
    public async Task FL_10_2_or_10_3_a_dotation_budget_is_approved_by_20_or_25_December_as_configured(int day, DotationApprovalDeadline rule, string expected, string article)
    {
        var s = await CreateAsync(App);
        var view = await App.WithDbAsync(async db =>
        {
            var b = new MunicipalBudget { MunicipalityId = s.MunicipalityId, Year = 2027, DotationPlanned = true, Status = BudgetStatus.Approved,
                SubmittedOn = new DateOnly(2026, 10, 6), PublishedOn = new DateOnly(2026, 10, 8), ApprovedOn = new DateOnly(2026, 12, day),
                CreatedAt = DateTime.UtcNow, CreatedBy = "t" };
            db.Budgets.Add(b);
            await db.SaveChangesAsync();
            return await BudgetCalendarView.ForAsync(db, b, new DateOnly(2027, 1, 10), BudgetCalendarOptions.Default with { DotationApproval = rule }, default);
        });
        var m = view.Milestones.Single(x => x.Milestone == BudgetMilestone.BudgetApproved);
        Assert.Equal((expected, article), (m.Status.ToString(), m.Article));
        Assert.Equal(expected == "DoneLate", view.ChairmanDidNotOrganiseBudget);
    }

    [Fact]
    public void The_FL_10_2_10_3_choice_is_read_from_the_deployment_setting_default_20_December()
    {
        var none = new ConfigurationBuilder().Build();
        var set = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["OpenBams:Budget:DotationApprovalDeadline"] = "December25" }).Build();
        Assert.Equal(DotationApprovalDeadline.December20, BudgetCalendarView.Options(none).DotationApproval);
        Assert.Equal(DotationApprovalDeadline.December25, BudgetCalendarView.Options(set).DotationApproval);
    }

    [Fact]
    public void The_SL_52_2_3_week_is_read_from_the_deployment_setting_default_the_third_Monday()
    {
        var none = new ConfigurationBuilder().Build();
        var set = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["OpenBams:Budget:VoterReportWeek"] = "MondayOfThirdCalendarWeek" }).Build();
        Assert.Equal(VoterReportWeek.ThirdMonday, BudgetCalendarView.Options(none).VoterReportWeek);
        Assert.Equal(VoterReportWeek.MondayOfThirdCalendarWeek, BudgetCalendarView.Options(set).VoterReportWeek);
        // Both settings at once: neither hides the other.
        var both = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            { ["OpenBams:Budget:VoterReportWeek"] = "MondayOfThirdCalendarWeek", ["OpenBams:Budget:DotationApprovalDeadline"] = "December25" }).Build();
        Assert.Equal((DotationApprovalDeadline.December25, VoterReportWeek.MondayOfThirdCalendarWeek),
            (BudgetCalendarView.Options(both).DotationApproval, BudgetCalendarView.Options(both).VoterReportWeek));
    }
}

public sealed class CalendarTests_Sqlite(SqliteFixture f) : CalendarTests(f), IClassFixture<SqliteFixture>;
public sealed class CalendarTests_Postgres(PostgresFixture f) : CalendarTests(f), IClassFixture<PostgresFixture>;
