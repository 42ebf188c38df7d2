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
}

public sealed class PlanningPagesTests_Sqlite(SqliteFixture f) : PlanningPagesTests(f), IClassFixture<SqliteFixture>;
public sealed class PlanningPagesTests_Postgres(PostgresFixture f) : PlanningPagesTests(f), IClassFixture<PostgresFixture>;
