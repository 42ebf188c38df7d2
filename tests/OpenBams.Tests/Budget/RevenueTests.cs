using System.Net;
using Microsoft.EntityFrameworkCore;
using OpenBams.Budget;
using OpenBams.Law.Budget;
using OpenBams.Law.Taxes;
using OpenBams.Taxes;
using OpenBams.Testing;
using OpenBams.Tests.PlatformApi;
using OpenBams.Tests.Registry;
using OpenBams.Tests.Taxes;

namespace OpenBams.Tests.Budget;

/// <summary>
/// Revenue: entered revenue of the classes the taxes module does not book (FL 7.1.7-7.1.10, SL 33.5), and tax revenue posted
/// from the taxes module's payments by day and class — idempotent, reduced by a reversal.
/// </summary>
public abstract class RevenueTests(AppFixture fixture)
{
    protected TestApp App => fixture.App;

    private static object Entry(string cls, decimal amount, string on = "2026-05-04") =>
        new { revenueClass = cls, amount, receivedOn = on, payer = "Dövlət büdcəsi", document = "Köçürmə 44", note = "Dotasiya" };

    [Fact]
    public async Task FL_7_1_tax_and_local_payment_classes_are_refused_for_manual_entry_and_other_classes_are_entered_listed_and_cancelled()
    {
        var x = await ExecutionScenario.CreateAsync(App);
        foreach (var (cls, rule) in new[] { ("R-7.1.1", "FL 7.1.1"), ("PropertyTax", "FL 7.1.2"), ("R-7.1.5", "FL 7.1.5"), ("R-7.1.6b", "FL 7.1.6"), ("R-7.1.11", "FL 7.1.11") })
        {
            var p = await (await x.Accountant.PostJsonAsync($"{x.Api}/revenues?lang=en", Entry(cls, 10m))).AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "revenueClass");
            Assert.Equal(rule, p.GetProperty("rule").GetString());
        }
        await (await x.Accountant.PostJsonAsync($"{x.Api}/revenues?lang=en", Entry("R-9.9", 10m))).AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "revenueClass");
        await (await x.Accountant.PostJsonAsync($"{x.Api}/revenues?lang=en", Entry("R-7.1.9", 10.001m))).AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "amount");

        var grant = await (await x.Accountant.PostJsonAsync($"{x.Api}/revenues", Entry("R-7.1.9", 15m))).OkAsync<RevenueView>(HttpStatusCode.Created);
        var sale = await (await x.Accountant.PostJsonAsync($"{x.Api}/revenues", Entry("Privatisation", 100m, "2026-06-01"))).OkAsync<RevenueView>(HttpStatusCode.Created);
        await (await x.Accountant.PostJsonAsync($"{x.Api}/revenues", Entry("R-7.1.7a", 50m))).OkAsync<RevenueView>(HttpStatusCode.Created);
        Assert.Equal((RevenueClass.GrantsAndAid, "R-7.1.9", 15m), (grant.RevenueClass, grant.ClassCode, grant.Amount));
        Assert.Equal(RevenueClass.Privatisation, sale.RevenueClass);

        var page = await (await x.Accountant.GetAsync($"{x.Api}/revenues?year=2026&revenueClass=R-7.1.8a")).OkAsync<PageOf<RevenueView>>();
        Assert.Equal(sale.Id, page.Items.Single().Id);
        Assert.Equal(2, (await (await x.Accountant.GetAsync($"{x.Api}/revenues?year=2026&month=5&pageSize=1")).OkAsync<PageOf<RevenueView>>()).Total);
        var csv = RegistryHttp.ParseCsv(await x.Accountant.GetStringAsync($"{x.Api}/revenues/export.csv?year=2026&lang=en"));
        Assert.Equal(4, csv.Count);

        await (await x.Accountant.PostJsonAsync($"{x.Api}/revenues/{grant.Id}/cancellation?lang=en", new { reason = "Səhv", version = grant.Version })).AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "reason");
        var cancelled = await (await x.Accountant.PostJsonAsync($"{x.Api}/revenues/{grant.Id}/cancellation", new { reason = "İkinci dəfə daxil edilib", version = grant.Version })).OkAsync<RevenueView>();
        Assert.True(cancelled.Cancelled);

        var summary = await (await x.Accountant.GetAsync($"{x.Api}/execution/2026")).OkAsync<ExecutionSummary>();
        var grants = summary.Revenue.Single(r => r.Class == RevenueClass.GrantsAndAid);
        Assert.Equal((20m, 0m), (grants.Planned, grants.Actual));
        Assert.Equal(100m, summary.Revenue.Single(r => r.Class == RevenueClass.Privatisation).Entered);
        Assert.Equal(50m, summary.Actual.Dotation);
        Assert.Equal(50m, summary.Months.Single(m => m.Month == 5).Revenue);
    }

    [Fact]
    public async Task Tax_payments_are_posted_under_their_class_on_their_day_a_rerun_changes_nothing_and_a_reversal_reduces_the_revenue()
    {
        var a = (await PaymentsSetup.AssessedAsync(App)).Single();
        var x = await ExecutionScenario.CreateAsync(App, s: a.S);
        var tag = Guid.NewGuid().ToString("N")[..8];
        // 40.00 against 30.00 due: 30.00 land tax, 10.00 credit.
        await a.S.ImportAsync(new Statement().Line($"{tag}-1", a.Notice.Reference, "15.00", date: "2026-08-03").Line($"{tag}-2", a.Notice.Reference, "25.00", date: "2026-08-04").ToString());
        var day1 = new DateOnly(2026, 8, 3);
        var day2 = new DateOnly(2026, 8, 4);

        Task<List<TaxRevenueDay>> Days() => App.WithDbAsync(db => db.TaxRevenueDays.Where(d => d.MunicipalityId == a.S.MunicipalityId).OrderBy(d => d.On).ThenBy(d => d.RevenueClass).ToListAsync());
        await (await x.Accountant.PostJsonAsync($"{x.Api}/tax-revenue/posting", new { })).OkAsync<PostingResult>();
        var posted = await Days();
        Assert.Equal([(day1, RevenueClass.LandTax, 1500L), (day2, RevenueClass.LandTax, 1500L), (day2, TaxRevenuePosting.CreditClass, 1000L)],
            posted.Select(d => (d.On, d.RevenueClass, d.AmountQepik)));

        await (await x.Accountant.PostJsonAsync($"{x.Api}/tax-revenue/posting", new { })).OkAsync<PostingResult>();
        Assert.Equal(posted.Select(d => (d.On, d.RevenueClass, d.AmountQepik)), (await Days()).Select(d => (d.On, d.RevenueClass, d.AmountQepik)));
        var summary = await (await x.Accountant.GetAsync($"{x.Api}/execution/2026")).OkAsync<ExecutionSummary>();
        Assert.Equal((50m, 30m, 30m), summary.Revenue.Where(r => r.Class == RevenueClass.LandTax).Select(r => (r.Planned, r.Tax, r.Actual)).Single());

        // Reversing the first payment: its 15.00 leaves day 1; the second's credit now pays the first instalment (still day 2).
        var first = (await a.S.PaymentsOfAsync(a.Taxpayer.Id)).OrderBy(p => p.Id).First();
        await (await a.S.Accountant.PostJsonAsync($"{a.S.Api}/payments/{first.Id}/reversal", new { reason = "Bank returned the money" })).OkAsync<PaymentDetail>();
        await (await x.Accountant.PostJsonAsync($"{x.Api}/tax-revenue/posting", new { })).OkAsync<PostingResult>();
        var after = await Days();
        Assert.DoesNotContain(after, d => d.On == day1);
        Assert.Equal(2500L, after.Where(d => d.On == day2).Sum(d => d.AmountQepik));
        Assert.Equal(2500L, after.Single(d => d.On == day2 && d.RevenueClass == RevenueClass.LandTax).AmountQepik);
        Assert.Equal(HttpStatusCode.Forbidden, (await a.S.Officer.PostJsonAsync($"{x.Api}/tax-revenue/posting", new { })).StatusCode);
    }
}

public sealed class RevenueTests_Sqlite(SqliteFixture f) : RevenueTests(f), IClassFixture<SqliteFixture>;
public sealed class RevenueTests_Postgres(PostgresFixture f) : RevenueTests(f), IClassFixture<PostgresFixture>
{
    /// <summary>
    /// PostgreSQL hands out ids before commit: an import holding a lower id may commit after a portal payment with a higher one.
    /// The run must wait for it, not pass it by and leave it unposted for good (SQLite writes one at a time, so only here).
    /// </summary>
    [Fact]
    public async Task A_payment_that_commits_after_a_later_one_is_still_posted()
    {
        var app = App;
        var m = await app.FreshMunicipalityAsync(from: 1300, 0);
        var day = new DateOnly(2026, 9, 7);
        Payment Credit(long qepik) => new()
        {
            MunicipalityId = m, AmountQepik = qepik, PaidOn = day, RecordedAt = DateTime.UtcNow, Channel = PaymentChannel.Bank, ExternalId = $"late-{Guid.NewGuid():N}",
            Status = PaymentStatus.Posted, RecordedBy = "test",
        };
        await TaxRevenuePosting.RunAsSystemAsync(app.Services, default);

        var slowHasItsId = new TaskCompletionSource();
        var commitSlow = new TaskCompletionSource();
        var slow = app.WithDbAsync(async db =>
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            await TaxRevenuePosting.WritingPaymentsAsync(db, default);
            var p = Credit(1_100);
            db.Payments.Add(p);
            await db.SaveChangesAsync();
            slowHasItsId.SetResult();
            await commitSlow.Task;
            await tx.CommitAsync();
            return p.Id;
        });
        await slowHasItsId.Task;
        var fastId = await app.WithDbAsync(async db =>
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            await TaxRevenuePosting.WritingPaymentsAsync(db, default);
            var p = Credit(2_200);
            db.Payments.Add(p);
            await db.SaveChangesAsync();
            await tx.CommitAsync();
            return p.Id;
        });

        var run = TaxRevenuePosting.RunAsSystemAsync(app.Services, default);
        // The run waits on the writers' lock while the slow import is open (seen in pg_locks), then the import commits.
        for (var i = 0; i < 200 && !await app.WithDbAsync(db => db.Database.SqlQueryRaw<bool>(
                 "SELECT EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND NOT granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())) AS \"Value\"").SingleAsync()); i++)
            await Task.Delay(50);
        commitSlow.SetResult();
        var slowId = await slow;
        Assert.True(slowId < fastId);
        await run;
        await TaxRevenuePosting.RunAsSystemAsync(app.Services, default);

        var posted = await app.WithDbAsync(db => db.TaxRevenueDays.Where(d => d.MunicipalityId == m && d.On == day).SumAsync(d => d.AmountQepik));
        Assert.Equal(3_300, posted);
    }
}
