using Microsoft.EntityFrameworkCore;
using OpenBams.Law.Taxes;
using OpenBams.Platform.Identity;
using OpenBams.Registry;
using OpenBams.Taxes;
using OpenBams.Testing;
using static Microsoft.Playwright.Assertions;

namespace OpenBams.BrowserTests;

/// <summary>
/// A resident's self-service in the browser: /MyTaxes shows what they owe, the notice's payment reference and instalments
/// (LML 18.13); once the bank's payment is booked the debt is zero, and the certificate they request (SL 30.2) is issued
/// at once and says "no debt".
/// </summary>
public sealed class MyTaxesJourneyTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task A_resident_sees_the_debt_fall_to_zero_and_downloads_a_certificate_of_no_debt()
    {
        var fin = "B" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var login = "sakin-" + fin.ToLowerInvariant();
        var (municipalityId, taxpayer, reference) = await App.WithDbAsync(async db =>
        {
            var m = await db.Municipalities.Where(x => x.Status == MunicipalityStatus.Active).OrderBy(x => x.Id).Skip(2500).Select(x => x.Id).FirstAsync();
            var t = new Taxpayer { MunicipalityId = m, Kind = TaxpayerKind.NaturalPerson, PersonalId = fin, Name = "Səbinə Quliyeva", RegisteredOn = new DateOnly(2020, 1, 1),
                SearchKey = "sebine quliyeva" };
            var run = new AssessmentRun { MunicipalityId = m, Year = 2026, Status = JobStatus.Completed, RequestedAt = DateTime.UtcNow, RequestedBy = "test", FinishedAt = DateTime.UtcNow };
            db.AddRange(t, run);
            await db.SaveChangesAsync();
            var number = (await db.PaymentNotices.Where(n => n.MunicipalityId == m && n.Year == 2026).MaxAsync(n => (int?)n.Number) ?? 0) + 1;
            var n = new PaymentNotice { MunicipalityId = m, TaxpayerId = t.Id, Year = 2026, Number = number, IsCurrent = true,
                Reference = PaymentReference.Create(2026, m, number).Value, LandQepik = 5000, TotalQepik = 5000, FirstQepik = 2500, SecondQepik = 2500,
                FirstDueOn = TaxCalendar.FirstInstalment(2026), SecondDueOn = TaxCalendar.SecondInstalment(2026), IssuedOn = new DateOnly(2026, 7, 1), RunId = run.Id,
                Fingerprint = "0000000000000000", VerificationCode = "T" + Guid.NewGuid().ToString("N")[..19].ToUpperInvariant() };
            db.Add(n);
            await db.SaveChangesAsync();
            n.VerificationCode = AssessmentEngine.NewCode(n.Id);
            db.Add(new AssessmentLine { MunicipalityId = m, NoticeId = n.Id, TaxpayerId = t.Id, Tax = LocalTax.LandTax, ObjectKind = ObjectKind.LandPlot, ObjectId = 1,
                ObjectLabel = "Bağ sahəsi, Mərkəzi küçə 5", BaseValue = 500, Unit = RateUnit.Per100SquareMetres, Rate = 0.1m, Decision = "3/2025", WeightText = "1/1", Weight = 1, Months = 12,
                GrossQepik = 5000, NetQepik = 5000, Citation = "LML 18.7" });
            foreach (var (i, due) in new[] { (1, n.FirstDueOn), (2, n.SecondDueOn) })
                db.Add(new TaxCharge { MunicipalityId = m, TaxpayerId = t.Id, Tax = LocalTax.LandTax, Year = 2026, Instalment = i, DueOn = due, AmountQepik = 2500,
                    Kind = ChargeKind.Assessment, NoticeId = n.Id, CreatedAt = DateTime.UtcNow });
            // The municipality issues self-service certificates at once (SL 30.2).
            db.TaxSettings.Add(new TaxSettings { MunicipalityId = m, IssueCertificatesAutomatically = true });
            await db.SaveChangesAsync();
            return (m, t, n.Reference);
        });
        await App.CreateUserAsync(login, Role.Resident, municipalityId, fin);
        // Before the first instalment's day: nothing is overdue yet, so no interest moves the amounts.
        App.Clock.SetToday(new DateOnly(2026, 8, 1));
        try
        {
            await JourneyAsync(login, municipalityId, taxpayer, reference, fin);
        }
        finally { App.Clock.Reset(); }
    }

    private async Task JourneyAsync(string login, int municipalityId, Taxpayer taxpayer, string reference, string fin)
    {
        var page = await LoginAsync(login);
        await page.ClickAsync("#nav-my-taxes");
        await Expect(page.Locator("#mytaxes-owed")).ToContainTextAsync("50,00");
        await Expect(page.Locator($"#mytaxes-account-{taxpayer.Id} .reference")).ToHaveTextAsync(reference);
        await Expect(page.Locator($"#mytaxes-account-{taxpayer.Id} .pay .amount")).ToContainTextAsync("50,00");
        await Expect(page.Locator($"#mytaxes-account-{taxpayer.Id} .notice-card")).ToContainTextAsync("15.11.2026");
        await Expect(page.Locator($"#mytaxes-account-{taxpayer.Id} .mytaxes-lines")).ToContainTextAsync("Bağ sahəsi");
        // Base and rate in the resident's words and units (LML 18.7: manat per 100 m²): 5 ha × 0,1 ₼ per 100 m² = 50,00 ₼.
        await Expect(page.Locator($"#mytaxes-account-{taxpayer.Id} .mytaxes-lines")).ToContainTextAsync("50000 m² = 500 × 100 m²");
        await Expect(page.Locator($"#mytaxes-account-{taxpayer.Id} .mytaxes-lines")).ToContainTextAsync("0,1 ₼ / 100 m²");
        await Expect(page.Locator($"#mytaxes-account-{taxpayer.Id} .mytaxes-lines")).Not.ToContainTextAsync("Per100");
        Assert.Equal(18, reference.Length);

        // The bank's payment of both halves, on time, is booked (as the statement import does).
        await App.WithDbAsync(async db =>
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            await OpenBams.Budget.TaxRevenuePosting.WritingPaymentsAsync(db, default);
            db.Payments.Add(new Payment { MunicipalityId = municipalityId, TaxpayerId = taxpayer.Id, AmountQepik = 5000, PaidOn = new DateOnly(2026, 8, 1),
                RecordedAt = DateTime.UtcNow, Channel = PaymentChannel.Bank, Reference = reference, ExternalId = "bank:test:" + fin });
            await db.SaveChangesAsync();
            await Ledger.SettleAsync(db, [taxpayer.Id], DateTime.UtcNow, await Ledger.Rules.LoadAsync(db, OpenBams.Platform.Clock.Today(App.Clock), default));
            await tx.CommitAsync();
            return 0;
        });
        await page.ReloadAsync();
        await Expect(page.Locator("#mytaxes-owed")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\s*0,00\s"));
        await Expect(page.Locator($"#mytaxes-payments-{taxpayer.Id}")).ToContainTextAsync("50,00");

        await page.FillAsync("#mytaxes-certificate-purpose", "bank krediti");
        await page.ClickAsync("#mytaxes-certificate-request-submit");
        await Expect(page.Locator("#message")).ToContainTextAsync("Arayış");
        var link = page.Locator("#certificate-pdf-link");
        await Expect(link).ToBeVisibleAsync();
        var response = await page.Context.APIRequest.GetAsync((await link.GetAttributeAsync("href"))!);
        Assert.Equal("application/pdf", response.Headers["content-type"]);
        var text = Poppler.Text(await response.BodyAsync());
        Assert.Contains("BORC YOXDUR / NO DEBT", text);
        Assert.Contains("Səbinə Quliyeva", text);

        // The tax officer registers the person's written request by FIN on the queue (due the next working day) and issues it.
        var officerLogin = "vergi-" + fin.ToLowerInvariant();
        await App.CreateUserAsync(officerLogin, Role.TaxOfficer, municipalityId);
        var officer = await LoginAsync(officerLogin);
        await officer.GotoAsync($"/Taxes/{municipalityId}/Certificates");
        await Expect(officer.Locator("#certificates")).ToContainTextAsync("Səbinə Quliyeva");
        await officer.FillAsync("#certificate-taxpayer", "nobody1");
        await officer.ClickAsync("#certificate-request-submit");
        await Expect(officer.Locator("#errors")).ToContainTextAsync("identifier");
        await officer.FillAsync("#certificate-taxpayer", fin);
        await officer.FillAsync("#certificate-purpose", "notariat");
        await officer.ClickAsync("#certificate-request-submit");
        var row = officer.Locator("#certificates tbody tr", new() { HasText = "notariat" });
        await Expect(row.Locator(".due")).ToHaveTextAsync("03.08.2026"); // Saturday 1 August → Monday 3 August
        await row.Locator("button[id^='certificate-issue-']").ClickAsync();
        await officer.GotoAsync($"/Taxes/{municipalityId}/Certificates?status=issued");
        await Expect(officer.Locator("#certificates tbody tr", new() { HasText = "notariat" }).Locator(".certificate-pdf")).ToBeVisibleAsync();
    }
}
