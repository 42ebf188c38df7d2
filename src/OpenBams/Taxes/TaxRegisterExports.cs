using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OpenBams.Lands;
using OpenBams.Law.Taxes;
using OpenBams.Platform.Data;
using OpenBams.Platform.Export;
using OpenBams.Platform.Localization;

namespace OpenBams.Taxes;

/// <summary>The names of the register's kinds in Azerbaijani and English, for pages and exports.</summary>
public static class RegisterLabels
{
    public static Text Kind(TaxpayerKind k) => k == TaxpayerKind.LegalPerson ? new("Hüquqi şəxs", "Legal person") : new("Fiziki şəxs", "Natural person");

    public static Text Category(LandCategory c) => c switch
    {
        LandCategory.Agricultural => new("Kənd təsərrüfatı təyinatlı", "Agricultural"),
        LandCategory.Residential => new("Yaşayış fondu və həyətyanı", "Housing and household"),
        LandCategory.NonResidential => new("Sənaye, tikinti, nəqliyyat, ticarət və xüsusi təyinatlı", "Industry, construction, transport, trade, special purpose"),
        LandCategory.ForestFund => new("Meşə fondu", "Forest fund"),
        LandCategory.WaterFund => new("Su fondu", "Water fund"),
        _ => new("Yaşayış məntəqəsinin ümumi istifadədə olan torpağı", "Public-use land of a settlement"),
    };

    public static Text Exemption(LandExemption e) => e switch
    {
        LandExemption.None => new("Yoxdur", "None"),
        LandExemption.PublicUseOfSettlement => new("LML 18.8.1: ümumi istifadədə olan torpaq", "LML 18.8.1: public-use land"),
        LandExemption.MunicipalOwnedOrUsed => new("LML 18.8.2: bələdiyyənin mülkiyyətində və ya istifadəsində", "LML 18.8.2: owned or used by the municipality"),
        _ => new("LML 18.8.3: istehsalda istifadə olunmayan meşə, su və digər torpaq", "LML 18.8.3: forest, water and other land not used in production"),
    };

    public static Text Vehicle(VehicleKind k) => TaxParameters.VehicleName(k) is var (az, en) ? new(az, en) : new("", "");

    public static Text Valuation(ValuationSource s) => s == ValuationSource.IndependentAppraisal
        ? new("Müstəqil qiymətləndirmə (LTP 5.4)", "Independent appraisal (LTP 5.4)")
        : new("Bələdiyyənin qiymətləndirməsi (LTP 5.3)", "Municipal valuation (LTP 5.3)");

    public static Text Right(HoldingRight r) => r switch
    {
        HoldingRight.Ownership => new("Mülkiyyət", "Ownership"),
        HoldingRight.Use => new("İstifadə", "Use"),
        _ => new("İcarə (vergi yox, icarə haqqı: LML 19)", "Lease (rent, not tax: LML 19)"),
    };

    public static Text Object(ObjectKind k) => k switch
    {
        ObjectKind.LandPlot => new("Torpaq sahəsi", "Land plot"),
        ObjectKind.Building => new("Bina", "Building"),
        _ => new("Nəqliyyat vasitəsi", "Vehicle"),
    };
}

/// <summary>CSV and XLSX of the register's lists, for the tax staff only (tax secrecy, TAX-REG 3.1.10).</summary>
public static class TaxRegisterExports
{
    public static async Task<IResult> TaxpayersAsync(HttpContext http, AppDb db, int m, string? q, bool xlsx)
    {
        TaxActor.For(db, m).RequireRead();
        var rows = await TaxRegister.SearchTaxpayers(db, m, q).OrderBy(t => t.Name).ThenBy(t => t.Id).ToListAsync(http.RequestAborted);
        string[] header =
        [
            "id", new Text("Növ", "Kind"), new Text("FİN", "FIN"), new Text("VÖEN", "VÖEN"), new Text("Ad", "Name"), new Text("Ünvan", "Address"),
            new Text("Telefon", "Phone"), new Text("E-poçt", "E-mail"), new Text("Rezident", "Resident"), new Text("Qeydiyyat tarixi", "Registered on"),
        ];
        var data = rows.Select(t => (IReadOnlyList<object?>)new object?[]
        {
            t.Id, (string)RegisterLabels.Kind(t.Kind), t.PersonalId, t.TaxId, t.Name, t.Address, t.Phone, t.Email, t.IsResident ? (string)T.Yes : T.No, t.RegisteredOn,
        }).ToList();
        await ExportResponse.WriteAsync(http, $"taxpayers-{m}", new Text("Vergi ödəyiciləri", "Taxpayers"), header, data, xlsx);
        return Results.Empty;
    }

    public static async Task<IResult> ObjectsAsync(HttpContext http, AppDb db, int m, ObjectKind kind, string? q, bool xlsx)
    {
        TaxActor.For(db, m).RequireRead();
        var ct = http.RequestAborted;
        string[] header;
        List<IReadOnlyList<object?>> data;
        Text sheet;
        switch (kind)
        {
            case ObjectKind.LandPlot:
            {
                var rows = await TaxRegister.SearchPlots(db, m, q).OrderBy(x => x.Address).ThenBy(x => x.Id).ToListAsync(ct);
                var holders = await HoldersTextAsync(db, m, kind, ct);
                header = ["id", new Text("Kadastr nömrəsi", "Cadastral number"), new Text("Ünvan", "Address"), new Text("Sahə, m²", "Area, m²"),
                    new Text("Kateqoriya", "Category"), new Text("Təyinat", "Purpose"), new Text("Bal/ha (LML 18.5)", "Points/ha (LML 18.5)"),
                    new Text("Dərəcə sinfi", "Rate class"), new Text("Güzəşt (LML 18.8)", "Exemption (LML 18.8)"), new Text("Sahiblər", "Holders")];
                data = rows.Select(p => (IReadOnlyList<object?>)new object?[]
                {
                    p.Id, p.CadastralNumber, p.Address, p.AreaSqm, (string)RegisterLabels.Category(p.Category), p.Purpose, p.ScorePoints,
                    RateClasses.ForPlot(p.Category, p.SettlementGroup), (string)RegisterLabels.Exemption(p.Exemption), holders.GetValueOrDefault(p.Id),
                }).ToList();
                sheet = new("Torpaq sahələri", "Land plots");
                break;
            }
            case ObjectKind.Building:
            {
                var rows = await TaxRegister.SearchBuildings(db, m, q).OrderBy(x => x.Address).ThenBy(x => x.Id).ToListAsync(ct);
                var holders = await HoldersTextAsync(db, m, kind, ct);
                header = ["id", new Text("Ünvan", "Address"), new Text("Təsvir", "Description"), new Text("Sahə, m²", "Area, m²"), new Text("Dəyər, manat", "Value, manat"),
                    new Text("Qiymətləndirmə", "Valuation"), new Text("Qiymətləndirmə tarixi", "Valued on"), new Text("Qiymətləndirici", "Appraiser"),
                    new Text("Sahiblər", "Holders")];
                data = rows.Select(b => (IReadOnlyList<object?>)new object?[]
                {
                    b.Id, b.Address, b.Description, b.AreaSqm, b.Value, (string)RegisterLabels.Valuation(b.ValuationSource), b.ValuedOn, b.Appraiser, holders.GetValueOrDefault(b.Id),
                }).ToList();
                sheet = new("Binalar", "Buildings");
                break;
            }
            default:
            {
                var rows = await TaxRegister.SearchVehicles(db, m, q).OrderBy(x => x.RegistrationNumber).ThenBy(x => x.Id).ToListAsync(ct);
                var holders = await HoldersTextAsync(db, m, kind, ct);
                header = ["id", new Text("Növ", "Kind"), new Text("Qeydiyyat nömrəsi", "Registration number"), new Text("Təsvir", "Description"),
                    new Text("Mühərrik, sm³", "Engine, cm³"), new Text("Sahiblər", "Holders")];
                data = rows.Select(v => (IReadOnlyList<object?>)new object?[]
                {
                    v.Id, (string)RegisterLabels.Vehicle(v.Kind), v.RegistrationNumber, v.Description, v.EngineCc, holders.GetValueOrDefault(v.Id),
                }).ToList();
                sheet = new("Nəqliyyat vasitələri", "Vehicles");
                break;
            }
        }
        await ExportResponse.WriteAsync(http, $"{TaxRegisterApi.RouteOf(kind)}-{m}", sheet, header, data, xlsx);
        return Results.Empty;
    }

    public static async Task<IResult> LateAsync(HttpContext http, AppDb db, int m, string? q, TimeProvider time, bool xlsx)
    {
        TaxActor.For(db, m).RequireRead();
        var ct = http.RequestAborted;
        var all = await TaxRegister.LateAsync(db, m, q, 1, 500, time, ct);
        var items = all.Items.ToList();
        for (var page = 2; items.Count < all.Total; page++)
            items.AddRange((await TaxRegister.LateAsync(db, m, q, page, 500, time, ct)).Items);
        string[] header =
        [
            "id", new Text("Vergi ödəyicisi", "Taxpayer"), new Text("Obyekt", "Object"), new Text("Obyekt", "Object") + " id", new Text("Pay", "Share"),
            new Text("Sənəd", "Title document"), new Text("Sənəd alınıb", "Title received on"), new Text("Son gün (LML 18.3)", "Due by (LML 18.3)"),
            new Text("Qeydiyyat tarixi", "Registered on"), new Text("Gecikmə, gün", "Days late"),
        ];
        var data = items.Select(h => (IReadOnlyList<object?>)new object?[]
        {
            h.Id, h.TaxpayerName, (string)RegisterLabels.Object(h.ObjectKind) + ": " + h.ObjectLabel, h.ObjectId, h.Share, h.TitleDocument, h.TitleReceivedOn,
            h.RegisterBy, h.RegisteredOn, h.RegisterBy is { } by ? h.RegisteredOn.DayNumber - by.DayNumber : null,
        }).ToList();
        await ExportResponse.WriteAsync(http, $"late-registrations-{m}", new Text("Gecikmiş qeydiyyat (LML 18.3)", "Late registrations (LML 18.3)"), header, data, xlsx);
        return Results.Empty;
    }

    private static async Task<Dictionary<int, string>> HoldersTextAsync(AppDb db, int m, ObjectKind kind, CancellationToken ct)
    {
        var rows = await (from h in db.ObjectHoldings.AsNoTracking()
                          join t in db.Taxpayers.AsNoTracking() on h.TaxpayerId equals t.Id
                          where h.MunicipalityId == m && h.ObjectKind == kind && h.To == null
                          orderby t.Name
                          select new { h.ObjectId, t.Name, h.ShareNumerator, h.ShareDenominator }).ToListAsync(ct);
        return rows.GroupBy(r => r.ObjectId).ToDictionary(g => g.Key, g => string.Join("; ", g.Select(r => $"{r.Name} ({r.ShareNumerator}/{r.ShareDenominator})")));
    }
}
