using Microsoft.EntityFrameworkCore;
using OpenBams.Council;
using OpenBams.Law;
using OpenBams.Law.Taxes;
using OpenBams.Platform;
using OpenBams.Platform.Data;
using OpenBams.Platform.Export;
using OpenBams.Platform.Http;
using OpenBams.Platform.Localization;

namespace OpenBams.Taxes;

/// <summary>
/// A month's return of a local payment: guest-nights (hotel), vehicle-days (parking), m² and months (advertising in a tariff
/// zone, trade on a municipal plot). <see cref="FiledOn"/> defaults to today (a paper return received earlier may give its day).
/// </summary>
public sealed record NewLocalPaymentReturn(int TaxpayerId, LocalTax Tax, int Year, int Month, string? Site, decimal Quantity, int? Months = null,
    int? Zone = null, int? PlotId = null, DateOnly? FiledOn = null, string? Note = null);

/// <summary>A correction of a filed return: the new figures, and the version of the return read (LTP 11.2).</summary>
public sealed record ReturnCorrection(decimal Quantity, long? Version, int? Months = null, int? Zone = null, int? PlotId = null, DateOnly? FiledOn = null,
    string? Note = null);

public sealed record LocalPaymentReturnView(int Id, int TaxpayerId, string TaxpayerName, LocalTax Tax, int Year, int Month, string Site, int? PlotId,
    decimal Quantity, int Months, string RateClass, decimal Rate, string? Decision, decimal Amount, long AmountQepik, DateOnly DueOn, DateOnly FiledOn,
    bool Late, int DaysLate, string Citation, DateTime RecordedAt, string? RecordedBy, string? Note, long Version, int Revision = 0, int? SupersededById = null);

public sealed record NewVoluntaryProject(string? Name, string? Purpose, string? PollReference, DateOnly? PollHeldOn, decimal Target, DateOnly? OpenedOn = null,
    int? DecisionId = null);

public sealed record VoluntaryProjectView(int Id, string Name, string Purpose, string PollReference, DateOnly PollHeldOn, int? DecisionId, string? DecisionCode,
    decimal Target, decimal Collected, decimal Spent, decimal Balance, int Payments, DateOnly OpenedOn, DateOnly? ClosedOn, long Version);

/// <summary>A spending of a project's money; <see cref="ForProjectId"/> is the project the expense is for when it is another (refused, LTP 3.5).</summary>
public sealed record NewProjectSpending(decimal Amount, DateOnly? SpentOn, string? Purpose, string? Document, int? ForProjectId = null);

public sealed record ProjectSpendingView(int Id, int ProjectId, decimal Amount, DateOnly SpentOn, string Purpose, string Document, DateTime RecordedAt, string? RecordedBy);

/// <summary>A voluntary one-time payment received (never cash, SL 43.1) for a project; <see cref="ExternalId"/> makes it idempotent.</summary>
public sealed record NewProjectPayment(decimal Amount, DateOnly PaidOn, PaymentChannel Channel, string? ExternalId, string? PayerName = null, int? TaxpayerId = null,
    string? Reference = null, string? Bank = null);

public sealed record ProjectPaymentView(long Id, int ProjectId, decimal Amount, DateOnly PaidOn, PaymentChannel Channel, string? PayerName, int? TaxpayerId,
    string? Reference, string ExternalId, PaymentStatus Status);

public sealed record CloseProject(long Version, DateOnly? ClosedOn = null);

/// <summary>
/// Local payments (LTP 9, 11): filing a month's return computes the amount at the municipality's rate in force for the month
/// (never above the legal limit, LTP 9.1.4-9.1.5; advertising never below its zone's minimum, FL 7.2), charges it due on the
/// law's day (LTP 11.2: the 5th of the next month for hotels; LTP 11.3: the municipality's day for parking) and settles the
/// account in the same transaction. Voluntary one-time payments (LTP 3.3-3.5, 9.2) go to a project introduced on a local
/// poll's result and are spent only on it.
/// </summary>
public static class LocalPaymentsApi
{
    public static readonly LocalTax[] ReturnTaxes = [LocalTax.HotelPayment, LocalTax.ParkingPayment, LocalTax.AdvertisingPayment, LocalTax.TradePayment];

    public static void Map(RouteGroupBuilder m)
    {
        m.MapGet("/returns", async (int municipalityId, string? q, LocalTax? tax, int? year, int? month, bool? late, int? page, int? pageSize, AppDb db,
            CancellationToken ct) =>
        {
            TaxActor.For(db, municipalityId).RequireRead();
            return Results.Ok(await ReturnsAsync(db, municipalityId, q, tax, year, month, late, page, pageSize, ct));
        }).WithSummary("Returns of local payments, newest first; search by site or taxpayer, filter by payment, year, month, ?late=true for late returns (LTP 11.2)");
        m.MapGet("/returns/export.csv", (int municipalityId, string? q, LocalTax? tax, int? year, int? month, bool? late, AppDb db, HttpContext http) =>
            ExportReturnsAsync(db, http, municipalityId, q, tax, year, month, late, xlsx: false)).WithSummary("Returns as CSV (same filters)");
        m.MapGet("/returns/export.xlsx", (int municipalityId, string? q, LocalTax? tax, int? year, int? month, bool? late, AppDb db, HttpContext http) =>
            ExportReturnsAsync(db, http, municipalityId, q, tax, year, month, late, xlsx: true)).WithSummary("Returns as XLSX (same filters)");
        m.MapGet("/returns/{returnId:int}", async (int municipalityId, int returnId, AppDb db, CancellationToken ct) =>
        {
            TaxActor.For(db, municipalityId).RequireRead();
            var r = await Query(db, municipalityId, null, null, null, null, null).FirstOrDefaultAsync(x => x.Id == returnId, ct) ?? throw new NotFound("Return");
            return Results.Ok((await ViewsAsync(db, [r], ct)).Single());
        }).WithSummary("One return with its amount, rate, decision, due day and whether it was late");
        m.MapPost("/returns", async (int municipalityId, NewLocalPaymentReturn body, AppDb db, TimeProvider time, CancellationToken ct) =>
        {
            var actor = TaxActor.For(db, municipalityId);
            actor.RequirePayments();
            var r = await FileReturnAsync(db, municipalityId, body, actor.Name, time, ct);
            var name = await db.Taxpayers.Where(t => t.Id == r.TaxpayerId).Select(t => t.Name).FirstAsync(ct);
            return Results.Created($"/api/v1/municipalities/{municipalityId}/taxes/returns/{r.Id}", View(r, name));
        }).WithSummary("File a month's return (LTP 9.1.1-9.1.5, 11.2-11.3): charges the amount and settles the account in one transaction");
        m.MapPost("/returns/{returnId:int}/correct", async (int municipalityId, int returnId, ReturnCorrection body, AppDb db, TimeProvider time, CancellationToken ct) =>
        {
            var actor = TaxActor.For(db, municipalityId);
            actor.RequirePayments();
            var r = await CorrectReturnAsync(db, municipalityId, returnId, body, actor.Name, time, ct);
            var name = await db.Taxpayers.Where(t => t.Id == r.TaxpayerId).Select(t => t.Name).FirstAsync(ct);
            return Results.Created($"/api/v1/municipalities/{municipalityId}/taxes/returns/{r.Id}", View(r, name));
        }).WithSummary("Correct a filed return (LTP 11.2; version required, 409 when stale or already corrected): the correction supersedes it, the difference is charged or credited and settled in one transaction; a late correction stays late");

        m.MapGet("/projects", async (int municipalityId, string? q, int? page, int? pageSize, AppDb db, CancellationToken ct) =>
        {
            TaxActor.For(db, municipalityId).RequireRead();
            return Results.Ok(TaxRatesApi.Page(await ProjectsAsync(db, municipalityId, q, ct), page, pageSize));
        }).WithSummary("Voluntary payment projects (LTP 3.3, 9.2) with the money collected, spent and left");
        m.MapGet("/projects/export.csv", (int municipalityId, string? q, AppDb db, HttpContext http) => ExportProjectsAsync(db, http, municipalityId, q, xlsx: false))
            .WithSummary("Projects as CSV");
        m.MapGet("/projects/export.xlsx", (int municipalityId, string? q, AppDb db, HttpContext http) => ExportProjectsAsync(db, http, municipalityId, q, xlsx: true))
            .WithSummary("Projects as XLSX");
        m.MapGet("/projects/{projectId:int}", async (int municipalityId, int projectId, AppDb db, CancellationToken ct) =>
        {
            TaxActor.For(db, municipalityId).RequireRead();
            return Results.Ok(await ProjectAsync(db, municipalityId, projectId, ct));
        }).WithSummary("One project with its balance");
        m.MapGet("/projects/{projectId:int}/spendings", async (int municipalityId, int projectId, int? page, int? pageSize, AppDb db, CancellationToken ct) =>
        {
            TaxActor.For(db, municipalityId).RequireRead();
            await ProjectAsync(db, municipalityId, projectId, ct);
            return Results.Ok(await SpendingsAsync(db, projectId, page, pageSize, ct));
        }).WithSummary("The project's spendings (LTP 3.5), newest first");
        m.MapGet("/projects/{projectId:int}/payments", async (int municipalityId, int projectId, int? page, int? pageSize, AppDb db, CancellationToken ct) =>
        {
            TaxActor.For(db, municipalityId).RequireRead();
            await ProjectAsync(db, municipalityId, projectId, ct);
            return Results.Ok(await ProjectPaymentsAsync(db, projectId, page, pageSize, ct));
        }).WithSummary("The voluntary payments received for the project, newest first");
        m.MapPost("/projects", async (int municipalityId, NewVoluntaryProject body, AppDb db, TimeProvider time, CancellationToken ct) =>
        {
            TaxActor.For(db, municipalityId).RequireKeeper();
            var p = await AddProjectAsync(db, municipalityId, body, time, ct);
            return Results.Created($"/api/v1/municipalities/{municipalityId}/taxes/projects/{p.Id}", await ProjectAsync(db, municipalityId, p.Id, ct));
        }).WithSummary("Open a project on a local poll's result (LTP 3.3(b), SL 43.2); a council decision, when named, needs two thirds (SL 43.3)");
        m.MapPost("/projects/{projectId:int}/spendings", async (int municipalityId, int projectId, NewProjectSpending body, AppDb db, TimeProvider time,
            CancellationToken ct) =>
        {
            var actor = TaxActor.For(db, municipalityId);
            actor.RequirePayments();
            var s = await SpendAsync(db, municipalityId, projectId, body, actor.Name, time, ct);
            return Results.Created($"/api/v1/municipalities/{municipalityId}/taxes/projects/{projectId}/spendings", SpendingView(s));
        }).WithSummary("Spend the project's money (LTP 3.5: only on it, never more than collected)");
        m.MapPost("/projects/{projectId:int}/payments", async (int municipalityId, int projectId, NewProjectPayment body, AppDb db, TimeProvider time,
            CancellationToken ct) =>
        {
            var actor = TaxActor.For(db, municipalityId);
            actor.RequirePayments();
            var (p, created) = await ReceiveAsync(db, municipalityId, projectId, body, actor.Name, time, ct);
            return created ? Results.Created($"/api/v1/municipalities/{municipalityId}/taxes/projects/{projectId}/payments", PaymentView(p)) : Results.Ok(PaymentView(p));
        }).WithSummary("Record a voluntary one-time payment for the project (SL 43.1: never cash); the same externalId again books nothing");
        m.MapPost("/projects/{projectId:int}/close", async (int municipalityId, int projectId, CloseProject body, AppDb db, TimeProvider time, CancellationToken ct) =>
        {
            TaxActor.For(db, municipalityId).RequireKeeper();
            var p = await db.VoluntaryProjects.FirstOrDefaultAsync(x => x.Id == projectId && x.MunicipalityId == municipalityId, ct) ?? throw new NotFound("Project");
            var on = body.ClosedOn ?? Clock.Today(time);
            if (on < p.OpenedOn) throw new InputError("closedOn", new("Layihə açılmadan bağlana bilməz", "A project cannot close before it opened"));
            db.Entry(p).Property(x => x.Version).OriginalValue = body.Version;
            p.ClosedOn = on;
            await db.SaveChangesAsync(ct);
            return Results.Ok(await ProjectAsync(db, municipalityId, projectId, ct));
        }).WithSummary("Close the project to new payments (version required); its money stays for the project");
    }

    // ---- returns ----

    private static IQueryable<LocalPaymentReturn> Query(AppDb db, int municipalityId, string? q, LocalTax? tax, int? year, int? month, bool? late)
    {
        var query = db.LocalPaymentReturns.AsNoTracking().Where(r => r.MunicipalityId == municipalityId);
        if (tax is not null) query = query.Where(r => r.Tax == tax);
        if (year is not null) query = query.Where(r => r.Year == year);
        if (month is not null) query = query.Where(r => r.Month == month);
        if (late == true) query = query.Where(r => r.FiledOn > r.DueOn);
        if (late == false) query = query.Where(r => r.FiledOn <= r.DueOn);
        if (!string.IsNullOrWhiteSpace(q))
        {
            var k = q.Trim().ToLowerInvariant();
            query = query.Where(r => r.Site.ToLower().Contains(k) || db.Taxpayers.Any(t => t.Id == r.TaxpayerId && t.SearchKey.Contains(k)));
        }
        return query.OrderByDescending(r => r.Year).ThenByDescending(r => r.Month).ThenByDescending(r => r.Id);
    }

    /// <summary>The views of returns with their taxpayers' names.</summary>
    public static async Task<List<LocalPaymentReturnView>> ViewsAsync(AppDb db, IReadOnlyList<LocalPaymentReturn> rows, CancellationToken ct)
    {
        var ids = rows.Select(r => r.TaxpayerId).Distinct().ToList();
        var names = new Dictionary<int, string>();
        foreach (var chunk in ids.Chunk(2000))
        {
            var list = chunk.ToList();
            foreach (var t in await db.Taxpayers.AsNoTracking().Where(t => list.Contains(t.Id)).Select(t => new { t.Id, t.Name }).ToListAsync(ct)) names[t.Id] = t.Name;
        }
        return rows.Select(r => View(r, names.GetValueOrDefault(r.TaxpayerId) ?? "")).ToList();
    }

    public static async Task<PageOf<LocalPaymentReturnView>> ReturnsAsync(AppDb db, int municipalityId, string? q, LocalTax? tax, int? year, int? month, bool? late,
        int? page, int? pageSize, CancellationToken ct)
    {
        var (p, size, skip) = TaxesApi.Paging(page, pageSize);
        var query = Query(db, municipalityId, q, tax, year, month, late);
        var total = await query.CountAsync(ct);
        return new PageOf<LocalPaymentReturnView>(total, p, size, await ViewsAsync(db, await query.Skip(skip).Take(size).ToListAsync(ct), ct));
    }

    public static LocalPaymentReturnView View(LocalPaymentReturn r, string name) => new(r.Id, r.TaxpayerId, name, r.Tax, r.Year, r.Month, r.Site, r.PlotId,
        r.Quantity, r.Months, r.RateClass, r.Rate, r.Decision, Money.FromQepik(r.AmountQepik).Amount, r.AmountQepik, r.DueOn, r.FiledOn,
        RateDecisions.IsLate(r.DueOn, r.FiledOn), Math.Max(0, r.FiledOn.DayNumber - r.DueOn.DayNumber), Citation(r.Tax),
        DateTime.SpecifyKind(r.RecordedAt, DateTimeKind.Utc), r.RecordedBy, r.Note, r.Version, r.Revision, r.SupersededById);

    public static string Citation(LocalTax tax) => tax switch
    {
        LocalTax.HotelPayment => "LTP 9.1.4, 11.2",
        LocalTax.ParkingPayment => "LTP 9.1.5, 11.3",
        LocalTax.AdvertisingPayment => "LTP 9.1.1, FL 7.2",
        _ => "LTP 9.1.3",
    };

    public static async Task<LocalPaymentReturn> FileReturnAsync(AppDb db, int municipalityId, NewLocalPaymentReturn body, string? by, TimeProvider time,
        CancellationToken ct)
    {
        var ret = await PrepareAsync(db, municipalityId, body, by, time, ct);
        if (await db.LocalPaymentReturns.AnyAsync(r => r.MunicipalityId == municipalityId && r.TaxpayerId == ret.TaxpayerId && r.Tax == ret.Tax
                                                       && r.Year == ret.Year && r.Month == ret.Month && r.Site == ret.Site, ct))
            throw new InputError("site", new("Bu obyekt üçün həmin ayın bəyannaməsi artıq verilib: düzəliş edin", "This site's return for the month is already filed: correct it"),
                StatusCodes.Status409Conflict);
        var today = Clock.Today(time);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.LocalPaymentReturns.Add(ret);
        await db.SaveChangesAsync(ct);
        if (ret.AmountQepik > 0)
        {
            db.TaxCharges.Add(new TaxCharge
            {
                MunicipalityId = municipalityId, TaxpayerId = ret.TaxpayerId, Tax = ret.Tax, Year = ret.Year, Period = ret.Month, Instalment = 1, DueOn = ret.DueOn,
                AmountQepik = ret.AmountQepik, Kind = ChargeKind.Return, SourceId = ret.Id, CreatedAt = ret.RecordedAt, Note = ret.Site,
            });
            await db.SaveChangesAsync(ct);
            await Ledger.SettleAsync(db, [ret.TaxpayerId], ret.RecordedAt, await Ledger.Rules.LoadAsync(db, today, ct), ct);
        }
        await tx.CommitAsync(ct);
        return ret;
    }

    /// <summary>
    /// A corrected return for the same taxpayer, payment, month and site (LTP 11.2): it supersedes the one in force, which stays
    /// visible; the difference of the amounts is charged (or credited) as an adjustment due on the month's own day and the
    /// account settled, all in one transaction. A correction after the due day is allowed: it is recorded with its own filing
    /// day, so the lateness stays visible, and interest on an increase runs from the original due day (FL 7.1.11).
    /// </summary>
    public static async Task<LocalPaymentReturn> CorrectReturnAsync(AppDb db, int municipalityId, int returnId, ReturnCorrection body, string? by, TimeProvider time,
        CancellationToken ct)
    {
        var old = await db.LocalPaymentReturns.FirstOrDefaultAsync(r => r.Id == returnId && r.MunicipalityId == municipalityId, ct) ?? throw new NotFound("Return");
        if (body.Version is not { } version) throw new InputError("version", new("Oxunmuş versiya göndərilməlidir", "Send the version you read"));
        if (old.SupersededById is not null || old.Version != version) throw new DbUpdateConcurrencyException();
        db.Entry(old).Property(x => x.Version).OriginalValue = version;
        var ret = await PrepareAsync(db, municipalityId, new NewLocalPaymentReturn(old.TaxpayerId, old.Tax, old.Year, old.Month, old.Site, body.Quantity,
            body.Months ?? (old.Tax is LocalTax.AdvertisingPayment or LocalTax.TradePayment ? old.Months : null), body.Zone ?? ZoneOf(old.RateClass),
            body.PlotId ?? old.PlotId, body.FiledOn, body.Note), by, time, ct);
        if (ret.FiledOn < old.FiledOn)
            throw new InputError("filedOn", new($"Düzəliş {Fmt.Date(old.FiledOn)} tarixli bəyannamədən əvvəl verilə bilməz",
                $"A correction cannot be filed before the return it corrects ({Fmt.Date(old.FiledOn)})"));
        ret.Revision = old.Revision + 1;
        var delta = ret.AmountQepik - old.AmountQepik;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.LocalPaymentReturns.Add(ret);
        await db.SaveChangesAsync(ct);
        old.SupersededById = ret.Id;
        if (delta != 0)
            db.TaxCharges.Add(new TaxCharge
            {
                MunicipalityId = municipalityId, TaxpayerId = ret.TaxpayerId, Tax = ret.Tax, Year = ret.Year, Period = ret.Month, Instalment = 1, DueOn = old.DueOn,
                AmountQepik = delta, Kind = ChargeKind.Adjustment, SourceId = ret.Id, CreatedAt = ret.RecordedAt,
                Note = $"{ret.Site}: düzəliş {ret.Revision} / correction {ret.Revision}",
            });
        await db.SaveChangesAsync(ct);
        if (delta != 0) await Ledger.SettleAsync(db, [ret.TaxpayerId], ret.RecordedAt, await Ledger.Rules.LoadAsync(db, Clock.Today(time), ct), ct);
        await tx.CommitAsync(ct);
        return ret;
    }

    private static int? ZoneOf(string rateClass) =>
        Enumerable.Range(1, TaxParameters.AdvertisingZones).Select(z => (int?)z).FirstOrDefault(z => RateClasses.Advertising(z!.Value) == rateClass);

    /// <summary>Checks a return and computes its amount at the month's rate; writes nothing.</summary>
    private static async Task<LocalPaymentReturn> PrepareAsync(AppDb db, int municipalityId, NewLocalPaymentReturn body, string? by, TimeProvider time,
        CancellationToken ct)
    {
        var today = Clock.Today(time);
        if (!ReturnTaxes.Contains(body.Tax))
            throw new InputError("tax", new("Bəyannamə mehmanxana, dayanacaq, reklam və ya ticarət ödənişi üçündür", "A return is for the hotel, parking, advertising or trade payment"));
        if (body.Year < 2000 || body.Year > today.Year || body.Month is < 1 or > 12)
            throw new InputError("month", new("Ili və ayı düzgün göstərin", "Give a valid year and month"));
        var periodStart = new DateOnly(body.Year, body.Month, 1);
        if (periodStart > today)
            throw new InputError("month", new("Hələ başlamamış ay üçün bəyannamə verilə bilməz", "A return cannot be filed for a month that has not begun"));
        var site = body.Site?.Trim();
        if (string.IsNullOrEmpty(site) || site.Length > 300)
            throw new InputError("site", new("Obyekti (mehmanxana, dayanacaq, reklam yeri, ticarət yeri) yazın", "Name the site (hotel, car park, advertising site, trade place)"));
        if (body.Note?.Length > 2000) throw new InputError("note", new("Qeyd 2000 simvoldan uzun ola bilməz", "The note may be at most 2000 characters"));
        var filedOn = body.FiledOn ?? today;
        if (filedOn > today || filedOn < periodStart)
            throw new InputError("filedOn", new("Təqdim tarixi ayın əvvəlindən bu günə qədər olmalıdır", "The filing day is between the month's start and today"));
        var taxpayer = await db.Taxpayers.AsNoTracking().FirstOrDefaultAsync(t => t.Id == body.TaxpayerId && t.MunicipalityId == municipalityId, ct)
            ?? throw new InputError("taxpayerId", new("Bələdiyyənin reyestrində belə vergi ödəyicisi yoxdur", "There is no such taxpayer in the municipality's register"));
        var settings = await db.TaxSettings.AsNoTracking().FirstOrDefaultAsync(s => s.MunicipalityId == municipalityId, ct);
        var day = settings?.ParkingDueDay ?? 10;

        string rateClass;
        int months = 1;
        int? plotId = null;
        switch (body.Tax)
        {
            case LocalTax.HotelPayment or LocalTax.ParkingPayment:
                if (body.Quantity < 0 || body.Quantity != decimal.Truncate(body.Quantity) || body.Quantity > 10_000_000)
                    throw new InputError("quantity", body.Tax == LocalTax.HotelPayment
                        ? new("Nəfər-günlərin sayı tam və mənfi olmayan ədəddir", "Guest-nights are a whole, non-negative number")
                        : new("Avtomobil-günlərin sayı tam və mənfi olmayan ədəddir", "Vehicle-days are a whole, non-negative number"));
                rateClass = body.Tax == LocalTax.HotelPayment ? RateClasses.Hotel : RateClasses.Parking;
                break;
            default:
                if (body.Quantity <= 0 || decimal.Round(body.Quantity, 2) != body.Quantity || body.Quantity > 1_000_000)
                    throw new InputError("quantity", new("Sahəni m²-lə, ən çox iki onluq rəqəmlə yazın", "Give the area in m², at most two decimals"));
                months = body.Months ?? 1;
                if (months is < 1 or > 12) throw new InputError("months", new("Ayların sayı 1-12 olmalıdır", "Months are 1 to 12"));
                if (body.Tax == LocalTax.AdvertisingPayment)
                {
                    if (body.Zone is not { } zone || zone < 1 || zone > TaxParameters.AdvertisingZones)
                        throw new InputError("zone", new($"Reklam tarif zonasını göstərin (1-{TaxParameters.AdvertisingZones})",
                            $"Give the advertising tariff zone (1-{TaxParameters.AdvertisingZones})"));
                    rateClass = RateClasses.Advertising(zone);
                }
                else
                {
                    var plot = body.PlotId is { } pid ? await db.LandPlots.AsNoTracking().FirstOrDefaultAsync(p => p.Id == pid && p.MunicipalityId == municipalityId, ct) : null;
                    if (plot is null || (plot.RetiredOn is { } retired && retired <= periodStart))
                        throw new LegalRuleViolation(new(Acts.LTP, "9.1.3"), "plotId",
                            "Ticarət və xidmət ödənişi bələdiyyənin xüsusi ayırdığı torpaq sahəsində fəaliyyətə görədir: sahəni göstərin",
                            "The trade payment is for activity on a plot the municipality allocated: name the plot");
                    plotId = plot.Id;
                    rateClass = RateClasses.Trade;
                }
                break;
        }

        var rc = RateClasses.Find(rateClass)!;
        var revoked = (await db.CouncilDecisions.AsNoTracking().Where(d => d.MunicipalityId == municipalityId && d.Status == DecisionStatus.Revoked)
            .Select(d => d.Id).ToListAsync(ct)).ToHashSet();
        var rate = (await db.TaxRates.AsNoTracking().Where(r => r.MunicipalityId == municipalityId && r.RateClass == rateClass && r.ValidFrom <= periodStart).ToListAsync(ct))
            .Where(r => !revoked.Contains(r.DecisionId)).OrderByDescending(r => r.ValidFrom).ThenByDescending(r => r.Id).FirstOrDefault();
        if (rate is null || rate.Abolished)
            throw new LegalRuleViolation(new(Acts.FL, "7.2"), "tax",
                $"Bələdiyyə {Fmt.Date(periodStart)} tarixinə «{rc.NameAz}» üçün qərarla dərəcə müəyyən etməyib (və ya ödənişi tətbiq etmir)",
                $"On {Fmt.Date(periodStart)} the municipality has no rate for '{rc.NameEn}' set by decision (or does not apply the payment)");
        // The limit of the month, not of the decision's day: a lower ŞMV since then caps the rate too.
        RateClasses.CheckRate(rc, rate.Rate, await TaxRatesApi.LimitOnAsync(db, rc, periodStart, ct), "rate");

        var amount = body.Tax switch
        {
            LocalTax.HotelPayment => LocalPayments.HotelDue((int)body.Quantity, rate.Rate),
            LocalTax.ParkingPayment => LocalPayments.ParkingDue((int)body.Quantity, rate.Rate),
            _ => LocalPayments.AreaMonthsDue(body.Quantity, months, rate.Rate),
        };
        var dueOn = body.Tax switch
        {
            LocalTax.HotelPayment => LocalPayments.HotelDueOn(body.Year, body.Month),
            LocalTax.ParkingPayment => LocalPayments.ParkingDueOn(body.Year, body.Month, day),
            _ => RateDecisions.MunicipalDueOn(body.Year, body.Month, day),
        };
        return new LocalPaymentReturn
        {
            MunicipalityId = municipalityId, TaxpayerId = taxpayer.Id, Tax = body.Tax, Year = body.Year, Month = body.Month, Site = site, PlotId = plotId,
            Quantity = body.Quantity, Months = months, RateClass = rateClass, Rate = rate.Rate, Decision = rate.DecisionCode, AmountQepik = amount.Qepik,
            DueOn = dueOn, FiledOn = filedOn, RecordedAt = Clock.UtcNow(time), RecordedBy = by, Note = body.Note?.Trim(),
        };
    }

    private static async Task<IResult> ExportReturnsAsync(AppDb db, HttpContext http, int municipalityId, string? q, LocalTax? tax, int? year, int? month, bool? late,
        bool xlsx)
    {
        TaxActor.For(db, municipalityId).RequireRead();
        var rows = await ViewsAsync(db, await Query(db, municipalityId, q, tax, year, month, late).ToListAsync(http.RequestAborted), http.RequestAborted);
        string[] header = Text.English
            ? ["id", "taxpayer", "payment", "year", "month", "site", "quantity", "months", "rate", "decision", "amount", "due", "filed", "late", "article"]
            : ["id", "ödəyici", "ödəniş", "il", "ay", "obyekt", "miqdar", "ay sayı", "dərəcə", "qərar", "məbləğ", "son tarix", "təqdim", "gecikmə", "maddə"];
        await ExportResponse.WriteAsync(http, $"returns-{municipalityId}", Text.English ? "Returns" : "Bəyannamələr", header,
            rows.Select(v => (IReadOnlyList<object?>)[v.Id, v.TaxpayerName, v.Tax, v.Year, v.Month, v.Site, v.Quantity, v.Months, v.Rate, v.Decision,
                v.Amount, v.DueOn, v.FiledOn, v.Late, v.Citation]), xlsx);
        return Results.Empty;
    }

    // ---- voluntary projects ----

    public static async Task<VoluntaryProject> AddProjectAsync(AppDb db, int municipalityId, NewVoluntaryProject body, TimeProvider time, CancellationToken ct)
    {
        var today = Clock.Today(time);
        var name = body.Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > 300) throw new InputError("name", new("Layihənin adını yazın", "Name the project"));
        var purpose = body.Purpose?.Trim();
        if (string.IsNullOrEmpty(purpose) || purpose.Length > 1000)
            throw new InputError("purpose", new("Layihənin məqsədini yazın (LTP 3.5: vəsait yalnız ona xərclənir)", "State the project's purpose (LTP 3.5: the money is spent only on it)"));
        LocalPayments.RequirePollResult(body.PollReference, body.PollHeldOn);
        if (body.PollReference!.Trim().Length > 200) throw new InputError("pollReference", new("Sorğunun istinadı ən çox 200 simvoldur", "The poll reference is at most 200 characters"));
        var opened = body.OpenedOn ?? today;
        if (body.PollHeldOn > opened)
            throw new LegalRuleViolation(new(Acts.LTP, "3.3"), "pollHeldOn", "Layihə rəy sorğusunun nəticəsinə əsasən açılır: sorğu layihədən əvvəl keçirilməlidir",
                "A project is opened on the poll's result: the poll comes before the project");
        if (body.Target <= 0 || decimal.Round(body.Target, 2) != body.Target || body.Target > 1_000_000_000m)
            throw new InputError("target", new("Hədəf məbləği manatla, ən çox iki onluq rəqəmlə yazın", "Give the target in manat, at most two decimals"));
        if (body.DecisionId is { } did) await TaxRatesApi.RequireTaxDecisionAsync(db, municipalityId, did, opened, ct);
        var p = new VoluntaryProject
        {
            MunicipalityId = municipalityId, Name = name, Purpose = purpose, PollReference = body.PollReference.Trim(), PollHeldOn = body.PollHeldOn!.Value,
            DecisionId = body.DecisionId, TargetQepik = Money.Manat(body.Target).Qepik, OpenedOn = opened,
        };
        db.VoluntaryProjects.Add(p);
        await db.SaveChangesAsync(ct);
        return p;
    }

    private static async Task<(Dictionary<int, long> Collected, Dictionary<int, int> Count, Dictionary<int, long> Spent)> SumsAsync(AppDb db, int municipalityId,
        IReadOnlyCollection<int> ids, CancellationToken ct)
    {
        var paid = await db.Payments.AsNoTracking().Where(p => p.MunicipalityId == municipalityId && p.ProjectId != null && ids.Contains(p.ProjectId.Value)
                                                               && p.Status == PaymentStatus.Posted)
            .GroupBy(p => p.ProjectId!.Value).Select(g => new { g.Key, Sum = g.Sum(p => p.AmountQepik), Count = g.Count() }).ToListAsync(ct);
        var spent = await db.ProjectSpendings.AsNoTracking().Where(s => s.MunicipalityId == municipalityId && ids.Contains(s.ProjectId))
            .GroupBy(s => s.ProjectId).Select(g => new { g.Key, Sum = g.Sum(s => s.AmountQepik) }).ToListAsync(ct);
        return (paid.ToDictionary(x => x.Key, x => x.Sum), paid.ToDictionary(x => x.Key, x => x.Count), spent.ToDictionary(x => x.Key, x => x.Sum));
    }

    public static async Task<List<VoluntaryProjectView>> ProjectsAsync(AppDb db, int municipalityId, string? q, CancellationToken ct, int? only = null)
    {
        var query = db.VoluntaryProjects.AsNoTracking().Where(p => p.MunicipalityId == municipalityId);
        if (only is { } id) query = query.Where(p => p.Id == id);
        var rows = await query.ToListAsync(ct);
        if (!string.IsNullOrWhiteSpace(q))
        {
            var t = q.Trim();
            rows = rows.Where(p => p.Name.Contains(t, StringComparison.CurrentCultureIgnoreCase) || p.Purpose.Contains(t, StringComparison.CurrentCultureIgnoreCase)
                                   || p.PollReference.Contains(t, StringComparison.CurrentCultureIgnoreCase)).ToList();
        }
        var ids = rows.Select(p => p.Id).ToList();
        var (collected, count, spent) = await SumsAsync(db, municipalityId, ids, ct);
        var decisionIds = rows.Where(p => p.DecisionId != null).Select(p => p.DecisionId!.Value).ToList();
        var codes = await db.CouncilDecisions.AsNoTracking().Where(d => decisionIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id, d => $"{d.Number}/{d.Year}", ct);
        return rows.OrderByDescending(p => p.OpenedOn).ThenByDescending(p => p.Id).Select(p =>
        {
            var c = collected.GetValueOrDefault(p.Id);
            var s = spent.GetValueOrDefault(p.Id);
            return new VoluntaryProjectView(p.Id, p.Name, p.Purpose, p.PollReference, p.PollHeldOn, p.DecisionId, p.DecisionId is { } d ? codes.GetValueOrDefault(d) : null,
                Money.FromQepik(p.TargetQepik).Amount, Money.FromQepik(c).Amount, Money.FromQepik(s).Amount, Money.FromQepik(c - s).Amount, count.GetValueOrDefault(p.Id),
                p.OpenedOn, p.ClosedOn, p.Version);
        }).ToList();
    }

    public static async Task<VoluntaryProjectView> ProjectAsync(AppDb db, int municipalityId, int projectId, CancellationToken ct) =>
        (await ProjectsAsync(db, municipalityId, null, ct, projectId)).SingleOrDefault() ?? throw new NotFound("Project");

    public static async Task<ProjectSpending> SpendAsync(AppDb db, int municipalityId, int projectId, NewProjectSpending body, string? by, TimeProvider time,
        CancellationToken ct)
    {
        var project = await db.VoluntaryProjects.FirstOrDefaultAsync(p => p.Id == projectId && p.MunicipalityId == municipalityId, ct) ?? throw new NotFound("Project");
        if (body.Amount <= 0 || decimal.Round(body.Amount, 2) != body.Amount)
            throw new InputError("amount", new("Məbləğ müsbət olmalı, ən çox iki onluq rəqəmlə yazılmalıdır", "The amount is positive, at most two decimals"));
        var purpose = body.Purpose?.Trim();
        if (string.IsNullOrEmpty(purpose) || purpose.Length > 500) throw new InputError("purpose", new("Xərcin təyinatını yazın", "State what the money is spent on"));
        var document = body.Document?.Trim();
        if (string.IsNullOrEmpty(document) || document.Length > 200)
            throw new InputError("document", new("Xərcin sənədini (ödəniş tapşırığı, akt) göstərin", "Name the document of the spending (payment order, act)"));
        var today = Clock.Today(time);
        var on = body.SpentOn ?? today;
        if (on > today || on < project.OpenedOn)
            throw new InputError("spentOn", new("Xərc tarixi layihənin açılışından bu günə qədər olmalıdır", "The spending day is between the project's opening and today"));
        var (collected, _, spent) = await SumsAsync(db, municipalityId, [projectId], ct);
        LocalPayments.RequireEarmarkedUse(projectId, body.ForProjectId ?? projectId, Money.FromQepik(collected.GetValueOrDefault(projectId)),
            Money.FromQepik(spent.GetValueOrDefault(projectId)), Money.Manat(body.Amount));
        var s = new ProjectSpending
        {
            MunicipalityId = municipalityId, ProjectId = projectId, AmountQepik = Money.Manat(body.Amount).Qepik, SpentOn = on, Purpose = purpose, Document = document,
            RecordedAt = Clock.UtcNow(time), RecordedBy = by,
        };
        db.ProjectSpendings.Add(s);
        // Touching the project makes two spendings that race on the same balance conflict (409) instead of both passing the check.
        db.Entry(project).State = EntityState.Modified;
        await db.SaveChangesAsync(ct);
        return s;
    }

    public static async Task<(Payment Payment, bool Created)> ReceiveAsync(AppDb db, int municipalityId, int projectId, NewProjectPayment body, string? by,
        TimeProvider time, CancellationToken ct)
    {
        var project = await db.VoluntaryProjects.AsNoTracking().FirstOrDefaultAsync(p => p.Id == projectId && p.MunicipalityId == municipalityId, ct)
            ?? throw new NotFound("Project");
        PaymentChannels.RequireNonCash(body.Channel);
        var externalId = body.ExternalId?.Trim();
        if (string.IsNullOrEmpty(externalId) || externalId.Length > 200)
            throw new InputError("externalId", new("Ödənişin bank və ya portal identifikatorunu göstərin", "Give the payment's bank or portal identifier"));
        if (await db.Payments.AsNoTracking().IgnoreQueryFilters().FirstOrDefaultAsync(p => p.ExternalId == externalId, ct) is { } existing)
        {
            if (existing.MunicipalityId == municipalityId && existing.ProjectId == projectId && existing.AmountQepik == Money.Manat(body.Amount).Qepik)
                return (existing, false);
            throw new InputError("externalId", new("Bu identifikatorla başqa ödəniş artıq qeyd olunub", "Another payment with this identifier is already booked"),
                StatusCodes.Status409Conflict);
        }
        if (body.Amount <= 0 || decimal.Round(body.Amount, 2) != body.Amount)
            throw new InputError("amount", new("Məbləğ müsbət olmalı, ən çox iki onluq rəqəmlə yazılmalıdır", "The amount is positive, at most two decimals"));
        var today = Clock.Today(time);
        if (body.PaidOn > today || body.PaidOn < project.OpenedOn)
            throw new InputError("paidOn", new("Ödəniş tarixi layihənin açılışından bu günə qədər olmalıdır", "The payment day is between the project's opening and today"));
        if (project.ClosedOn is { } closed && body.PaidOn > closed)
            throw new InputError("projectId", new("Layihə bağlanıb: yeni ödəniş qəbul edilmir", "The project is closed to new payments"));
        if (body.TaxpayerId is { } tid && !await db.Taxpayers.AnyAsync(t => t.Id == tid && t.MunicipalityId == municipalityId, ct))
            throw new InputError("taxpayerId", new("Bələdiyyənin reyestrində belə vergi ödəyicisi yoxdur", "There is no such taxpayer in the municipality's register"));
        var p = new Payment
        {
            MunicipalityId = municipalityId, TaxpayerId = body.TaxpayerId, ProjectId = projectId, AmountQepik = Money.Manat(body.Amount).Qepik, PaidOn = body.PaidOn,
            RecordedAt = Clock.UtcNow(time), Channel = body.Channel, Reference = body.Reference?.Trim(), PayerName = body.PayerName?.Trim(), Bank = body.Bank?.Trim(),
            ExternalId = externalId, RecordedBy = by,
        };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await Budget.TaxRevenuePosting.WritingPaymentsAsync(db, ct);
        db.Payments.Add(p);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return (p, true);
    }

    public static ProjectSpendingView SpendingView(ProjectSpending s) => new(s.Id, s.ProjectId, Money.FromQepik(s.AmountQepik).Amount, s.SpentOn, s.Purpose, s.Document,
        DateTime.SpecifyKind(s.RecordedAt, DateTimeKind.Utc), s.RecordedBy);

    public static ProjectPaymentView PaymentView(Payment p) => new(p.Id, p.ProjectId!.Value, Money.FromQepik(p.AmountQepik).Amount, p.PaidOn, p.Channel, p.PayerName,
        p.TaxpayerId, p.Reference, p.ExternalId, p.Status);

    public static async Task<PageOf<ProjectSpendingView>> SpendingsAsync(AppDb db, int projectId, int? page, int? pageSize, CancellationToken ct)
    {
        var (p, size, skip) = TaxesApi.Paging(page, pageSize);
        var query = db.ProjectSpendings.AsNoTracking().Where(s => s.ProjectId == projectId);
        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(s => s.SpentOn).ThenByDescending(s => s.Id).Skip(skip).Take(size).ToListAsync(ct);
        return new PageOf<ProjectSpendingView>(total, p, size, rows.Select(SpendingView).ToList());
    }

    public static async Task<PageOf<ProjectPaymentView>> ProjectPaymentsAsync(AppDb db, int projectId, int? page, int? pageSize, CancellationToken ct)
    {
        var (p, size, skip) = TaxesApi.Paging(page, pageSize);
        var query = db.Payments.AsNoTracking().Where(x => x.ProjectId == projectId);
        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(x => x.PaidOn).ThenByDescending(x => x.Id).Skip(skip).Take(size).ToListAsync(ct);
        return new PageOf<ProjectPaymentView>(total, p, size, rows.Select(PaymentView).ToList());
    }

    private static async Task<IResult> ExportProjectsAsync(AppDb db, HttpContext http, int municipalityId, string? q, bool xlsx)
    {
        TaxActor.For(db, municipalityId).RequireRead();
        var rows = await ProjectsAsync(db, municipalityId, q, http.RequestAborted);
        string[] header = Text.English
            ? ["id", "name", "purpose", "poll", "poll held on", "decision", "target", "collected", "spent", "balance", "payments", "opened", "closed"]
            : ["id", "ad", "məqsəd", "sorğu", "sorğunun tarixi", "qərar", "hədəf", "toplanıb", "xərclənib", "qalıq", "ödənişlər", "açılıb", "bağlanıb"];
        await ExportResponse.WriteAsync(http, $"projects-{municipalityId}", Text.English ? "Projects" : "Layihələr", header,
            rows.Select(p => (IReadOnlyList<object?>)[p.Id, p.Name, p.Purpose, p.PollReference, p.PollHeldOn, p.DecisionCode, p.Target, p.Collected, p.Spent, p.Balance, p.Payments,
                p.OpenedOn, p.ClosedOn]), xlsx);
        return Results.Empty;
    }
}
