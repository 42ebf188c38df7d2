using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using OpenBams.Council;
using OpenBams.Law;
using OpenBams.Law.Council;
using OpenBams.Law.Taxes;
using OpenBams.Platform;
using OpenBams.Platform.Data;
using OpenBams.Platform.Export;
using OpenBams.Platform.Http;
using OpenBams.Platform.Localization;
using OpenBams.Platform.Parameters;

namespace OpenBams.Taxes;

/// <summary>A new rate: the class, the rate (agricultural land: omit, the law's 0.06 applies), the day it starts, the council decision.</summary>
public sealed record NewTaxRate(string? RateClass, decimal? Rate, DateOnly ValidFrom, int DecisionId, bool Abolished = false);

/// <summary>A rate row: in force from <see cref="ValidFrom"/> until the next row of its class (<see cref="ValidUntil"/>, exclusive).</summary>
public sealed record TaxRateView(int Id, string RateClass, string ClassName, LocalTax Tax, RateUnit Unit, string UnitName, decimal Rate, bool Abolished,
    DateOnly ValidFrom, DateOnly? ValidUntil, int DecisionId, string DecisionCode, bool DecisionRevoked, string Citation, DateTime RecordedAt, string? RecordedBy);

/// <summary>A rate class with its legal limit on a day (null: no limit, or none in force) and whether the municipality sets it.</summary>
public sealed record RateClassView(string Key, string Name, LocalTax Tax, RateUnit Unit, string UnitName, RateLimitKind Limit, decimal? LimitValue,
    bool Statutory, string Citation);

public sealed record NewTaxRelief(LocalTax Tax, string? Category, string? CategoryName, ReliefKind Kind, decimal? Value, string? RateClass,
    DateOnly ValidFrom, DateOnly? ValidTo, int DecisionId);

public sealed record TaxReliefView(int Id, LocalTax Tax, string Category, string CategoryName, ReliefKind Kind, decimal Value, string? RateClass,
    DateOnly ValidFrom, DateOnly? ValidTo, int DecisionId, string DecisionCode, bool DecisionRevoked, bool InForce, DateTime RecordedAt, string? RecordedBy);

/// <summary>LML 18.9: a Tax Code 102.2 person and the plot chosen for the 10-manat reduction (null: the engine takes the plot with the largest tax).</summary>
public sealed record Relief102Change(bool Eligible, int? PlotId, long Version);

public sealed record Relief102View(int TaxpayerId, string Name, string? PersonalId, bool Eligible, int? PlotId, string? PlotAddress, long Version);

/// <summary>
/// Rates and reliefs from council decisions: a rate or relief starts only from a decision on local taxes adopted by two
/// thirds of the members (SL 43.3), never outside the legal limit in force on its first day (FL 7.2, LTP 10.1, LTP 9.1.4-9.1.5),
/// agricultural land at the law's amount (LML 18.5). Rows are never edited: a new decision makes a new row; a revoked
/// decision's rows stop applying (the assessment skips them).
/// </summary>
public static class TaxRatesApi
{
    public static void Map(RouteGroupBuilder m)
    {
        m.MapGet("/rate-classes", async (int municipalityId, DateOnly? on, AppDb db, TimeProvider time, CancellationToken ct) =>
        {
            TaxActor.For(db, municipalityId).RequireRead();
            return Results.Ok(await ClassesAsync(db, on ?? Clock.Today(time), ct));
        }).WithSummary("The rate classes with their legal limits on a day (FL 7.2, LTP 10.1; ŞMV multiples converted to manat)");

        m.MapGet("/rates", async (int municipalityId, DateOnly? on, string? q, int? page, int? pageSize, AppDb db, TimeProvider time, CancellationToken ct) =>
        {
            TaxActor.For(db, municipalityId).RequireRead();
            return Results.Ok(Page(await InForceAsync(db, municipalityId, on ?? Clock.Today(time), q, ct), page, pageSize));
        }).WithSummary("The rates in force on a day (default today), one per class; abolished classes shown as abolished");
        m.MapGet("/rates/history", async (int municipalityId, string? rateClass, string? q, int? page, int? pageSize, AppDb db, CancellationToken ct) =>
        {
            TaxActor.For(db, municipalityId).RequireRead();
            return Results.Ok(Page(await HistoryAsync(db, municipalityId, rateClass, q, ct), page, pageSize));
        }).WithSummary("Every rate the municipality decided, newest first, with the day each stopped applying");
        m.MapGet("/rates/export.csv", (int municipalityId, string? rateClass, string? q, AppDb db, HttpContext http) =>
            ExportRatesAsync(db, http, municipalityId, rateClass, q, xlsx: false)).WithSummary("The rates' history as CSV");
        m.MapGet("/rates/export.xlsx", (int municipalityId, string? rateClass, string? q, AppDb db, HttpContext http) =>
            ExportRatesAsync(db, http, municipalityId, rateClass, q, xlsx: true)).WithSummary("The rates' history as XLSX");
        m.MapGet("/rates/{rateId:int}", async (int municipalityId, int rateId, AppDb db, CancellationToken ct) =>
        {
            TaxActor.For(db, municipalityId).RequireRead();
            return Results.Ok((await HistoryAsync(db, municipalityId, null, null, ct)).FirstOrDefault(r => r.Id == rateId) ?? throw new NotFound("Rate"));
        }).WithSummary("One rate row");
        m.MapPost("/rates", async (int municipalityId, NewTaxRate body, AppDb db, TimeProvider time, CancellationToken ct) =>
        {
            var actor = TaxActor.For(db, municipalityId);
            actor.RequireKeeper();
            var rate = await AddRateAsync(db, municipalityId, body, actor.Name, time, ct);
            return Results.Created($"/api/v1/municipalities/{municipalityId}/taxes/rates/{rate.Id}",
                (await HistoryAsync(db, municipalityId, null, null, ct)).First(r => r.Id == rate.Id));
        }).WithSummary("Enter a rate decided by the council (SL 43.3: two thirds of the members; FL 7.2, LTP 10.1: within the legal limit; LML 18.5)");

        m.MapGet("/reliefs", async (int municipalityId, DateOnly? on, string? q, int? page, int? pageSize, AppDb db, CancellationToken ct) =>
        {
            TaxActor.For(db, municipalityId).RequireRead();
            return Results.Ok(Page(await ReliefsAsync(db, municipalityId, on, q, ct), page, pageSize));
        }).WithSummary("Municipal reliefs (LTP 10.2), newest first; ?on= only those in force that day");
        m.MapGet("/reliefs/export.csv", (int municipalityId, string? q, AppDb db, HttpContext http) => ExportReliefsAsync(db, http, municipalityId, q, xlsx: false))
            .WithSummary("Municipal reliefs as CSV");
        m.MapGet("/reliefs/export.xlsx", (int municipalityId, string? q, AppDb db, HttpContext http) => ExportReliefsAsync(db, http, municipalityId, q, xlsx: true))
            .WithSummary("Municipal reliefs as XLSX");
        m.MapGet("/reliefs/statutory", async (int municipalityId, string? q, int? page, int? pageSize, AppDb db, CancellationToken ct) =>
        {
            TaxActor.For(db, municipalityId).RequireRead();
            return Results.Ok(await StatutoryAsync(db, municipalityId, q, page, pageSize, ct));
        }).WithSummary("LML 18.9: the Tax Code 102.2 persons and the plot each chose for the 10-manat reduction");
        m.MapGet("/reliefs/{reliefId:int}", async (int municipalityId, int reliefId, AppDb db, CancellationToken ct) =>
        {
            TaxActor.For(db, municipalityId).RequireRead();
            return Results.Ok((await ReliefsAsync(db, municipalityId, null, null, ct)).FirstOrDefault(r => r.Id == reliefId) ?? throw new NotFound("Relief"));
        }).WithSummary("One municipal relief");
        m.MapPost("/reliefs", async (int municipalityId, NewTaxRelief body, AppDb db, TimeProvider time, CancellationToken ct) =>
        {
            var actor = TaxActor.For(db, municipalityId);
            actor.RequireKeeper();
            var relief = await AddReliefAsync(db, municipalityId, body, actor.Name, time, ct);
            return Results.Created($"/api/v1/municipalities/{municipalityId}/taxes/reliefs/{relief.Id}",
                (await ReliefsAsync(db, municipalityId, null, null, ct)).First(r => r.Id == relief.Id));
        }).WithSummary("Enter an exemption, percent reduction or reduced rate decided by the council (LTP 10.2; SL 43.3 two thirds)");
        m.MapPut("/taxpayers/{taxpayerId:int}/relief-102-2", async (int municipalityId, int taxpayerId, Relief102Change body, AppDb db, TimeProvider time,
            CancellationToken ct) =>
        {
            TaxActor.For(db, municipalityId).RequireKeeper();
            return Results.Ok(await SetRelief102Async(db, municipalityId, taxpayerId, body, time, ct));
        }).WithSummary("LML 18.9: mark a natural person as a Tax Code 102.2 person and choose the owned plot for the 10-manat reduction (version required)");
    }

    public static PageOf<T> Page<T>(IReadOnlyList<T> all, int? page, int? pageSize)
    {
        var (p, size, skip) = TaxesApi.Paging(page, pageSize);
        return new PageOf<T>(all.Count, p, size, all.Skip(skip).Take(size).ToList());
    }

    // ---- limits and classes ----

    /// <summary>The legal limit of a class on a day in the rate's unit (ŞMV multiples converted); null when the class has none or none is in force.</summary>
    public static async Task<decimal?> LimitOnAsync(AppDb db, RateClass rc, DateOnly on, CancellationToken ct)
    {
        if (rc.LimitKey is null) return null;
        var p = await LegalParameters.OnAsync(db, rc.LimitKey, on, ct);
        if (p is null) return null;
        if (!rc.LimitInSmv) return p.Value;
        var smv = await LegalParameters.OnAsync(db, LegalParameterKeys.ConditionalFinancialUnit, on, ct);
        return smv is null ? null : RateClasses.LimitValue(rc, p.Value, smv.Value);
    }

    public static async Task<List<RateClassView>> ClassesAsync(AppDb db, DateOnly on, CancellationToken ct)
    {
        var list = new List<RateClassView>();
        foreach (var rc in RateClasses.All)
            list.Add(new RateClassView(rc.Key, rc.Name(Text.Lang), rc.Tax, rc.Unit, UnitName(rc.Unit), rc.Limit, await LimitOnAsync(db, rc, on, ct),
                rc.Key == RateClasses.Agricultural, rc.Citation.ToString()));
        return list;
    }

    public static string UnitName(RateUnit unit)
    {
        var (az, en) = RateClasses.UnitName(unit);
        return Text.English ? en : az;
    }

    // ---- decisions ----

    /// <summary>
    /// SL 43.3: the decision a rate or relief rests on is the municipality's own, on local taxes and payments, not revoked
    /// (SL 48.4), and adopted by two thirds of all members — counted from the vote the council module stored, and from the
    /// decision's copy of it.
    /// </summary>
    public static async Task<CouncilDecision> RequireTaxDecisionAsync(AppDb db, int municipalityId, int decisionId, DateOnly validFrom, CancellationToken ct)
    {
        var d = await db.CouncilDecisions.AsNoTracking().FirstOrDefaultAsync(x => x.Id == decisionId && x.MunicipalityId == municipalityId, ct)
            ?? throw new InputError("decisionId", new("Bələdiyyə şurasının belə qərarı yoxdur", "The council has no such decision"));
        if (d.Status == DecisionStatus.Revoked)
            throw new LegalRuleViolation(new(Acts.SL, "48.4"), "decisionId", "Qərar ləğv edilib", "The decision has been revoked");
        if (d.Area != DecisionArea.LocalTaxesAndPayments)
            throw new LegalRuleViolation(new(Acts.SL, "43.3"), "decisionId",
                "Qərar yerli vergi və ödənişlər barədə deyil: dərəcə və güzəştlər yalnız belə qərarla (üzvlərin üçdə iki səsi ilə) müəyyən edilir",
                "The decision is not on local taxes and payments: rates and reliefs are set only by such a decision (two thirds of the members)");
        RateDecisions.RequireTwoThirds(d.Members, d.For);
        var vote = await db.CouncilVotes.AsNoTracking().FirstOrDefaultAsync(v => v.Id == d.VoteId, ct);
        if (vote is not null) RateDecisions.RequireTwoThirds(vote.Members, vote.For);
        if (validFrom < d.AdoptedOn)
            throw new LegalRuleViolation(new(Acts.SL, "43.3"), "validFrom",
                $"Dərəcə qərardan ({Fmt.Date(d.AdoptedOn)}) əvvəlki tarixdən tətbiq edilə bilməz",
                $"A rate cannot apply from before its decision ({Fmt.Date(d.AdoptedOn)})");
        return d;
    }

    private static async Task<HashSet<int>> RevokedAsync(AppDb db, int municipalityId, CancellationToken ct) =>
        (await db.CouncilDecisions.AsNoTracking().Where(d => d.MunicipalityId == municipalityId && d.Status == DecisionStatus.Revoked).Select(d => d.Id).ToListAsync(ct)).ToHashSet();

    // ---- rates ----

    public static async Task<TaxRate> AddRateAsync(AppDb db, int municipalityId, NewTaxRate body, string? by, TimeProvider time, CancellationToken ct)
    {
        var rc = RateClasses.Find(body.RateClass) ?? throw new InputError("rateClass", new("Belə dərəcə sinfi yoxdur", "There is no such rate class"));
        if (body.ValidFrom.Year < 2000 || body.ValidFrom.Year > 2100)
            throw new InputError("validFrom", new("Qüvvəyə minmə tarixini göstərin", "Give the day the rate applies from"));
        decimal rate;
        if (body.Abolished) rate = 0m;
        else if (rc.Key == RateClasses.Agricultural)
        {
            var statutory = await LimitOnAsync(db, rc, body.ValidFrom, ct)
                ?? throw new LegalRuleViolation(rc.Citation, "rate", "Qanunla müəyyən edilmiş məbləğ həmin tarixdə qüvvədə deyil",
                    "The statutory amount is not in force on that day");
            RateDecisions.RequireStatutoryAgricultural(body.Rate ?? statutory, statutory);
            rate = statutory;
        }
        else
        {
            rate = body.Rate ?? throw new InputError("rate", new("Dərəcəni göstərin", "Give the rate"));
            if (decimal.Round(rate, 6) != rate || rate > 1_000_000m)
                throw new InputError("rate", new("Dərəcədə ən çox 6 onluq rəqəm ola bilər", "A rate has at most 6 decimal places"));
            RateClasses.CheckRate(rc, rate, await LimitOnAsync(db, rc, body.ValidFrom, ct));
        }
        var d = await RequireTaxDecisionAsync(db, municipalityId, body.DecisionId, body.ValidFrom, ct);
        if (await db.TaxRates.AnyAsync(r => r.MunicipalityId == municipalityId && r.RateClass == rc.Key && r.ValidFrom == body.ValidFrom, ct))
            throw new InputError("validFrom", new($"Bu sinif üçün {Fmt.Date(body.ValidFrom)} tarixindən dərəcə artıq qeyd olunub",
                $"A rate of this class from {Fmt.Date(body.ValidFrom)} is already recorded"), StatusCodes.Status409Conflict);
        var row = new TaxRate
        {
            MunicipalityId = municipalityId, RateClass = rc.Key, Rate = rate, Abolished = body.Abolished, ValidFrom = body.ValidFrom, DecisionId = d.Id,
            DecisionCode = $"{d.Number}/{d.Year}", RecordedAt = Clock.UtcNow(time), RecordedBy = by,
        };
        db.TaxRates.Add(row);
        await db.SaveChangesAsync(ct);
        return row;
    }

    /// <summary>Every row, newest first, each with the day the next row of its class replaced it.</summary>
    public static async Task<List<TaxRateView>> HistoryAsync(AppDb db, int municipalityId, string? rateClass, string? q, CancellationToken ct)
    {
        var revoked = await RevokedAsync(db, municipalityId, ct);
        var rows = await db.TaxRates.AsNoTracking().Where(r => r.MunicipalityId == municipalityId).ToListAsync(ct);
        var views = new List<TaxRateView>();
        foreach (var g in rows.GroupBy(r => r.RateClass, StringComparer.OrdinalIgnoreCase))
        {
            var live = g.Where(r => !revoked.Contains(r.DecisionId)).OrderBy(r => r.ValidFrom).ToList();
            foreach (var r in g)
            {
                var next = revoked.Contains(r.DecisionId) ? null : live.FirstOrDefault(x => x.ValidFrom > r.ValidFrom);
                views.Add(View(r, next?.ValidFrom, revoked.Contains(r.DecisionId)));
            }
        }
        return Filter(views, rateClass, q).OrderByDescending(v => v.ValidFrom).ThenBy(v => v.RateClass).ThenByDescending(v => v.Id).ToList();
    }

    /// <summary>The rate of each class in force on a day: the latest row from that day or before whose decision stands.</summary>
    public static async Task<List<TaxRateView>> InForceAsync(AppDb db, int municipalityId, DateOnly on, string? q, CancellationToken ct)
    {
        var all = await HistoryAsync(db, municipalityId, null, q, ct);
        return all.Where(v => !v.DecisionRevoked && v.ValidFrom <= on && (v.ValidUntil is null || v.ValidUntil > on))
            .OrderBy(v => RateClasses.All.ToList().FindIndex(c => c.Key == v.RateClass)).ToList();
    }

    private static IEnumerable<TaxRateView> Filter(IEnumerable<TaxRateView> views, string? rateClass, string? q)
    {
        if (!string.IsNullOrWhiteSpace(rateClass)) views = views.Where(v => string.Equals(v.RateClass, rateClass.Trim(), StringComparison.OrdinalIgnoreCase));
        if (!string.IsNullOrWhiteSpace(q))
        {
            var t = q.Trim();
            views = views.Where(v => v.RateClass.Contains(t, StringComparison.OrdinalIgnoreCase) || v.ClassName.Contains(t, StringComparison.CurrentCultureIgnoreCase)
                                     || v.DecisionCode.Contains(t, StringComparison.OrdinalIgnoreCase));
        }
        return views;
    }

    private static TaxRateView View(TaxRate r, DateOnly? until, bool revoked)
    {
        var rc = RateClasses.Find(r.RateClass);
        return new TaxRateView(r.Id, r.RateClass, rc?.Name(Text.Lang) ?? r.RateClass, rc?.Tax ?? LocalTax.LandTax, rc?.Unit ?? RateUnit.PerSquareMetreMonth,
            UnitName(rc?.Unit ?? RateUnit.PerSquareMetreMonth), r.Rate, r.Abolished, r.ValidFrom, until, r.DecisionId, r.DecisionCode, revoked,
            rc?.Citation.ToString() ?? "FL 7.2", DateTime.SpecifyKind(r.RecordedAt, DateTimeKind.Utc), r.RecordedBy);
    }

    private static async Task<IResult> ExportRatesAsync(AppDb db, HttpContext http, int municipalityId, string? rateClass, string? q, bool xlsx)
    {
        TaxActor.For(db, municipalityId).RequireRead();
        var rows = await HistoryAsync(db, municipalityId, rateClass, q, http.RequestAborted);
        string[] header = Text.English
            ? ["id", "class", "name", "rate", "unit", "abolished", "from", "until", "decision", "decision revoked", "article", "recorded by"]
            : ["id", "sinif", "ad", "dərəcə", "vahid", "ləğv", "tarixdən", "tarixədək", "qərar", "qərar ləğv edilib", "maddə", "qeyd edən"];
        await ExportResponse.WriteAsync(http, $"rates-{municipalityId}", Text.English ? "Rates" : "Dərəcələr", header,
            rows.Select(r => (IReadOnlyList<object?>)[r.Id, r.RateClass, r.ClassName, r.Rate, r.UnitName, r.Abolished, r.ValidFrom, r.ValidUntil, r.DecisionCode,
                r.DecisionRevoked, r.Citation, r.RecordedBy]), xlsx);
        return Results.Empty;
    }

    // ---- reliefs ----

    private static readonly Regex CategoryCode = new("^[a-z0-9][a-z0-9-]{0,49}$", RegexOptions.CultureInvariant);

    public static async Task<TaxRelief> AddReliefAsync(AppDb db, int municipalityId, NewTaxRelief body, string? by, TimeProvider time, CancellationToken ct)
    {
        if (body.Tax is not (LocalTax.LandTax or LocalTax.PropertyTax))
            throw new InputError("tax", new("Güzəşt torpaq və ya əmlak vergisinə aid olmalıdır (illik hesablama onları tətbiq edir)",
                "A relief is for the land or the property tax (the annual assessment applies them)"));
        var category = body.Category?.Trim().ToLowerInvariant() ?? "";
        if (!CategoryCode.IsMatch(category))
            throw new InputError("category", new("Kateqoriya kodu kiçik latın hərfləri, rəqəmlər və tire ilə yazılır, məsələn «veteran»",
                "The category code is lower-case letters, digits and hyphens, e.g. 'veteran'"));
        var name = body.CategoryName?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > 200)
            throw new InputError("categoryName", new("Kateqoriyanın adını yazın (ən çox 200 simvol)", "Name the category (at most 200 characters)"));
        if (body.ValidFrom.Year < 2000 || body.ValidFrom.Year > 2100)
            throw new InputError("validFrom", new("Qüvvəyə minmə tarixini göstərin", "Give the day the relief applies from"));
        if (body.ValidTo is { } to && to < body.ValidFrom)
            throw new InputError("validTo", new("Bitmə tarixi başlanğıcdan əvvəl ola bilməz", "The end cannot be before the start"));
        RateClass? rc = null;
        if (!string.IsNullOrWhiteSpace(body.RateClass))
        {
            rc = RateClasses.Find(body.RateClass);
            if (rc is null || rc.Tax != body.Tax)
                throw new InputError("rateClass", new("Dərəcə sinfi bu vergiyə aid deyil", "The rate class is not of this tax"));
        }
        decimal value;
        switch (body.Kind)
        {
            case ReliefKind.Exemption:
                value = 100m;
                break;
            case ReliefKind.PercentReduction:
                value = body.Value ?? 0m;
                if (value is <= 0m or > 100m || decimal.Round(value, 2) != value)
                    throw new InputError("value", new("Azaltma faizi 0-dan çox, 100-dən çox olmamalıdır", "The reduction is more than 0 and at most 100 percent"));
                break;
            case ReliefKind.ReducedRate:
                if (rc is null) throw new InputError("rateClass", new("Endirimli dərəcə hansı sinif üçündür?", "Which rate class is the reduced rate for?"));
                value = body.Value ?? throw new InputError("value", new("Endirimli dərəcəni göstərin", "Give the reduced rate"));
                if (decimal.Round(value, 6) != value) throw new InputError("value", new("Dərəcədə ən çox 6 onluq rəqəm ola bilər", "A rate has at most 6 decimal places"));
                if (rc.Key == RateClasses.Agricultural)
                    throw new LegalRuleViolation(new(Acts.LML, "18.5"), "rateClass", "Kənd təsərrüfatı torpaqlarının dərəcəsi qanunla müəyyən edilib",
                        "The agricultural land rate is set by law");
                RateClasses.CheckRate(rc, value, await LimitOnAsync(db, rc, body.ValidFrom, ct), "value");
                break;
            default:
                throw new InputError("kind", new("Güzəştin növü naməlumdur", "Unknown kind of relief"));
        }
        var d = await RequireTaxDecisionAsync(db, municipalityId, body.DecisionId, body.ValidFrom, ct);
        var row = new TaxRelief
        {
            MunicipalityId = municipalityId, Tax = body.Tax, Category = category, CategoryName = name, Kind = body.Kind, Value = value, RateClass = rc?.Key,
            ValidFrom = body.ValidFrom, ValidTo = body.ValidTo, DecisionId = d.Id, DecisionCode = $"{d.Number}/{d.Year}", RecordedAt = Clock.UtcNow(time), RecordedBy = by,
        };
        db.TaxReliefs.Add(row);
        await db.SaveChangesAsync(ct);
        return row;
    }

    public static async Task<List<TaxReliefView>> ReliefsAsync(AppDb db, int municipalityId, DateOnly? on, string? q, CancellationToken ct)
    {
        var revoked = await RevokedAsync(db, municipalityId, ct);
        var rows = await db.TaxReliefs.AsNoTracking().Where(r => r.MunicipalityId == municipalityId).ToListAsync(ct);
        IEnumerable<TaxReliefView> views = rows.Select(r => new TaxReliefView(r.Id, r.Tax, r.Category, r.CategoryName, r.Kind, r.Value, r.RateClass, r.ValidFrom,
            r.ValidTo, r.DecisionId, r.DecisionCode, revoked.Contains(r.DecisionId), !revoked.Contains(r.DecisionId) && (on is null || (r.ValidFrom <= on && (r.ValidTo is null || r.ValidTo >= on))),
            DateTime.SpecifyKind(r.RecordedAt, DateTimeKind.Utc), r.RecordedBy));
        if (on is not null) views = views.Where(v => v.InForce);
        if (!string.IsNullOrWhiteSpace(q))
        {
            var t = q.Trim();
            views = views.Where(v => v.Category.Contains(t, StringComparison.OrdinalIgnoreCase) || v.CategoryName.Contains(t, StringComparison.CurrentCultureIgnoreCase)
                                     || v.DecisionCode.Contains(t, StringComparison.OrdinalIgnoreCase));
        }
        return views.OrderByDescending(v => v.ValidFrom).ThenByDescending(v => v.Id).ToList();
    }

    private static async Task<IResult> ExportReliefsAsync(AppDb db, HttpContext http, int municipalityId, string? q, bool xlsx)
    {
        TaxActor.For(db, municipalityId).RequireRead();
        var rows = await ReliefsAsync(db, municipalityId, null, q, http.RequestAborted);
        string[] header = Text.English
            ? ["id", "tax", "category", "category name", "kind", "value", "rate class", "from", "to", "decision", "decision revoked"]
            : ["id", "vergi", "kateqoriya", "kateqoriyanın adı", "növ", "dəyər", "dərəcə sinfi", "tarixdən", "tarixədək", "qərar", "qərar ləğv edilib"];
        await ExportResponse.WriteAsync(http, $"reliefs-{municipalityId}", Text.English ? "Reliefs" : "Güzəştlər", header,
            rows.Select(r => (IReadOnlyList<object?>)[r.Id, r.Tax, r.Category, r.CategoryName, r.Kind, r.Value, r.RateClass, r.ValidFrom, r.ValidTo, r.DecisionCode,
                r.DecisionRevoked]), xlsx);
        return Results.Empty;
    }

    // ---- LML 18.9 ----

    public static async Task<Relief102View> SetRelief102Async(AppDb db, int municipalityId, int taxpayerId, Relief102Change body, TimeProvider time, CancellationToken ct)
    {
        var t = await db.Taxpayers.FirstOrDefaultAsync(x => x.Id == taxpayerId && x.MunicipalityId == municipalityId, ct) ?? throw new NotFound("Taxpayer");
        if (body.Eligible && t.Kind != TaxpayerKind.NaturalPerson)
            throw new LegalRuleViolation(new(Acts.LML, "18.9"), "eligible", "Vergi Məcəlləsinin 102.2-ci maddəsindəki şəxslər fiziki şəxslərdir",
                "The persons of Tax Code art. 102.2 are natural persons");
        int? plot = body.Eligible ? body.PlotId : null;
        if (plot is { } pid)
        {
            var today = Clock.Today(time);
            var owns = await db.ObjectHoldings.AnyAsync(h => h.TaxpayerId == taxpayerId && h.ObjectKind == ObjectKind.LandPlot && h.ObjectId == pid
                                                             && h.Right == HoldingRight.Ownership && h.From <= today && (h.To == null || h.To > today), ct);
            if (!owns)
                throw new LegalRuleViolation(new(Acts.LML, "18.9"), "plotId", "Azaltma şəxsin mülkiyyətində olan torpaq sahələrindən birinə tətbiq edilir",
                    "The reduction applies to one of the plots the person owns");
        }
        db.Entry(t).Property(x => x.Version).OriginalValue = body.Version;
        t.Relief102_2 = body.Eligible;
        t.ReliefPlotId = plot;
        await db.SaveChangesAsync(ct);
        return (await StatutoryAsync(db, municipalityId, null, 1, 500, ct, taxpayerId)).Items.Single();
    }

    public static async Task<PageOf<Relief102View>> StatutoryAsync(AppDb db, int municipalityId, string? q, int? page, int? pageSize, CancellationToken ct, int? only = null)
    {
        var (p, size, skip) = TaxesApi.Paging(page, pageSize);
        var query = db.Taxpayers.AsNoTracking().Where(t => t.MunicipalityId == municipalityId);
        query = only is { } id ? query.Where(t => t.Id == id) : query.Where(t => t.Relief102_2);
        if (!string.IsNullOrWhiteSpace(q))
        {
            var k = q.Trim().ToLowerInvariant();
            query = query.Where(t => t.SearchKey.Contains(k) || t.PersonalId == q.Trim().ToUpperInvariant());
        }
        var total = await query.CountAsync(ct);
        var rows = await query.OrderBy(t => t.Name).ThenBy(t => t.Id).Skip(skip).Take(size)
            .Select(t => new { t.Id, t.Name, t.PersonalId, t.Relief102_2, t.ReliefPlotId, t.Version }).ToListAsync(ct);
        var plotIds = rows.Where(r => r.ReliefPlotId != null).Select(r => r.ReliefPlotId!.Value).ToList();
        var plots = await db.LandPlots.AsNoTracking().Where(x => plotIds.Contains(x.Id)).ToDictionaryAsync(x => x.Id, x => x.Address, ct);
        return new PageOf<Relief102View>(total, p, size, rows.Select(r => new Relief102View(r.Id, r.Name, r.PersonalId, r.Relief102_2, r.ReliefPlotId,
            r.ReliefPlotId is { } x ? plots.GetValueOrDefault(x) : null, r.Version)).ToList());
    }
}
