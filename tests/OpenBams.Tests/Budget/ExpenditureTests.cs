using System.Net;
using OpenBams.Budget;
using OpenBams.Law.Budget;
using OpenBams.Platform.Identity;
using OpenBams.Taxes;
using OpenBams.Testing;
using OpenBams.Tests.PlatformApi;
using OpenBams.Tests.Registry;

namespace OpenBams.Tests.Budget;

/// <summary>
/// Expenditures through the system (seed 000): on an approved budget of the date's year, never beyond the line's available
/// appropriation (FL 13.1), two accountants never both spending the line's last manat; cancellation with a reason.
/// </summary>
public abstract class ExpenditureTests(AppFixture fixture)
{
    private TestApp App => fixture.App;

    [Fact]
    public async Task FL_13_1_a_direct_payment_of_exactly_the_available_appropriation_is_accepted_and_one_qepik_more_is_refused_naming_the_line()
    {
        var x = await ExecutionScenario.CreateAsync(App, appropriationQepik: 10_000);
        var over = await (await x.Accountant.PostJsonAsync($"{x.Api}/expenditures?lang=en", x.Direct(100.01m))).AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "amount");
        Assert.Equal("FL 13.1", over.GetProperty("rule").GetString());
        var text = over.ToString();
        Assert.Contains(x.LineCode, text);
        Assert.Contains("100.01", text);
        Assert.Contains("100.00", text);

        var ok = await (await x.Accountant.PostJsonAsync($"{x.Api}/expenditures", x.Direct(100.00m))).OkAsync<ExpenditureView>(HttpStatusCode.Created);
        Assert.Equal((100.00m, ExpenditureKind.DirectPayment, ExpenditureStatus.Active, "1234567890"), (ok.Amount, ok.Kind, ok.Status, ok.PayeeTaxId));
        await (await x.Accountant.PostJsonAsync($"{x.Api}/expenditures?lang=en", x.Direct(0.01m))).AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "amount");

        var summary = await (await x.Accountant.GetAsync($"{x.Api}/execution/{ExecutionScenario.Year}")).OkAsync<ExecutionSummary>();
        var line = summary.Lines.Single(l => l.LineId == x.LineId);
        Assert.Equal((100.00m, 100.00m, 100.00m, 0m), (line.Appropriation, line.Committed, line.Paid, line.Available));
        Assert.Equal(100.00m, summary.Months.Single(m => m.Month == 3).Paid);
    }

    [Fact]
    public async Task FL_13_1_a_payment_of_a_commitment_is_at_most_its_unpaid_remainder_and_a_commitment_with_payments_is_not_cancelled()
    {
        var x = await ExecutionScenario.CreateAsync(App, appropriationQepik: 10_000);
        var c = await (await x.Accountant.PostJsonAsync($"{x.Api}/expenditures", x.Commitment(60m))).OkAsync<ExpenditureView>(HttpStatusCode.Created);
        // The commitment reserves 60.00: only 40.00 is left for a new commitment.
        await (await x.Accountant.PostJsonAsync($"{x.Api}/expenditures?lang=en", x.Direct(40.01m))).AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "amount");
        var p1 = await (await x.Accountant.PostJsonAsync($"{x.Api}/expenditures", x.PaymentOf(c.Id, 50m))).OkAsync<ExpenditureView>(HttpStatusCode.Created);
        Assert.Equal(("Tikinti MMC", x.LineId), (p1.Payee, p1.LineId));
        var beyond = await (await x.Accountant.PostJsonAsync($"{x.Api}/expenditures?lang=en", x.PaymentOf(c.Id, 10.01m))).AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "amount");
        Assert.Equal("FL 13.1", beyond.GetProperty("rule").GetString());
        var p2 = await (await x.Accountant.PostJsonAsync($"{x.Api}/expenditures", x.PaymentOf(c.Id, 10m))).OkAsync<ExpenditureView>(HttpStatusCode.Created);
        Assert.Equal(0m, (await (await x.Accountant.GetAsync($"{x.Api}/expenditures/{c.Id}")).OkAsync<ExpenditureView>()).Unpaid);

        var commitment = await (await x.Accountant.GetAsync($"{x.Api}/expenditures/{c.Id}")).OkAsync<ExpenditureView>();
        await (await x.Accountant.PostJsonAsync($"{x.Api}/expenditures/{c.Id}/cancellation?lang=en", new { reason = "Müqavilə pozuldu", version = commitment.Version }))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "expenditureId");
        // Cancelling a payment frees its part of the commitment again; a stale version is a conflict.
        await (await x.Accountant.PostJsonAsync($"{x.Api}/expenditures/{p2.Id}/cancellation?lang=en", new { reason = "no" })).AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "reason");
        await (await x.Accountant.PostJsonAsync($"{x.Api}/expenditures/{p2.Id}/cancellation?lang=en", new { reason = "Səhv məbləğ", version = p2.Version + 1 }))
            .AssertProblemAsync(HttpStatusCode.Conflict, "version");
        var cancelled = await (await x.Accountant.PostJsonAsync($"{x.Api}/expenditures/{p2.Id}/cancellation", new { reason = "Səhv məbləğ", version = p2.Version })).OkAsync<ExpenditureView>();
        Assert.Equal((ExpenditureStatus.Cancelled, "Səhv məbləğ", x.S.AccountantLogin), (cancelled.Status, cancelled.CancellationReason, cancelled.CancelledBy));
        Assert.Equal(10m, (await (await x.Accountant.GetAsync($"{x.Api}/expenditures/{c.Id}")).OkAsync<ExpenditureView>()).Unpaid);
    }

    [Fact]
    public async Task FL_4_4_a_date_outside_the_budget_year_is_refused_and_FL_10_2_an_unapproved_budget_spends_nothing()
    {
        var x = await ExecutionScenario.CreateAsync(App);
        var outside = await (await x.Accountant.PostJsonAsync($"{x.Api}/expenditures?lang=en", x.Direct(1m, on: "2025-12-31"))).AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "on");
        Assert.Equal("FL 4.4", outside.GetProperty("rule").GetString());

        var draft = await ExecutionScenario.CreateAsync(App, status: BudgetStatus.Published);
        var refused = await (await draft.Accountant.PostJsonAsync($"{draft.Api}/expenditures?lang=en", draft.Direct(1m))).AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "lineId");
        Assert.Equal("FL 10.2", refused.GetProperty("rule").GetString());
        await (await x.Accountant.PostJsonAsync($"{x.Api}/expenditures?lang=en", x.Direct(1m, lineId: draft.LineId))).AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "lineId");
        var badId = new { lineId = x.LineId, kind = "DirectPayment", amount = 1m, on = "2026-03-10", payee = "X", payeeTaxId = "12345", purpose = "p", document = "d" };
        await (await x.Accountant.PostJsonAsync($"{x.Api}/expenditures?lang=en", badId)).AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "payeeTaxId");
    }

    [Fact]
    public async Task FL_13_1_two_accountants_spending_the_last_manat_of_a_line_at_once_do_not_both_succeed()
    {
        var x = await ExecutionScenario.CreateAsync(App, appropriationQepik: 10_000);
        var second = $"acc2-{Guid.NewGuid():N}"[..12];
        await App.CreateUserAsync(second, Role.Accountant, x.S.MunicipalityId);
        var other = await App.LoginAsync(second);
        await (await x.Accountant.PostJsonAsync($"{x.Api}/expenditures", x.Direct(99m))).OkAsync<ExpenditureView>(HttpStatusCode.Created);

        var clients = Enumerable.Range(0, 6).Select(i => i % 2 == 0 ? x.Accountant : other).ToList();
        var results = await Task.WhenAll(clients.Select(c => c.PostJsonAsync($"{x.Api}/expenditures?lang=en", x.Direct(1m))));
        Assert.Equal(1, results.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.All(results.Where(r => r.StatusCode != HttpStatusCode.Created), r => Assert.Equal(HttpStatusCode.UnprocessableEntity, r.StatusCode));
        var summary = await (await x.Accountant.GetAsync($"{x.Api}/execution/{ExecutionScenario.Year}")).OkAsync<ExecutionSummary>();
        Assert.Equal(0m, summary.Lines.Single(l => l.LineId == x.LineId).Available);
    }

    [Fact]
    public async Task A_resident_and_a_tax_officer_cannot_record_expenditures_and_the_tax_officer_reads_them()
    {
        var x = await ExecutionScenario.CreateAsync(App);
        var tag = Guid.NewGuid().ToString("N")[..6];
        await App.CreateUserAsync($"res-bx-{tag}", Role.Resident, x.S.MunicipalityId);
        var resident = await App.LoginAsync($"res-bx-{tag}");
        Assert.Equal(HttpStatusCode.Forbidden, (await resident.PostJsonAsync($"{x.Api}/expenditures", x.Direct(1m))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await resident.GetAsync($"{x.Api}/expenditures")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await x.S.Officer.PostJsonAsync($"{x.Api}/expenditures", x.Direct(1m))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await x.S.Officer.PostJsonAsync($"{x.Api}/revenues", new { revenueClass = "R-7.1.9", amount = 1m, receivedOn = "2026-03-01", payer = "D", document = "d" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await x.S.Officer.GetAsync($"{x.Api}/expenditures")).StatusCode);
    }

    [Fact]
    public async Task The_list_searches_payee_purpose_and_document_filters_line_kind_and_month_pages_and_exports()
    {
        var x = await ExecutionScenario.CreateAsync(App, appropriationQepik: 100_000);
        await (await x.Accountant.PostJsonAsync($"{x.Api}/expenditures", x.Direct(10m, on: "2026-02-05"))).OkAsync<ExpenditureView>(HttpStatusCode.Created);
        await (await x.Accountant.PostJsonAsync($"{x.Api}/expenditures", x.Direct(11m, on: "2026-03-05"))).OkAsync<ExpenditureView>(HttpStatusCode.Created);
        await (await x.Accountant.PostJsonAsync($"{x.Api}/expenditures", x.Commitment(12m))).OkAsync<ExpenditureView>(HttpStatusCode.Created);

        var all = await (await x.Accountant.GetAsync($"{x.Api}/expenditures?year=2026&pageSize=2")).OkAsync<PageOf<ExpenditureView>>();
        Assert.Equal((3, 2), (all.Total, all.Items.Count));
        Assert.Equal(1, (await (await x.Accountant.GetAsync($"{x.Api}/expenditures?year=2026&q=tikinti")).OkAsync<PageOf<ExpenditureView>>()).Total);
        Assert.Equal(2, (await (await x.Accountant.GetAsync($"{x.Api}/expenditures?year=2026&q=faktura")).OkAsync<PageOf<ExpenditureView>>()).Total);
        Assert.Equal(1, (await (await x.Accountant.GetAsync($"{x.Api}/expenditures?year=2026&month=2")).OkAsync<PageOf<ExpenditureView>>()).Total);
        Assert.Equal(1, (await (await x.Accountant.GetAsync($"{x.Api}/expenditures?year=2026&kind=Commitment&lineId={x.LineId}")).OkAsync<PageOf<ExpenditureView>>()).Total);
        var csv = await x.Accountant.GetStringAsync($"{x.Api}/expenditures/export.csv?year=2026&lang=en");
        var rows = RegistryHttp.ParseCsv(csv);
        Assert.Equal(4, rows.Count);
        Assert.Contains(rows, r => r.Contains("05.02.2026") && r.Contains("İşıq MMC"));
        var xlsx = await x.Accountant.GetAsync($"{x.Api}/expenditures/export.xlsx?year=2026");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_demo_spends_within_each_line_once_and_enters_revenue()
    {
        var x = await ExecutionScenario.CreateAsync(App, appropriationQepik: 10_000);
        var today = new DateOnly(2026, 12, 3);
        Assert.True(await App.WithDbAsync(db => BudgetExecutionDemo.LoadAsync(db, x.S.MunicipalityId, today, App.Clock, CancellationToken.None)));
        Assert.False(await App.WithDbAsync(db => BudgetExecutionDemo.LoadAsync(db, x.S.MunicipalityId, today, App.Clock, CancellationToken.None)));
        var summary = await (await x.Accountant.GetAsync($"{x.Api}/execution/2026")).OkAsync<ExecutionSummary>();
        var line = summary.Lines.Single(l => l.LineId == x.LineId);
        Assert.Equal((50m, 30m, 50m), (line.Committed, line.Paid, line.Available));
        Assert.Equal(14_200m, summary.Revenue.Where(r => !r.PostedFromTaxes).Sum(r => r.Entered));
    }
}

public sealed class ExpenditureTests_Sqlite(SqliteFixture f) : ExpenditureTests(f), IClassFixture<SqliteFixture>;
public sealed class ExpenditureTests_Postgres(PostgresFixture f) : ExpenditureTests(f), IClassFixture<PostgresFixture>;
