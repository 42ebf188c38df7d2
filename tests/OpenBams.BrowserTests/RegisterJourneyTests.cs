using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace OpenBams.BrowserTests;

/// <summary>A visitor uses the public register in a real browser: search, filter, page, open a record, switch language, phone.</summary>
public sealed class RegisterJourneyTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task A_visitor_searches_with_the_ASCII_spelling_and_finds_the_Azerbaijani_name()
    {
        var page = await NewPageAsync();
        await page.GotoAsync("/Register");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Bələdiyyələrin Dövlət reyestri");
        await Expect(page.Locator("#found")).ToHaveTextAsync(new Regex(@"^Tapıldı: 2\s?718$"));

        await page.FillAsync("#q", "Bilecari");
        await page.ClickAsync("#search");

        await Expect(page).ToHaveURLAsync(new Regex(@"[?&]q=Bilecari"));
        await Expect(page.Locator("#q")).ToHaveValueAsync("Bilecari");
        var firstRow = page.Locator("#register tbody tr").First;
        await Expect(firstRow.Locator("td").First).ToHaveTextAsync("Biləcəri bələdiyyəsi");
        await Expect(page.Locator("#register")).ToContainTextAsync("Binəqədi rayonu");
    }

    [Fact]
    public async Task A_visitor_filters_by_kind_and_pages_to_the_next_page()
    {
        var page = await NewPageAsync();
        await page.GotoAsync("/Register");
        await page.SelectOptionAsync("#kind", "Settlement");
        await page.ClickAsync("#search");

        await Expect(page.Locator("#found")).ToHaveTextAsync("Tapıldı: 140");
        await Expect(page.Locator("#kind")).ToHaveValueAsync("Settlement");
        var names = page.Locator("#register tbody tr td:first-child a");
        await Expect(names).ToHaveCountAsync(50);
        var firstPage = await names.AllTextContentsAsync();
        var kinds = await page.Locator("#register tbody tr td:nth-child(2)").AllTextContentsAsync();
        Assert.All(kinds, k => Assert.Equal("qəsəbə", k.Trim()));
        await Expect(page.Locator("#prev")).ToHaveCountAsync(0);

        await page.ClickAsync("#next");

        await Expect(page).ToHaveURLAsync(new Regex(@"[?&]page=2"));
        await Expect(page).ToHaveURLAsync(new Regex(@"[?&]kind=Settlement"));
        await Expect(page.Locator(".pager")).ToContainTextAsync("Səhifə 2 / 3");
        await Expect(page.Locator("#found")).ToHaveTextAsync("Tapıldı: 140");
        await Expect(page.Locator("#kind")).ToHaveValueAsync("Settlement");
        await Expect(page.Locator("#prev")).ToBeVisibleAsync();
        await Expect(names).ToHaveCountAsync(50);
        var secondPage = await names.AllTextContentsAsync();
        Assert.Empty(firstPage.Intersect(secondPage));
        kinds = await page.Locator("#register tbody tr td:nth-child(2)").AllTextContentsAsync();
        Assert.All(kinds, k => Assert.Equal("qəsəbə", k.Trim()));
    }

    [Fact]
    public async Task A_visitor_opens_a_municipality_and_sees_its_council_size_and_history()
    {
        // Census figure recorded by an administrator earlier (set directly; the edit itself is tested elsewhere).
        await App.WithDbAsync(async db =>
        {
            var m = await db.Municipalities.SingleAsync(x => x.Name == "Suduroba bələdiyyəsi");
            m.Population = 1200;
            m.PopulationDate = new DateOnly(2019, 10, 1);
            m.PopulationSource = "Dövlət Statistika Komitəsi";
            return await db.SaveChangesAsync();
        });
        var page = await NewPageAsync();
        await page.GotoAsync("/Register?q=Suduroba");
        await page.GetByRole(AriaRole.Link, new() { Name = "Suduroba bələdiyyəsi", Exact = true }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex(@"/Register/\d+$"));
        await Expect(page.Locator("#name")).ToHaveTextAsync("Suduroba bələdiyyəsi");
        await Expect(page.Locator("#council-size strong")).ToHaveTextAsync("9");
        await Expect(page.Locator("#council-size")).ToContainTextAsync("210.2.3");
        await Expect(page.Locator("#permanent-max")).ToHaveTextAsync("3");
        var history = page.Locator("#history");
        await Expect(history).ToContainTextAsync("04.01.2005");
        await Expect(history).ToContainTextAsync("ayrılaraq yaradılıb");
        await Expect(history).ToContainTextAsync("İmamquluk");

        // The parent in the history is a link; its own history names Suduroba.
        await history.Locator("a[href^='/Register/']").First.ClickAsync();
        await Expect(page.Locator("#name")).ToContainTextAsync("İmamquluk");
        await Expect(page.Locator("#history")).ToContainTextAsync("Suduroba bələdiyyəsi");
        await Expect(page.Locator("#council-size strong")).ToHaveTextAsync("—");
    }

    [Fact]
    public async Task A_visitor_switches_to_English_and_back_to_Azerbaijani()
    {
        var page = await NewPageAsync();
        await page.GotoAsync("/Register?q=Sheki");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "az");

        await page.ClickAsync("#lang-en");
        await Expect(page.Locator("h1")).ToHaveTextAsync("State register of municipalities");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(page.Locator("#search")).ToHaveTextAsync("Search");
        await Expect(page.Locator("#export-csv")).ToHaveTextAsync("Download CSV");
        // The switch keeps the page and its query.
        await Expect(page).ToHaveURLAsync(new Regex(@"/Register\?q=Sheki$"));
        await Expect(page.Locator("#register tbody tr").First).ToContainTextAsync("Şəki bələdiyyəsi");

        // The language sticks for the next page of the session.
        await page.GotoAsync("/Register/Statistics");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Statistics");

        await page.ClickAsync("#lang-az");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Statistika");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "az");
        await page.GotoAsync("/Register");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Bələdiyyələrin Dövlət reyestri");
    }

    [Fact]
    public async Task On_a_phone_the_register_is_readable_without_sideways_scrolling()
    {
        var page = await NewPageAsync(new ViewportSize { Width = 375, Height = 667 }, mobile: true);
        await page.GotoAsync("/Register?q=Sudur");
        await Expect(page.Locator("#register")).ToBeVisibleAsync();
        await Expect(page.Locator("#register tbody tr").First).ToContainTextAsync("Sudur");

        var (scrollWidth, innerWidth) = await WidthsAsync(page);
        Assert.True(scrollWidth <= innerWidth + 1, $"The body scrolls sideways on a phone: scrollWidth {scrollWidth} > innerWidth {innerWidth}");
        Assert.Equal(375, innerWidth);

        // The first result's name lies inside the screen.
        var link = page.Locator("#register tbody tr td:first-child a").First;
        var box = await link.BoundingBoxAsync();
        Assert.NotNull(box);
        Assert.True(box.X >= 0 && box.X + box.Width <= innerWidth + 1, $"name box {box.X}+{box.Width} outside {innerWidth}");

        // The unfiltered list, with its long territory texts, too.
        await page.GotoAsync("/Register");
        (scrollWidth, innerWidth) = await WidthsAsync(page);
        Assert.True(scrollWidth <= innerWidth + 1, $"The full list scrolls sideways on a phone: scrollWidth {scrollWidth} > innerWidth {innerWidth}");
    }

    [Fact]
    public async Task A_screenshot_of_the_register_page_is_a_PNG()
    {
        var page = await NewPageAsync();
        await page.GotoAsync("/Register");
        await Expect(page.Locator("#register tbody tr").First).ToBeVisibleAsync();
        var path = Path.Combine(Path.GetTempPath(), $"openbams-register-{Guid.NewGuid():N}.png");
        try
        {
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = path });
            var bytes = await File.ReadAllBytesAsync(path);
            Assert.True(bytes.Length > 1000, $"screenshot is only {bytes.Length} bytes");
            Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A }, bytes[..8]);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static async Task<(int ScrollWidth, int InnerWidth)> WidthsAsync(IPage page)
    {
        var w = await page.EvaluateAsync<int[]>("() => [document.body.scrollWidth, window.innerWidth]");
        return (w[0], w[1]);
    }
}
