using Microsoft.EntityFrameworkCore;
using OpenBams.Council;
using OpenBams.Lands;
using OpenBams.Law.Council;
using OpenBams.Law.Taxes;
using OpenBams.Platform.Data;
using OpenBams.Platform.Tenancy;
using OpenBams.Registry;

namespace OpenBams.Taxes;

/// <summary>
/// The demo's taxes: last December's two-thirds decision on the land and property tax rates (SL 43.3) with the rates in
/// force from 1 January, a taxpayer for each synthetic resident (by the resident's FIN, so /MyTaxes shows them their
/// account), a plot each, houses and a car for some, and this year's assessment queued as the background job would be.
/// </summary>
public static class TaxesDemo
{
    public static async Task<bool> LoadAsync(AppDb db, Municipality demo, IReadOnlyList<(string Name, string Fin)> residents, DateOnly today, CancellationToken ct)
    {
        if (await db.Taxpayers.AnyAsync(t => t.MunicipalityId == demo.Id, ct)) return false;
        var year = today.Year;
        db.TaxSettings.Add(new TaxSettings { MunicipalityId = demo.Id, SettlementGroup = "baku" });
        // A closed session of last December where all members voted for the rates: two thirds of the members (SL 43.3).
        var decision = await CouncilDemo.PastDecisionAsync(db, demo, new DateOnly(year - 1, 12, 10), "Torpaq və əmlak vergilərinin dərəcələri haqqında",
            "Torpaq və əmlak vergilərinin dərəcələri 1 yanvardan təsdiq edilsin.", DecisionArea.LocalTaxesAndPayments, MajorityRule.TwoThirdsOfMembers, ct);
        var from = new DateOnly(year, 1, 1);
        foreach (var (cls, rate) in new[] { (RateClasses.Residential("baku"), 0.4m), (RateClasses.NonResidential("baku"), 10m), (RateClasses.Building, 0.1m),
                     (RateClasses.Vehicle(VehicleKind.Automobile), 0.02m) })
            db.TaxRates.Add(new TaxRate { MunicipalityId = demo.Id, RateClass = cls, Rate = rate, ValidFrom = from, DecisionId = decision.Id,
                DecisionCode = $"{decision.Number}/{decision.Year}", RecordedAt = DateTime.UtcNow, RecordedBy = "demo" });

        var rnd = new Random(18);
        var since = new DateOnly(2019, 3, 1);
        string[] streets = ["Mərkəzi küçə", "Bağlar küçəsi", "Neftçilər küçəsi", "Məktəb küçəsi", "Çinar küçəsi"];
        var addresses = residents.Select((_, i) => $"{streets[i % streets.Length]} {i + 3}").ToList();
        var people = residents.Select((r, i) => new Taxpayer
        {
            MunicipalityId = demo.Id, Kind = TaxpayerKind.NaturalPerson, PersonalId = r.Fin, Name = r.Name, Address = addresses[i],
            Phone = $"+99450{rnd.Next(1_000_000, 9_999_999)}", Relief102_2 = i == 0, RegisteredOn = since, SearchKey = Search(r.Name),
        }).ToList();
        db.Taxpayers.AddRange(people);
        var plots = people.Select((t, i) => new LandPlot
        {
            MunicipalityId = demo.Id, Address = addresses[i], AreaSqm = 300 + rnd.Next(9) * 100, Category = i % 7 == 6 ? LandCategory.NonResidential : LandCategory.Residential,
            SearchKey = Search(addresses[i]),
        }).ToList();
        db.LandPlots.AddRange(plots);
        await db.SaveChangesAsync(ct);
        var houses = new List<(Taxpayer, Building)>();
        for (var i = 0; i < people.Count; i++)
        {
            Hold(db, people[i], ObjectKind.LandPlot, plots[i].Id, since);
            if (i % 2 == 0)
            {
                var b = new Building { MunicipalityId = demo.Id, PlotId = plots[i].Id, Address = $"{addresses[i]}, yaşayış evi", AreaSqm = 80 + rnd.Next(120),
                    Value = 20_000 + rnd.Next(60) * 1_000, ValuationSource = ValuationSource.MunicipalValuation, SearchKey = Search(addresses[i]) };
                db.Buildings.Add(b);
                houses.Add((people[i], b));
            }
        }
        var car = new Vehicle { MunicipalityId = demo.Id, Kind = VehicleKind.Automobile, RegistrationNumber = "90-AB-118", EngineCc = 1_800, SearchKey = "90 ab 118" };
        db.Vehicles.Add(car);
        await db.SaveChangesAsync(ct);
        foreach (var (t, b) in houses) Hold(db, t, ObjectKind.Building, b.Id, since);
        Hold(db, people[1], ObjectKind.Vehicle, car.Id, since);
        await db.SaveChangesAsync(ct);
        await AssessmentEngine.QueueAsync(db, demo.Id, year, "demo", TimeProvider.System, ct);
        return true;
    }

    /// <summary>
    /// Runs the queued assessment at once and pays part of it through the portal channel (SL 43.1: never cash), so the tax
    /// pages, the budget's revenue and the public portal show collection and arrears from the first screen: three taxpayers
    /// in four paid the first half, every second one the second half too, and the rest owe all of it (and residents can
    /// still try paying on /MyTaxes). Each payment has its own idempotency key, so a rerun after a crash pays nothing twice.
    /// </summary>
    public static async Task CollectAsync(IServiceProvider services, int municipalityId, DateOnly today, TimeProvider time, CancellationToken ct)
    {
        while (await new AssessmentEngine().RunOnceAsync(services, ct)) { }
        using (var scope = services.CreateScope())
        {
            scope.ServiceProvider.GetRequiredService<TenantAccessor>().Use(TenantContext.System);
            var db = scope.ServiceProvider.GetRequiredService<AppDb>();
            var year = today.Year;
            var halves = (await db.TaxCharges.AsNoTracking().Where(c => c.MunicipalityId == municipalityId && c.Year == year)
                .GroupBy(c => new { c.TaxpayerId, c.Instalment })
                .Select(g => new { g.Key.TaxpayerId, g.Key.Instalment, Qepik = g.Sum(c => c.AmountQepik), DueOn = g.Min(c => c.DueOn) }).ToListAsync(ct))
                .ToLookup(h => h.TaxpayerId);
            var people = await db.Taxpayers.AsNoTracking().Where(t => t.MunicipalityId == municipalityId).OrderBy(t => t.Id)
                .Select(t => new { t.Id, t.PersonalId, t.Name }).ToListAsync(ct);
            for (var k = 0; k < people.Count; k++)
            {
                var t = people[k];
                foreach (var half in halves[t.Id].Where(h => h.Qepik > 0).OrderBy(h => h.Instalment))
                {
                    if (half.Instalment == 1 ? k % 4 == 3 : k % 2 == 1) continue;
                    var at = new DateTimeOffset(half.DueOn.AddDays(-5).ToDateTime(new TimeOnly(10, 0)), TimeSpan.FromHours(4));
                    if (at > time.GetUtcNow()) at = time.GetUtcNow();
                    await Payments.PayAsync(db, $"demo-{year}-{t.Id}-{half.Instalment}",
                        new PortalPaymentRequest(null, t.PersonalId, municipalityId, Law.Money.FromQepik(half.Qepik).Amount, at, "hop", t.Name, null), "demo", time, "az", ct);
                }
            }
        }
        await Budget.TaxRevenuePosting.RunAsSystemAsync(services, ct);
    }

    private static void Hold(AppDb db, Taxpayer t, ObjectKind kind, int objectId, DateOnly since) =>
        db.ObjectHoldings.Add(new ObjectHolding { MunicipalityId = t.MunicipalityId, TaxpayerId = t.Id, ObjectKind = kind, ObjectId = objectId, From = since,
            ShareNumerator = 1, ShareDenominator = 1, Right = HoldingRight.Ownership, RegisteredOn = since, TitleReceivedOn = since });

    private static string Search(string s) => Platform.Search.SpellingFold.Fold(s);
}
