using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using OpenBams.Platform.Identity;
using OpenBams.Registry;
using static Microsoft.Playwright.Assertions;

namespace OpenBams.BrowserTests;

/// <summary>
/// The tax service keeps the register in the browser: a taxpayer with a bad FIN is refused with the field, a good one is
/// registered; an agricultural plot without score points is refused with LML 18.5 and the typed form is kept; with the
/// points the plot is registered with the taxpayer's share, found in the objects list and not among late registrations.
/// </summary>
public sealed class TaxRegisterJourneyTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task The_tax_officer_registers_a_taxpayer_and_a_plot_with_a_share()
    {
        App.Clock.Reset();
        var m = await App.WithDbAsync(db => db.Municipalities.Where(x => x.Status == MunicipalityStatus.Active).OrderBy(x => x.Id).Skip(1530).Select(x => x.Id).FirstAsync());
        var login = $"vergi-{Guid.NewGuid().ToString("N")[..6]}";
        await App.CreateUserAsync(login, Role.TaxOfficer, m);
        var page = await LoginAsync(login);
        await page.GotoAsync($"/Taxes/{m}/Taxpayers");

        await page.SelectOptionAsync("#taxpayer-kind", "NaturalPerson");
        await page.FillAsync("#taxpayer-fin", "5ZK7P2");
        await page.FillAsync("#taxpayer-name", "Aygün Səfərova");
        await page.FillAsync("#taxpayer-address", "Bağlar küçəsi 9");
        await page.ClickAsync("#taxpayer-save");
        await Expect(page.Locator("#errors")).ToContainTextAsync("personalId");
        await Expect(page.Locator("#taxpayer-name")).ToHaveValueAsync("Aygün Səfərova");   // the typed form is kept
        await page.FillAsync("#taxpayer-fin", "5zk7p2q");
        await page.ClickAsync("#taxpayer-save");
        await Expect(page).ToHaveURLAsync(new Regex(@"/Taxes/\d+/Taxpayers/\d+$"));
        await Expect(page.Locator("#taxpayer-detail-fin")).ToHaveTextAsync("5ZK7P2Q");
        await Expect(page.Locator("#no-holdings")).ToBeVisibleAsync();

        await page.FillAsync("#plot-address", "Bağlar küçəsi 9, həyətyanı");
        await page.FillAsync("#plot-area", "2 500");
        await page.SelectOptionAsync("#plot-category", "Agricultural");
        await page.FillAsync("#plot-share", "1/2");
        await page.FillAsync("#plot-title-received", "01.10.2026");
        await page.FillAsync("#plot-registered", "20.10.2026");
        await page.ClickAsync("#plot-save");
        await Expect(page.Locator("#errors")).ToContainTextAsync("LML 18.5");
        await Expect(page.Locator("#plot-area")).ToHaveValueAsync("2 500");
        await page.FillAsync("#plot-points", "42,5");
        await page.ClickAsync("#plot-save");
        await Expect(page.Locator("#holdings tbody tr:not(.edit)")).ToHaveCountAsync(1);
        await Expect(page.Locator("#holdings .share")).ToHaveTextAsync("1/2");
        await Expect(page.Locator("#holdings")).ToContainTextAsync("02.11.2026");   // LML 18.3: 01.11.2026 is a Sunday, the deadline moves to Monday
        await Expect(page.Locator("#account-owed")).ToBeVisibleAsync();

        await page.GotoAsync($"/Taxes/{m}/Objects/plots");
        await page.FillAsync("#objects-q", "Səfərova");
        await page.ClickAsync("#objects-search-submit");
        await Expect(page.Locator("#objects tbody tr")).ToHaveCountAsync(1);
        await Expect(page.Locator("#objects")).ToContainTextAsync("Aygün Səfərova (1/2)");
        await page.GotoAsync($"/Taxes/{m}/Register/Late");
        await Expect(page.Locator("#no-late")).ToBeVisibleAsync();
    }
}
