using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OpenBams.Law.Taxes;
using OpenBams.Platform.Identity;
using OpenBams.Taxes;
using OpenBams.Testing;
using OpenBams.Tests.PlatformApi;

namespace OpenBams.Tests.Taxes;

/// <summary>
/// Self-service and certificates of debts on a real database: a resident sees only the records of their own FIN (in every
/// municipality), a certificate is due 1 working day after the request (SL 30.2), overdue requests are listed for staff,
/// the issued PDF states the debts or "no debt", the public check hides the person, and other municipalities' staff and
/// residents are refused.
/// </summary>
public abstract class CertificatesTests(AppFixture fixture)
{
    private TestApp App => fixture.App;
    private const string Me = "/api/v1/me/taxes";

    private static string NewFin() => "R" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();

    private async Task<(HttpClient Client, string Login)> ResidentAsync(int municipalityId, string? fin)
    {
        var login = "res-" + Guid.NewGuid().ToString("N")[..8];
        await App.CreateUserAsync(login, Role.Resident, municipalityId, fin);
        return (await App.LoginAsync(login), login);
    }

    private static long Qepik(JsonElement money) => money.ValueKind == JsonValueKind.Object ? money.GetProperty("qepik").GetInt64() : (long)(money.GetDecimal() * 100);

    /// <summary>A land-tax charge of the taxpayer, straight to the ledger, and optionally its payment, then settled as the payment import does.</summary>
    private Task ChargeAsync(Taxpayer t, long qepik, DateOnly dueOn, long paidQepik = 0, DateOnly? paidOn = null) => App.WithDbAsync(async db =>
    {
        await using var tx = await db.Database.BeginTransactionAsync();
        await OpenBams.Budget.TaxRevenuePosting.WritingPaymentsAsync(db, default);
        var now = DateTime.UtcNow;
        if (qepik != 0)
            db.TaxCharges.Add(new TaxCharge { MunicipalityId = t.MunicipalityId, TaxpayerId = t.Id, Tax = LocalTax.LandTax, Year = dueOn.Year, Instalment = dueOn.Month < 10 ? 1 : 2,
            DueOn = dueOn, AmountQepik = qepik, Kind = ChargeKind.Assessment, CreatedAt = now });
        if (paidQepik > 0)
            db.Payments.Add(new Payment { MunicipalityId = t.MunicipalityId, TaxpayerId = t.Id, AmountQepik = paidQepik, PaidOn = paidOn ?? dueOn, RecordedAt = now,
                Channel = PaymentChannel.Bank, ExternalId = "test:" + Guid.NewGuid().ToString("N") });
        await db.SaveChangesAsync();
        var today = OpenBams.Platform.Clock.Today(App.Clock);
        await Ledger.SettleAsync(db, [t.Id], now, await Ledger.Rules.LoadAsync(db, today, default));
        await tx.CommitAsync();
        return 0;
    });

    [Fact]
    public async Task A_resident_sees_their_own_records_in_every_municipality_and_nobody_elses()
    {
        var home = await TaxScenario.CreateAsync(App);
        var away = await TaxScenario.CreateAsync(App);
        var fin = NewFin();
        var mineHome = await home.TaxpayerAsync(fin, "Leyla Həsənova");
        var mineAway = await away.TaxpayerAsync(fin, "Leyla Həsənova");
        var neighbour = await home.TaxpayerAsync(NewFin(), "Qonşu Qonşuyev");
        await ChargeAsync(mineHome, 1000, new DateOnly(2026, 8, 15));
        await ChargeAsync(neighbour, 7777, new DateOnly(2026, 8, 15));
        var (me, _) = await ResidentAsync(home.MunicipalityId, fin);

        var view = await (await me.GetAsync(Me)).OkAsync<JsonElement>();
        var accounts = view.GetProperty("accounts").EnumerateArray().ToList();
        Assert.Equal(new[] { mineHome.Id, mineAway.Id }.Order(), accounts.Select(a => a.GetProperty("taxpayerId").GetInt32()).Order());
        Assert.DoesNotContain("Qonşu", view.GetRawText());
        Assert.Equal(fin, view.GetProperty("personalId").GetString());

        // Another resident of the same municipality, with a FIN on no register, sees nothing and cannot address mine.
        var (other, _) = await ResidentAsync(home.MunicipalityId, NewFin());
        var otherView = await (await other.GetAsync(Me)).OkAsync<JsonElement>();
        Assert.Empty(otherView.GetProperty("accounts").EnumerateArray());
        Assert.Equal(0, Qepik(otherView.GetProperty("totalToPay")));
        var r = await other.PostJsonAsync($"{Me}/certificates", new { taxpayerId = mineHome.Id });
        Assert.Equal(HttpStatusCode.NotFound, r.StatusCode);
        Assert.Equal(0, await App.WithDbAsync(db => db.DebtCertificates.CountAsync(c => c.TaxpayerId == mineHome.Id)));

        // A resident without a FIN on the account sees that, not an error.
        var (noFin, _) = await ResidentAsync(home.MunicipalityId, null);
        var noFinView = await (await noFin.GetAsync(Me)).OkAsync<JsonElement>();
        Assert.Equal(JsonValueKind.Null, noFinView.GetProperty("personalId").ValueKind);
        var page = await (await noFin.GetAsync("/MyTaxes")).Content.ReadAsStringAsync();
        Assert.Contains("mytaxes-no-fin", page);

        // The page shows my two municipalities and not the neighbour.
        var html = await (await me.GetAsync("/MyTaxes")).Content.ReadAsStringAsync();
        Assert.Contains($"mytaxes-account-{mineHome.Id}", html);
        Assert.Contains($"mytaxes-account-{mineAway.Id}", html);
        Assert.DoesNotContain("Qonşu", html);
        Assert.DoesNotContain("77,77", html);
    }

    [Fact]
    public async Task SL_30_2_a_request_on_Friday_is_due_on_Monday_and_before_a_holiday_after_it()
    {
        var s = await TaxScenario.CreateAsync(App);
        var fin = NewFin();
        var t = await s.TaxpayerAsync(fin, "Cümə Cüməyev");
        var (me, _) = await ResidentAsync(s.MunicipalityId, fin);
        try
        {
            App.Clock.SetToday(new DateOnly(2026, 12, 4)); // Friday
            var friday = await (await me.PostJsonAsync($"{Me}/certificates", new { taxpayerId = t.Id })).OkAsync<JsonElement>(HttpStatusCode.Created);
            Assert.Equal("2026-12-07", friday.GetProperty("dueOn").GetString()); // Monday
            Assert.Equal("Requested", friday.GetProperty("status").GetString());
            // A second click while it waits is the same request.
            var again = await (await me.PostJsonAsync($"{Me}/certificates", new { taxpayerId = t.Id })).OkAsync<JsonElement>(HttpStatusCode.Created);
            Assert.Equal(friday.GetProperty("id").GetInt32(), again.GetProperty("id").GetInt32());

            // 15 June is National Salvation Day: a request on Monday 14 June 2027 is due on Wednesday 16 June.
            Assert.True(await App.WithDbAsync(db => db.CalendarDays.AnyAsync(d => d.Date == new DateOnly(2027, 6, 15))));
            App.Clock.SetToday(new DateOnly(2027, 6, 14));
            var w = await s.Officer.PostJsonAsync($"{s.Api}/certificates", new { taxpayerId = t.Id, requestedOn = "14.06.2027", purpose = "bank" });
            var written = await w.OkAsync<JsonElement>(HttpStatusCode.Created);
            Assert.Equal("2027-06-16", written.GetProperty("dueOn").GetString());
            Assert.Equal("Written", written.GetProperty("channel").GetString());
            Assert.Contains("15.06.2027", written.GetProperty("dueExplanation").GetString());
        }
        finally { App.Clock.Reset(); }
    }

    [Fact]
    public async Task SL_30_2_overdue_requests_are_listed_for_staff_and_an_issue_after_the_day_stays_late()
    {
        var s = await TaxScenario.CreateAsync(App);
        var t = await s.TaxpayerAsync(NewFin(), "Gecikən Gecikənov");
        var fresh = await s.TaxpayerAsync(NewFin(), "Təzə Təzəyev");
        var today = OpenBams.Platform.Clock.Today(App.Clock);
        var old = await (await s.Officer.PostJsonAsync($"{s.Api}/certificates",
            new { taxpayerId = t.Id, requestedOn = today.AddDays(-10).ToString("dd.MM.yyyy") })).OkAsync<JsonElement>(HttpStatusCode.Created);
        await (await s.Officer.PostJsonAsync($"{s.Api}/certificates", new { taxpayerId = fresh.Id })).OkAsync<JsonElement>(HttpStatusCode.Created);
        Assert.True(old.GetProperty("overdue").GetBoolean());

        var overdue = await (await s.Officer.GetAsync($"{s.Api}/certificates?status=overdue")).OkAsync<JsonElement>();
        Assert.Equal([t.Id], overdue.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("taxpayerId").GetInt32()));
        var all = await (await s.Officer.GetAsync($"{s.Api}/certificates?pageSize=1")).OkAsync<JsonElement>();
        Assert.Equal(2, all.GetProperty("total").GetInt32());
        Assert.Equal(t.Id, all.GetProperty("items")[0].GetProperty("taxpayerId").GetInt32()); // the most urgent first
        var found = await (await s.Officer.GetAsync($"{s.Api}/certificates?q=T%C9%99z%C9%99")).OkAsync<JsonElement>();
        Assert.Equal([fresh.Id], found.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("taxpayerId").GetInt32()));

        var page = await (await s.Officer.GetAsync($"/Taxes/{s.MunicipalityId}/Certificates")).Content.ReadAsStringAsync();
        Assert.Contains("certificates-overdue-count", page);
        Assert.Contains($"<tr id=\"certificate-{old.GetProperty("id").GetInt32()}\" class=\"overdue\"", page);
        var csv = await (await s.Officer.GetAsync($"{s.Api}/certificates/export.csv?status=overdue")).Content.ReadAsStringAsync();
        Assert.Contains("Gecikən Gecikənov", csv);
        Assert.DoesNotContain("Təzə", csv);
        var xlsx = await s.Officer.GetAsync($"{s.Api}/certificates/export.xlsx");
        Assert.Equal(OpenBams.Platform.Export.Xlsx.ContentType, xlsx.Content.Headers.ContentType?.MediaType);

        var id = old.GetProperty("id").GetInt32();
        var version = old.GetProperty("version").GetInt64();
        // Optimistic concurrency: a stale version is 409 and nothing is issued.
        Assert.Equal(HttpStatusCode.Conflict, (await s.Officer.PostJsonAsync($"{s.Api}/certificates/{id}/issue", new { version = version + 5 })).StatusCode);
        var issued = await (await s.Officer.PostJsonAsync($"{s.Api}/certificates/{id}/issue", new { version })).OkAsync<JsonElement>();
        Assert.Equal("Issued", issued.GetProperty("status").GetString());
        Assert.True(issued.GetProperty("issuedLate").GetBoolean());
        Assert.False(issued.GetProperty("overdue").GetBoolean());
        Assert.Equal($"1/{today.Year}", issued.GetProperty("number").GetString());
        // Issued once: a second issue or a refusal is refused with the field.
        await (await s.Officer.PostJsonAsync($"{s.Api}/certificates/{id}/issue", new { version = issued.GetProperty("version").GetInt64() }))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "status");
        var overdueAfter = await (await s.Officer.GetAsync($"{s.Api}/certificates?status=overdue")).OkAsync<JsonElement>();
        Assert.Equal(0, overdueAfter.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task A_refusal_needs_a_reason_and_bad_input_names_its_field()
    {
        var s = await TaxScenario.CreateAsync(App);
        var fin = NewFin();
        var t = await s.TaxpayerAsync(fin, "İmtina İmtinayev");
        // The written application names the person by FIN (lower case as typed), as well as by the register's id.
        var c = await (await s.Officer.PostJsonAsync($"{s.Api}/certificates", new { identifier = fin.ToLowerInvariant() })).OkAsync<JsonElement>(HttpStatusCode.Created);
        Assert.Equal(t.Id, c.GetProperty("taxpayerId").GetInt32());
        await (await s.Officer.PostJsonAsync($"{s.Api}/certificates", new { identifier = NewFin() })).AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "identifier");
        var id = c.GetProperty("id").GetInt32();
        var version = c.GetProperty("version").GetInt64();
        await (await s.Officer.PostJsonAsync($"{s.Api}/certificates/{id}/refuse", new { version, reason = " " })).AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "reason");
        var refused = await (await s.Officer.PostJsonAsync($"{s.Api}/certificates/{id}/refuse", new { version, reason = "Müraciət edən vergi ödəyicisi deyil" })).OkAsync<JsonElement>();
        Assert.Equal("Refused", refused.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await s.Officer.GetAsync($"{s.Api}/certificates/{id}/pdf")).StatusCode);
        await (await s.Officer.PostJsonAsync($"{s.Api}/certificates", new { taxpayerId = t.Id, requestedOn = "31.02.2026" })).AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "requestedOn");
        var tomorrow = OpenBams.Platform.Clock.Today(App.Clock).AddDays(1).ToString("dd.MM.yyyy");
        await (await s.Officer.PostJsonAsync($"{s.Api}/certificates", new { taxpayerId = t.Id, requestedOn = tomorrow })).AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "requestedOn");
        await (await s.Officer.PostJsonAsync($"{s.Api}/certificates", new { purpose = "x" })).AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "taxpayerId");
        await (await s.Officer.PostJsonAsync($"{s.Api}/certificates", new { taxpayerId = t.Id, purpose = new string('x', 301) })).AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "purpose");
    }

    [Fact]
    public async Task SL_30_2_the_certificate_states_the_debt_and_after_full_payment_no_debt_and_the_check_hides_the_person()
    {
        var s = await TaxScenario.CreateAsync(App);
        var fin = NewFin();
        var t = await s.TaxpayerAsync(fin, "Borclu Borcluyev");
        var today = OpenBams.Platform.Clock.Today(App.Clock);
        await ChargeAsync(t, 2500, today.AddDays(-40));
        var (me, _) = await ResidentAsync(s.MunicipalityId, fin);
        var owed = await (await me.GetAsync(Me)).OkAsync<JsonElement>();
        Assert.Equal(2500, Qepik(owed.GetProperty("overdue")));

        // With a debt: the officer issues the resident's request; the PDF states the debt.
        var req = await (await me.PostJsonAsync($"{Me}/certificates", new { purpose = "bank krediti" })).OkAsync<JsonElement>(HttpStatusCode.Created);
        Assert.Equal("Requested", req.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await me.GetAsync($"{Me}/certificates/{req.GetProperty("id").GetInt32()}/pdf")).StatusCode); // not issued yet
        var staffView = await (await s.Officer.GetAsync($"{s.Api}/certificates/{req.GetProperty("id").GetInt32()}")).OkAsync<JsonElement>();
        await (await s.Officer.PostJsonAsync($"{s.Api}/certificates/{req.GetProperty("id").GetInt32()}/issue", new { version = staffView.GetProperty("version").GetInt64() }))
            .OkAsync<JsonElement>();
        var withDebt = Poppler.Text(await (await me.GetAsync($"{Me}/certificates/{req.GetProperty("id").GetInt32()}/pdf")).Content.ReadAsByteArrayAsync());
        Assert.Contains("BORC VAR / DEBT", withDebt);
        Assert.Contains("25,00", withDebt);
        Assert.Contains(fin, withDebt);
        Assert.Contains("30.2", withDebt);

        // Paid in full (a bank payment of the due day, booked late: no interest): the municipality now issues at once, and the
        // certificate says "no debt".
        await ChargeAsync(t, 0, today.AddDays(-40), paidQepik: 2500, paidOn: today.AddDays(-40));
        var after = await (await me.GetAsync(Me)).OkAsync<JsonElement>();
        Assert.Equal(0, Qepik(after.GetProperty("totalToPay")));
        await (await s.Officer.PutJsonAsync($"{s.Api}/certificates/settings", new { issueAutomatically = true })).OkAsync<JsonElement>();
        var auto = await (await me.PostJsonAsync($"{Me}/certificates", new { taxpayerId = t.Id })).OkAsync<JsonElement>(HttpStatusCode.Created);
        Assert.Equal("Issued", auto.GetProperty("status").GetString());
        Assert.False(auto.GetProperty("hasDebt").GetBoolean());
        var autoId = auto.GetProperty("id").GetInt32();
        var pdf = await me.GetAsync($"{Me}/certificates/{autoId}/pdf");
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        var text = Poppler.Text(await pdf.Content.ReadAsByteArrayAsync());
        Assert.Contains("BORC YOXDUR / NO DEBT", text);
        Assert.Contains(auto.GetProperty("number").GetString()!, text);
        Assert.Contains("/Verify/Certificate/", text);
        Assert.Contains("25,00", text); // the paid item is listed with what was paid

        // Nobody else downloads it: another resident gets 404, staff of the municipality get it from their own route.
        var (other, _) = await ResidentAsync(s.MunicipalityId, NewFin());
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"{Me}/certificates/{autoId}/pdf")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await s.Officer.GetAsync($"{s.Api}/certificates/{autoId}/pdf")).StatusCode);

        // The public check: municipality, number, date, debt yes/no; never the name or the FIN.
        var code = await App.WithDbAsync(db => db.DebtCertificates.Where(c => c.Id == autoId).Select(c => c.VerificationCode).SingleAsync());
        var anonymous = App.Client();
        var page = await anonymous.GetAsync($"/Verify/Certificate/{code}");
        var html = await page.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains(auto.GetProperty("number").GetString()!, html);
        Assert.Contains("id=\"verify-debt\" class=\"ok\"", html);
        Assert.DoesNotContain(fin, html);
        Assert.DoesNotContain("Borclu", html);
        var api = await (await anonymous.GetAsync($"/api/v1/public/verify/certificates/{code}")).OkAsync<JsonElement>();
        Assert.False(api.GetProperty("hasDebt").GetBoolean());
        Assert.DoesNotContain(fin, api.GetRawText());
        Assert.DoesNotContain("Borclu", api.GetRawText());
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/Verify/Certificate/{code![..7]}AAAAAAAAAAAAA")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/api/v1/public/verify/certificates/nonsense")).StatusCode);
        // The earlier certificate still says what it said when issued: frozen.
        var firstCode = await App.WithDbAsync(db => db.DebtCertificates.Where(c => c.Id == req.GetProperty("id").GetInt32()).Select(c => c.VerificationCode).SingleAsync());
        Assert.True((await (await anonymous.GetAsync($"/api/v1/public/verify/certificates/{firstCode}")).OkAsync<JsonElement>()).GetProperty("hasDebt").GetBoolean());
    }

    [Fact]
    public async Task Staff_of_another_municipality_and_residents_are_refused_the_certificate_queue()
    {
        var s = await TaxScenario.CreateAsync(App);
        var elsewhere = await TaxScenario.CreateAsync(App);
        var fin = NewFin();
        var t = await s.TaxpayerAsync(fin, "Sirr Sirrov");
        var c = await (await s.Officer.PostJsonAsync($"{s.Api}/certificates", new { taxpayerId = t.Id })).OkAsync<JsonElement>(HttpStatusCode.Created);
        var id = c.GetProperty("id").GetInt32();

        Assert.Equal(HttpStatusCode.Forbidden, (await elsewhere.Officer.GetAsync($"{s.Api}/certificates")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await elsewhere.Officer.GetAsync($"{s.Api}/certificates/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await elsewhere.Officer.PostJsonAsync($"{s.Api}/certificates/{id}/issue", new { version = 0 })).StatusCode);
        // The other municipality's own route does not reach this certificate either.
        Assert.Equal(HttpStatusCode.NotFound, (await elsewhere.Officer.PostJsonAsync($"{elsewhere.Api}/certificates/{id}/issue", new { version = 0 })).StatusCode);
        // A resident of the municipality, even the taxpayer, does not read the queue (TAX-REG 3.1.10) nor issue.
        var (resident, _) = await ResidentAsync(s.MunicipalityId, fin);
        Assert.Equal(HttpStatusCode.Forbidden, (await resident.GetAsync($"{s.Api}/certificates")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await resident.PostJsonAsync($"{s.Api}/certificates/{id}/issue", new { version = 0 })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await resident.GetAsync($"/Taxes/{s.MunicipalityId}/Certificates")).StatusCode);
        // The accountant reads the queue but does not issue (the tax service does, TAX-REG 3.1).
        Assert.Equal(HttpStatusCode.OK, (await s.Accountant.GetAsync($"{s.Api}/certificates")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await s.Accountant.PostJsonAsync($"{s.Api}/certificates/{id}/issue", new { version = c.GetProperty("version").GetInt64() })).StatusCode);
        Assert.Equal(CertificateStatus.Requested, await App.WithDbAsync(db => db.DebtCertificates.Where(x => x.Id == id).Select(x => x.Status).SingleAsync()));
    }

    [Fact]
    public async Task SL_30_2_certificates_issued_at_the_same_time_never_share_a_number()
    {
        var s = await TaxScenario.CreateAsync(App);
        var requests = new List<(int Id, long Version)>();
        for (var i = 0; i < 6; i++)
        {
            var t = await s.TaxpayerAsync(NewFin(), $"Eyni Vaxt {i}");
            await ChargeAsync(t, 1000 + i, new DateOnly(2026, 8, 15));
            var c = await (await s.Officer.PostJsonAsync($"{s.Api}/certificates", new { taxpayerId = t.Id })).OkAsync<JsonElement>(HttpStatusCode.Created);
            requests.Add((c.GetProperty("id").GetInt32(), c.GetProperty("version").GetInt64()));
        }
        // All six issued at once, from six connections: each gets its own number of the year.
        var responses = await Task.WhenAll(requests.Select(r => s.Officer.PostJsonAsync($"{s.Api}/certificates/{r.Id}/issue", new { version = r.Version })));
        foreach (var r in responses) Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        var ids = requests.Select(r => r.Id).ToList();
        var numbers = await App.WithDbAsync(db => db.DebtCertificates.Where(c => ids.Contains(c.Id)).Select(c => new { c.Number, c.Year, c.Content }).ToListAsync());
        Assert.All(numbers, n => Assert.NotNull(n.Number));
        Assert.Equal(6, numbers.Select(n => (n.Year, n.Number)).Distinct().Count());
        Assert.Equal(Enumerable.Range(1, 6), numbers.Select(n => n.Number!.Value).Order());
        // The frozen content states the number the record has.
        Assert.All(numbers, n => Assert.Equal($"{n.Number}/{n.Year}", CertificateContent.Read(n.Content).Number));
    }
}

public sealed class CertificatesTests_Sqlite(SqliteFixture f) : CertificatesTests(f), IClassFixture<SqliteFixture>;
public sealed class CertificatesTests_Postgres(PostgresFixture f) : CertificatesTests(f), IClassFixture<PostgresFixture>;
