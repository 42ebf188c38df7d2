using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OpenBams.Budget;
using OpenBams.Council;
using OpenBams.Law.Budget;
using OpenBams.Law.Council;
using OpenBams.Platform.Identity;
using OpenBams.Registry;
using OpenBams.Testing;
using OpenBams.Tests.PlatformApi;
using OpenBams.Tests.Taxes;

namespace OpenBams.Tests.Budget;

/// <summary>A fresh municipality with a chairman, an accountant and a council member logged in, and helpers that write council
/// decisions and expenditures straight to the database (the execution side and the council are other modules).</summary>
public sealed class PlanningScenario
{
    public required TestApp App { get; init; }
    public required int MunicipalityId { get; init; }
    public required HttpClient Chairman { get; init; }
    public required HttpClient Accountant { get; init; }
    public required HttpClient Member { get; init; }

    public string Api => $"/api/v1/municipalities/{MunicipalityId}/budget";

    private static int _next;

    public static async Task<PlanningScenario> CreateAsync(TestApp app)
    {
        var n = Interlocked.Increment(ref _next);
        var id = await app.FreshMunicipalityAsync(from: 600, n);
        var tag = Guid.NewGuid().ToString("N")[..6];
        await app.CreateUserAsync($"chair-{tag}", Role.Chairman, id);
        await app.CreateUserAsync($"acc-{tag}", Role.Accountant, id);
        await app.CreateUserAsync($"mem-{tag}", Role.CouncilMember, id);
        // A municipality reused by another scenario of this process starts without budgets.
        await app.WithDbAsync(async db =>
        {
            var ids = await db.Budgets.Where(b => b.MunicipalityId == id).Select(b => b.Id).ToListAsync();
            db.BudgetChangeLines.RemoveRange(db.BudgetChangeLines.Where(l => l.MunicipalityId == id));
            db.BudgetChanges.RemoveRange(db.BudgetChanges.Where(l => l.MunicipalityId == id));
            db.Expenditures.RemoveRange(db.Expenditures.Where(l => l.MunicipalityId == id));
            db.BudgetLines.RemoveRange(db.BudgetLines.Where(l => l.MunicipalityId == id));
            db.Budgets.RemoveRange(db.Budgets.Where(l => l.MunicipalityId == id));
            return await db.SaveChangesAsync();
        });
        return new PlanningScenario
        {
            App = app, MunicipalityId = id,
            Chairman = await app.LoginAsync($"chair-{tag}"), Accountant = await app.LoginAsync($"acc-{tag}"), Member = await app.LoginAsync($"mem-{tag}"),
        };
    }

    public async Task<HttpClient> UserAsync(Role role)
    {
        var login = $"{role.ToString().ToLowerInvariant()[..3]}-{Guid.NewGuid().ToString("N")[..6]}";
        await App.CreateUserAsync(login, role, MunicipalityId);
        return await App.LoginAsync(login);
    }

    /// <summary>A council decision as the council module records it (default: signed, on the budget).</summary>
    public Task<CouncilDecision> DecisionAsync(DateOnly adoptedOn, DecisionArea area = DecisionArea.Budget, DecisionStatus status = DecisionStatus.Signed,
        string title = "Yerli büdcə haqqında") =>
        App.RecordedDecisionAsync(MunicipalityId, adoptedOn, area, MajorityRule.SimpleMajority, title, forVotes: 7, status: status);

    public static async Task<JsonElement> Json(HttpResponseMessage r, HttpStatusCode status = HttpStatusCode.OK)
    {
        var body = await r.Content.ReadAsStringAsync();
        Assert.True(r.StatusCode == status, $"Expected {(int)status}, got {(int)r.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    public static async Task<JsonElement> Refused(HttpResponseMessage r, string field, string rule)
    {
        var p = await r.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, field);
        Assert.Equal(rule, p.GetProperty("rule").GetString());
        return p;
    }

    public Task<HttpResponseMessage> Post(HttpClient c, string path, object body) => c.PostAsJsonAsync($"{Api}{path}{(path.Contains('?') ? "&" : "?")}lang=en", body, TaxJson.Options);

    public async Task<JsonElement> BudgetAsync(int year, bool dotation = false, long? deficitLimitQepik = null) =>
        await Json(await Post(Chairman, "/budgets", new { year, dotationPlanned = dotation, deficitLimitQepik }), HttpStatusCode.Created);

    public async Task<JsonElement> LineAsync(int budgetId, object line) =>
        await Json(await Post(Accountant, $"/budgets/{budgetId}/lines", line), HttpStatusCode.Created);

    public static object Revenue(RevenueClass c, long planned, string? purpose = null) =>
        new { side = BudgetSide.Revenue, revenueClass = c, funding = LineFunding.General, purpose, plannedQepik = planned };

    public static object Spending(string code, ExpenditureArea area, long planned, LineFunding funding = LineFunding.General, string? purpose = null, bool isProtected = false) =>
        new { side = BudgetSide.Expenditure, code, area, name = "Sətir " + code, funding, purpose, @protected = isProtected, plannedQepik = planned };

    public async Task<long> VersionAsync(int budgetId) => (await Json(await Chairman.GetAsync($"{Api}/budgets/{budgetId}"))).GetProperty("version").GetInt64();

    /// <summary>A budget taken through submission and publication to an approval by a fresh decision.</summary>
    public async Task<int> ApprovedAsync(int year, long? deficitLimitQepik = null, params object[] lines)
    {
        var b = await BudgetAsync(year, deficitLimitQepik: deficitLimitQepik);
        var id = b.GetProperty("id").GetInt32();
        foreach (var l in lines) await LineAsync(id, l);
        var on = new DateOnly(year - 1, 10, 1);
        await Json(await Post(Chairman, $"/budgets/{id}/submit", new { on, version = await VersionAsync(id) }));
        await Json(await Post(Chairman, $"/budgets/{id}/publish", new { on = on.AddDays(3), version = await VersionAsync(id) }));
        var d = await DecisionAsync(new DateOnly(year - 1, 12, 10));
        await Json(await Post(Chairman, $"/budgets/{id}/approve", new { decisionId = d.Id, version = await VersionAsync(id) }));
        return id;
    }
}
