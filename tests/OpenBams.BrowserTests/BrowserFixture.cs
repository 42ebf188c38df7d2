using Microsoft.Playwright;
using OpenBams.Platform.Data;
using OpenBams.Testing;

namespace OpenBams.BrowserTests;

/// <summary>
/// One running OpenBAMS (real Kestrel on a loopback port, SQLite) and one headless chromium for every
/// browser test. Chromium is Debian's package, never a Playwright download: ./test.sh installs it.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public static readonly string[] ChromiumPaths = ["/usr/lib/chromium/chromium", "/usr/bin/chromium"];

    public TestApp App { get; private set; } = null!;
    public IPlaywright Playwright { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;
    public string BaseUrl => App.BaseUrl!;

    public async Task InitializeAsync()
    {
        var chromium = ChromiumPaths.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException(
                "Chromium is not installed (looked for " + string.Join(" and ", ChromiumPaths) + "). " +
                "Run ./test.sh, which installs Debian's chromium and fonts-noto-core, or `apt-get install -y chromium fonts-noto-core`. " +
                "The browser tests never download a browser and are never skipped.");
        App = await TestApp.StartAsync(DatabaseProvider.Sqlite, kestrel: true);
        Playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        Browser = await Playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
            Timeout = 60_000,
        });
    }

    /// <summary>A fresh browser session (own cookies: language, login) on the app, desktop size unless told.</summary>
    public async Task<IPage> NewPageAsync(ViewportSize? viewport = null, bool mobile = false)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            ViewportSize = viewport ?? new ViewportSize { Width = 1280, Height = 900 },
            IsMobile = mobile,
            HasTouch = mobile,
            Locale = "az-AZ",
        });
        context.SetDefaultTimeout(15_000);
        context.SetDefaultNavigationTimeout(30_000);
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        Playwright?.Dispose();
        if (App is not null) await App.DisposeAsync();
    }
}

/// <summary>Base of the browser tests: every test gets fresh sessions, closed when it ends.</summary>
[Collection(BrowserCollection.Name)]
public abstract class BrowserTest(BrowserFixture fixture) : IAsyncLifetime
{
    private readonly List<IBrowserContext> _contexts = [];
    protected BrowserFixture Fixture => fixture;
    protected TestApp App => fixture.App;

    protected async Task<IPage> NewPageAsync(ViewportSize? viewport = null, bool mobile = false)
    {
        var page = await fixture.NewPageAsync(viewport, mobile);
        _contexts.Add(page.Context);
        return page;
    }

    /// <summary>A fresh session logged in through the login page, as a person does it.</summary>
    protected async Task<IPage> LoginAsync(string userName, string password = TestApp.Password)
    {
        var page = await NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await page.FillAsync("input[name='UserName']", userName);
        await page.FillAsync("input[name='Password']", password);
        await page.Locator("form:has(input[name='Password']) [type='submit']").ClickAsync();
        await Microsoft.Playwright.Assertions.Expect(page.Locator("#logout")).ToBeVisibleAsync();
        return page;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var c in _contexts) await c.CloseAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}
