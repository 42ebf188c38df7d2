using Microsoft.EntityFrameworkCore;
using OpenBams.Law;
using OpenBams.Law.Budget;
using OpenBams.Law.Taxes;
using OpenBams.Platform;
using OpenBams.Platform.Data;
using OpenBams.Platform.Export;
using OpenBams.Platform.Http;
using OpenBams.Platform.Localization;
using OpenBams.Taxes;

namespace OpenBams.Budget;

/// <summary>The class is its stable code ("R-7.1.9") or its name ("GrantsAndAid").</summary>
public sealed record NewRevenue(string? RevenueClass, decimal Amount, DateOnly ReceivedOn, string? Payer, string? Document, int? DecisionId, string? Note);

public sealed record RevenueView(
    long Id, int Year, RevenueClass RevenueClass, string ClassCode, string ClassName, decimal Amount, DateOnly ReceivedOn, string Payer, string Document,
    int? DecisionId, string? Note, bool Cancelled, DateTime? CancelledAt, string? CancelledBy, string? CancellationReason, DateTime CreatedAt, string CreatedBy, long Version);

public sealed record RevenueQuery(int? Year, string? Q, string? RevenueClass, int? Month, bool? Cancelled, int? Page, int? PageSize);

/// <summary>
/// Revenue the accountant enters: grants and aid (FL 7.1.9), lease and privatisation income (FL 7.1.8; SL 33.5: privatisation
/// money goes wholly to the local budget), dotations, subventions and loans (FL 7.1.7), compensations (FL 7.1.10), delegated-powers
/// funds (FL 6.2). Taxes and local payments are posted from the taxes module and never entered by hand.
/// </summary>
public static class Revenues
{
    /// <summary>
    /// FL 7.1.1-7.1.6 (and the interest of 7.1.11 and the voluntary payments of 7.3): the classes the taxes module books from
    /// its payments (<see cref="BudgetClassification.ForLocalTax"/>); entering them by hand would count the money twice.
    /// </summary>
    [Law("FL 7.1")]
    public static IReadOnlySet<RevenueClass> PostedFromTaxes { get; } =
        Enum.GetValues<LocalTax>().Select(BudgetClassification.ForLocalTax).Append(RevenueClass.ResortFee).ToHashSet();

    public static RevenueClassInfo? ParseClass(string? s)
    {
        if (string.IsNullOrWhiteSpace(s)) return null;
        return BudgetClassification.RevenueByCode(s) ??
            (Enum.TryParse<RevenueClass>(s.Trim(), ignoreCase: true, out var c) && Enum.IsDefined(c) && !int.TryParse(s, out _) ? BudgetClassification.Info(c) : null);
    }

    public static async Task<RevenueView> RecordAsync(AppDb db, int municipalityId, NewRevenue input, string by, TimeProvider time, CancellationToken ct)
    {
        var info = ParseClass(input.RevenueClass)
            ?? throw new InputError("revenueClass", new Text("Gəlir növünü (MMƏQ 7.1 təsnifatı) seçin", "Choose the revenue class (FL 7.1)"));
        if (PostedFromTaxes.Contains(info.Class))
            throw new LegalRuleViolation(info.Article, "revenueClass",
                $"{info.Code} ({info.NameAz}) vergilər modulunda ödənişlərdən avtomatik daxil edilir; əl ilə daxil edilsə, iki dəfə sayılar",
                $"{info.Code} ({info.NameEn}) is posted from the taxes module's payments; entering it by hand would count it twice");
        if (input.Amount <= 0 || decimal.Round(input.Amount, 2) != input.Amount)
            throw new InputError("amount", new Text("Məbləğ müsbət olmalı və ən çoxu iki onluq rəqəmlə (qəpiklə) yazılmalıdır",
                "The amount must be positive, with at most two decimals (qəpik)"));
        if (input.ReceivedOn > Clock.Today(time))
            throw new InputError("receivedOn", new Text("Daxilolma tarixi gələcəkdə ola bilməz", "The day received cannot be in the future"));
        var payer = input.Payer?.Trim();
        var document = input.Document?.Trim();
        if (string.IsNullOrEmpty(payer)) throw new InputError("payer", new Text("Ödəyicini yazın", "Write the payer"));
        if (string.IsNullOrEmpty(document)) throw new InputError("document", new Text("Əsaslandırıcı sənədi yazın", "Write the supporting document"));
        if (payer.Length > 300 || document.Length > 300 || input.Note?.Length > 1000)
            throw new InputError(payer.Length > 300 ? "payer" : document.Length > 300 ? "document" : "note", new Text("Mətn çox uzundur", "The text is too long"));
        var budget = await db.Budgets.AsNoTracking().FirstOrDefaultAsync(b => b.MunicipalityId == municipalityId && b.Year == input.ReceivedOn.Year, ct);
        if (budget?.Status == BudgetStatus.Closed)
            throw new LegalRuleViolation(new(Acts.FL, "11.2"), "receivedOn", $"{budget.Year}-ci il büdcəsi bağlanıb", $"The {budget.Year} budget is closed");
        if (input.DecisionId is { } did &&
            !await db.CouncilDecisions.AnyAsync(d => d.Id == did && d.MunicipalityId == municipalityId && d.Status != Council.DecisionStatus.Revoked, ct))
            throw new InputError("decisionId", new Text("Bu bələdiyyənin belə qüvvədə olan qərarı yoxdur", "The municipality has no such decision in force"));
        var r = new RevenueEntry
        {
            MunicipalityId = municipalityId, Year = input.ReceivedOn.Year, RevenueClass = info.Class, AmountQepik = Money.Manat(input.Amount).Qepik,
            ReceivedOn = input.ReceivedOn, Payer = payer, Document = document, DecisionId = input.DecisionId, Note = string.IsNullOrWhiteSpace(input.Note) ? null : input.Note.Trim(),
            CreatedAt = Clock.UtcNow(time), CreatedBy = by,
        };
        db.RevenueEntries.Add(r);
        await db.SaveChangesAsync(ct);
        return View(r);
    }

    public static async Task<RevenueView> CancelAsync(AppDb db, int municipalityId, long id, Cancellation input, string by, TimeProvider time, CancellationToken ct)
    {
        var why = input.Reason?.Trim();
        if (why is null || why.Length < 5)
            throw new InputError("reason", new Text("Ləğvin səbəbini yazın (ən azı 5 simvol)", "Write the reason for the cancellation (at least 5 characters)"));
        if (why.Length > 500) throw new InputError("reason", new Text("Səbəb 500 simvoldan uzun ola bilməz", "The reason cannot be longer than 500 characters"));
        var r = await db.RevenueEntries.FirstOrDefaultAsync(x => x.Id == id && x.MunicipalityId == municipalityId, ct) ?? throw new NotFound("Revenue");
        if (r.Version != input.Version)
            throw new InputError("version", new Text("Qeyd başqası tərəfindən dəyişdirilib: səhifəni yeniləyin", "The entry was changed by someone else: reload it"), StatusCodes.Status409Conflict);
        if (r.Cancelled) throw new InputError("status", new Text("Artıq ləğv edilib", "Already cancelled"), StatusCodes.Status409Conflict);
        r.Cancelled = true;
        r.CancelledAt = Clock.UtcNow(time);
        r.CancelledBy = by;
        r.CancellationReason = why;
        await db.SaveChangesAsync(ct); // the Version concurrency token refuses a cancellation racing another (409)
        return View(r);
    }

    public static RevenueView View(RevenueEntry r)
    {
        var info = BudgetClassification.Info(r.RevenueClass);
        return new(r.Id, r.Year, r.RevenueClass, info.Code, BudgetClassification.Name(r.RevenueClass, Text.Lang), Money.FromQepik(r.AmountQepik).Amount, r.ReceivedOn,
            r.Payer, r.Document, r.DecisionId, r.Note, r.Cancelled, r.CancelledAt, r.CancelledBy, r.CancellationReason, r.CreatedAt, r.CreatedBy, r.Version);
    }

    public static async Task<RevenueView> ViewAsync(AppDb db, int municipalityId, long id, CancellationToken ct) =>
        View(await db.RevenueEntries.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id && x.MunicipalityId == municipalityId, ct) ?? throw new NotFound("Revenue"));

    private static IQueryable<RevenueEntry> Filter(AppDb db, int municipalityId, RevenueQuery q, DateOnly today)
    {
        var year = q.Year ?? today.Year;
        var rows = db.RevenueEntries.AsNoTracking().Where(r => r.MunicipalityId == municipalityId && r.Year == year);
        if (ParseClass(q.RevenueClass) is { } c) rows = rows.Where(r => r.RevenueClass == c.Class);
        if (q.Cancelled is { } cancelled) rows = rows.Where(r => r.Cancelled == cancelled);
        if (q.Month is >= 1 and <= 12)
        {
            var from = new DateOnly(year, q.Month.Value, 1);
            var to = from.AddMonths(1);
            rows = rows.Where(r => r.ReceivedOn >= from && r.ReceivedOn < to);
        }
        if (!string.IsNullOrWhiteSpace(q.Q))
        {
            var s = q.Q.Trim().ToLower();
            rows = rows.Where(r => r.Payer.ToLower().Contains(s) || r.Document.ToLower().Contains(s) || (r.Note != null && r.Note.ToLower().Contains(s)));
        }
        return rows;
    }

    public static async Task<PageOf<RevenueView>> PageAsync(AppDb db, int municipalityId, RevenueQuery q, TimeProvider time, CancellationToken ct)
    {
        var (page, size, skip) = TaxesApi.Paging(q.Page, q.PageSize);
        var rows = Filter(db, municipalityId, q, Clock.Today(time));
        var total = await rows.CountAsync(ct);
        var items = await rows.OrderByDescending(r => r.ReceivedOn).ThenByDescending(r => r.Id).Skip(skip).Take(size).ToListAsync(ct);
        return new(total, page, size, items.Select(View).ToList());
    }

    public static async Task ExportAsync(HttpContext http, AppDb db, int municipalityId, RevenueQuery q, TimeProvider time, bool xlsx)
    {
        var rows = await Filter(db, municipalityId, q, Clock.Today(time)).OrderBy(r => r.ReceivedOn).ThenBy(r => r.Id).Take(100_000).ToListAsync(http.RequestAborted);
        static string L(string az, string en) => new Text(az, en);
        string[] header = [L("Nömrə", "No."), L("Tarix", "Date"), L("Kod", "Code"), L("Gəlir növü", "Revenue class"), L("Ödəyici", "Payer"), L("Məbləğ", "Amount"),
            L("Sənəd", "Document"), L("Qeyd", "Note"), L("Vəziyyət", "Status")];
        await ExportResponse.WriteAsync(http, "daxilolmalar", L("Daxilolmalar", "Revenue"), header,
            rows.Select(View).Select(r => (IReadOnlyList<object?>)[r.Id, r.ReceivedOn, r.ClassCode, r.ClassName, r.Payer, r.Amount, r.Document, r.Note,
                r.Cancelled ? L("Ləğv edilib", "Cancelled") : L("Qüvvədə", "Active")]).ToList(), xlsx);
    }
}
