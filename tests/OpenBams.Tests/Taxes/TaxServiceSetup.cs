using System.Net;
using System.Net.Http.Json;
using OpenBams.Law.Taxes;
using OpenBams.Platform.Identity;
using OpenBams.Taxes;
using OpenBams.Testing;
using OpenBams.Tests.PlatformApi;
using OpenBams.Tests.Registry;

namespace OpenBams.Tests.Taxes;

/// <summary>A municipality for the tax service tests: the tax officer and accountant of <see cref="TaxScenario"/>, plus a chairman, a deputy and a resident.</summary>
public sealed class ServiceScenario
{
    public required TaxScenario Taxes { get; init; }
    public required HttpClient Chairman { get; init; }
    public required HttpClient Deputy { get; init; }
    public required HttpClient Resident { get; init; }
    public HttpClient Officer => Taxes.Officer;
    public int MunicipalityId => Taxes.MunicipalityId;
    public string Api => Taxes.Api;
    public TestApp App => Taxes.App;

    public static async Task<ServiceScenario> CreateAsync(TestApp app)
    {
        var s = await TaxScenario.CreateAsync(app);
        var tag = Guid.NewGuid().ToString("N")[..6];
        var chair = await app.CreateUserAsync($"chair-{tag}", Role.Chairman, s.MunicipalityId);
        await app.WithDbAsync(async db =>
        {
            (await db.Users.FindAsync(chair.Id))!.FullName = "Həsənov Kamran Əli oğlu";
            return await db.SaveChangesAsync();
        });
        await app.CreateUserAsync($"deputy-{tag}", Role.Deputy, s.MunicipalityId);
        await app.CreateUserAsync($"resident-{tag}", Role.Resident, s.MunicipalityId);
        return new ServiceScenario
        {
            Taxes = s, Chairman = await app.LoginAsync($"chair-{tag}"), Deputy = await app.LoginAsync($"deputy-{tag}"),
            Resident = await app.LoginAsync($"resident-{tag}"),
        };
    }

    public static object Act(int taxpayerId, DateOnly drawnOn, decimal amount = 250m) => new
    {
        taxpayerId, drawnOn, place = "Biləcəri bələdiyyəsinin binası, Mərkəzi küçə 1",
        drawnBy = new[] { new { position = "Baş vergi inspektoru", fullName = "Məmmədov Əli Vəli oğlu" } },
        tax = LocalTax.HotelPayment, circumstances = "2026-cı ilin sentyabr ayı üzrə mehmanxana ödənişi ödənilməyib",
        articles = "Vergi Məcəlləsinin 58.1-ci maddəsi", proposal = "Borcu 10 gün ərzində ödəmək təklif olunur", amount,
    };

    public async Task<ActView> DrawActAsync(int taxpayerId, DateOnly drawnOn)
    {
        App.Clock.SetToday(drawnOn);
        return await (await Officer.PostJsonAsync($"{Api}/acts?lang=en", Act(taxpayerId, drawnOn))).OkAsync<ActView>(HttpStatusCode.Created);
    }

    public async Task<ActView> StepAsync(int actId, string step, object body, DateOnly? today = null, HttpClient? client = null)
    {
        if (today is { } t) App.Clock.SetToday(t);
        return await (await (client ?? Officer).PostJsonAsync($"{Api}/acts/{actId}/{step}?lang=en", body)).OkAsync<ActView>();
    }

    public async Task<HttpResponseMessage> TryStepAsync(int actId, string step, object body, DateOnly? today = null)
    {
        if (today is { } t) App.Clock.SetToday(t);
        return await Officer.PostJsonAsync($"{Api}/acts/{actId}/{step}?lang=en", body);
    }

    public async Task<ActView> GetActAsync(int actId) =>
        (await Officer.GetFromJsonAsync<ActView>($"{Api}/acts/{actId}?lang=en", RegistryHttp.Json))!;

    public Task<Taxpayer> OwnedEntityAsync(string name = "Bələdiyyə Mehmanxanası MMC") =>
        Taxes.LegalPersonAsync("17" + Random.Shared.Next(10_000_000, 99_999_999), name, municipallyOwned: true);
}
