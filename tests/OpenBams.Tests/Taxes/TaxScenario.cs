using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using OpenBams.Council;
using OpenBams.Lands;
using OpenBams.Law.Council;
using OpenBams.Law.Taxes;
using OpenBams.Platform.Identity;
using OpenBams.Registry;
using OpenBams.Taxes;
using OpenBams.Testing;

namespace OpenBams.Tests.Taxes;

/// <summary>JSON as the API writes it (web defaults, enums as names).</summary>
public static class TaxJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };
}

/// <summary>
/// A municipality set up for a taxes test: its own fresh municipality, a tax officer and an accountant with logins, and
/// helpers that write register records and council decisions straight to the database (the API under test is elsewhere).
/// </summary>
public sealed class TaxScenario
{
    public required TestApp App { get; init; }
    public required int MunicipalityId { get; init; }
    public required string OfficerLogin { get; init; }
    public required string AccountantLogin { get; init; }
    public required HttpClient Officer { get; init; }
    public required HttpClient Accountant { get; init; }

    public string Api => $"/api/v1/municipalities/{MunicipalityId}/taxes";

    private static int _next;

    public static async Task<TaxScenario> CreateAsync(TestApp app)
    {
        // A fresh municipality per scenario, from the 900th active one on (lower ones belong to other tests' fixtures);
        // one step each so a process with hundreds of scenarios never runs off the end of the list.
        var n = Interlocked.Increment(ref _next);
        var id = await app.FreshMunicipalityAsync(from: 900, n);
        var tag = Guid.NewGuid().ToString("N")[..6];
        await app.CreateUserAsync($"tax-{tag}", Role.TaxOfficer, id);
        await app.CreateUserAsync($"acc-{tag}", Role.Accountant, id);
        return new TaxScenario
        {
            App = app, MunicipalityId = id, OfficerLogin = $"tax-{tag}", AccountantLogin = $"acc-{tag}",
            Officer = await app.LoginAsync($"tax-{tag}"), Accountant = await app.LoginAsync($"acc-{tag}"),
        };
    }

    /// <summary>An adopted council decision on local taxes (Const. 145.III: two thirds), as the council module records it.</summary>
    public Task<CouncilDecision> TaxDecisionAsync(DateOnly adoptedOn, int members = 9, int forVotes = 6, string title = "Yerli vergilərin dərəcələri") =>
        App.RecordedDecisionAsync(MunicipalityId, adoptedOn, DecisionArea.LocalTaxesAndPayments, MajorityRule.TwoThirdsOfMembers, title, members, forVotes);

    /// <summary>A rate in force from 1 January of <paramref name="year"/>, set by a fresh two-thirds decision of the previous December.</summary>
    public async Task RateAsync(string rateClass, decimal rate, int year)
    {
        var d = await TaxDecisionAsync(new DateOnly(year - 1, 12, 10));
        await App.WithDbAsync(async db =>
        {
            db.TaxRates.Add(new TaxRate { MunicipalityId = MunicipalityId, RateClass = rateClass, Rate = rate, ValidFrom = new DateOnly(year, 1, 1), DecisionId = d.Id,
                DecisionCode = $"{d.Number}/{d.Year}", RecordedAt = DateTime.UtcNow, RecordedBy = "test" });
            return await db.SaveChangesAsync();
        });
    }

    public Task<Taxpayer> TaxpayerAsync(string fin, string name, bool relief102 = false, string? categories = null) => App.WithDbAsync(async db =>
    {
        var t = new Taxpayer { MunicipalityId = MunicipalityId, Kind = TaxpayerKind.NaturalPerson, PersonalId = fin, Name = name, Address = "Mərkəzi küçə 1",
            Relief102_2 = relief102, Categories = categories, RegisteredOn = new DateOnly(2020, 1, 1), SearchKey = name.ToLowerInvariant() };
        db.Taxpayers.Add(t);
        await db.SaveChangesAsync();
        return t;
    });

    public Task<Taxpayer> LegalPersonAsync(string voen, string name, bool municipallyOwned = false) => App.WithDbAsync(async db =>
    {
        var t = new Taxpayer { MunicipalityId = MunicipalityId, Kind = TaxpayerKind.LegalPerson, TaxId = voen, Name = name, MunicipallyOwned = municipallyOwned,
            RegisteredOn = new DateOnly(2020, 1, 1), SearchKey = name.ToLowerInvariant() };
        db.Taxpayers.Add(t);
        await db.SaveChangesAsync();
        return t;
    });

    public Task<LandPlot> PlotAsync(decimal areaSqm, LandCategory category = LandCategory.Residential, decimal? points = null, string? group = "villages",
        bool byBuildingArea = false) => App.WithDbAsync(async db =>
    {
        var p = new LandPlot { MunicipalityId = MunicipalityId, Address = $"Sahə {Guid.NewGuid().ToString("N")[..4]}", AreaSqm = areaSqm, Category = category,
            ScorePoints = points, SettlementGroup = group, ApportionByBuildingArea = byBuildingArea, SearchKey = "sahe" };
        db.LandPlots.Add(p);
        await db.SaveChangesAsync();
        return p;
    });

    public Task<Building> BuildingAsync(decimal value, decimal area = 100, int? plotId = null) => App.WithDbAsync(async db =>
    {
        var b = new Building { MunicipalityId = MunicipalityId, Address = $"Bina {Guid.NewGuid().ToString("N")[..4]}", Value = value, AreaSqm = area, PlotId = plotId, SearchKey = "bina" };
        db.Buildings.Add(b);
        await db.SaveChangesAsync();
        return b;
    });

    public Task<ObjectHolding> HoldAsync(int taxpayerId, ObjectKind kind, int objectId, DateOnly from, int num = 1, int den = 1, DateOnly? to = null,
        HoldingRight right = HoldingRight.Ownership) => App.WithDbAsync(async db =>
    {
        var h = new ObjectHolding { MunicipalityId = MunicipalityId, TaxpayerId = taxpayerId, ObjectKind = kind, ObjectId = objectId, From = from, To = to,
            ShareNumerator = num, ShareDenominator = den, Right = right, RegisteredOn = from, TitleReceivedOn = from };
        db.ObjectHoldings.Add(h);
        await db.SaveChangesAsync();
        return h;
    });

    /// <summary>Runs the assessment of a year through the API and waits for the background job to finish.</summary>
    public async Task<AssessmentRunView> AssessAsync(int year, TimeSpan? timeout = null)
    {
        var r = await Officer.PostAsJsonAsync($"{Api}/assessments", new { year }, TaxJson.Options);
        Assert.True(r.StatusCode == HttpStatusCode.Accepted, await r.Content.ReadAsStringAsync());
        var run = (await r.Content.ReadFromJsonAsync<AssessmentRunView>(TaxJson.Options))!;
        return await WaitAsync(run.Id, timeout);
    }

    public async Task<AssessmentRunView> WaitAsync(int runId, TimeSpan? timeout = null)
    {
        var until = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (true)
        {
            var view = (await Officer.GetFromJsonAsync<AssessmentRunView>($"{Api}/assessments/{runId}", TaxJson.Options))!;
            if (view.Status is JobStatus.Completed or JobStatus.Failed or JobStatus.Cancelled)
            {
                Assert.True(view.Status == JobStatus.Completed, $"Run {runId} ended {view.Status}: {view.Error}");
                return view;
            }
            if (DateTime.UtcNow > until) throw new TimeoutException($"Run {runId} still {view.Status} at {view.Percent}%");
            await Task.Delay(100);
        }
    }

    public Task<List<PaymentNotice>> NoticesAsync(int taxpayerId) => App.WithDbAsync(db =>
        db.PaymentNotices.Where(n => n.TaxpayerId == taxpayerId).OrderBy(n => n.Year).ThenBy(n => n.Revision).ToListAsync());

    public Task<List<AssessmentLine>> LinesAsync(int noticeId) => App.WithDbAsync(db =>
        db.AssessmentLines.Where(l => l.NoticeId == noticeId).OrderBy(l => l.Id).ToListAsync());

    public Task<List<TaxCharge>> ChargesAsync(int taxpayerId) => App.WithDbAsync(db =>
        db.TaxCharges.Where(c => c.TaxpayerId == taxpayerId).OrderBy(c => c.Id).ToListAsync());
}
