using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OpenBams.Platform.Identity;
using static Microsoft.Playwright.Assertions;

namespace OpenBams.BrowserTests;

/// <summary>
/// Issue 5's journey in one browser test: the chairman drafts the 2027 budget, submits it by 15 October and publishes it within
/// 10 days (FL 10.1); the council adopts the budget decision and the approval is recorded only with it (FL 10.2); a land-tax
/// payment comes in through the bank statement (imported twice, booked once) and the accountant pays an expenditure, refused
/// first beyond its line (FL 13.1); then anyone, without logging in and on a phone, sees both on the public portal, in the tables
/// and in the chart by month.
/// </summary>
public sealed class BudgetJourneyTests(BrowserFixture fixture) : JourneyTest(fixture)
{
    private static readonly DateOnly DraftDay = new(2026, 10, 13);      // Tuesday, before 15 October (FL 10.1)
    private static readonly DateOnly PublishDay = new(2026, 10, 20);    // day 7 of the 10 (FL 10.1)
    private static readonly DateOnly CallDay = new(2026, 12, 7);
    private static readonly DateOnly SessionDay = new(2026, 12, 12);    // before 20 December (FL 10.2)
    private static readonly DateOnly RegisterDay = new(2026, 12, 14);
    private static readonly DateOnly AssessDay = new(2027, 6, 1);
    private static readonly DateOnly PayDay = new(2027, 8, 2);
    private static readonly DateOnly SpendDay = new(2027, 8, 3);

    [Fact]
    public async Task A_budget_drafted_submitted_published_and_approved_shows_a_tax_payment_and_an_expenditure_on_the_public_portal()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var fin = "B" + tag.ToUpperInvariant();
        const string name = "Ramil Quliyev";
        try
        {
            var (m, council) = await CouncilAsync(tag, skip: 1870);
            await App.CreateUserAsync($"vergi-{tag}", Role.TaxOfficer, m);
            await App.CreateUserAsync($"muhasib-{tag}", Role.Accountant, m);

            App.Clock.SetToday(DraftDay);
            var chairman = await LoginAsync(council[0].User);
            var budgetUrl = await DraftAndSubmitAsync(chairman, m);

            App.Clock.SetToday(PublishDay);
            await chairman.GotoAsync(budgetUrl);
            await chairman.FillAsync("#publish-on", PublishDay.ToString("dd.MM.yyyy"));
            await chairman.ClickAsync("#publish-button");
            await Expect(chairman.Locator("#published")).ToHaveTextAsync("20.10.2026");
            var visitor = await NewPageAsync();
            await visitor.GotoAsync($"/Portal/{m}/2027");
            await Expect(visitor.Locator("#draft-notice")).ToContainTextAsync("20.10.2026");   // a published draft is public (FL 10.1)

            var decisions = await CouncilAdoptsAsync(m, council, CallDay, SessionDay, TaxesEndToEndJourneyTests.LandTaxRateItem,
                new JourneyItem("2027-ci il yerli büdcəsinin təsdiqi", "Budget", "2027-ci il büdcəsi: gəlirlər 500,00 manat, xərclər 2 000,00 manat",
                    "#cast-for", "#cast-for", "#cast-for", "#cast-for", "#cast-abstain"));
            var (rateDecision, budgetDecision) = (decisions[0], decisions[1]);

            App.Clock.SetToday(RegisterDay);
            chairman = await LoginAsync(council[0].User);
            await ApproveAsync(chairman, budgetUrl, budgetDecision, rateDecision);

            var officer = await LoginAsync($"vergi-{tag}");
            await TaxesEndToEndJourneyTests.RegisterTaxpayerAndPlotAsync(officer, m, fin, name);
            await TaxesEndToEndJourneyTests.EnterRateAsync(officer, m, rateDecision);
            App.Clock.SetToday(AssessDay);
            officer = await LoginAsync($"vergi-{tag}");
            var (reference, _) = await TaxesEndToEndJourneyTests.AssessAndCheckNoticeAsync(officer, m, name);

            App.Clock.SetToday(PayDay);
            var accountant = await LoginAsync($"muhasib-{tag}");
            await TaxesEndToEndJourneyTests.ImportTwiceAsync(accountant, m, reference, fin, name);

            App.Clock.SetToday(SpendDay);
            await SpendAsync(accountant, m);
            await accountant.ClickAsync("#revenues-link");
            await Expect(accountant).ToHaveURLAsync(new Regex($"/Budget/{m}/Revenues\\?year=2027$"));
            await accountant.ClickAsync("#post-tax-revenue");
            await Expect(accountant.Locator("#posted")).ToBeVisibleAsync();
            await Expect(accountant.Locator("#tax-revenue-posted-at")).Not.ToHaveTextAsync("—");

            await PortalShowsBothAsync(m, budgetDecision);
        }
        finally { App.Clock.Reset(); }
    }

    /// <summary>FL 9.3: the chairman drafts; FL 7.1.1: the land tax planned as revenue; FL 8.2: one expenditure line; FL 10.1: submitted on 13 October.</summary>
    private static async Task<string> DraftAndSubmitAsync(IPage chairman, int m)
    {
        await chairman.GotoAsync($"/Budget/{m}");
        await chairman.FillAsync("#Year", "2027");
        await chairman.ClickAsync("#create-budget");
        await Expect(chairman).ToHaveURLAsync(new Regex(@"/Budget/\d+/Budgets/\d+$"));
        var budgetUrl = new Uri(chairman.Url).AbsolutePath;
        await Expect(chairman.Locator("#status")).ToHaveTextAsync("Layihə hazırlanır");

        await chairman.SelectOptionAsync("#Side", "Revenue");
        await chairman.FillAsync("#Code", "01");
        await chairman.SelectOptionAsync("#RevenueClass", "LandTax");
        await chairman.FillAsync("#Name", "Torpaq vergisi");
        await chairman.FillAsync("#Amount", "500,00");
        await chairman.ClickAsync("#add-line-button");
        await Expect(chairman.Locator("#lines tbody tr.revenue")).ToHaveCountAsync(1);

        await chairman.SelectOptionAsync("#Side", "Expenditure");
        await chairman.FillAsync("#Code", "06");
        await chairman.SelectOptionAsync("#Area", "StreetsYardsGardens");
        await chairman.FillAsync("#Name", "Küçələrin abadlaşdırılması");
        await chairman.FillAsync("#Amount", "2000,00");
        await chairman.ClickAsync("#add-line-button");
        await Expect(chairman.Locator("#lines tbody tr.expenditure")).ToHaveCountAsync(1);
        await Expect(chairman.Locator("#total-appropriation")).ToContainTextAsync("2 000,00");

        await chairman.FillAsync("#submit-on", DraftDay.ToString("dd.MM.yyyy"));
        await chairman.ClickAsync("#submit-button");
        await Expect(chairman.Locator("#submitted")).ToHaveTextAsync("13.10.2026");

        await chairman.ClickAsync("#link-calendar");
        await Expect(chairman.Locator("#milestone-draftsubmitted")).ToHaveClassAsync("done");
        await Expect(chairman.Locator("#milestone-draftsubmitted")).ToContainTextAsync("15.10.2026");
        await Expect(chairman.Locator("#milestone-draftpublished")).ToContainTextAsync("23.10.2026");   // 13 October + 10 days
        await chairman.GotoAsync(budgetUrl);
        return budgetUrl;
    }

    /// <summary>
    /// FL 10.2: no approval without a decision, nor with a decision on another matter (the tax rate); the budget decision makes it
    /// take effect on the day the council adopted it.
    /// </summary>
    private static async Task ApproveAsync(IPage chairman, string budgetUrl, int budgetDecision, int rateDecision)
    {
        await chairman.GotoAsync(budgetUrl);
        await Expect(chairman.Locator($"#approve-decision option[value='{rateDecision}']")).ToHaveCountAsync(0);   // only budget decisions are offered
        await chairman.ClickAsync("#approve-button");
        await Expect(chairman.Locator("#errors")).ToContainTextAsync("FL 10.2");
        await Expect(chairman.Locator("#status")).ToHaveTextAsync("Layihə dərc edilib");

        await chairman.SelectOptionAsync("#approve-decision", budgetDecision.ToString());
        await chairman.ClickAsync("#approve-button");
        await Expect(chairman.Locator("#approved")).ToContainTextAsync("12.12.2026");
        await Expect(chairman.Locator("#status")).ToHaveTextAsync("Təsdiq edilib");
    }

    /// <summary>FL 13.1: nothing beyond the appropriation (2 000,00 ₼); then 1 250,00 ₼ paid to a company for the streets.</summary>
    private static async Task SpendAsync(IPage accountant, int m)
    {
        // As the accountant finds it: the budget list, the approved 2027 budget, its expenditures.
        await accountant.GotoAsync($"/Budget/{m}");
        await accountant.Locator("#budgets a", new() { HasText = "2027" }).ClickAsync();
        await accountant.ClickAsync("#link-expenditures");
        await Expect(accountant).ToHaveURLAsync(new Regex($"/Budget/{m}/Expenditures\\?year=2027$"));
        await accountant.Locator("#record summary").ClickAsync();
        await accountant.SelectOptionAsync("#record-kind", "DirectPayment");
        await accountant.FillAsync("#record-amount", "2000,01");
        await accountant.FillAsync("#record-on", SpendDay.ToString("dd.MM.yyyy"));
        await accountant.FillAsync("#record-payee", "Abad Yol MMC");
        await accountant.FillAsync("#record-voen", "1234567890");
        await accountant.FillAsync("#record-purpose", "Mərkəzi küçənin səkisi");
        await accountant.FillAsync("#record-document", "Faktura 27/08");
        await accountant.FillAsync("#record-contract", "Müqavilə 14");
        await accountant.ClickAsync("#record-submit");
        await Expect(accountant.Locator("#errors")).ToContainTextAsync("FL 13.1");
        await Expect(accountant.Locator("#no-expenditures")).ToBeVisibleAsync();

        await accountant.FillAsync("#record-amount", "1250,00");
        await accountant.ClickAsync("#record-submit");
        await Expect(accountant.Locator("#recorded")).ToBeVisibleAsync();
        await Expect(accountant.Locator("#expenditures-table tbody tr")).ToHaveCountAsync(1);
        await Expect(accountant.Locator("#expenditures-table")).ToContainTextAsync("Abad Yol MMC");
    }

    /// <summary>
    /// The public portal, no login, on a phone: the approved budget with its decision, the land tax received once (12,07 ₼ though the
    /// statement was imported twice), the expenditure with payee, amount, date and purpose, and both as August's bars of the chart.
    /// </summary>
    private async Task PortalShowsBothAsync(int m, int budgetDecision)
    {
        var phone = await NewPageAsync(new ViewportSize { Width = 390, Height = 844 }, mobile: true);
        await phone.GotoAsync("/Portal?year=2027");
        await Expect(phone.Locator("#chart-months")).ToBeVisibleAsync();
        await phone.GotoAsync($"/Portal/{m}/2027");
        await Expect(phone.Locator("#logout")).ToHaveCountAsync(0);
        await Expect(phone.Locator("#budget-status")).ToHaveTextAsync("təsdiq edilib");
        await Expect(phone.Locator("#approval-decision")).ToHaveAttributeAsync("href", $"/Decisions/{budgetDecision}");
        await Expect(phone.Locator("#revenue")).ToContainTextAsync("12,07");
        await Expect(phone.Locator("#paid")).ToContainTextAsync("1 250,00");
        var land = phone.Locator("#revenue-R-7\\.1\\.1");
        await Expect(land).ToContainTextAsync("500,00");
        await Expect(land).ToContainTextAsync("12,07");

        var row = phone.Locator("#expenditure-list tbody tr");
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row).ToContainTextAsync("03.08.2027");
        await Expect(row).ToContainTextAsync("Abad Yol MMC");
        await Expect(row).ToContainTextAsync("1 250,00");
        await Expect(row).ToContainTextAsync("Mərkəzi küçənin səkisi");

        var chart = phone.Locator("#chart-months");
        await Expect(chart).ToBeVisibleAsync();
        var bars = await chart.Locator("rect.bar title").AllTextContentsAsync();
        Assert.Contains(bars, t => Flat(t).StartsWith("avq — gəlir: 12,07"));
        Assert.Contains(bars, t => Flat(t).StartsWith("avq — xərc: 1 250,00"));
        Assert.Contains(bars, t => Flat(t).StartsWith("iyl — xərc: 0,00"));
        var augustRevenue = chart.Locator("rect.bar.s0").Nth(7);
        Assert.True(double.Parse((await augustRevenue.GetAttributeAsync("height"))!, System.Globalization.CultureInfo.InvariantCulture) > 0);
        // The page fits the phone: the tables scroll inside their own boxes, the page itself does not.
        Assert.True(await phone.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth + 1"));
    }
}
