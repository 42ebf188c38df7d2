using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using OpenBams.Council;
using OpenBams.Law.Council;
using OpenBams.Law.Taxes;
using OpenBams.Platform.Identity;
using OpenBams.Registry;
using OpenBams.Testing;
using static Microsoft.Playwright.Assertions;

namespace OpenBams.BrowserTests;

/// <summary>
/// Issue 4's whole journey in one browser test, through the pages people use: the council adopts a land-tax rate by
/// two thirds of its members (SL 43.3); the tax service registers a taxpayer and a plot and enters the rate citing that
/// decision; the annual assessment runs in the background (LML 18.11); the notice's PDF carries the name, the payment
/// reference, the total and two halves due 15.08 and 15.11 (LML 18.13); the accountant imports the bank statement twice
/// and the second import books nothing; the resident sees the debt fall to zero, asks for a certificate (SL 30.2), the
/// tax service issues it and the resident downloads a certificate that says "no debt". Staff reach each page through the
/// tax home's links, and every one of those links opens.
/// </summary>
public sealed class TaxesEndToEndJourneyTests(BrowserFixture fixture) : JourneyTest(fixture)
{
    private static readonly DateOnly CallDay = new(2026, 12, 7);      // Monday
    private static readonly DateOnly SessionDay = new(2026, 12, 12);  // 5 days' notice (SL 16.1)
    private static readonly DateOnly RegisterDay = new(2026, 12, 14);
    private static readonly DateOnly AssessDay = new(2027, 6, 1);     // before 1 July (LML 18.11)
    private static readonly DateOnly PayDay = new(2027, 8, 2);        // Monday, before the first half's day: no interest

    [Fact]
    public async Task A_council_rate_becomes_a_notice_a_bank_payment_imported_twice_and_a_certificate_of_no_debt()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var fin = "E" + tag.ToUpperInvariant();
        const string name = "Nərmin Əlizadə";
        try
        {
            var (m, council) = await SetUpAsync(tag, fin);
            // SL 43.3: a local-tax item needs two thirds of all members; 4 for of 5 members is two thirds (⌈10/3⌉ = 4).
            var decisionId = (await CouncilAdoptsAsync(m, council, CallDay, SessionDay, LandTaxRateItem))[0];

            App.Clock.SetToday(RegisterDay);
            var officer = await LoginAsync($"vergi-{tag}");
            var taxpayerUrl = await RegisterTaxpayerAndPlotAsync(officer, m, fin, name);
            await EnterRateAsync(officer, m, decisionId);

            App.Clock.SetToday(AssessDay);
            officer = await LoginAsync($"vergi-{tag}");
            var (reference, noticeId) = await AssessAndCheckNoticeAsync(officer, m, name);

            App.Clock.SetToday(PayDay);
            var resident = await LoginAsync($"sakin-{tag}");
            await resident.ClickAsync("#nav-my-taxes");
            await Expect(resident.Locator("#mytaxes-owed")).ToContainTextAsync("12,07");
            await Expect(resident.Locator($"#mytaxes-reference-{noticeId}")).ToHaveTextAsync(reference.Replace(" ", ""));

            var accountant = await LoginAsync($"muhasib-{tag}");
            await ImportTwiceAsync(accountant, m, reference, fin, name);
            officer = await LoginAsync($"vergi-{tag}");
            await officer.GotoAsync(taxpayerUrl);
            await Expect(officer.Locator("#account-paid")).ToContainTextAsync("12,07");   // booked once, not twice
            await Expect(officer.Locator("#account-total")).ToContainTextAsync("0,00");
            await Expect(officer.Locator("#account-credit")).ToContainTextAsync("0,00");

            await resident.ReloadAsync();
            await Expect(resident.Locator("#mytaxes-owed")).ToHaveTextAsync(new Regex(@"^\s*0,00\s₼\s*$"));
            await CertificateOfNoDebtAsync(resident, officer, m, name);
        }
        finally { App.Clock.Reset(); }
    }

    /// <summary>The land-tax rate at the Tax Code's cap for cities, adopted 4 to 1.</summary>
    internal static readonly JourneyItem LandTaxRateItem = new("Yaşayış torpaqlarına torpaq vergisinin dərəcəsi", "LocalTaxesAndPayments",
        "2027-ci ildən yaşayış fondu torpaqlarının hər 100 m² üçün 0,20 manat", "#cast-for", "#cast-for", "#cast-for", "#cast-for", "#cast-against");

    /// <summary>A natural person (FIN) with a household plot in a city (6 035 m², title received 01.12.2026, LML 18.3).</summary>
    internal static async Task<string> RegisterTaxpayerAndPlotAsync(IPage officer, int m, string fin, string name)
    {
        // The tax home's links are how staff find the pages: every one of them opens.
        await officer.GotoAsync($"/Taxes/{m}");
        var links = officer.Locator("#taxes-nav a");
        Assert.True(await links.CountAsync() >= 15);
        foreach (var href in await links.EvaluateAllAsync<string[]>("as => as.map(a => a.getAttribute('href'))"))
            Assert.True((await officer.Context.APIRequest.GetAsync(href)).Status == 200, href + " does not open");
        await officer.ClickAsync("#link-taxpayers");
        await officer.SelectOptionAsync("#taxpayer-kind", "NaturalPerson");
        await officer.FillAsync("#taxpayer-fin", fin);
        await officer.FillAsync("#taxpayer-name", name);
        await officer.FillAsync("#taxpayer-address", "Nizami küçəsi 12");
        await officer.ClickAsync("#taxpayer-save");
        await Expect(officer).ToHaveURLAsync(new Regex(@"/Taxes/\d+/Taxpayers/\d+$"));
        await Expect(officer.Locator("#taxpayer-detail-fin")).ToHaveTextAsync(fin);

        await officer.FillAsync("#plot-address", "Nizami küçəsi 12, həyətyanı sahə");
        await officer.FillAsync("#plot-area", "6035");
        await officer.SelectOptionAsync("#plot-category", "Residential");
        await officer.SelectOptionAsync("#plot-group", "cities");
        await officer.FillAsync("#plot-share", "1/1");
        await officer.FillAsync("#plot-title-received", "01.12.2026");
        await officer.ClickAsync("#plot-save");
        await Expect(officer.Locator("#holdings tbody tr:not(.edit)")).ToHaveCountAsync(1);
        await Expect(officer.Locator("#holdings")).ToContainTextAsync("Nizami küçəsi 12, həyətyanı sahə");
        return new Uri(officer.Url).AbsolutePath;
    }

    /// <summary>The rate at the Tax Code's cap for cities (0.20 manat per 100 m²), from 01.01.2027, citing the council's decision.</summary>
    internal static async Task EnterRateAsync(IPage officer, int m, int decisionId)
    {
        var cls = RateClasses.Residential("cities");
        await officer.GotoAsync($"/Taxes/{m}");
        await officer.ClickAsync("#link-rates");
        await Expect(officer.Locator($"#rate-decision option[value='{decisionId}']")).ToContainTextAsync("(4/5)");
        await officer.SelectOptionAsync("#rate-class", cls);
        await officer.FillAsync("#rate-value", "0,20");
        await officer.SelectOptionAsync("#rate-decision", decisionId.ToString());
        await officer.FillAsync("#rate-from", "01.01.2027");
        await officer.ClickAsync("#rate-save");
        await Expect(officer.Locator("#errors")).ToHaveCountAsync(0);
        await officer.FillAsync("#rates-on", "01.01.2027");
        await officer.ClickAsync("#rates-on-show");
        var row = officer.Locator($"#rates tr[data-class='{cls}']");
        await Expect(row).ToContainTextAsync("01.01.2027");
        await Expect(row.Locator("td.num")).ToHaveTextAsync("0.2");
    }

    /// <summary>LML 18.7: 6 035 m² × 0.20 / 100 m² = 12.07 ₼; LML 18.13: halves 6.04 (the odd qəpik first) + 6.03.</summary>
    internal static async Task<(string Reference, int NoticeId)> AssessAndCheckNoticeAsync(IPage officer, int m, string name)
    {
        await officer.GotoAsync($"/Taxes/{m}");
        await officer.ClickAsync("#link-assessment");
        await officer.FillAsync("#assessment-year", "2027");
        await officer.ClickAsync("#assessment-start");
        // The job runs in the background; the page refreshes itself until it has finished.
        await Expect(officer.Locator("#assessment-status")).ToHaveAttributeAsync("data-status", "Completed", new() { Timeout = 90_000 });
        await Expect(officer.Locator("#assessment-created")).ToHaveTextAsync("1");
        await Expect(officer.Locator("#assessment-late")).ToHaveCountAsync(0);

        await officer.ClickAsync("#assessment-notices-link");
        await Expect(officer.Locator("#notices tbody tr")).ToHaveCountAsync(1);
        await officer.Locator("#notices .notice-link").ClickAsync();
        await Expect(officer).ToHaveURLAsync(new Regex(@"/Taxes/\d+/Notices/\d+$"));
        var noticeId = int.Parse(new Uri(officer.Url).AbsolutePath.Split('/')[^1]);
        await Expect(officer.Locator("#notice-taxpayer")).ToContainTextAsync(name);
        await Expect(officer.Locator("#notice-total")).ToContainTextAsync("12,07");
        var instalments = officer.Locator("#notice-instalments tr.instalment");
        await Expect(instalments).ToHaveCountAsync(2);
        await Expect(instalments.Nth(0)).ToContainTextAsync("15.08.2027");
        await Expect(instalments.Nth(0)).ToContainTextAsync("6,04");
        await Expect(instalments.Nth(1)).ToContainTextAsync("15.11.2027");
        await Expect(instalments.Nth(1)).ToContainTextAsync("6,03");
        var reference = (await officer.Locator("#notice-reference").TextContentAsync())!.Trim();
        Assert.Equal(18, reference.Replace(" ", "").Length);

        var pdf = await officer.Context.APIRequest.GetAsync((await officer.Locator("#notice-pdf-link").GetAttributeAsync("href"))!);
        Assert.Equal(200, pdf.Status);
        Assert.Equal("application/pdf", pdf.Headers["content-type"]);
        var text = Flat(Poppler.Text(await pdf.BodyAsync()));
        Assert.Contains("TƏDİYYƏ BİLDİRİŞİ", text);
        Assert.Contains(name, text);
        Assert.Contains(reference, text);
        Assert.Matches(@"CƏMİ / TOTAL\s+12,07 ₼", text);
        Assert.Matches(@"15\.08\.2027 tarixinədək[^₼]{0,120}6,04 ₼", text);   // a table cell may wrap
        Assert.Matches(@"15\.11\.2027 tarixinədək[^₼]{0,120}6,03 ₼", text);
        return (reference, noticeId);
    }

    /// <summary>
    /// The bank statement paying the whole total, uploaded twice: the second upload is recognised as the same file and its
    /// line as booked before, so nothing is counted twice.
    /// </summary>
    internal static async Task ImportTwiceAsync(IPage accountant, int m, string reference, string fin, string name)
    {
        var csv = "bank;line_id;value_date;amount;currency;reference;payer_id;payer_name;channel\n" +
                  $"KAPITAL;{fin}-20270802-1;2027-08-02;12,07;AZN;{reference};{fin};{name};bank\n";
        var file = new FilePayload { Name = $"kapital-{fin}.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv) };

        await accountant.GotoAsync($"/Taxes/{m}");
        await accountant.ClickAsync("#link-imports");
        await accountant.SetInputFilesAsync("#import-file", file);
        await accountant.ClickAsync("#import-upload");
        await Expect(accountant.Locator("#import-status")).ToHaveAttributeAsync("data-status", "Completed", new() { Timeout = 60_000 });
        await Expect(accountant.Locator("#import-lines")).ToHaveTextAsync("1");
        await Expect(accountant.Locator("#import-errors")).ToHaveTextAsync("0");
        await Expect(accountant.Locator("#import-duplicates")).ToHaveTextAsync("0");
        await Expect(accountant.Locator("#import-applied")).ToContainTextAsync("1 · 12,07");
        await Expect(accountant.Locator("#import-same-file")).ToHaveCountAsync(0);

        await accountant.GotoAsync($"/Taxes/{m}/Payments/Imports");
        await accountant.SetInputFilesAsync("#import-file", file);
        await accountant.CheckAsync("#import-apply");
        await accountant.ClickAsync("#import-upload");
        await Expect(accountant.Locator("#import-status")).ToHaveAttributeAsync("data-status", "Completed", new() { Timeout = 60_000 });
        await Expect(accountant.Locator("#import-same-file")).ToBeVisibleAsync();
        await Expect(accountant.Locator("#import-duplicates")).ToHaveTextAsync("1");
        await Expect(accountant.Locator("#import-applied")).ToContainTextAsync("0 · 0,00");
        await Expect(accountant.Locator("#imports-table tbody tr")).ToHaveCountAsync(2);
    }

    /// <summary>SL 30.2: the request is due the next working day; the tax service issues it; the PDF says there is no debt.</summary>
    private static async Task CertificateOfNoDebtAsync(IPage resident, IPage officer, int m, string name)
    {
        await resident.FillAsync("#mytaxes-certificate-purpose", "notariat üçün");
        await resident.ClickAsync("#mytaxes-certificate-request-submit");
        await Expect(resident.Locator("#message")).ToContainTextAsync("03.08.2027");
        await Expect(resident.Locator("#certificate-pdf-link")).ToHaveCountAsync(0);

        await officer.GotoAsync($"/Taxes/{m}");
        await officer.ClickAsync("#link-certificates");
        var row = officer.Locator("#certificates tbody tr", new() { HasText = "notariat üçün" });
        await Expect(row.Locator(".due")).ToHaveTextAsync("03.08.2027");
        await row.Locator("button[id^='certificate-issue-']").ClickAsync();
        await Expect(officer.Locator("#errors")).ToHaveCountAsync(0);

        await resident.GotoAsync("/MyTaxes");
        var link = resident.Locator("#certificate-pdf-link");
        await Expect(link).ToBeVisibleAsync();
        await Expect(resident.Locator("#mytaxes-certificate-list")).ToContainTextAsync("borc yoxdur");
        var pdf = await resident.Context.APIRequest.GetAsync((await link.GetAttributeAsync("href"))!);
        Assert.Equal("application/pdf", pdf.Headers["content-type"]);
        var text = Flat(Poppler.Text(await pdf.BodyAsync()));
        Assert.Contains("BORC YOXDUR / NO DEBT", text);
        Assert.Contains(name, text);
        Assert.Matches(@"Ödənilib / Paid\s+12,07 ₼", text);
    }

    /// <summary>
    /// A fresh municipality with its five-seat council, a tax officer, an accountant, and a resident whose account carries the FIN
    /// the tax service will register (how /MyTaxes finds them).
    /// </summary>
    private async Task<(int, List<(string User, string Name)>)> SetUpAsync(string tag, string fin)
    {
        var (id, council) = await CouncilAsync(tag, skip: 1850);
        await App.CreateUserAsync($"vergi-{tag}", Role.TaxOfficer, id);
        await App.CreateUserAsync($"muhasib-{tag}", Role.Accountant, id);
        await App.CreateUserAsync($"sakin-{tag}", Role.Resident, id, fin);
        return (id, council);
    }
}
