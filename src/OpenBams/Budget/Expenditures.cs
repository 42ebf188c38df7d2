using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using OpenBams.Law;
using OpenBams.Law.Budget;
using OpenBams.Platform;
using OpenBams.Platform.Data;
using OpenBams.Platform.Export;
using OpenBams.Platform.Http;
using OpenBams.Platform.Localization;
using OpenBams.Taxes;

namespace OpenBams.Budget;

public sealed record NewExpenditure(
    int LineId, ExpenditureKind Kind, long? CommitmentId, decimal Amount, DateOnly On, string? Payee, string? PayeeTaxId, bool PayeeIsNaturalPerson,
    string? Purpose, string? Document, int? DecisionId, string? Contract);

public sealed record Cancellation(string? Reason, long Version);

public sealed record ExpenditureView(
    long Id, int BudgetId, int LineId, string LineCode, string LineName, ExpenditureKind Kind, long? CommitmentId, decimal Amount, DateOnly On,
    string Payee, string? PayeeTaxId, bool PayeeIsNaturalPerson, string Purpose, string Document, int? DecisionId, string? Contract,
    ExpenditureStatus Status, decimal? Unpaid, DateTime? CancelledAt, string? CancelledBy, string? CancellationReason, DateTime CreatedAt, string CreatedBy, long Version);

public sealed record ExpenditureQuery(int? Year, string? Q, int? LineId, ExpenditureKind? Kind, int? Month, ExpenditureStatus? Status, int? Page, int? PageSize);

/// <summary>A line's money as the appropriation control sees it (FL 13.1): the kernel's <see cref="BudgetLine"/> from the record and the sums.</summary>
public sealed record LineState(BudgetLineRecord Record, MunicipalBudget Budget, BudgetLine Line);

/// <summary>
/// Expenditures (seed 000: every municipal expenditure is made through the system): commitments, payments of commitments and
/// direct payments, each on an expenditure line of the approved budget of its year and never beyond its appropriation (FL 13.1).
/// </summary>
public static class Expenditures
{
    private static readonly LegalReference Fl131 = new(Acts.FL, "13.1");

    /// <summary>The kernel line: the record's appropriation and what active expenditures have committed and paid.</summary>
    public static async Task<LineState> LineStateAsync(AppDb db, BudgetLineRecord r, CancellationToken ct)
    {
        var budget = await db.Budgets.AsNoTracking().FirstAsync(b => b.Id == r.BudgetId, ct);
        var sums = await db.Expenditures.Where(e => e.LineId == r.Id && e.Status == ExpenditureStatus.Active)
            .GroupBy(e => e.Kind).Select(g => new { Kind = g.Key, Sum = g.Sum(e => e.AmountQepik) }).ToListAsync(ct);
        long S(ExpenditureKind k) => sums.Where(s => s.Kind == k).Sum(s => s.Sum);
        return new(r, budget, ToKernel(r, budget, S(ExpenditureKind.Commitment) + S(ExpenditureKind.DirectPayment),
            S(ExpenditureKind.PaymentOfCommitment) + S(ExpenditureKind.DirectPayment)));
    }

    public static BudgetLine ToKernel(BudgetLineRecord r, MunicipalBudget b, long committed, long paid) =>
        new(new BudgetRef(b.MunicipalityId, b.Year), r.Code, r.Area ?? ExpenditureArea.Other, r.Funding, r.Purpose,
            Money.FromQepik(r.PlannedQepik), Money.FromQepik(r.AmendmentsQepik), Money.FromQepik(r.ReallocatedInQepik), Money.FromQepik(r.ReallocatedOutQepik),
            Money.FromQepik(committed), Money.FromQepik(paid));

    /// <summary>Records an expenditure in one transaction, with the line's row locked so two accountants cannot both spend its last manat.</summary>
    public static async Task<ExpenditureView> RecordAsync(AppDb db, int municipalityId, NewExpenditure input, string by, TimeProvider time, CancellationToken ct)
    {
        if (input.Amount <= 0 || decimal.Round(input.Amount, 2) != input.Amount)
            throw new InputError("amount", new Text("Məbləğ müsbət olmalı və ən çoxu iki onluq rəqəmlə (qəpiklə) yazılmalıdır",
                "The amount must be positive, with at most two decimals (qəpik)"));
        var amount = Money.Manat(input.Amount);
        if (input.On > Clock.Today(time))
            throw new InputError("on", new Text("Xərcin tarixi gələcəkdə ola bilməz", "An expenditure cannot be dated in the future"));
        string? taxId = null;
        if (!string.IsNullOrWhiteSpace(input.PayeeTaxId))
        {
            if (!TaxId.TryParse(input.PayeeTaxId, out var t, out _))
                throw new InputError("payeeTaxId", new Text("VÖEN 10 rəqəmdən ibarət olmalıdır", "A VÖEN is exactly 10 digits"));
            taxId = t.Value;
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        Expenditure? commitment = null;
        var lineId = input.LineId;
        if (input.Kind == ExpenditureKind.PaymentOfCommitment)
        {
            if (input.CommitmentId is not { } cid)
                throw new InputError("commitmentId", new Text("Ödənilən öhdəliyi seçin", "Choose the commitment being paid"));
            commitment = await db.Expenditures.AsNoTracking().FirstOrDefaultAsync(e => e.Id == cid && e.MunicipalityId == municipalityId, ct);
            if (commitment is null || commitment.Kind != ExpenditureKind.Commitment)
                throw new InputError("commitmentId", new Text("Belə öhdəlik yoxdur", "There is no such commitment"));
            if (commitment.Status != ExpenditureStatus.Active)
                throw new InputError("commitmentId", new Text("Öhdəlik ləğv edilib və ya il sonunda başa çatıb", "The commitment was cancelled or ended at year-end"));
            lineId = commitment.LineId;
        }
        else if (input.CommitmentId is not null)
            throw new InputError("commitmentId", new Text("Öhdəliyi yalnız öhdəliyin ödənişi göstərir", "Only a payment of a commitment names a commitment"));

        // Lock first, then read the sums: on PostgreSQL the row lock; SQLite's transaction already holds the one write lock.
        await LockLineAsync(db, lineId, ct);
        var record = await db.BudgetLines.AsNoTracking().FirstOrDefaultAsync(l => l.Id == lineId && l.MunicipalityId == municipalityId, ct)
            ?? throw new InputError("lineId", new Text("Belə büdcə sətri yoxdur", "There is no such budget line"));
        if (record.Side != BudgetSide.Expenditure)
            throw new InputError("lineId", new Text($"{record.Code} gəlir sətridir: xərc yalnız xərc sətrindən edilir", $"{record.Code} is a revenue line: expenditures are made from expenditure lines"));
        var state = await LineStateAsync(db, record, ct);
        var budget = state.Budget;
        if (budget.Status != BudgetStatus.Approved)
            throw new LegalRuleViolation(new(Acts.FL, budget.Status == BudgetStatus.Closed ? "11.2" : "10.2"), "lineId",
                $"{budget.Year}-ci il büdcəsi {(budget.Status == BudgetStatus.Closed ? "bağlanıb" : "hələ təsdiq edilməyib")}: xərc yalnız təsdiq edilmiş büdcədən edilir",
                $"The {budget.Year} budget is {(budget.Status == BudgetStatus.Closed ? "closed" : "not approved yet")}: expenditures are made only from an approved budget");
        if (input.On.Year != budget.Year)
            throw new LegalRuleViolation(new(Acts.FL, "4.4"), "on",
                $"{Fmt.Date(input.On)} {budget.Year}-ci büdcə ilinə (1 yanvar - 31 dekabr) düşmür", $"{Fmt.Date(input.On)} is outside budget year {budget.Year} (1 January - 31 December)");

        if (commitment is not null)
        {
            var paidOf = await db.Expenditures.Where(e => e.CommitmentId == commitment.Id && e.Status == ExpenditureStatus.Active).SumAsync(e => (long?)e.AmountQepik, ct) ?? 0;
            var remainder = Money.FromQepik(commitment.AmountQepik - paidOf);
            if (amount > remainder)
                throw new LegalRuleViolation(Fl131, "amount",
                    $"Ödəniş ({amount.Format("az")}) {commitment.Id} nömrəli öhdəliyin ödənilməmiş qalığından ({remainder.Format("az")}) çoxdur (sətir {record.Code})",
                    $"The payment ({amount.Format("en")}) exceeds the unpaid remainder of commitment {commitment.Id} ({remainder.Format("en")}) (line {record.Code})");
        }
        AppropriationControl.Check(state.Line, amount, input.Kind, input.On).Check.ThrowIfRefused();

        var payee = Clean(input.Payee) ?? commitment?.Payee;
        var purpose = Clean(input.Purpose) ?? commitment?.Purpose;
        var document = Clean(input.Document);
        if (payee is null) throw new InputError("payee", new Text("Alanı (kimə ödənilir) yazın", "Write the payee"));
        if (purpose is null) throw new InputError("purpose", new Text("Xərcin təyinatını yazın", "Write the purpose"));
        if (document is null) throw new InputError("document", new Text("Əsaslandırıcı sənədi (faktura, akt, müqavilə) yazın", "Write the supporting document (invoice, act, contract)"));
        if (payee.Length > 300 || purpose.Length > 1000 || document.Length > 300 || input.Contract?.Length > 300)
            throw new InputError(payee.Length > 300 ? "payee" : purpose.Length > 1000 ? "purpose" : document.Length > 300 ? "document" : "contract",
                new Text("Mətn çox uzundur", "The text is too long"));
        if (input.DecisionId is { } did)
        {
            var ok = await db.CouncilDecisions.AnyAsync(d => d.Id == did && d.MunicipalityId == municipalityId && d.Status != Council.DecisionStatus.Revoked, ct);
            if (!ok) throw new InputError("decisionId", new Text("Bu bələdiyyənin belə qüvvədə olan qərarı yoxdur", "The municipality has no such decision in force"));
        }

        var e = new Expenditure
        {
            MunicipalityId = municipalityId, BudgetId = budget.Id, LineId = record.Id, Kind = input.Kind, CommitmentId = commitment?.Id, AmountQepik = amount.Qepik,
            On = input.On, Payee = payee, PayeeTaxId = taxId ?? (commitment is not null && Clean(input.Payee) is null ? commitment.PayeeTaxId : null),
            PayeeIsNaturalPerson = commitment is not null && Clean(input.Payee) is null ? commitment.PayeeIsNaturalPerson : input.PayeeIsNaturalPerson,
            Purpose = purpose, Document = document, DecisionId = input.DecisionId ?? commitment?.DecisionId, Contract = Clean(input.Contract) ?? commitment?.Contract,
            Status = ExpenditureStatus.Active, CreatedAt = Clock.UtcNow(time), CreatedBy = by,
        };
        db.Expenditures.Add(e);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return await ViewAsync(db, municipalityId, e.Id, ct);
    }

    /// <summary>PostgreSQL: SELECT ... FOR UPDATE on the line, held until the transaction ends. SQLite: the transaction is the one writer already.</summary>
    public static async Task LockLineAsync(AppDb db, int lineId, CancellationToken ct)
    {
        if (!BulkWriter.IsPostgres(db)) return;
        var conn = db.Database.GetDbConnection();
        await using var cmd = conn.CreateCommand();
        cmd.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        cmd.CommandText = "SELECT \"Id\" FROM \"BudgetLines\" WHERE \"Id\" = @id FOR UPDATE";
        var p = cmd.CreateParameter();
        p.ParameterName = "id";
        p.Value = lineId;
        cmd.Parameters.Add(p);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct)) { }
    }

    /// <summary>Cancels an expenditure (its amount is free again); a commitment with payments that stand is not cancelled.</summary>
    public static async Task<ExpenditureView> CancelAsync(AppDb db, int municipalityId, long id, Cancellation input, string by, TimeProvider time, CancellationToken ct)
    {
        var why = Clean(input.Reason);
        if (why is null || why.Length < 5)
            throw new InputError("reason", new Text("Ləğvin səbəbini yazın (ən azı 5 simvol)", "Write the reason for the cancellation (at least 5 characters)"));
        if (why.Length > 500) throw new InputError("reason", new Text("Səbəb 500 simvoldan uzun ola bilməz", "The reason cannot be longer than 500 characters"));
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var e = await db.Expenditures.FirstOrDefaultAsync(x => x.Id == id && x.MunicipalityId == municipalityId, ct) ?? throw new NotFound("Expenditure");
        await LockLineAsync(db, e.LineId, ct);
        if (e.Version != input.Version)
            throw new InputError("version", new Text("Xərc başqası tərəfindən dəyişdirilib: səhifəni yeniləyin", "The expenditure was changed by someone else: reload it"), StatusCodes.Status409Conflict);
        if (e.Status != ExpenditureStatus.Active)
            throw new InputError("status", new Text("Xərc artıq ləğv edilib və ya başa çatıb", "The expenditure is already cancelled or ended"), StatusCodes.Status409Conflict);
        if (e.Kind == ExpenditureKind.Commitment &&
            await db.Expenditures.AnyAsync(x => x.CommitmentId == e.Id && x.Status == ExpenditureStatus.Active, ct))
            throw new InputError("expenditureId", new Text("Ödənişləri olan öhdəlik ləğv edilmir: əvvəlcə ödənişləri ləğv edin",
                "A commitment with payments is not cancelled: cancel its payments first"));
        var budget = await db.Budgets.AsNoTracking().FirstAsync(b => b.Id == e.BudgetId, ct);
        if (budget.Status == BudgetStatus.Closed)
            throw new LegalRuleViolation(new(Acts.FL, "11.2"), "expenditureId", $"{budget.Year}-ci il büdcəsi bağlanıb", $"The {budget.Year} budget is closed");
        e.Status = ExpenditureStatus.Cancelled;
        e.CancelledAt = Clock.UtcNow(time);
        e.CancelledBy = by;
        e.CancellationReason = why;
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return await ViewAsync(db, municipalityId, id, ct);
    }

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    public static async Task<ExpenditureView> ViewAsync(AppDb db, int municipalityId, long id, CancellationToken ct) =>
        (await Project(db, db.Expenditures.Where(e => e.Id == id && e.MunicipalityId == municipalityId)).FirstOrDefaultAsync(ct)) ?? throw new NotFound("Expenditure");

    private static IQueryable<ExpenditureView> Project(AppDb db, IQueryable<Expenditure> q) =>
        from e in q
        join l in db.BudgetLines on e.LineId equals l.Id
        select new ExpenditureView(e.Id, e.BudgetId, e.LineId, l.Code, l.Name, e.Kind, e.CommitmentId, e.AmountQepik / 100m, e.On, e.Payee, e.PayeeTaxId,
            e.PayeeIsNaturalPerson, e.Purpose, e.Document, e.DecisionId, e.Contract, e.Status,
            e.Kind == ExpenditureKind.Commitment
                ? (e.AmountQepik - (db.Expenditures.Where(p => p.CommitmentId == e.Id && p.Status == ExpenditureStatus.Active).Sum(p => (long?)p.AmountQepik) ?? 0)) / 100m
                : null,
            e.CancelledAt, e.CancelledBy, e.CancellationReason, e.CreatedAt, e.CreatedBy, e.Version);

    private static IQueryable<Expenditure> Filter(AppDb db, int municipalityId, ExpenditureQuery q, DateOnly today)
    {
        var year = q.Year ?? today.Year;
        var (start, end) = (BudgetYear.Start(year), BudgetYear.End(year));
        var rows = db.Expenditures.Where(e => e.MunicipalityId == municipalityId && e.On >= start && e.On <= end);
        if (q.LineId is { } line) rows = rows.Where(e => e.LineId == line);
        if (q.Kind is { } kind) rows = rows.Where(e => e.Kind == kind);
        if (q.Status is { } status) rows = rows.Where(e => e.Status == status);
        if (q.Month is >= 1 and <= 12)
        {
            var from = new DateOnly(year, q.Month.Value, 1);
            var to = from.AddMonths(1);
            rows = rows.Where(e => e.On >= from && e.On < to);
        }
        if (!string.IsNullOrWhiteSpace(q.Q))
        {
            var s = q.Q.Trim().ToLower();
            rows = rows.Where(e => e.Payee.ToLower().Contains(s) || e.Purpose.ToLower().Contains(s) || e.Document.ToLower().Contains(s) ||
                (e.Contract != null && e.Contract.ToLower().Contains(s)));
        }
        return rows;
    }

    public static async Task<PageOf<ExpenditureView>> PageAsync(AppDb db, int municipalityId, ExpenditureQuery q, TimeProvider time, CancellationToken ct)
    {
        var (page, size, skip) = TaxesApi.Paging(q.Page, q.PageSize);
        var rows = Filter(db, municipalityId, q, Clock.Today(time));
        var total = await rows.CountAsync(ct);
        var items = await Project(db, rows.OrderByDescending(e => e.On).ThenByDescending(e => e.Id).Skip(skip).Take(size)).ToListAsync(ct);
        return new(total, page, size, items);
    }

    public static string KindName(ExpenditureKind k) => k switch
    {
        ExpenditureKind.Commitment => new Text("Öhdəlik", "Commitment"),
        ExpenditureKind.PaymentOfCommitment => new Text("Öhdəliyin ödənişi", "Payment of a commitment"),
        _ => new Text("Birbaşa ödəniş", "Direct payment"),
    };

    public static string StatusName(ExpenditureStatus s) => s switch
    {
        ExpenditureStatus.Active => new Text("Qüvvədə", "Active"),
        ExpenditureStatus.Cancelled => new Text("Ləğv edilib", "Cancelled"),
        _ => new Text("İl sonunda başa çatıb", "Ended at year-end"),
    };

    public static async Task ExportAsync(HttpContext http, AppDb db, int municipalityId, ExpenditureQuery q, TimeProvider time, bool xlsx)
    {
        var rows = await Project(db, Filter(db, municipalityId, q, Clock.Today(time)).OrderBy(e => e.On).ThenBy(e => e.Id)).Take(100_000).ToListAsync(http.RequestAborted);
        static string L(string az, string en) => new Text(az, en);
        string[] header = [L("Nömrə", "No."), L("Tarix", "Date"), L("Növ", "Kind"), L("Sətir", "Line"), L("Alan", "Payee"), L("VÖEN", "VÖEN"),
            L("Məbləğ", "Amount"), L("Təyinat", "Purpose"), L("Sənəd", "Document"), L("Müqavilə", "Contract"), L("Öhdəlik", "Commitment"), L("Vəziyyət", "Status")];
        await ExportResponse.WriteAsync(http, "xercler", L("Xərclər", "Expenditures"), header,
            rows.Select(r => (IReadOnlyList<object?>)[r.Id, r.On, KindName(r.Kind), r.LineCode, r.Payee,
                r.PayeeTaxId, r.Amount, r.Purpose, r.Document, r.Contract, r.CommitmentId, StatusName(r.Status)]).ToList(), xlsx);
    }
}
