using OpenBams.Budget;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using OpenBams.Platform.Data;
using OpenBams.Platform.Http;
using OpenBams.Platform.Identity;
using OpenBams.Platform.Localization;
using OpenBams.Platform.Tenancy;

namespace OpenBams;

/// <summary>Builds the web host. Tests and the benchmark build it the same way as Program does.</summary>
public static class OpenBamsApp
{
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args.Where(a => a != "--demo").ToArray(),
            // Pages and static assets are found by application name; under a test host or the
            // benchmark the entry assembly is not OpenBams.
            ApplicationName = typeof(OpenBamsApp).Assembly.GetName().Name,
        });
        // Serve wwwroot from the build output's static-asset manifest in every environment, not only in
        // Development (a published folder has no manifest and serves its own wwwroot).
        builder.WebHost.UseStaticWebAssets();
        configure?.Invoke(builder);
        var db = DatabaseSettings.From(builder.Configuration, builder.Environment.ContentRootPath);
        Directory.CreateDirectory(db.DataDirectory);
        var s = builder.Services;
        s.AddSingleton(db);
        s.AddHttpContextAccessor();
        s.AddScoped<TenantAccessor>();
        s.TryAddSingleton(TimeProvider.System);
        s.TryAddSingleton<Council.IMailChannel, Council.SmtpMailChannel>();
        s.TryAddSingleton<Council.ISmsChannel, Council.OutboxSmsChannel>();
        s.AddScoped<Council.Notifier>();
        s.AddSingleton<Platform.Jobs.JobSignal>();
        s.AddSingleton<Platform.Jobs.IJob, Taxes.AssessmentEngine>();
        s.AddSingleton<Platform.Jobs.IJob, Taxes.PaymentImportJob>();
        s.AddSingleton<Platform.Jobs.IJob, Budget.TaxRevenuePostingJob>();
        s.AddHostedService<Platform.Jobs.JobRunner>();
        s.AddDbContext<AppDb>(db.Configure);
        s.AddOpenBamsIdentity();
        s.AddDataProtection().PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(db.DataDirectory, "keys")))
            .SetApplicationName("OpenBAMS");
        s.AddRazorPages(o =>
        {
            o.Conventions.AuthorizeFolder("/Admin", IdentitySetup.Staff);
            o.Conventions.AuthorizeFolder("/Account/Manage");
        });
        // Azerbaijani letters go out as UTF-8, not as &#x259; entities (smaller pages, readable source).
        s.AddWebEncoders(o => o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        s.AddProblemDetails();
        // Bad query values and JSON bodies become problem+json naming the field (DomainExceptionHandler).
        s.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        s.AddExceptionHandler<DomainExceptionHandler>();
        s.AddOpenApi("v1", o => o.AddDocumentTransformer((doc, _, _) =>
        {
            doc.Info.Title = "OpenBAMS API";
            doc.Info.Description = "Municipal information system of the Republic of Azerbaijan. Errors are application/problem+json naming the field and the rule.";
            return Task.CompletedTask;
        }));
        s.AddPortal();
        s.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        s.Configure<RequestLocalizationOptions>(o =>
        {
            o.SetDefaultCulture(Cultures.Azerbaijani).AddSupportedCultures(Cultures.Supported).AddSupportedUICultures(Cultures.Supported);
            // ?lang=en for one request (API clients, shared links), then the cookie set by /lang/{az|en}.
            // Azerbaijani stays the default whatever the browser's Accept-Language says.
            o.RequestCultureProviders =
            [
                new CustomRequestCultureProvider(ctx => Task.FromResult(ctx.Request.Query["lang"].FirstOrDefault() is { Length: > 0 } lang
                    ? new ProviderCultureResult(Cultures.FromLang(lang)) : null)),
                new CookieRequestCultureProvider(),
            ];
        });
        s.Configure<Microsoft.AspNetCore.Http.Json.JsonOptions>(o =>
            o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseRequestLocalization();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseMiddleware<TenantGuard>();
        app.UsePortalCaching();

        app.MapStaticAssets();
        app.MapHealthChecks("/health");
        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapRazorPages();
        app.MapLanguageSwitch();
        Modules.Map(app);
        return app;
    }

    /// <summary>Migrates, loads reference data, ensures an administrator, optionally loads the demo, and prints how to log in.</summary>
    public static async Task PrepareAsync(WebApplication app, string[] args)
    {
        var log = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("OpenBAMS");
        await Seeding.PrepareDatabaseAsync(app.Services, log);
        var cfg = app.Configuration;
        var adminPassword = await Seeding.EnsureAdministratorAsync(app.Services, cfg["OpenBams:AdminPassword"] ?? (args.Contains("--demo") ? Seeding.DemoPassword : null));
        IReadOnlyList<Seeding.DemoLogin> demo = [];
        if (args.Contains("--demo") || cfg.GetValue<bool>("OpenBams:Demo"))
            demo = await Seeding.LoadDemoAsync(app.Services);
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var urls = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            var db = app.Services.GetRequiredService<DatabaseSettings>();
            Console.WriteLine();
            Console.WriteLine("OpenBAMS is running at: " + string.Join(", ", urls));
            Console.WriteLine($"Database: {db.Provider} ({(db.Provider == DatabaseProvider.Sqlite ? db.ConnectionString : "PostgreSQL")})");
            if (adminPassword is not null)
                Console.WriteLine($"Administrator login: admin / {adminPassword}   (shown once; change it after logging in)");
            if (demo.Count > 0)
            {
                Console.WriteLine($"Demo logins (password for all: {Seeding.DemoPassword}):");
                foreach (var d in demo) Console.WriteLine($"  {d.UserName,-18} {d.Role,-24} {d.Municipality}");
            }
            Console.WriteLine();
        });
    }
}
