using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using OpenBams.Law.Taxes;
using OpenBams.Platform.Identity;
using OpenBams.Taxes;
using OpenBams.Testing;
using OpenBams.Tests.PlatformApi;

namespace OpenBams.Tests.Taxes;

/// <summary>
/// The payment portal's interface (HÖP): what is due by reference or FIN, a payment posted once per idempotency key, the
/// receipt, the day's reconciliation; its account only there, and nobody else there (SL 43.1: never cash).
/// </summary>
public abstract class PaymentPortalTests(AppFixture fixture)
{
    private TestApp App => fixture.App;
    private const string Portal = "/api/v1/payment-portal";

    private async Task<HttpClient> PortalAsync()
    {
        var name = "hop-" + Guid.NewGuid().ToString("N")[..6];
        await App.CreateUserAsync(name, Role.PaymentPortal, null);
        return await App.LoginAsync(name);
    }

    private static HttpRequestMessage Pay(string key, object body) =>
        new(HttpMethod.Post, $"{Portal}/payments?lang=en") { Content = JsonContent.Create(body), Headers = { { "Idempotency-Key", key } } };

    [Fact]
    public async Task What_is_due_is_found_by_payment_reference_or_by_FIN_in_its_municipality_with_the_name_masked()
    {
        var a = (await PaymentsSetup.AssessedAsync(App)).Single();
        var other = (await PaymentsSetup.AssessedAsync(App)).Single();
        var hop = await PortalAsync();

        var due = (await hop.GetFromJsonAsync<DueView>($"{Portal}/due?reference={a.Notice.Reference}", TaxJson.Options))!;
        Assert.Equal((a.S.MunicipalityId, 30.00m, 2), (due.MunicipalityId, due.Outstanding, due.Items.Count));
        Assert.Equal([1, 2], due.Items.Select(i => i.Instalment));
        Assert.Equal("Ə*** M*** 0***", due.Taxpayer);
        var display = PaymentReference.TryParse(a.Notice.Reference, out var r, out _) ? r.Display : "";
        var byDisplay = (await hop.GetFromJsonAsync<DueView>($"{Portal}/due?reference={Uri.EscapeDataString(display)}", TaxJson.Options))!;
        Assert.Equal(due.Total, byDisplay.Total);

        var fin = a.Taxpayer.PersonalId!;
        var byFin = await hop.GetAsync($"{Portal}/due?fin={fin}&municipalityId={a.S.MunicipalityId}");
        var body = await byFin.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, byFin.StatusCode);
        Assert.DoesNotContain(fin, body);
        Assert.DoesNotContain("Məmmədov", body);
        // A FIN is looked up in the municipality named, never in another one.
        await (await hop.GetAsync($"{Portal}/due?fin={fin}&municipalityId={other.S.MunicipalityId}&lang=en")).AssertProblemAsync(HttpStatusCode.NotFound, "fin");
        await (await hop.GetAsync($"{Portal}/due?fin={fin}&lang=en")).AssertProblemAsync(HttpStatusCode.BadRequest, "municipalityId");
        var unknown = PaymentReference.Create(PaymentsSetup.Year, a.S.MunicipalityId, 9_999_998).Value;
        await (await hop.GetAsync($"{Portal}/due?reference={unknown}&lang=en")).AssertProblemAsync(HttpStatusCode.NotFound, "reference");
        await (await hop.GetAsync($"{Portal}/due?reference=2026000010000001000&lang=en")).AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "reference");
    }

    [Fact]
    public async Task A_payment_posted_twice_with_one_idempotency_key_is_one_payment_and_another_body_with_the_key_is_a_conflict()
    {
        var a = (await PaymentsSetup.AssessedAsync(App)).Single();
        var hop = await PortalAsync();
        var key = "hop-" + Guid.NewGuid().ToString("N");
        var transaction = "T" + Guid.NewGuid().ToString("N")[..12];
        var body = new { reference = a.Notice.Reference, amount = 20.00m, paidAt = new DateTimeOffset(2026, 8, 1, 9, 0, 0, TimeSpan.FromHours(4)), channel = "hop",
            payerName = "Əli M.", transactionId = transaction };

        var first = await (await hop.SendAsync(Pay(key, body))).OkAsync<ReceiptView>(HttpStatusCode.Created);
        var again = await (await hop.SendAsync(Pay(key, body))).OkAsync<ReceiptView>(HttpStatusCode.OK);
        Assert.Equal((first.PaymentId, first.ReceiptCode), (again.PaymentId, again.ReceiptCode));
        Assert.Equal(20, first.ReceiptCode.Length);
        Assert.Equal([(1, 15.00m), (2, 5.00m)], first.Paid.Select(p => (p.Instalment, p.Amount))); // oldest due first
        Assert.Equal((0m, PaymentChannel.PaymentPortal), (first.Credit, first.Channel));
        // Still due: the second half's 10.00 and, as it is overdue today, its accrued interest (FL 7.1.11), as the portal shows it.
        var due = (await hop.GetFromJsonAsync<DueView>($"{Portal}/due?reference={a.Notice.Reference}", TaxJson.Options))!;
        Assert.Equal((10.00m, due.Total), (due.Outstanding, first.RemainingDue));
        Assert.True(due.AccruedInterest > 0m);
        var payments = await a.S.PaymentsOfAsync(a.Taxpayer.Id);
        var p = Assert.Single(payments);
        Assert.Equal(("portal:" + key, transaction, 2000L), (p.ExternalId, p.TransactionId, p.AmountQepik));

        await (await hop.SendAsync(Pay(key, body with { amount = 25.00m }))).AssertProblemAsync(HttpStatusCode.Conflict, "Idempotency-Key");
        Assert.Single(await a.S.PaymentsOfAsync(a.Taxpayer.Id));

        // No key, cash, three decimals: refused, nothing written.
        var noKey = new HttpRequestMessage(HttpMethod.Post, $"{Portal}/payments?lang=en") { Content = JsonContent.Create(body) };
        await (await hop.SendAsync(noKey)).AssertProblemAsync(HttpStatusCode.BadRequest, "Idempotency-Key");
        var cash = await (await hop.SendAsync(Pay(key + "c", body with { channel = "cash" }))).AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "channel");
        Assert.Contains("43.1", cash.ToString());
        await (await hop.SendAsync(Pay(key + "d", body with { amount = 1.005m }))).AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "amount");
        Assert.Single(await a.S.PaymentsOfAsync(a.Taxpayer.Id));

        // Overpaying the rest leaves credit on the receipt.
        var rest = await (await hop.SendAsync(Pay(key + "e", new { reference = a.Notice.Reference, amount = 12.50m, paidAt = body.paidAt, channel = "card" })))
            .OkAsync<ReceiptView>(HttpStatusCode.Created);
        Assert.Equal((2.50m, 0m), (rest.Credit, rest.RemainingDue));

        // The same portal transaction on the bank's statement later is a duplicate, not a second payment.
        var tag = Guid.NewGuid().ToString("N")[..6];
        var import = await a.S.ImportAsync(new Statement().Line(transaction, a.Notice.Reference, "20.00", channel: "hop", bank: "HOP" + tag).ToString());
        Assert.Equal((0, 1), (import.AppliedLines, import.DuplicateLines));
        Assert.Equal(2, (await a.S.PaymentsOfAsync(a.Taxpayer.Id)).Count);
    }

    [Fact]
    public async Task The_receipt_and_the_days_reconciliation_show_the_portals_payments()
    {
        var a = (await PaymentsSetup.AssessedAsync(App)).Single();
        var hop = await PortalAsync();
        var key = "rec-" + Guid.NewGuid().ToString("N");
        var day = new DateOnly(2026, 8, 3);
        var body = new { fin = a.Taxpayer.PersonalId, municipalityId = a.S.MunicipalityId, amount = 30.00m,
            paidAt = new DateTimeOffset(day.ToDateTime(new TimeOnly(10, 0)), TimeSpan.FromHours(4)), channel = "card", transactionId = "R" + key[4..16] };
        var receipt = await (await hop.SendAsync(Pay(key, body))).OkAsync<ReceiptView>(HttpStatusCode.Created);
        Assert.Equal((day, 0m), (receipt.PaidOn, receipt.RemainingDue));

        var read = (await hop.GetFromJsonAsync<ReceiptView>($"{Portal}/payments/{receipt.PaymentId}/receipt", TaxJson.Options))!;
        Assert.Equal((receipt.ReceiptCode, 30.00m), (read.ReceiptCode, read.Paid.Sum(p => p.Amount)));
        var pdf = await hop.GetAsync($"{Portal}/payments/{receipt.PaymentId}/receipt.pdf?lang=en");
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        var text = Poppler.Text(await pdf.Content.ReadAsByteArrayAsync());
        Assert.Contains("PAYMENT RECEIPT", text);
        Assert.Contains(receipt.ReceiptCode, text);
        Assert.Contains("SL 43.1", text);
        // The QR's address is printed under it: the public check of this receipt.
        Assert.Contains($"/Verify/Receipt/{receipt.ReceiptCode}", text.Replace("\n", ""));
        Assert.Contains("Verify this receipt", text);

        // Anyone opens the check: amount, day, municipality, the reference masked; never the payer's name or FIN.
        var anonymous = App.Client();
        var check = await anonymous.GetAsync($"/Verify/Receipt/{receipt.ReceiptCode}");
        var html = await check.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, check.StatusCode);
        Assert.Contains("id=\"verify-valid\"", html);
        Assert.Contains("30,00", html);
        Assert.Contains("03.08.2026", html);
        Assert.DoesNotContain(a.Taxpayer.PersonalId!, html);
        Assert.DoesNotContain(a.Taxpayer.Name, html);
        if (read.Reference is { Length: > 4 } reference)
        {
            Assert.DoesNotContain(reference, html);
            Assert.Contains(reference[^4..], html);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/Verify/Receipt/{receipt.ReceiptCode[..10]}AAAAAAAAAA")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/Verify/Receipt/nonsense")).StatusCode);

        var rec = (await hop.GetFromJsonAsync<Reconciliation>($"{Portal}/reconciliation?date=2026-08-03", TaxJson.Options))!;
        var mine = Assert.Single(rec.Municipalities, m => m.MunicipalityId == a.S.MunicipalityId);
        Assert.Equal((1, 30.00m), (mine.Count, mine.Total));
        Assert.Equal(key, Assert.Single(mine.Payments).IdempotencyKey);
        await (await hop.GetAsync($"{Portal}/reconciliation?date=3.8.26&lang=en")).AssertProblemAsync(HttpStatusCode.BadRequest, "date");

        // A bank payment has no portal receipt.
        var tag = Guid.NewGuid().ToString("N")[..8];
        var other = (await PaymentsSetup.AssessedAsync(App)).Single();
        await other.S.ImportAsync(new Statement().Line(tag, other.Notice.Reference, "1.00").ToString());
        var bank = Assert.Single(await other.S.PaymentsOfAsync(other.Taxpayer.Id));
        Assert.Equal(HttpStatusCode.NotFound, (await hop.GetAsync($"{Portal}/payments/{bank.Id}/receipt")).StatusCode);
    }

    [Fact]
    public async Task Only_the_portal_account_calls_the_portal_and_the_portal_account_reads_nothing_else()
    {
        var a = (await PaymentsSetup.AssessedAsync(App)).Single();
        var hop = await PortalAsync();
        var tag = Guid.NewGuid().ToString("N")[..6];
        await App.CreateUserAsync($"res-hop-{tag}", Role.Resident, a.S.MunicipalityId);
        var resident = await App.LoginAsync($"res-hop-{tag}");
        var due = $"{Portal}/due?reference={a.Notice.Reference}";
        foreach (var staff in new[] { a.S.Accountant, a.S.Officer, resident, await App.LoginAdminAsync() })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync(due)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await staff.SendAsync(Pay("k-" + tag, new { reference = a.Notice.Reference, amount = 1m }))).StatusCode);
        }
        Assert.Equal(HttpStatusCode.Unauthorized, (await App.Client().GetAsync(due)).StatusCode);
        Assert.Empty(await a.S.PaymentsOfAsync(a.Taxpayer.Id));

        // The portal's account is national for its own endpoints only: the municipality's register and pages refuse it.
        foreach (var url in new[] { $"{a.S.Api}/payments", $"{a.S.Api}/imports", $"{a.S.Api}/taxpayers", $"/api/v1/municipalities/{a.S.MunicipalityId}/council/members" })
        {
            var r = await hop.GetAsync(url);
            Assert.True(r.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound, $"{url} → {(int)r.StatusCode}");
        }
        var page = await hop.GetAsync($"/Taxes/{a.S.MunicipalityId}/Payments");
        Assert.False(page.IsSuccessStatusCode, $"/Taxes/…/Payments → {(int)page.StatusCode}");
        Assert.Equal(HttpStatusCode.OK, (await hop.GetAsync(due)).StatusCode);
    }
}

public sealed class PaymentPortalTests_Sqlite(SqliteFixture f) : PaymentPortalTests(f), IClassFixture<SqliteFixture>;
public sealed class PaymentPortalTests_Postgres(PostgresFixture f) : PaymentPortalTests(f), IClassFixture<PostgresFixture>;
