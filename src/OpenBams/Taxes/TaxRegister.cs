using Microsoft.EntityFrameworkCore;
using OpenBams.Lands;
using OpenBams.Law;
using OpenBams.Law.Taxes;
using OpenBams.Platform;
using OpenBams.Platform.Calendar;
using OpenBams.Platform.Data;
using OpenBams.Platform.Http;
using OpenBams.Platform.Localization;
using OpenBams.Platform.Search;

namespace OpenBams.Taxes;

public sealed record TaxpayerInput(TaxpayerKind Kind, string? PersonalId, string? TaxId, string? Name, string? Address = null, string? Phone = null,
    string? Email = null, bool IsResident = true, bool MunicipallyOwned = false, string? Note = null, long? Version = null);

public sealed record TaxpayerView(int Id, TaxpayerKind Kind, string? PersonalId, string? TaxId, string Name, string? Address, string? Phone, string? Email,
    bool IsResident, bool MunicipallyOwned, DateOnly RegisteredOn, string? Note, long Version)
{
    public static TaxpayerView Of(Taxpayer t) => new(t.Id, t.Kind, t.PersonalId, t.TaxId, t.Name, t.Address, t.Phone, t.Email, t.IsResident, t.MunicipallyOwned,
        t.RegisteredOn, t.Note, t.Version);
}

/// <summary>The taxpayer who holds a new object, recorded with it in the same transaction.</summary>
public sealed record NewHolder(int TaxpayerId, string? Share = "1/1", HoldingRight Right = HoldingRight.Ownership, DateOnly? From = null,
    string? TitleDocument = null, DateOnly? TitleReceivedOn = null, DateOnly? RegisteredOn = null);

public sealed record PlotInput(string? Address, decimal AreaSqm, LandCategory Category, string? CadastralNumber = null, string? Purpose = null,
    decimal? ScorePoints = null, string? SettlementGroup = null, LandExemption Exemption = LandExemption.None, bool ApportionByBuildingArea = false,
    DateOnly? RetiredOn = null, long? Version = null, NewHolder? Holder = null);

public sealed record BuildingInput(string? Address, decimal AreaSqm, decimal Value, ValuationSource ValuationSource = ValuationSource.MunicipalValuation,
    DateOnly? ValuedOn = null, string? Appraiser = null, string? AppraisalReport = null, int? PlotId = null, string? Description = null,
    DateOnly? RetiredOn = null, long? Version = null, NewHolder? Holder = null);

public sealed record VehicleInput(VehicleKind Kind, string? RegistrationNumber, int EngineCc, string? Description = null, DateOnly? RetiredOn = null,
    long? Version = null, NewHolder? Holder = null);

public sealed record HoldingInput(int TaxpayerId, ObjectKind ObjectKind, int ObjectId, string? Share = "1/1", HoldingRight Right = HoldingRight.Ownership,
    DateOnly? From = null, DateOnly? To = null, string? TitleDocument = null, DateOnly? TitleReceivedOn = null, DateOnly? RegisteredOn = null, long? Version = null);

public sealed record PlotView(int Id, string? CadastralNumber, string Address, decimal AreaSqm, LandCategory Category, string? Purpose, decimal? ScorePoints,
    string? SettlementGroup, string? RateClass, LandExemption Exemption, bool ApportionByBuildingArea, DateOnly? RetiredOn, string Holders, long Version);

public sealed record BuildingView(int Id, int? PlotId, string Address, string? Description, decimal AreaSqm, decimal Value, ValuationSource ValuationSource,
    DateOnly? ValuedOn, string? Appraiser, string? AppraisalReport, DateOnly? RetiredOn, string Holders, long Version);

public sealed record VehicleView(int Id, VehicleKind Kind, string RegistrationNumber, string? Description, int EngineCc, DateOnly? RetiredOn, string Holders,
    long Version);

/// <summary>A holding with the LML 18.3 registration deadline: due a month after the title documents were received.</summary>
public sealed record HoldingView(int Id, int TaxpayerId, string TaxpayerName, ObjectKind ObjectKind, int ObjectId, string ObjectLabel, HoldingRight Right,
    string Share, DateOnly From, DateOnly? To, string? TitleDocument, DateOnly? TitleReceivedOn, DateOnly RegisteredOn, DateOnly? RegisterBy, bool Late,
    long Version);

public sealed record ChargeRow(long Id, LocalTax Tax, string TaxName, int Year, int Period, int Instalment, DateOnly DueOn, decimal Amount, ChargeKind Kind,
    string? Note);

public sealed record PaymentRow(long Id, DateOnly PaidOn, decimal Amount, decimal Allocated, PaymentChannel Channel, string? Reference, PaymentStatus Status);

public sealed record LineRow(int Year, int NoticeId, int NoticeNumber, LocalTax Tax, string ObjectLabel, string? RateClass, decimal BaseValue, RateUnit Unit,
    decimal Rate, string? Decision, string WeightText, string? WeightNote, int Months, decimal Gross, decimal Relief, decimal Net, string? ReliefNote,
    string Citation, LineOutcome Outcome);

/// <summary>A taxpayer's account as the register shows it (read-only: payments are booked elsewhere).</summary>
public sealed record AccountView(DateOnly AsOf, decimal Owed, decimal Paid, decimal Overdue, decimal Credit, decimal AccruedInterest, decimal TotalToPay,
    IReadOnlyList<AccountItem> Items, IReadOnlyList<ChargeRow> Charges, IReadOnlyList<PaymentRow> Payments, IReadOnlyList<LineRow> Lines);

public sealed record TaxpayerDetail(TaxpayerView Taxpayer, IReadOnlyList<HoldingView> Holdings, AccountView Account);

/// <summary>
/// The register of taxpayers and taxable objects (LTP 5.1-5.4; LML 18.1, 18.3, 18.5, 18.8): the commands the API and the
/// pages share. Each command checks the role, validates everything before writing and saves once.
/// </summary>
public static class TaxRegister
{
    // ---------- taxpayers ----------

    public static async Task<PageOf<TaxpayerView>> TaxpayersAsync(AppDb db, int m, string? q, int? page, int? pageSize, CancellationToken ct)
    {
        var (p, size, skip) = TaxesApi.Paging(page, pageSize);
        var query = SearchTaxpayers(db, m, q);
        var total = await query.CountAsync(ct);
        var rows = await query.OrderBy(t => t.Name).ThenBy(t => t.Id).Skip(skip).Take(size).ToListAsync(ct);
        return new PageOf<TaxpayerView>(total, p, size, rows.Select(TaxpayerView.Of).ToList());
    }

    public static IQueryable<Taxpayer> SearchTaxpayers(AppDb db, int m, string? q)
    {
        var query = db.Taxpayers.AsNoTracking().Where(t => t.MunicipalityId == m);
        var key = SpellingFold.Fold(q);
        if (key.Length > 0)
        {
            // FIN and VÖEN are matched as typed (upper case), names and addresses spelling-tolerantly.
            var id = q!.Trim().ToUpperInvariant();
            query = query.Where(t => t.SearchKey.Contains(key) || t.PersonalId == id || (t.TaxId != null && t.TaxId.StartsWith(id)));
        }
        return query;
    }

    public static async Task<Taxpayer> TaxpayerAsync(AppDb db, int m, int id, CancellationToken ct) =>
        await db.Taxpayers.FirstOrDefaultAsync(t => t.Id == id && t.MunicipalityId == m, ct) ?? throw new NotFound("Taxpayer");

    public static async Task<TaxpayerView> CreateTaxpayerAsync(AppDb db, TaxActor actor, TaxpayerInput input, TimeProvider time, CancellationToken ct)
    {
        actor.RequireKeeper();
        var t = new Taxpayer { MunicipalityId = actor.MunicipalityId, Name = "", SearchKey = "", RegisteredOn = Clock.Today(time) };
        await ApplyAsync(db, t, input, ct);
        db.Taxpayers.Add(t);
        await SaveTaxpayerAsync(db, t, ct);
        return TaxpayerView.Of(t);
    }

    public static async Task<TaxpayerView> EditTaxpayerAsync(AppDb db, TaxActor actor, int id, TaxpayerInput input, CancellationToken ct)
    {
        actor.RequireKeeper();
        var t = await TaxpayerAsync(db, actor.MunicipalityId, id, ct);
        RequireVersion(input.Version);
        db.Entry(t).Property(x => x.Version).OriginalValue = input.Version!.Value;
        await ApplyAsync(db, t, input, ct);
        await SaveTaxpayerAsync(db, t, ct);
        return TaxpayerView.Of(t);
    }

    /// <summary>Two clerks registering the same person at once: the unique index decides, and the loser gets the 409 the check gives.</summary>
    private static async Task SaveTaxpayerAsync(AppDb db, Taxpayer t, CancellationToken ct)
    {
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException e) when (e is not DbUpdateConcurrencyException)
        {
            var field = t.PersonalId is not null ? "personalId" : "taxId";
            throw new InputError(field, new Text("Bu FİN və ya VÖEN ilə vergi ödəyicisi artıq qeydiyyatdadır", "A taxpayer with this FIN or VÖEN is already registered"),
                StatusCodes.Status409Conflict);
        }
    }

    /// <summary>LTP 5.2: a natural person by FIN (VÖEN too if an entrepreneur), a legal person by VÖEN; each once per municipality.</summary>
    private static async Task ApplyAsync(AppDb db, Taxpayer t, TaxpayerInput input, CancellationToken ct)
    {
        if (!Enum.IsDefined(input.Kind)) throw new InputError("kind", new Text("Vergi ödəyicisinin növü məlum deyil", "Unknown kind of taxpayer"));
        string? fin = null, voen = null;
        if (input.Kind == TaxpayerKind.NaturalPerson)
        {
            if (!PersonalId.TryParse(input.PersonalId, out var f, out var err))
                throw new InputError("personalId", new Text("FİN 7 latın hərfi və ya rəqəmdən ibarət olmalıdır", err));
            fin = f.Value;
        }
        else if (!string.IsNullOrWhiteSpace(input.PersonalId))
            throw new InputError("personalId", new Text("Hüquqi şəxsin FİN-i olmur: VÖEN yazın", "A legal person has no FIN: give the VÖEN"));
        if (input.Kind == TaxpayerKind.LegalPerson || !string.IsNullOrWhiteSpace(input.TaxId))
        {
            if (!TaxId.TryParse(input.TaxId, out var v, out var err))
                throw new InputError("taxId", new Text("VÖEN 10 rəqəmdən ibarət olmalıdır", err));
            voen = v.Value;
        }
        var name = Required(input.Name, "name", 300, new Text("Ad (soyad, ad, ata adı və ya təşkilatın adı) yazılmalıdır", "The name is required"));
        var email = Optional(input.Email, "email", 256);
        if (email is not null && (!email.Contains('@') || email.StartsWith('@') || email.EndsWith('@')))
            throw new InputError("email", new Text("E-poçt ünvanı düzgün deyil", "The e-mail address is not valid"));
        var m = t.MunicipalityId;
        if (fin is not null && await db.Taxpayers.AnyAsync(x => x.MunicipalityId == m && x.PersonalId == fin && x.Id != t.Id, ct))
            throw new InputError("personalId", new Text($"FİN {fin} olan vergi ödəyicisi bu bələdiyyədə artıq qeydiyyatdadır",
                $"A taxpayer with FIN {fin} is already registered in this municipality"), StatusCodes.Status409Conflict);
        if (voen is not null && await db.Taxpayers.AnyAsync(x => x.MunicipalityId == m && x.TaxId == voen && x.Id != t.Id, ct))
            throw new InputError("taxId", new Text($"VÖEN {voen} olan vergi ödəyicisi bu bələdiyyədə artıq qeydiyyatdadır",
                $"A taxpayer with VÖEN {voen} is already registered in this municipality"), StatusCodes.Status409Conflict);
        t.Kind = input.Kind;
        t.PersonalId = fin;
        t.TaxId = voen;
        t.Name = name;
        t.Address = Optional(input.Address, "address", 300);
        t.Phone = Optional(input.Phone, "phone", 30);
        t.Email = email;
        t.IsResident = input.IsResident;
        t.MunicipallyOwned = input.Kind == TaxpayerKind.LegalPerson && input.MunicipallyOwned;
        t.Note = Optional(input.Note, "note", 1000);
        t.SearchKey = Key(name, t.Address, fin, voen);
    }

    // ---------- objects ----------

    public static async Task<PageOf<PlotView>> PlotsAsync(AppDb db, int m, string? q, int? page, int? pageSize, CancellationToken ct)
    {
        var (p, size, skip) = TaxesApi.Paging(page, pageSize);
        var query = SearchPlots(db, m, q);
        var total = await query.CountAsync(ct);
        var rows = await query.OrderBy(x => x.Address).ThenBy(x => x.Id).Skip(skip).Take(size).ToListAsync(ct);
        var holders = await HoldersAsync(db, m, ObjectKind.LandPlot, rows.Select(r => r.Id).ToList(), ct);
        return new PageOf<PlotView>(total, p, size, rows.Select(r => ViewOf(r, holders.GetValueOrDefault(r.Id, ""))).ToList());
    }

    public static IQueryable<LandPlot> SearchPlots(AppDb db, int m, string? q)
    {
        var query = db.LandPlots.AsNoTracking().Where(x => x.MunicipalityId == m);
        var key = SpellingFold.Fold(q);
        return key.Length == 0 ? query : query.Where(x => x.SearchKey.Contains(key) || x.CadastralNumber == q!.Trim() || HolderKeys(db, ObjectKind.LandPlot, key).Contains(x.Id));
    }

    public static async Task<PageOf<BuildingView>> BuildingsAsync(AppDb db, int m, string? q, int? page, int? pageSize, CancellationToken ct)
    {
        var (p, size, skip) = TaxesApi.Paging(page, pageSize);
        var query = SearchBuildings(db, m, q);
        var total = await query.CountAsync(ct);
        var rows = await query.OrderBy(x => x.Address).ThenBy(x => x.Id).Skip(skip).Take(size).ToListAsync(ct);
        var holders = await HoldersAsync(db, m, ObjectKind.Building, rows.Select(r => r.Id).ToList(), ct);
        return new PageOf<BuildingView>(total, p, size, rows.Select(r => ViewOf(r, holders.GetValueOrDefault(r.Id, ""))).ToList());
    }

    public static IQueryable<Building> SearchBuildings(AppDb db, int m, string? q)
    {
        var query = db.Buildings.AsNoTracking().Where(x => x.MunicipalityId == m);
        var key = SpellingFold.Fold(q);
        return key.Length == 0 ? query : query.Where(x => x.SearchKey.Contains(key) || HolderKeys(db, ObjectKind.Building, key).Contains(x.Id));
    }

    public static async Task<PageOf<VehicleView>> VehiclesAsync(AppDb db, int m, string? q, int? page, int? pageSize, CancellationToken ct)
    {
        var (p, size, skip) = TaxesApi.Paging(page, pageSize);
        var query = SearchVehicles(db, m, q);
        var total = await query.CountAsync(ct);
        var rows = await query.OrderBy(x => x.RegistrationNumber).ThenBy(x => x.Id).Skip(skip).Take(size).ToListAsync(ct);
        var holders = await HoldersAsync(db, m, ObjectKind.Vehicle, rows.Select(r => r.Id).ToList(), ct);
        return new PageOf<VehicleView>(total, p, size, rows.Select(r => ViewOf(r, holders.GetValueOrDefault(r.Id, ""))).ToList());
    }

    public static IQueryable<Vehicle> SearchVehicles(AppDb db, int m, string? q)
    {
        var query = db.Vehicles.AsNoTracking().Where(x => x.MunicipalityId == m);
        var key = SpellingFold.Fold(q);
        return key.Length == 0 ? query : query.Where(x => x.SearchKey.Contains(key) || HolderKeys(db, ObjectKind.Vehicle, key).Contains(x.Id));
    }

    /// <summary>Objects found by their holder's name, FIN or VÖEN.</summary>
    private static IQueryable<int> HolderKeys(AppDb db, ObjectKind kind, string key) =>
        from h in db.ObjectHoldings
        join t in db.Taxpayers on h.TaxpayerId equals t.Id
        where h.ObjectKind == kind && t.SearchKey.Contains(key)
        select h.ObjectId;

    public static async Task<PlotView> PlotAsync(AppDb db, int m, int id, CancellationToken ct)
    {
        var p = await db.LandPlots.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id && x.MunicipalityId == m, ct) ?? throw new NotFound("Land plot");
        return ViewOf(p, (await HoldersAsync(db, m, ObjectKind.LandPlot, [id], ct)).GetValueOrDefault(id, ""));
    }

    public static async Task<BuildingView> BuildingAsync(AppDb db, int m, int id, CancellationToken ct)
    {
        var b = await db.Buildings.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id && x.MunicipalityId == m, ct) ?? throw new NotFound("Building");
        return ViewOf(b, (await HoldersAsync(db, m, ObjectKind.Building, [id], ct)).GetValueOrDefault(id, ""));
    }

    public static async Task<VehicleView> VehicleAsync(AppDb db, int m, int id, CancellationToken ct)
    {
        var v = await db.Vehicles.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id && x.MunicipalityId == m, ct) ?? throw new NotFound("Vehicle");
        return ViewOf(v, (await HoldersAsync(db, m, ObjectKind.Vehicle, [id], ct)).GetValueOrDefault(id, ""));
    }

    public static async Task<PlotView> SavePlotAsync(AppDb db, TaxActor actor, int? id, PlotInput input, TimeProvider time, CancellationToken ct)
    {
        actor.RequireKeeper();
        var m = actor.MunicipalityId;
        LandPlot p;
        if (id is { } existing)
        {
            p = await db.LandPlots.FirstOrDefaultAsync(x => x.Id == existing && x.MunicipalityId == m, ct) ?? throw new NotFound("Land plot");
            RequireVersion(input.Version);
            db.Entry(p).Property(x => x.Version).OriginalValue = input.Version!.Value;
        }
        else p = new LandPlot { MunicipalityId = m, Address = "", SearchKey = "" };
        var address = Required(input.Address, "address", 300, new Text("Sahənin ünvanı yazılmalıdır", "The plot's address is required"));
        RequirePositive(input.AreaSqm, "areaSqm", new Text("Sahə (m²) müsbət olmalıdır (LML 18.10: sənəddəki sahə)", "The area (m²) must be positive (LML 18.10: as in the title)"));
        if (!Enum.IsDefined(input.Category)) throw new InputError("category", new Text("Torpağın kateqoriyası məlum deyil", "Unknown land category"));
        if (!Enum.IsDefined(input.Exemption)) throw new InputError("exemption", new Text("Güzəşt növü məlum deyil", "Unknown exemption"));
        var points = input.ScorePoints;
        if (input.Category == LandCategory.Agricultural)
        {
            // LML 18.5: agricultural land is taxed per conditional score point per hectare: without the points it cannot be assessed.
            if (points is not > 0)
                throw new LegalRuleViolation(new(Acts.LML, "18.5"), "scorePoints",
                    "Kənd təsərrüfatı torpağı üçün 1 hektarın şərti bal ilə qiyməti yazılmalıdır",
                    "Agricultural land needs its conditional score points per hectare");
            if (points > 1000) throw new InputError("scorePoints", new Text("Bal 1000-dən çox ola bilməz", "Score points above 1000 are not plausible"));
        }
        else if (points is not null)
            throw new LegalRuleViolation(new(Acts.LML, "18.5"), "scorePoints",
                "Şərti bal yalnız kənd təsərrüfatı torpağı üçün yazılır; digər torpaqlar 100 m²-ə görə vergiyə cəlb olunur (LML 18.7)",
                "Score points are only for agricultural land; other land is taxed per 100 m² (LML 18.7)");
        var group = Input.Blank(input.SettlementGroup)?.ToLowerInvariant();
        if (group is not null && RateClasses.SettlementGroups.All(g => g.Code != group))
            throw new InputError("settlementGroup", new Text("Yaşayış məntəqəsi qrupu: " + string.Join(", ", RateClasses.SettlementGroups.Select(g => g.Code)),
                "Settlement group: " + string.Join(", ", RateClasses.SettlementGroups.Select(g => g.Code))));
        if (input.Category == LandCategory.Agricultural) group = null;
        if (input.Exemption == LandExemption.PublicUseOfSettlement && input.Category != LandCategory.PublicUse)
            throw new LegalRuleViolation(new(Acts.LML, "18.8.1"), "exemption",
                "Bu güzəşt yalnız yaşayış məntəqələrinin ümumi istifadədə olan torpaqlarına aiddir",
                "This exemption is only for public-use land of settlements");
        var cadastral = Optional(input.CadastralNumber, "cadastralNumber", 50);
        if (cadastral is not null && await db.LandPlots.AnyAsync(x => x.MunicipalityId == m && x.CadastralNumber == cadastral && x.Id != p.Id, ct))
            throw new InputError("cadastralNumber", new Text($"Kadastr nömrəsi {cadastral} olan sahə artıq reyestrdədir",
                $"A plot with cadastral number {cadastral} is already registered"), StatusCodes.Status409Conflict);
        p.CadastralNumber = cadastral;
        p.Address = address;
        p.AreaSqm = input.AreaSqm;
        p.Category = input.Category;
        p.Purpose = Optional(input.Purpose, "purpose", 200);
        p.ScorePoints = points;
        p.SettlementGroup = group;
        p.Exemption = input.Exemption;
        p.ApportionByBuildingArea = input.ApportionByBuildingArea;
        p.RetiredOn = input.RetiredOn;
        p.SearchKey = Key(address, cadastral, p.Purpose);
        await SaveWithHolderAsync(db, actor, p, ObjectKind.LandPlot, () => p.Id, id is null ? input.Holder : null, time, ct);
        return await PlotAsync(db, m, p.Id, ct);
    }

    public static async Task<BuildingView> SaveBuildingAsync(AppDb db, TaxActor actor, int? id, BuildingInput input, TimeProvider time, CancellationToken ct)
    {
        actor.RequireKeeper();
        var m = actor.MunicipalityId;
        Building b;
        if (id is { } existing)
        {
            b = await db.Buildings.FirstOrDefaultAsync(x => x.Id == existing && x.MunicipalityId == m, ct) ?? throw new NotFound("Building");
            RequireVersion(input.Version);
            db.Entry(b).Property(x => x.Version).OriginalValue = input.Version!.Value;
        }
        else b = new Building { MunicipalityId = m, Address = "", SearchKey = "" };
        var address = Required(input.Address, "address", 300, new Text("Binanın ünvanı yazılmalıdır", "The building's address is required"));
        RequirePositive(input.AreaSqm, "areaSqm", new Text("Sahə (m²) müsbət olmalıdır", "The area (m²) must be positive"));
        if (input.Value < 0) throw new InputError("value", new Text("Dəyər mənfi ola bilməz", "The value cannot be negative"));
        if (decimal.Round(input.Value, 2) != input.Value) throw new InputError("value", new Text("Dəyər qəpiyə qədər yazılır", "The value is in manat with at most two decimals"));
        if (!Enum.IsDefined(input.ValuationSource)) throw new InputError("valuationSource", new Text("Qiymətləndirmə mənbəyi məlum deyil", "Unknown valuation source"));
        var today = Clock.Today(time);
        if (input.ValuedOn > today) throw new InputError("valuedOn", new Text("Qiymətləndirmə tarixi gələcəkdə ola bilməz", "The valuation day cannot be in the future"));
        var appraiser = Optional(input.Appraiser, "appraiser", 200);
        var report = Optional(input.AppraisalReport, "appraisalReport", 200);
        if (input.ValuationSource == ValuationSource.IndependentAppraisal)
        {
            // LTP 5.4: the owner's independent professional appraisal: who appraised, the report and its day.
            if (appraiser is null)
                throw new LegalRuleViolation(new(Acts.LTP, "5.4"), "appraiser", "Müstəqil peşəkar qiymətləndiricinin adı yazılmalıdır",
                    "The independent professional appraiser is required");
            if (report is null)
                throw new LegalRuleViolation(new(Acts.LTP, "5.4"), "appraisalReport", "Qiymətləndirmə hesabatı (nömrəsi və tarixi) yazılmalıdır",
                    "The appraisal report (number and date) is required");
            if (input.ValuedOn is null)
                throw new LegalRuleViolation(new(Acts.LTP, "5.4"), "valuedOn", "Müstəqil qiymətləndirmənin tarixi yazılmalıdır", "The appraisal's day is required");
        }
        else if (id is not null && b.ValuationSource == ValuationSource.MunicipalValuation && input.ValuedOn is { } on && on != b.ValuedOn)
        {
            // LTP 5.3: a new municipal valuation of the building not earlier than the municipality's 3-5 year interval after the last.
            var cycle = await db.TaxSettings.Where(s => s.MunicipalityId == m).Select(s => (int?)s.RevaluationCycleYears).FirstOrDefaultAsync(ct) ?? 3;
            Valuation.RequireInterval(b.ValuedOn, on, cycle);
        }
        if (input.PlotId is { } plotId && !await db.LandPlots.AnyAsync(x => x.Id == plotId && x.MunicipalityId == m, ct))
            throw new InputError("plotId", new Text("Belə torpaq sahəsi bu bələdiyyənin reyestrində yoxdur", "No such plot in this municipality's register"));
        b.Address = address;
        b.Description = Optional(input.Description, "description", 300);
        b.AreaSqm = input.AreaSqm;
        b.Value = input.Value;
        b.ValuationSource = input.ValuationSource;
        b.ValuedOn = input.ValuedOn;
        b.Appraiser = input.ValuationSource == ValuationSource.IndependentAppraisal ? appraiser : null;
        b.AppraisalReport = input.ValuationSource == ValuationSource.IndependentAppraisal ? report : null;
        b.PlotId = input.PlotId;
        b.RetiredOn = input.RetiredOn;
        b.SearchKey = Key(address, b.Description);
        await SaveWithHolderAsync(db, actor, b, ObjectKind.Building, () => b.Id, id is null ? input.Holder : null, time, ct);
        return await BuildingAsync(db, m, b.Id, ct);
    }

    public static async Task<VehicleView> SaveVehicleAsync(AppDb db, TaxActor actor, int? id, VehicleInput input, TimeProvider time, CancellationToken ct)
    {
        actor.RequireKeeper();
        var m = actor.MunicipalityId;
        Vehicle v;
        if (id is { } existing)
        {
            v = await db.Vehicles.FirstOrDefaultAsync(x => x.Id == existing && x.MunicipalityId == m, ct) ?? throw new NotFound("Vehicle");
            RequireVersion(input.Version);
            db.Entry(v).Property(x => x.Version).OriginalValue = input.Version!.Value;
        }
        else v = new Vehicle { MunicipalityId = m, RegistrationNumber = "", SearchKey = "" };
        if (!Enum.IsDefined(input.Kind)) throw new InputError("kind", new Text("Nəqliyyat vasitəsinin növü məlum deyil (LTP 5.1)", "Unknown kind of vehicle (LTP 5.1)"));
        var number = Required(input.RegistrationNumber, "registrationNumber", 30, new Text("Qeydiyyat nömrəsi yazılmalıdır", "The registration number is required"))
            .ToUpperInvariant();
        if (input.EngineCc < 0 || input.EngineCc > 100_000)
            throw new InputError("engineCc", new Text("Mühərrikin həcmi 0-100 000 sm³ olmalıdır", "The engine capacity must be 0-100,000 cm³"));
        if (input.Kind == VehicleKind.Automobile && input.EngineCc == 0)
            throw new InputError("engineCc", new Text("Avtomobilin mühərrikinin həcmi (sm³) yazılmalıdır: vergi ona görə hesablanır", "An automobile's engine capacity (cm³) is required: the tax is computed on it"));
        if (await db.Vehicles.AnyAsync(x => x.MunicipalityId == m && x.RegistrationNumber == number && x.RetiredOn == null && x.Id != v.Id, ct))
            throw new InputError("registrationNumber", new Text($"{number} nömrəli nəqliyyat vasitəsi artıq reyestrdədir", $"A vehicle numbered {number} is already registered"),
                StatusCodes.Status409Conflict);
        v.Kind = input.Kind;
        v.RegistrationNumber = number;
        v.Description = Optional(input.Description, "description", 300);
        v.EngineCc = input.EngineCc;
        v.RetiredOn = input.RetiredOn;
        v.SearchKey = Key(number, v.Description);
        await SaveWithHolderAsync(db, actor, v, ObjectKind.Vehicle, () => v.Id, id is null ? input.Holder : null, time, ct);
        return await VehicleAsync(db, m, v.Id, ct);
    }

    /// <summary>Saves a new or edited object, and the holder of a new one, in one transaction.</summary>
    private static async Task SaveWithHolderAsync(AppDb db, TaxActor actor, object entity, ObjectKind kind, Func<int> idOf, NewHolder? holder, TimeProvider time,
        CancellationToken ct)
    {
        var isNew = db.Entry(entity).State == EntityState.Detached;
        if (holder is null)
        {
            if (isNew) db.Add(entity);
            await db.SaveChangesAsync(ct);
            return;
        }
        // The holder is checked before anything is written, then the object and its holding go in together.
        var h = new ObjectHolding { MunicipalityId = actor.MunicipalityId };
        var input = new HoldingInput(holder.TaxpayerId, kind, 0, holder.Share, holder.Right, holder.From, null, holder.TitleDocument, holder.TitleReceivedOn,
            holder.RegisteredOn);
        await ApplyHoldingAsync(db, h, input, time, ct, objectIsNew: true);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Add(entity);
        await db.SaveChangesAsync(ct);
        h.ObjectId = idOf();
        db.ObjectHoldings.Add(h);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    // ---------- holdings ----------

    public static async Task<IReadOnlyList<HoldingView>> HoldingsAsync(AppDb db, int m, int? taxpayerId, ObjectKind? kind, int? objectId, TimeProvider time,
        CancellationToken ct)
    {
        var query = db.ObjectHoldings.AsNoTracking().Where(h => h.MunicipalityId == m);
        if (taxpayerId is { } t) query = query.Where(h => h.TaxpayerId == t);
        if (kind is { } k) query = query.Where(h => h.ObjectKind == k);
        if (objectId is { } o) query = query.Where(h => h.ObjectId == o);
        var rows = await query.OrderBy(h => h.ObjectKind).ThenBy(h => h.ObjectId).ThenBy(h => h.From).Take(2000).ToListAsync(ct);
        return await ViewsAsync(db, m, rows, time, ct);
    }

    public static async Task<HoldingView> HoldingAsync(AppDb db, int m, int id, TimeProvider time, CancellationToken ct)
    {
        var h = await db.ObjectHoldings.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id && x.MunicipalityId == m, ct) ?? throw new NotFound("Holding");
        return (await ViewsAsync(db, m, [h], time, ct))[0];
    }

    public static async Task<HoldingView> SaveHoldingAsync(AppDb db, TaxActor actor, int? id, HoldingInput input, TimeProvider time, CancellationToken ct)
    {
        actor.RequireKeeper();
        var m = actor.MunicipalityId;
        ObjectHolding h;
        if (id is { } existing)
        {
            h = await db.ObjectHoldings.FirstOrDefaultAsync(x => x.Id == existing && x.MunicipalityId == m, ct) ?? throw new NotFound("Holding");
            RequireVersion(input.Version);
            db.Entry(h).Property(x => x.Version).OriginalValue = input.Version!.Value;
        }
        else
        {
            h = new ObjectHolding { MunicipalityId = m };
            db.ObjectHoldings.Add(h);
        }
        await ApplyHoldingAsync(db, h, input, time, ct, objectIsNew: false);
        await db.SaveChangesAsync(ct);
        return await HoldingAsync(db, m, h.Id, time, ct);
    }

    private static async Task ApplyHoldingAsync(AppDb db, ObjectHolding h, HoldingInput input, TimeProvider time, CancellationToken ct, bool objectIsNew)
    {
        var m = h.MunicipalityId;
        if (!await db.Taxpayers.AnyAsync(t => t.Id == input.TaxpayerId && t.MunicipalityId == m, ct))
            throw new InputError("taxpayerId", new Text("Belə vergi ödəyicisi bu bələdiyyənin reyestrində yoxdur", "No such taxpayer in this municipality's register"));
        if (!Enum.IsDefined(input.ObjectKind)) throw new InputError("objectKind", new Text("Obyektin növü məlum deyil", "Unknown kind of object"));
        if (!Enum.IsDefined(input.Right)) throw new InputError("right", new Text("Hüququn növü məlum deyil", "Unknown kind of right"));
        if (!objectIsNew && !await ObjectExistsAsync(db, m, input.ObjectKind, input.ObjectId, ct))
            throw new InputError("objectId", new Text("Belə obyekt bu bələdiyyənin reyestrində yoxdur", "No such object in this municipality's register"));
        if (!Share.TryParse(input.Share, out var share))
            throw new InputError("share", new Text("Pay 0-dan böyük və 1-dən çox olmayan kəsrdir: 1/2, 50% və ya 0,5", "A share is a fraction above 0 and at most 1: 1/2, 50% or 0.5"));
        var today = Clock.Today(time);
        var registered = input.RegisteredOn ?? (h.Id == 0 ? today : h.RegisteredOn);
        if (registered > today) throw new InputError("registeredOn", new Text("Qeydiyyat tarixi gələcəkdə ola bilməz", "The registration day cannot be in the future"));
        if (input.TitleReceivedOn is { } title)
        {
            if (title > today) throw new InputError("titleReceivedOn", new Text("Sənədin alındığı tarix gələcəkdə ola bilməz", "The title day cannot be in the future"));
            if (title > registered)
                throw new InputError("titleReceivedOn", new Text("Hüquq sənədi qeydiyyatdan sonra alına bilməz (LML 18.3)", "The title documents cannot be received after the registration (LML 18.3)"));
        }
        var from = input.From ?? input.TitleReceivedOn ?? registered;
        if (input.To is { } to && to <= from) throw new InputError("to", new Text("Hüququn bitmə tarixi başlanğıcdan sonra olmalıdır", "The right must end after it began"));
        if (input.Right != HoldingRight.Lease && !objectIsNew)
        {
            // The shares of one object held at the same time add up to at most the whole object. Sums only grow where a
            // holding begins, so the days to check are this holding's start and the starts of others within its period.
            var others = await db.ObjectHoldings.AsNoTracking()
                .Where(x => x.MunicipalityId == m && x.ObjectKind == input.ObjectKind && x.ObjectId == input.ObjectId && x.Id != h.Id && x.Right != HoldingRight.Lease)
                .Select(x => new { x.From, x.To, x.ShareNumerator, x.ShareDenominator }).ToListAsync(ct);
            var days = others.Select(o => o.From).Where(d => d > from && (input.To is null || d < input.To)).Append(from);
            foreach (var day in days)
            {
                var (n, d) = ((long)share.Numerator, (long)share.Denominator);
                foreach (var o in others.Where(o => o.From <= day && (o.To is null || o.To > day)))
                    (n, d) = Add(n, d, o.ShareNumerator, o.ShareDenominator);
                if (n > d)
                    throw new InputError("share", new Text(
                        $"Bir obyektin eyni vaxtda olan paylarının cəmi 1-dən çox ola bilməz: {Fmt.Date(day)} tarixində {n}/{d} olardı",
                        $"The shares of one object held at the same time cannot add up to more than 1: on {Fmt.Date(day)} they would be {n}/{d}"));
            }
        }
        h.TaxpayerId = input.TaxpayerId;
        h.ObjectKind = input.ObjectKind;
        h.ObjectId = input.ObjectId;
        h.Right = input.Right;
        h.ShareNumerator = share.Numerator;
        h.ShareDenominator = share.Denominator;
        h.From = from;
        h.To = input.To;
        h.TitleDocument = Optional(input.TitleDocument, "titleDocument", 200);
        h.TitleReceivedOn = input.TitleReceivedOn;
        h.RegisteredOn = registered;
    }

    private static (long N, long D) Add(long n, long d, long n2, long d2)
    {
        var num = n * d2 + n2 * d;
        var den = d * d2;
        var g = (long)System.Numerics.BigInteger.GreatestCommonDivisor(num, den);
        return (num / g, den / g);
    }

    private static Task<bool> ObjectExistsAsync(AppDb db, int m, ObjectKind kind, int id, CancellationToken ct) => kind switch
    {
        ObjectKind.LandPlot => db.LandPlots.AnyAsync(x => x.Id == id && x.MunicipalityId == m, ct),
        ObjectKind.Building => db.Buildings.AnyAsync(x => x.Id == id && x.MunicipalityId == m, ct),
        _ => db.Vehicles.AnyAsync(x => x.Id == id && x.MunicipalityId == m, ct),
    };

    // ---------- LML 18.3 late registrations ----------

    /// <summary>
    /// LML 18.3: holdings registered more than a month after their title documents were received. The deadline is the
    /// calendar's (a month later, moved to the next working day), so it is computed here, not in SQL.
    /// </summary>
    public static async Task<PageOf<HoldingView>> LateAsync(AppDb db, int m, string? q, int? page, int? pageSize, TimeProvider time, CancellationToken ct)
    {
        var (p, size, skip) = TaxesApi.Paging(page, pageSize);
        var late = await LateIdsAsync(db, m, q, time, ct);
        var ids = late.Skip(skip).Take(size).ToList();
        var rows = await db.ObjectHoldings.AsNoTracking().Where(h => ids.Contains(h.Id)).ToListAsync(ct);
        var views = await ViewsAsync(db, m, rows, time, ct);
        return new PageOf<HoldingView>(late.Count, p, size, ids.Select(id => views.Single(v => v.Id == id)).ToList());
    }

    public static async Task<List<int>> LateIdsAsync(AppDb db, int m, string? q, TimeProvider time, CancellationToken ct)
    {
        var query = db.ObjectHoldings.AsNoTracking().Where(h => h.MunicipalityId == m && h.TitleReceivedOn != null);
        var key = SpellingFold.Fold(q);
        if (key.Length > 0)
        {
            var id = q!.Trim().ToUpperInvariant();
            var payers = db.Taxpayers.Where(t => t.MunicipalityId == m && (t.SearchKey.Contains(key) || t.PersonalId == id || t.TaxId == id)).Select(t => t.Id);
            query = query.Where(h => payers.Contains(h.TaxpayerId));
        }
        var candidates = await query.Select(h => new { h.Id, Title = h.TitleReceivedOn!.Value, h.RegisteredOn }).ToListAsync(ct);
        if (candidates.Count == 0) return [];
        var today = Clock.Today(time);
        var calendar = await CalendarAsync(db, candidates.Min(c => c.Title), today, ct);
        return candidates.Where(c => TaxCalendar.IsLateRegistration(calendar, c.Title, c.RegisteredOn, today))
            .OrderBy(c => c.RegisteredOn).ThenBy(c => c.Id).Select(c => c.Id).ToList();
    }

    private static Task<WorkingCalendar> CalendarAsync(AppDb db, DateOnly from, DateOnly today, CancellationToken ct) =>
        WorkingCalendars.LoadAsync(db, Math.Max(from.Year, today.Year - 60), today.Year + 1, ct);

    private static async Task<IReadOnlyList<HoldingView>> ViewsAsync(AppDb db, int m, IReadOnlyList<ObjectHolding> rows, TimeProvider time, CancellationToken ct)
    {
        if (rows.Count == 0) return [];
        var payerIds = rows.Select(r => r.TaxpayerId).Distinct().ToList();
        var names = await db.Taxpayers.AsNoTracking().Where(t => t.MunicipalityId == m && payerIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, t => t.Name, ct);
        var labels = await LabelsAsync(db, m, rows.Select(r => (r.ObjectKind, r.ObjectId)).ToList(), ct);
        var today = Clock.Today(time);
        var titles = rows.Where(r => r.TitleReceivedOn is not null).Select(r => r.TitleReceivedOn!.Value).ToList();
        var calendar = titles.Count > 0 ? await CalendarAsync(db, titles.Min(), today, ct) : null;
        return rows.Select(h =>
        {
            DateOnly? by = h.TitleReceivedOn is { } t && calendar is not null ? TaxCalendar.RegisterBy(calendar, t).Due : null;
            var late = h.TitleReceivedOn is { } t2 && calendar is not null && TaxCalendar.IsLateRegistration(calendar, t2, h.RegisteredOn, today);
            return new HoldingView(h.Id, h.TaxpayerId, names.GetValueOrDefault(h.TaxpayerId, "—"), h.ObjectKind, h.ObjectId,
                labels.GetValueOrDefault((h.ObjectKind, h.ObjectId), "—"), h.Right, $"{h.ShareNumerator}/{h.ShareDenominator}", h.From, h.To, h.TitleDocument,
                h.TitleReceivedOn, h.RegisteredOn, by, late, h.Version);
        }).ToList();
    }

    /// <summary>How an object is named in lists: the plot's address and area, the building's address, the vehicle's number.</summary>
    public static async Task<Dictionary<(ObjectKind, int), string>> LabelsAsync(AppDb db, int m, IReadOnlyCollection<(ObjectKind Kind, int Id)> keys, CancellationToken ct)
    {
        var result = new Dictionary<(ObjectKind, int), string>();
        var plots = keys.Where(k => k.Kind == ObjectKind.LandPlot).Select(k => k.Id).Distinct().ToList();
        var buildings = keys.Where(k => k.Kind == ObjectKind.Building).Select(k => k.Id).Distinct().ToList();
        var vehicles = keys.Where(k => k.Kind == ObjectKind.Vehicle).Select(k => k.Id).Distinct().ToList();
        if (plots.Count > 0)
            foreach (var p in await db.LandPlots.AsNoTracking().Where(x => x.MunicipalityId == m && plots.Contains(x.Id)).Select(x => new { x.Id, x.Address, x.AreaSqm, x.CadastralNumber }).ToListAsync(ct))
                result[(ObjectKind.LandPlot, p.Id)] = $"{p.Address}, {p.AreaSqm:0.##} m²" + (p.CadastralNumber is null ? "" : $" ({p.CadastralNumber})");
        if (buildings.Count > 0)
            foreach (var b in await db.Buildings.AsNoTracking().Where(x => x.MunicipalityId == m && buildings.Contains(x.Id)).Select(x => new { x.Id, x.Address, x.AreaSqm }).ToListAsync(ct))
                result[(ObjectKind.Building, b.Id)] = $"{b.Address}, {b.AreaSqm:0.##} m²";
        if (vehicles.Count > 0)
            foreach (var v in await db.Vehicles.AsNoTracking().Where(x => x.MunicipalityId == m && vehicles.Contains(x.Id)).Select(x => new { x.Id, x.RegistrationNumber, x.Description }).ToListAsync(ct))
                result[(ObjectKind.Vehicle, v.Id)] = v.RegistrationNumber + (v.Description is null ? "" : $" — {v.Description}");
        return result;
    }

    /// <summary>"Name (1/2); Name (1/2)" of the current holders of each object.</summary>
    private static async Task<Dictionary<int, string>> HoldersAsync(AppDb db, int m, ObjectKind kind, List<int> ids, CancellationToken ct)
    {
        if (ids.Count == 0) return [];
        var rows = await (from h in db.ObjectHoldings.AsNoTracking()
                          join t in db.Taxpayers.AsNoTracking() on h.TaxpayerId equals t.Id
                          where h.MunicipalityId == m && h.ObjectKind == kind && ids.Contains(h.ObjectId) && h.To == null
                          orderby t.Name
                          select new { h.ObjectId, t.Name, h.ShareNumerator, h.ShareDenominator }).ToListAsync(ct);
        return rows.GroupBy(r => r.ObjectId).ToDictionary(g => g.Key, g => string.Join("; ", g.Select(r => $"{r.Name} ({r.ShareNumerator}/{r.ShareDenominator})")));
    }

    // ---------- the taxpayer's account ----------

    public static async Task<TaxpayerDetail> DetailAsync(AppDb db, int m, int id, TimeProvider time, CancellationToken ct)
    {
        var t = await db.Taxpayers.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id && x.MunicipalityId == m, ct) ?? throw new NotFound("Taxpayer");
        var holdings = await HoldingsAsync(db, m, id, null, null, time, ct);
        return new TaxpayerDetail(TaxpayerView.Of(t), holdings, await AccountAsync(db, m, id, time, ct));
    }

    public static async Task<AccountView> AccountAsync(AppDb db, int m, int id, TimeProvider time, CancellationToken ct)
    {
        var today = Clock.Today(time);
        var rules = await Ledger.Rules.LoadAsync(db, today, ct);
        var position = await Ledger.PositionAsync(db, id, today, rules, Text.Lang, ct);
        var charges = await db.TaxCharges.AsNoTracking().Where(c => c.MunicipalityId == m && c.TaxpayerId == id)
            .OrderBy(c => c.Year).ThenBy(c => c.DueOn).ThenBy(c => c.Id).Take(1000).ToListAsync(ct);
        var payments = position.Payments.OrderByDescending(p => p.PaidOn).ThenByDescending(p => p.Id)
            .Select(p => new PaymentRow(p.Id, p.PaidOn, p.Amount.Amount, p.Allocated.Amount, p.Channel, p.Reference, p.Status)).ToList();
        // The explanation of the current notices (LML 18.11; TAX-REG 3.2.1): each line's base, rate, decision, share and months.
        var notices = await db.PaymentNotices.AsNoTracking().Where(n => n.MunicipalityId == m && n.TaxpayerId == id && n.IsCurrent)
            .OrderByDescending(n => n.Year).Take(5).Select(n => new { n.Id, n.Year, n.Number }).ToListAsync(ct);
        var noticeIds = notices.Select(n => n.Id).ToList();
        var lines = noticeIds.Count == 0 ? [] : await db.AssessmentLines.AsNoTracking().Where(l => l.MunicipalityId == m && noticeIds.Contains(l.NoticeId))
            .OrderBy(l => l.NoticeId).ThenBy(l => l.Id).ToListAsync(ct);
        var lineRows = lines.Select(l =>
        {
            var n = notices.Single(x => x.Id == l.NoticeId);
            return new LineRow(n.Year, n.Id, n.Number, l.Tax, l.ObjectLabel, l.RateClass, l.BaseValue, l.Unit, l.Rate, l.Decision, l.WeightText, l.WeightNote,
                l.Months, l.GrossQepik / 100m, l.ReliefQepik / 100m, l.NetQepik / 100m, l.ReliefNote, l.Citation, l.Outcome);
        }).OrderByDescending(l => l.Year).ToList();
        var paid = position.Items.Aggregate(Money.Zero, (s, i) => s + i.Paid);
        return new AccountView(today, position.Outstanding.Amount, paid.Amount, position.Overdue.Amount, position.Credit.Amount, position.AccruedInterest.Amount,
            position.TotalToPay.Amount, position.Items,
            charges.Select(c =>
            {
                var name = LocalTaxes.Name(c.Tax);
                return new ChargeRow(c.Id, c.Tax, Text.English ? name.En : name.Az, c.Year, c.Period, c.Instalment, c.DueOn, c.AmountQepik / 100m, c.Kind, c.Note);
            }).ToList(),
            payments, lineRows);
    }

    // ---------- helpers ----------

    public static PlotView ViewOf(LandPlot p, string holders) => new(p.Id, p.CadastralNumber, p.Address, p.AreaSqm, p.Category, p.Purpose, p.ScorePoints,
        p.SettlementGroup, RateClasses.ForPlot(p.Category, p.SettlementGroup), p.Exemption, p.ApportionByBuildingArea, p.RetiredOn, holders, p.Version);

    public static BuildingView ViewOf(Building b, string holders) => new(b.Id, b.PlotId, b.Address, b.Description, b.AreaSqm, b.Value, b.ValuationSource,
        b.ValuedOn, b.Appraiser, b.AppraisalReport, b.RetiredOn, holders, b.Version);

    public static VehicleView ViewOf(Vehicle v, string holders) => new(v.Id, v.Kind, v.RegistrationNumber, v.Description, v.EngineCc, v.RetiredOn, holders, v.Version);

    private static void RequireVersion(long? version)
    {
        if (version is null) throw new InputError("version", new Text("Oxunmuş versiya göndərilməlidir", "Send the version you read"));
    }

    private static void RequirePositive(decimal v, string field, Text message)
    {
        if (v <= 0 || v > 1_000_000_000_000m) throw new InputError(field, message);
    }

    private static string Required(string? s, string field, int max, Text message) =>
        Optional(s, field, max) ?? throw new InputError(field, message);

    private static string? Optional(string? s, string field, int max)
    {
        var v = Input.Blank(s);
        if (v is not null && v.Length > max) throw new InputError(field, new Text($"Ən çox {max} simvol", $"At most {max} characters"));
        return v;
    }

    private static string Key(params string?[] parts)
    {
        var key = string.Join(" ", parts.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => SpellingFold.Fold(p)));
        return key.Length > 400 ? key[..400] : key;
    }
}
