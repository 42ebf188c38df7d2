using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenBams.Law.Taxes;
using OpenBams.Platform.Data;
using OpenBams.Platform.Identity;
using OpenBams.Platform.Tenancy;
using OpenBams.Taxes;
using OpenBams.Testing;
using OpenBams.Tests.PlatformApi;

namespace OpenBams.Tests.Taxes;

/// <summary>
/// Bank statement imports (SL 43.1: non-cash only) in the documented format (docs/payments.md), on a real database: every
/// bad line reported with its line, field and article and nothing half-applied; the same statement twice never counts
/// twice; a crash between batches resumes without losing or doubling; money goes to the oldest due instalment and the rest
/// is credit; a reversal is explicit and re-settles.
/// </summary>
public abstract class PaymentImportTests(AppFixture fixture)
{
    private TestApp App => fixture.App;

    [Fact]
    public async Task SL_43_1_a_statement_with_bad_lines_reports_each_line_and_books_nothing_unless_valid_lines_are_applied()
    {
        var a = (await PaymentsSetup.AssessedAsync(App)).Single();
        var s = a.S;
        var unknown = PaymentReference.Create(PaymentsSetup.Year, s.MunicipalityId, 9_999_999).Value;
        var tag = Guid.NewGuid().ToString("N")[..8];
        var csv = new Statement()
            .Line($"{tag}-1", a.Notice.Reference, "15,00")                     // line 2: valid
            .Line($"{tag}-2", unknown, "5.00")                                  // line 3: no such notice
            .Line($"{tag}-3", a.Notice.Reference, "1.234,50")                   // line 4: two separators
            .Line($"{tag}-4", a.Notice.Reference, "12.345")                     // line 5: three decimals
            .Line($"{tag}-1", a.Notice.Reference, "15.00")                      // line 6: the key of line 2 again
            .Line($"{tag}-6", a.Notice.Reference, "15.00", channel: "cash")     // line 7: SL 43.1
            .Line($"{tag}-7", a.Notice.Reference, "15.00", currency: "USD")     // line 8
            .ToString();

        var first = await s.ImportAsync(csv);
        Assert.Equal(JobStatus.Completed, first.Status);
        Assert.Equal((7, 1, 6, 0, 0), (first.Lines, first.ValidLines, first.ErrorLines, first.DuplicateLines, first.AppliedLines));
        Assert.Contains("Nothing booked", first.Outcome);
        Assert.Empty(await s.PaymentsOfAsync(a.Taxpayer.Id));
        Assert.All((await s.OutstandingAsync(a.Taxpayer.Id)).Values, v => Assert.Equal(1500L, v));

        var issues = await s.IssuesAsync(first.Id);
        Assert.Equal([3, 4, 5, 6, 7, 8], issues.Select(i => i.Line).Distinct().Order());
        Assert.Equal("reference", issues.Single(i => i.Line == 3).Field);
        Assert.Contains("No payment notice", issues.Single(i => i.Line == 3).Message);
        Assert.Equal(["amount"], issues.Where(i => i.Line is 4 or 5).Select(i => i.Field).Distinct());
        Assert.Contains("line 2", issues.Single(i => i.Line == 6).Message);
        var cash = issues.Single(i => i.Line == 7);
        Assert.Equal(("channel", "SL 43.1"), (cash.Field, cash.Rule));
        Assert.Equal("currency", issues.Single(i => i.Line == 8).Field);
        Assert.All(issues, i => Assert.Equal(ImportIssueKind.Error, i.Kind));

        // The issues export carries the same lines.
        var export = await s.Accountant.GetStringAsync($"{s.Api}/imports/{first.Id}/issues/export.csv?lang=en");
        Assert.Contains("SL 43.1", export);
        Assert.Equal(6 + 1, export.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);

        // The same file with "apply valid lines": the one valid line is booked, the others are reported again.
        var second = await s.ImportAsync(csv, applyValidLines: true);
        Assert.Equal((1, 6, 1, first.Id), (second.AppliedLines, second.ErrorLines, second.ValidLines, second.SameFileAs));
        Assert.Equal(15.00m, second.AppliedAmount);
        var paid = Assert.Single(await s.PaymentsOfAsync(a.Taxpayer.Id));
        Assert.Equal((1500L, PaymentChannel.Bank, $"bank:KAPITAL:{tag}-1", second.Id), (paid.AmountQepik, paid.Channel, paid.ExternalId, paid.ImportId));
        Assert.Equal(0L, (await s.OutstandingAsync(a.Taxpayer.Id))[(LocalTax.LandTax, 1)]);
    }

    [Fact]
    public async Task The_same_statement_imported_twice_never_counts_twice()
    {
        var list = await PaymentsSetup.AssessedAsync(App, taxpayers: 2);
        var s = list[0].S;
        var tag = Guid.NewGuid().ToString("N")[..8];
        var csv = new Statement().Line($"{tag}-1", list[0].Notice.Reference, "30.00").Line($"{tag}-2", list[1].Notice.Reference, "10,00").ToString();

        var first = await s.ImportAsync(csv);
        Assert.Equal((2, 0, 40.00m), (first.AppliedLines, first.DuplicateLines, first.AppliedAmount));
        var again = await s.ImportAsync(csv);
        Assert.Equal((0, 2, 0, 0m), (again.AppliedLines, again.DuplicateLines, again.ErrorLines, again.AppliedAmount));
        Assert.Equal(first.Id, again.SameFileAs);
        var duplicates = await s.IssuesAsync(again.Id, "Duplicate");
        Assert.Equal(2, duplicates.Count);
        Assert.All(duplicates, d => Assert.Contains($"import No. {first.Id}", d.Message));

        Assert.Single(await s.PaymentsOfAsync(list[0].Taxpayer.Id));
        Assert.Single(await s.PaymentsOfAsync(list[1].Taxpayer.Id));
        Assert.All((await s.OutstandingAsync(list[0].Taxpayer.Id)).Values, v => Assert.Equal(0L, v));
        Assert.Equal(2000L, (await s.OutstandingAsync(list[1].Taxpayer.Id)).Values.Sum());

        // A dry run of a new file books nothing and says so.
        var dry = await s.ImportAsync(new Statement().Line($"{tag}-3", list[1].Notice.Reference, "5.00").ToString(), dryRun: true);
        Assert.Equal((1, 0), (dry.ValidLines, dry.AppliedLines));
        Assert.Single(await s.PaymentsOfAsync(list[1].Taxpayer.Id));
    }

    [Fact]
    public async Task A_crash_between_batches_resumes_after_the_last_committed_batch_without_losing_or_doubling()
    {
        var list = await PaymentsSetup.AssessedAsync(App, taxpayers: 3);
        var s = list[0].S;
        var tag = Guid.NewGuid().ToString("N")[..8];
        var csv = new Statement().Line($"{tag}-1", list[0].Notice.Reference, "30.00").Line($"{tag}-2", list[1].Notice.Reference, "30.00")
            .Line($"{tag}-3", list[2].Notice.Reference, "30.00").ToString();
        var import = await CreateHeldAsync(s.MunicipalityId, csv);

        // Batches of one line; the worker "crashes" right after the first batch is committed.
        var crash = new ImportOptions { BatchSize = 1, AfterBatch = n => n == 1 ? throw new IOException("power cut") : Task.CompletedTask };
        await Assert.ThrowsAsync<IOException>(() => StatementImport.RunAsync(App.Services, import.Id, CancellationToken.None, crash));
        var half = await RowAsync(import.Id);
        Assert.Equal((JobStatus.Running, 2, 1), (half.Status, half.CursorLine, half.AppliedLines));
        Assert.NotNull(half.ValidatedAt);
        Assert.Single(await s.PaymentsOfAsync(list[0].Taxpayer.Id));
        Assert.Empty(await s.PaymentsOfAsync(list[1].Taxpayer.Id));

        // Resumed (as the job does when the lease runs out): the rest is booked, the first line is not booked again.
        await StatementImport.RunAsync(App.Services, import.Id, CancellationToken.None, new ImportOptions { BatchSize = 1 });
        var done = await s.WaitImportAsync(import.Id);
        Assert.Equal((JobStatus.Completed, 3, 0, 90.00m), (done.Status, done.AppliedLines, done.DuplicateLines, done.AppliedAmount));
        foreach (var a in list)
        {
            Assert.Single(await s.PaymentsOfAsync(a.Taxpayer.Id));
            Assert.All((await s.OutstandingAsync(a.Taxpayer.Id)).Values, v => Assert.Equal(0L, v));
        }
        // Run again after completion: nothing happens.
        await StatementImport.RunAsync(App.Services, import.Id, CancellationToken.None);
        Assert.Equal(3, await App.WithDbAsync(db => db.Payments.CountAsync(p => p.ImportId == import.Id)));
    }

    [Fact]
    public async Task A_crash_during_the_check_starts_the_check_again_reports_each_issue_once_and_books_each_line_once()
    {
        var list = await PaymentsSetup.AssessedAsync(App, taxpayers: 2);
        var s = list[0].S;
        var tag = Guid.NewGuid().ToString("N")[..8];
        var csv = new Statement().Line($"{tag}-1", list[0].Notice.Reference, "15.00").Line($"{tag}-2", "123", "15.00")
            .Line($"{tag}-3", list[1].Notice.Reference, "15.00").ToString();
        var import = await CreateHeldAsync(s.MunicipalityId, csv, applyValidLines: true);
        // The worker stops after the first two lines are checked (their issues committed), before anything is booked.
        var crash = new ImportOptions { BatchSize = 1, AfterCheckBatch = n => n == 2 ? throw new IOException("power cut") : Task.CompletedTask };
        await Assert.ThrowsAsync<IOException>(() => StatementImport.RunAsync(App.Services, import.Id, CancellationToken.None, crash));
        Assert.Single(await s.IssuesAsync(import.Id));
        Assert.Null((await RowAsync(import.Id)).ValidatedAt);
        Assert.Equal(0, await App.WithDbAsync(db => db.Payments.CountAsync(p => p.ImportId == import.Id)));
        await StatementImport.RunAsync(App.Services, import.Id, CancellationToken.None, new ImportOptions { BatchSize = 1 });
        var done = await s.WaitImportAsync(import.Id);
        Assert.Equal((2, 1, 2), (done.AppliedLines, done.ErrorLines, done.ValidLines));
        // The issues of the interrupted check are not repeated.
        Assert.Single(await s.IssuesAsync(import.Id));
        Assert.Equal(2, await App.WithDbAsync(db => db.Payments.CountAsync(p => p.ImportId == import.Id)));
    }

    [Fact]
    public async Task Payments_go_to_the_oldest_due_instalment_first_and_an_overpayment_becomes_credit()
    {
        var a = (await PaymentsSetup.AssessedAsync(App)).Single();
        var s = a.S;
        var tag = Guid.NewGuid().ToString("N")[..8];
        await s.ImportAsync(new Statement().Line($"{tag}-1", a.Notice.Reference, "20.00").ToString());
        var owed = await s.OutstandingAsync(a.Taxpayer.Id);
        Assert.Equal((0L, 1000L), (owed[(LocalTax.LandTax, 1)], owed[(LocalTax.LandTax, 2)])); // LML 18.13: 15.00 + 5.00

        await s.ImportAsync(new Statement().Line($"{tag}-2", a.Notice.Reference, "25.00", date: "2026-08-02").ToString());
        owed = await s.OutstandingAsync(a.Taxpayer.Id);
        Assert.All(owed.Values, v => Assert.Equal(0L, v));
        var payments = await s.PaymentsOfAsync(a.Taxpayer.Id);
        var second = await s.PaymentAsync(payments[1].Id);
        Assert.Equal((10.00m, 15.00m), (second.Allocated, second.Credit));
        var first = await s.PaymentAsync(payments[0].Id);
        Assert.Equal([(1, 15.00m), (2, 5.00m)], first.Paid.Select(p => (p.Instalment, p.Amount)));
        Assert.Equal(0m, first.Credit);
    }

    [Fact]
    public async Task A_reversal_is_explicit_reopens_what_it_paid_and_other_credit_pays_the_oldest_item()
    {
        var a = (await PaymentsSetup.AssessedAsync(App)).Single();
        var s = a.S;
        var tag = Guid.NewGuid().ToString("N")[..8];
        await s.ImportAsync(new Statement().Line($"{tag}-1", a.Notice.Reference, "15.00").Line($"{tag}-2", a.Notice.Reference, "20.00").ToString());
        var payments = await s.PaymentsOfAsync(a.Taxpayer.Id);
        Assert.Equal(2, payments.Count);
        var url = $"{s.Api}/payments/{payments[0].Id}/reversal?lang=en";

        await (await s.Accountant.PostJsonAsync(url, new { reason = "no" })).AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "reason");
        await App.CreateUserAsync($"res-pay-{tag}", Role.Resident, s.MunicipalityId);
        var resident = await App.LoginAsync($"res-pay-{tag}");
        Assert.Equal(HttpStatusCode.Forbidden, (await resident.PostJsonAsync(url, new { reason = "Bank returned the money" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await resident.GetAsync($"{s.Api}/payments")).StatusCode);
        Assert.Equal(PaymentStatus.Posted, (await s.PaymentAsync(payments[0].Id)).Payment.Status);

        var reversed = await (await s.Accountant.PostJsonAsync(url, new { reason = "Bank returned the money" })).OkAsync<PaymentDetail>();
        Assert.Equal((PaymentStatus.Reversed, "Bank returned the money", s.AccountantLogin), (reversed.Payment.Status, reversed.Payment.ReversalReason, reversed.Payment.ReversedBy));
        Assert.Empty(reversed.Paid);
        // The second payment's 5.00 of credit now pays the first instalment: 10.00 of it is open again.
        var owed = await s.OutstandingAsync(a.Taxpayer.Id);
        Assert.Equal((1000L, 0L), (owed[(LocalTax.LandTax, 1)], owed[(LocalTax.LandTax, 2)]));
        Assert.Equal(0m, (await s.PaymentAsync(payments[1].Id)).Credit);
        // Kept, never deleted; a second reversal is a conflict; the audit says who and why.
        Assert.Equal(2, (await s.PaymentsOfAsync(a.Taxpayer.Id)).Count);
        await (await s.Accountant.PostJsonAsync(url, new { reason = "Bank returned the money" })).AssertProblemAsync(HttpStatusCode.Conflict, "paymentId");
        Assert.True(await App.WithDbAsync(db => db.AuditLog.AnyAsync(e => e.Entity == "Payment" && e.EntityId == payments[0].Id.ToString() && e.Reason == "Bank returned the money")));
    }

    [Fact]
    public async Task The_register_finds_payments_by_reference_and_name_pages_them_and_exports_them()
    {
        var list = await PaymentsSetup.AssessedAsync(App, taxpayers: 3);
        var s = list[0].S;
        var tag = Guid.NewGuid().ToString("N")[..8];
        var st = new Statement();
        for (var i = 0; i < 3; i++) st.Line($"{tag}-{i}", list[i].Notice.Reference, "1.00", payerName: $"Ödəyən {tag} {i}");
        await s.ImportAsync(st.ToString());

        var byRef = await s.Accountant.GetFromJsonAsync<PageOf<PaymentView>>($"{s.Api}/payments?q={list[1].Notice.Reference}", TaxJson.Options);
        Assert.Equal(list[1].Taxpayer.Id, Assert.Single(byRef!.Items).TaxpayerId);
        var page = await s.Accountant.GetFromJsonAsync<PageOf<PaymentView>>($"{s.Api}/payments?q={tag}&pageSize=2&page=2", TaxJson.Options);
        Assert.Equal((3, 1), (page!.Total, page.Items.Count));
        var csv = await s.Accountant.GetStringAsync($"{s.Api}/payments/export.csv?q={tag}");
        Assert.Equal(4, csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        // Channel and state in the reader's words, as on the page, not the code's enum names.
        Assert.Contains("Qəbul edilib", csv);
        Assert.DoesNotContain("Posted", csv);
        var xlsx = await s.Accountant.GetAsync($"{s.Api}/payments/export.xlsx?q={tag}");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.Equal((byte)'P', (await xlsx.Content.ReadAsByteArrayAsync())[0]); // a zip
        await (await s.Accountant.GetAsync($"{s.Api}/payments?from=tomorrow&lang=en")).AssertProblemAsync(HttpStatusCode.BadRequest, "from");
    }

    [Fact]
    public async Task A_municipal_import_refuses_another_municipalitys_reference_and_the_import_of_another_municipality_is_not_found()
    {
        var mine = (await PaymentsSetup.AssessedAsync(App)).Single();
        var theirs = (await PaymentsSetup.AssessedAsync(App)).Single();
        var tag = Guid.NewGuid().ToString("N")[..8];
        var import = await mine.S.ImportAsync(new Statement().Line($"{tag}-1", theirs.Notice.Reference, "15.00").ToString(), applyValidLines: true);
        Assert.Equal((0, 1), (import.AppliedLines, import.ErrorLines));
        Assert.Contains("another municipality", Assert.Single(await mine.S.IssuesAsync(import.Id)).Message);
        Assert.Empty(await theirs.S.PaymentsOfAsync(theirs.Taxpayer.Id));
        // The other municipality's staff cannot see this import, by its route or by its id under their own municipality.
        Assert.Equal(HttpStatusCode.Forbidden, (await theirs.S.Accountant.GetAsync($"{mine.S.Api}/imports/{import.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await theirs.S.Accountant.GetAsync($"{theirs.S.Api}/imports/{import.Id}")).StatusCode);
        // Only payments staff import.
        await App.CreateUserAsync($"res-imp-{tag}", Role.Resident, mine.S.MunicipalityId);
        var resident = await App.LoginAsync($"res-imp-{tag}");
        var r = await resident.PostAsync($"{mine.S.Api}/imports", new StringContent("x", Encoding.UTF8, "text/csv"));
        Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode);
    }

    private Task<PaymentImport> RowAsync(int importId) => App.WithDbAsync(db => db.PaymentImports.AsNoTracking().SingleAsync(i => i.Id == importId));

    /// <summary>A stored statement, claimed for the caller (the background job leaves it alone), as the benchmark creates one.</summary>
    private async Task<PaymentImport> CreateHeldAsync(int municipalityId, string csv, bool applyValidLines = false)
    {
        await using var scope = App.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantAccessor>().Use(TenantContext.System);
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        return await StatementImport.CreateAsync(db, App.Services.GetRequiredService<DatabaseSettings>(), new MemoryStream(Encoding.UTF8.GetBytes(csv)), "held.csv",
            municipalityId, applyValidLines, dryRun: false, "test", App.Services.GetRequiredService<TimeProvider>(), CancellationToken.None, holdForCaller: true);
    }
}

public sealed class PaymentImportTests_Sqlite(SqliteFixture f) : PaymentImportTests(f), IClassFixture<SqliteFixture>;
public sealed class PaymentImportTests_Postgres(PostgresFixture f) : PaymentImportTests(f), IClassFixture<PostgresFixture>;
