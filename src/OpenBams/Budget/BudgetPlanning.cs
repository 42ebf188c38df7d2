using Microsoft.EntityFrameworkCore;
using OpenBams.Council;
using OpenBams.Law;
using OpenBams.Law.Budget;
using OpenBams.Law.Council;
using OpenBams.Platform;
using OpenBams.Platform.Data;
using OpenBams.Platform.Http;
using OpenBams.Platform.Localization;
using OpenBams.Taxes;

namespace OpenBams.Budget;

public sealed record NewBudget(int Year, bool DotationPlanned = false, long? DeficitLimitQepik = null, string? Note = null);
public sealed record BudgetSettings(bool DotationPlanned, long? DeficitLimitQepik, string? Note, long Version);
public sealed record NewLine(BudgetSide Side, string? Code, RevenueClass? RevenueClass, ExpenditureArea? Area, string? Name, LineFunding Funding,
    string? Purpose, bool Protected, long PlannedQepik);
public sealed record LineEdit(string? Code, RevenueClass? RevenueClass, ExpenditureArea? Area, string? Name, LineFunding Funding, string? Purpose,
    bool Protected, long PlannedQepik, long Version);
public sealed record Milestone(DateOnly? On, long Version);
public sealed record Approval(int? DecisionId, long Version);
public sealed record LineDelta(int LineId, long DeltaQepik);
public sealed record NewAmendment(int? DecisionId, string? Reason, DateOnly? EffectiveOn, IReadOnlyList<LineDelta>? Lines);
public sealed record NewSequestration(int? DecisionId, string? Reason, DateOnly? EffectiveOn);
public sealed record NewReallocation(int FromLineId, int ToLineId, long AmountQepik, string? Basis, int? DecisionId, string? Reason, DateOnly? EffectiveOn);
public sealed record ExecutionReportApproval(int? DecisionId, DateOnly? PublishedOn);
/// <summary>SL 52-2.1-2: the report to the Milli Məclis went on this day, under this outgoing number.</summary>
public sealed record ParliamentReportSent(DateOnly? On, string? Reference, long Version);
/// <summary>SL 52-2.3: the report to voters, approved by this decision, given on this day.</summary>
public sealed record VoterReportGiven(int? DecisionId, DateOnly? On, long Version);
public sealed record AuditInput(int Year, string? Auditor, DateOnly EngagedOn, DateOnly? ReportedOn, string? Findings, long Version = 0);

public sealed record BudgetView(int Id, int MunicipalityId, int Year, BudgetStatus Status, string StatusName, bool DotationPlanned,
    DateOnly? DraftingStartedOn, DateOnly? DotationCalculationsSentOn, DateOnly? SubmittedOn, DateOnly? PublishedOn, DateOnly? ApprovedOn,
    int? ApprovalDecisionId, string? ApprovalDecision, DateOnly? ExecutionReportApprovedOn, int? ExecutionReportDecisionId, DateOnly? ExecutionReportPublishedOn,
    DateOnly? ClosedOn, long OpeningBalanceQepik, long? DeficitLimitQepik, string? Note, long PlannedRevenueQepik, long AppropriationsQepik,
    DateOnly? ReportToParliamentSentOn, string? ReportToParliamentReference, int? VoterReportDecisionId, string? VoterReportDecision, DateOnly? VoterReportApprovedOn,
    DateOnly? VoterReportGivenOn, DateOnly? VoterReportSentToOversightOn, long Version);

public sealed record LineView(int Id, BudgetSide Side, string Code, RevenueClass? RevenueClass, ExpenditureArea? Area, string ClassCode, string ClassName,
    string Name, LineFunding Funding, string FundingName, string? Purpose, bool Protected, long PlannedQepik, long AmendmentsQepik, long ReallocatedInQepik,
    long ReallocatedOutQepik, long AppropriationQepik, long CommittedQepik, long PaidQepik, long AvailableQepik, long ActualQepik, long Version);

public sealed record ChangeView(int Id, BudgetChangeKind Kind, string KindName, string Article, int? DecisionId, string? Decision, string? Basis,
    DateOnly EffectiveOn, string Reason, DateTime CreatedAt, string CreatedBy, IReadOnlyList<ChangeLineView> Lines);
public sealed record ChangeLineView(int LineId, string Code, string Name, long DeltaQepik);

public sealed record AuditView(int Id, int Year, string Auditor, DateOnly EngagedOn, DateOnly? ReportedOn, string? Findings, DateTime CreatedAt, string CreatedBy, long Version);

public sealed record ClassificationView(IReadOnlyList<ClassItem> RevenueClasses, IReadOnlyList<ClassItem> ExpenditureAreas, IReadOnlyList<ClassItem> FundingKinds);
public sealed record ClassItem(string Key, string Code, string NameAz, string NameEn, string Article, bool Earmarked);

public sealed record SequestrationView(bool Required, long DeficitQepik, long LimitQepik, long ExcessQepik, IReadOnlyList<SequestrationCut> Cuts,
    IReadOnlyList<string> Protected, string? Refusal, string Article);
public sealed record SequestrationCut(int LineId, string Code, long BaseQepik, long CutQepik, bool ExceedsAvailable);

public sealed record YearEndView(int Year, long EndedCommitmentsQepik, int EndedCommitments, long FreeBalanceQepik, int NextBudgetId,
    IReadOnlyList<CarriedBalance> Earmarked);
public sealed record CarriedBalance(LineFunding Funding, string Purpose, long BalanceQepik, string Treatment, string Article);

/// <summary>
/// The planning side of a budget: the draft and its lines, the milestones of FL 9-10 as state transitions, the changes of an approved
/// budget (FL 10.4, 11.1, 12), the year-end close (FL 11.2, 5.3), the FL 11.3 report's approval and the FL 13.1 audits. Every rule
/// is the kernel's; this file loads, checks with it, and writes in one transaction.
/// </summary>
public static class BudgetPlanning
{
    private static LegalReference Fl(string a) => new(Acts.FL, a);
    private static string Tr(string az, string en) => Text.English ? en : az;

    public static string StatusName(BudgetStatus s) => s switch
    {
        BudgetStatus.Drafting => Tr("Layihə hazırlanır", "Drafting"),
        BudgetStatus.Submitted => Tr("İclasa təqdim edilib", "Submitted to the council"),
        BudgetStatus.Published => Tr("Layihə dərc edilib", "Draft published"),
        BudgetStatus.Approved => Tr("Təsdiq edilib", "Approved"),
        _ => Tr("İl bağlanıb", "Year closed"),
    };

    public static string KindName(BudgetChangeKind k) => k switch
    {
        BudgetChangeKind.Amendment => Tr("Dəqiqləşdirmə", "Amendment"),
        BudgetChangeKind.Sequestration => Tr("Məxaricin ixtisarı (sekvestr)", "Sequestration"),
        _ => Tr("Vəsaitin yerdəyişməsi", "Reallocation"),
    };

    public static string KindArticle(BudgetChangeKind k) => k switch
    {
        BudgetChangeKind.Amendment => "FL 10.4",
        BudgetChangeKind.Sequestration => "FL 12",
        _ => "FL 11.1",
    };

    public static ClassificationView Classification() => new(
        BudgetClassification.Revenue.Select(r => new ClassItem(r.Class.ToString(), r.Code, r.NameAz, r.NameEn, r.Article.ToString(), r.IsEarmarked)).ToList(),
        BudgetClassification.Expenditure.Select(a => new ClassItem(a.Area.ToString(), a.Code, a.NameAz, a.NameEn, a.Article.ToString(), false)).ToList(),
        Enum.GetValues<LineFunding>().Select(f => new ClassItem(f.ToString(), ((int)f).ToString(), Law.Budget.Funding.Name(f).Az, Law.Budget.Funding.Name(f).En,
            Law.Budget.Funding.LockedBy(f)?.ToString() ?? "FL 5.1", f != LineFunding.General)).ToList());

    // ---- reading ----

    public static async Task<MunicipalBudget> LoadAsync(AppDb db, int municipalityId, int budgetId, CancellationToken ct) =>
        await db.Budgets.FirstOrDefaultAsync(b => b.Id == budgetId && b.MunicipalityId == municipalityId, ct) ?? throw new NotFound("Budget");

    public static async Task<BudgetView> ViewAsync(AppDb db, MunicipalBudget b, CancellationToken ct)
    {
        var lines = await db.BudgetLines.AsNoTracking().Where(l => l.BudgetId == b.Id && l.MunicipalityId == b.MunicipalityId).ToListAsync(ct);
        return await ViewAsync(db, b, lines, ct);
    }

    private static async Task<BudgetView> ViewAsync(AppDb db, MunicipalBudget b, List<BudgetLineRecord> lines, CancellationToken ct)
    {
        Task<string?> Code(int? id) => id is null ? Task.FromResult<string?>(null)
            : db.CouncilDecisions.AsNoTracking().Where(d => d.Id == id).Select(d => d.Number + "/" + d.Year).FirstOrDefaultAsync(ct);
        var decision = await Code(b.ApprovalDecisionId);
        var voterDecision = await Code(b.VoterReportDecisionId);
        return new BudgetView(b.Id, b.MunicipalityId, b.Year, b.Status, StatusName(b.Status), b.DotationPlanned, b.DraftingStartedOn, b.DotationCalculationsSentOn,
            b.SubmittedOn, b.PublishedOn, b.ApprovedOn, b.ApprovalDecisionId, decision, b.ExecutionReportApprovedOn, b.ExecutionReportDecisionId,
            b.ExecutionReportPublishedOn, b.ClosedOn, b.OpeningBalanceQepik, b.DeficitLimitQepik, b.Note,
            lines.Where(l => l.Side == BudgetSide.Revenue).Sum(Appropriation), lines.Where(l => l.Side == BudgetSide.Expenditure).Sum(Appropriation),
            b.ReportToParliamentSentOn, b.ReportToParliamentReference, b.VoterReportDecisionId, voterDecision, b.VoterReportApprovedOn, b.VoterReportGivenOn,
            b.VoterReportSentToOversightOn, b.Version);
    }

    public static long Appropriation(BudgetLineRecord l) => l.PlannedQepik + l.AmendmentsQepik + l.ReallocatedInQepik - l.ReallocatedOutQepik;

    public static async Task<PageOf<BudgetView>> ListAsync(AppDb db, int municipalityId, string? q, BudgetStatus? status, int? page, int? pageSize, CancellationToken ct)
    {
        var query = db.Budgets.AsNoTracking().Where(b => b.MunicipalityId == municipalityId);
        if (status is { } s) query = query.Where(b => b.Status == s);
        if (!string.IsNullOrWhiteSpace(q))
        {
            var t = q.Trim();
            query = int.TryParse(t, out var y) ? query.Where(b => b.Year == y) : query.Where(b => b.Note != null && b.Note.ToLower().Contains(t.ToLower()));
        }
        var total = await query.CountAsync(ct);
        var (p, size, skip) = TaxesApi.Paging(page, pageSize);
        var rows = await query.OrderByDescending(b => b.Year).Skip(skip).Take(size).ToListAsync(ct);
        var ids = rows.Select(r => r.Id).ToList();
        var lines = await db.BudgetLines.AsNoTracking().Where(l => l.MunicipalityId == municipalityId && ids.Contains(l.BudgetId)).ToListAsync(ct);
        var views = new List<BudgetView>();
        foreach (var r in rows) views.Add(await ViewAsync(db, r, lines.Where(l => l.BudgetId == r.Id).ToList(), ct));
        return new PageOf<BudgetView>(total, p, size, views);
    }

    /// <summary>Committed and paid per line from the expenditures: active commitments and direct payments commit; a commitment ended
    /// at year-end (FL 11.2) keeps only the part paid on it; active payments pay.</summary>
    public static async Task<Dictionary<int, (long Committed, long Paid)>> ExecutionAsync(AppDb db, int municipalityId, int budgetId, DateOnly? upTo, CancellationToken ct)
    {
        var q = db.Expenditures.AsNoTracking().Where(e => e.MunicipalityId == municipalityId && e.BudgetId == budgetId && e.Status != ExpenditureStatus.Cancelled);
        if (upTo is { } d) q = q.Where(e => e.On <= d);
        var rows = await q.Select(e => new { e.Id, e.LineId, e.Kind, e.CommitmentId, e.AmountQepik, e.Status }).ToListAsync(ct);
        var paidOn = rows.Where(r => r.Kind == ExpenditureKind.PaymentOfCommitment && r.Status == ExpenditureStatus.Active && r.CommitmentId is not null)
            .GroupBy(r => r.CommitmentId!.Value).ToDictionary(g => g.Key, g => g.Sum(r => r.AmountQepik));
        var result = new Dictionary<int, (long, long)>();
        foreach (var g in rows.GroupBy(r => r.LineId))
        {
            long committed = 0, paid = 0;
            foreach (var r in g)
            {
                switch (r.Kind)
                {
                    case ExpenditureKind.Commitment when r.Status == ExpenditureStatus.Active: committed += r.AmountQepik; break;
                    case ExpenditureKind.Commitment when r.Status == ExpenditureStatus.EndedAtYearEnd: committed += Math.Min(r.AmountQepik, paidOn.GetValueOrDefault(r.Id)); break;
                    case ExpenditureKind.DirectPayment when r.Status == ExpenditureStatus.Active: committed += r.AmountQepik; paid += r.AmountQepik; break;
                    case ExpenditureKind.PaymentOfCommitment when r.Status == ExpenditureStatus.Active: paid += r.AmountQepik; break;
                }
            }
            result[g.Key] = (committed, paid);
        }
        return result;
    }

    /// <summary>Revenue received per class in the year up to a day: entered revenue not cancelled, and tax revenue posted from the taxes module.</summary>
    public static async Task<Dictionary<RevenueClass, long>> RevenueActualsAsync(AppDb db, int municipalityId, int year, DateOnly? upTo, CancellationToken ct)
    {
        var to = upTo ?? BudgetYear.End(year);
        var from = BudgetYear.Start(year);
        var entered = await db.RevenueEntries.AsNoTracking()
            .Where(r => r.MunicipalityId == municipalityId && r.Year == year && !r.Cancelled && r.ReceivedOn <= to)
            .GroupBy(r => r.RevenueClass).Select(g => new { g.Key, Sum = g.Sum(r => r.AmountQepik) }).ToListAsync(ct);
        var taxes = await db.TaxRevenueDays.AsNoTracking()
            .Where(r => r.MunicipalityId == municipalityId && r.On >= from && r.On <= to)
            .GroupBy(r => r.RevenueClass).Select(g => new { g.Key, Sum = g.Sum(r => r.AmountQepik) }).ToListAsync(ct);
        var d = new Dictionary<RevenueClass, long>();
        foreach (var x in entered.Concat(taxes)) d[x.Key] = d.GetValueOrDefault(x.Key) + x.Sum;
        return d;
    }

    public static async Task<List<LineView>> LinesAsync(AppDb db, MunicipalBudget b, string? q, DateOnly? upTo, CancellationToken ct)
    {
        var lines = await db.BudgetLines.AsNoTracking().Where(l => l.BudgetId == b.Id && l.MunicipalityId == b.MunicipalityId)
            .OrderBy(l => l.Side).ThenBy(l => l.Code).ToListAsync(ct);
        var exec = await ExecutionAsync(db, b.MunicipalityId, b.Id, upTo, ct);
        var actual = await RevenueActualsAsync(db, b.MunicipalityId, b.Year, upTo, ct);
        // Two revenue lines of one class would both show the class's actuals: the first carries them, so totals are not counted twice.
        var shown = new HashSet<RevenueClass>();
        var list = new List<LineView>();
        foreach (var l in lines)
        {
            var (committed, paid) = exec.GetValueOrDefault(l.Id);
            var appr = Appropriation(l);
            long act = 0;
            if (l.Side == BudgetSide.Revenue && l.RevenueClass is { } rc && shown.Add(rc)) act = actual.GetValueOrDefault(rc);
            var (code, name) = l.Side == BudgetSide.Revenue && l.RevenueClass is { } c
                ? (BudgetClassification.Info(c).Code, BudgetClassification.Name(c, Text.Lang))
                : l.Area is { } a ? (BudgetClassification.Info(a).Code, BudgetClassification.Name(a, Text.Lang)) : ("", "");
            var fn = Law.Budget.Funding.Name(l.Funding);
            list.Add(new LineView(l.Id, l.Side, l.Code, l.RevenueClass, l.Area, code, name, l.Name, l.Funding, Text.English ? fn.En : fn.Az, l.Purpose, l.Protected,
                l.PlannedQepik, l.AmendmentsQepik, l.ReallocatedInQepik, l.ReallocatedOutQepik, appr, committed, paid, appr - committed, act, l.Version));
        }
        if (!string.IsNullOrWhiteSpace(q))
        {
            var t = q.Trim();
            list = list.Where(l => l.Code.Contains(t, StringComparison.OrdinalIgnoreCase) || l.Name.Contains(t, StringComparison.OrdinalIgnoreCase) ||
                (l.Purpose?.Contains(t, StringComparison.OrdinalIgnoreCase) ?? false) || l.ClassName.Contains(t, StringComparison.OrdinalIgnoreCase)).ToList();
        }
        return list;
    }

    /// <summary>The kernel's view of the expenditure lines, with their committed and paid amounts.</summary>
    public static async Task<List<(BudgetLineRecord Record, BudgetLine Line)>> KernelLinesAsync(AppDb db, MunicipalBudget b, CancellationToken ct)
    {
        var rows = await db.BudgetLines.Where(l => l.BudgetId == b.Id && l.MunicipalityId == b.MunicipalityId && l.Side == BudgetSide.Expenditure)
            .OrderBy(l => l.Code).ToListAsync(ct);
        var exec = await ExecutionAsync(db, b.MunicipalityId, b.Id, null, ct);
        return rows.Select(r => (r, ToKernel(b, r, exec.GetValueOrDefault(r.Id)))).ToList();
    }

    public static BudgetLine ToKernel(MunicipalBudget b, BudgetLineRecord r, (long Committed, long Paid) e = default) =>
        new(new BudgetRef(b.MunicipalityId, b.Year), r.Code, r.Area ?? ExpenditureArea.Other, r.Funding, r.Purpose, Money.FromQepik(r.PlannedQepik),
            Money.FromQepik(r.AmendmentsQepik), Money.FromQepik(r.ReallocatedInQepik), Money.FromQepik(r.ReallocatedOutQepik),
            Money.FromQepik(e.Committed), Money.FromQepik(e.Paid));

    // ---- the draft ----

    [Law("FL 9.3")]
    [Law("FL 4.4")]
    public static async Task<MunicipalBudget> CreateAsync(AppDb db, int municipalityId, NewBudget body, string by, TimeProvider time, CancellationToken ct)
    {
        var today = Clock.Today(time);
        if (body.Year < 2000 || body.Year > today.Year + 2)
            throw new InputError("year", new Text($"Büdcə ili {today.Year + 2}-dən gec ola bilməz", $"The budget year must be 2000-{today.Year + 2}"));
        if (body.DeficitLimitQepik is < 0) throw new InputError("deficitLimitQepik", new Text("Kəsrin həddi mənfi ola bilməz", "A deficit limit is not negative"));
        if (await db.Budgets.AnyAsync(b => b.MunicipalityId == municipalityId && b.Year == body.Year, ct))
            throw new LegalRuleViolation(Fl("4.4"), "year", $"{body.Year}-ci il üçün büdcə artıq var: bələdiyyənin bir büdcə ili üçün bir büdcəsi olur",
                $"A budget for {body.Year} already exists: one budget per municipality and budget year");
        var b = new MunicipalBudget
        {
            MunicipalityId = municipalityId, Year = body.Year, Status = BudgetStatus.Drafting, DotationPlanned = body.DotationPlanned,
            DeficitLimitQepik = body.DeficitLimitQepik, Note = Trim(body.Note, 2000), DraftingStartedOn = today, CreatedAt = time.GetUtcNow().UtcDateTime, CreatedBy = by,
        };
        db.Budgets.Add(b);
        await db.SaveChangesAsync(ct);
        return b;
    }

    public static async Task<MunicipalBudget> SettingsAsync(AppDb db, int municipalityId, int budgetId, BudgetSettings body, CancellationToken ct)
    {
        var b = await LoadAsync(db, municipalityId, budgetId, ct);
        if (b.Version != body.Version) throw new DbUpdateConcurrencyException();
        if (body.DeficitLimitQepik is < 0) throw new InputError("deficitLimitQepik", new Text("Kəsrin həddi mənfi ola bilməz", "A deficit limit is not negative"));
        // Whether a dotation is planned decides the FL 9.2/10.3 milestones: fixed once the draft has gone to the council.
        if (b.Status != BudgetStatus.Drafting && body.DotationPlanned != b.DotationPlanned)
            throw new LegalRuleViolation(Fl("10.1"), "dotationPlanned", "Layihə iclasa təqdim edildikdən sonra dotasiya göstəricisi dəyişmir",
                "Whether a dotation is planned is fixed once the draft is submitted");
        b.DotationPlanned = body.DotationPlanned;
        b.DeficitLimitQepik = body.DeficitLimitQepik;
        b.Note = Trim(body.Note, 2000);
        await db.SaveChangesAsync(ct);
        return b;
    }

    private static void RequireDrafting(MunicipalBudget b)
    {
        if (b.Status != BudgetStatus.Drafting)
            throw new LegalRuleViolation(Fl("10.4"), "budgetId",
                "Sətirlər yalnız layihə mərhələsində dəyişir; təsdiq edilmiş büdcə yalnız bələdiyyənin qərarı ilə dəqiqləşdirilir",
                "Lines change only while drafting; an approved budget changes only by a council decision (amendment)");
    }

    private static void Fill(BudgetLineRecord l, BudgetSide side, string? code, RevenueClass? rc, ExpenditureArea? area, string? name, LineFunding funding,
        string? purpose, bool prot, long planned)
    {
        if (planned < 0) throw new InputError("plannedQepik", new Text("Planlaşdırılan məbləğ mənfi ola bilməz", "The planned amount is not negative"));
        if (side == BudgetSide.Revenue)
        {
            if (rc is null || !Enum.IsDefined(rc.Value))
                throw new LegalRuleViolation(Fl("7.1"), "revenueClass", "Gəlir sətri FL 7.1 üzrə gəlir sinfini göstərir", "A revenue line names its FL 7.1 revenue class");
            l.RevenueClass = rc;
            l.Area = null;
            l.Code = string.IsNullOrWhiteSpace(code) ? BudgetClassification.Info(rc.Value).Code : code.Trim();
            l.Name = string.IsNullOrWhiteSpace(name) ? BudgetClassification.Info(rc.Value).NameAz : name.Trim();
            // Earmarked revenue classes carry their money's funding (FL 7.3, 8.5).
            if (funding == LineFunding.General) funding = BudgetClassification.Info(rc.Value).Funding;
        }
        else
        {
            if (area is null || !Enum.IsDefined(area.Value))
                throw new LegalRuleViolation(Fl("8.2"), "area", "Xərc sətri FL 8.2 üzrə xərc istiqamətini göstərir", "An expenditure line names its FL 8.2 area");
            if (string.IsNullOrWhiteSpace(code)) throw new InputError("code", new Text("Sətrin kodunu göstərin", "Give the line's code"));
            if (string.IsNullOrWhiteSpace(name)) throw new InputError("name", new Text("Sətrin adını göstərin", "Give the line's name"));
            l.Area = area;
            l.RevenueClass = null;
            l.Code = code.Trim();
            l.Name = name.Trim();
        }
        if (l.Code.Length > 40) throw new InputError("code", new Text("Kod 40 simvoldan uzun ola bilməz", "The code is at most 40 characters"));
        if (l.Name.Length > 300) throw new InputError("name", new Text("Ad 300 simvoldan uzun ola bilməz", "The name is at most 300 characters"));
        if (!Enum.IsDefined(funding)) throw new InputError("funding", new Text("Maliyyələşmə növü yanlışdır", "Unknown funding kind"));
        l.Side = side;
        l.Funding = funding;
        l.Purpose = Trim(purpose, 300);
        l.Protected = prot;
        l.PlannedQepik = planned;
    }

    /// <summary>FL 8.5, SL 40.3 (and FL 4.3 unique codes): the lines of the budget after the edit are well formed.</summary>
    private static async Task CheckStructureAsync(AppDb db, MunicipalBudget b, BudgetLineRecord changed, bool removed, CancellationToken ct)
    {
        var others = await db.BudgetLines.AsNoTracking().Where(l => l.BudgetId == b.Id && l.MunicipalityId == b.MunicipalityId && l.Id != changed.Id).ToListAsync(ct);
        if (!removed) others.Add(changed);
        foreach (var side in new[] { BudgetSide.Revenue, BudgetSide.Expenditure })
            AppropriationControl.CheckStructure(others.Where(l => l.Side == side).Select(l => ToKernel(b, l))).ThrowIfRefused();
        // Codes are unique in the whole budget (the index), not only per side.
        if (!removed && others.Count(l => string.Equals(l.Code, changed.Code, StringComparison.OrdinalIgnoreCase)) > 1)
            throw new LegalRuleViolation(Fl("4.3"), "code", $"{changed.Code} kodu büdcədə iki dəfə işlənib", $"Line code {changed.Code} is used twice in the budget");
    }

    public static async Task<BudgetLineRecord> AddLineAsync(AppDb db, int municipalityId, int budgetId, NewLine body, CancellationToken ct)
    {
        var b = await LoadAsync(db, municipalityId, budgetId, ct);
        RequireDrafting(b);
        var l = new BudgetLineRecord { MunicipalityId = municipalityId, BudgetId = b.Id, Code = "", Name = "" };
        Fill(l, body.Side, body.Code, body.RevenueClass, body.Area, body.Name, body.Funding, body.Purpose, body.Protected, body.PlannedQepik);
        await CheckStructureAsync(db, b, l, false, ct);
        db.BudgetLines.Add(l);
        await db.SaveChangesAsync(ct);
        return l;
    }

    public static async Task<BudgetLineRecord> EditLineAsync(AppDb db, int municipalityId, int budgetId, int lineId, LineEdit body, CancellationToken ct)
    {
        var b = await LoadAsync(db, municipalityId, budgetId, ct);
        var l = await db.BudgetLines.FirstOrDefaultAsync(x => x.Id == lineId && x.BudgetId == b.Id && x.MunicipalityId == municipalityId, ct) ?? throw new NotFound("Line");
        RequireDrafting(b);
        if (l.Version != body.Version) throw new DbUpdateConcurrencyException();
        Fill(l, l.Side, body.Code, body.RevenueClass, body.Area, body.Name, body.Funding, body.Purpose, body.Protected, body.PlannedQepik);
        await CheckStructureAsync(db, b, l, false, ct);
        await db.SaveChangesAsync(ct);
        return l;
    }

    /// <summary>FL 12: which lines sequestration leaves alone is the council's choice, so protection may be set on an approved budget too.</summary>
    public static async Task<BudgetLineRecord> ProtectAsync(AppDb db, int municipalityId, int budgetId, int lineId, bool value, long version, CancellationToken ct)
    {
        var b = await LoadAsync(db, municipalityId, budgetId, ct);
        var l = await db.BudgetLines.FirstOrDefaultAsync(x => x.Id == lineId && x.BudgetId == b.Id && x.MunicipalityId == municipalityId, ct) ?? throw new NotFound("Line");
        if (l.Version != version) throw new DbUpdateConcurrencyException();
        if (b.Status == BudgetStatus.Closed) throw new LegalRuleViolation(Fl("11.2"), "budgetId", "İl bağlanıb", "The year is closed");
        l.Protected = value;
        await db.SaveChangesAsync(ct);
        return l;
    }

    public static async Task RemoveLineAsync(AppDb db, int municipalityId, int budgetId, int lineId, long? version, CancellationToken ct)
    {
        var b = await LoadAsync(db, municipalityId, budgetId, ct);
        var l = await db.BudgetLines.FirstOrDefaultAsync(x => x.Id == lineId && x.BudgetId == b.Id && x.MunicipalityId == municipalityId, ct) ?? throw new NotFound("Line");
        RequireDrafting(b);
        if (version is { } v && l.Version != v) throw new DbUpdateConcurrencyException();
        if (await db.Expenditures.AnyAsync(e => e.LineId == l.Id && e.MunicipalityId == municipalityId, ct))
            throw new InputError("lineId", new Text("Sətir üzrə xərclər var: silinə bilməz", "The line has expenditures and cannot be removed"));
        await CheckStructureAsync(db, b, l, true, ct);
        db.BudgetLines.Remove(l);
        await db.SaveChangesAsync(ct);
    }

    // ---- milestones ----

    private static void Move(MunicipalBudget b, BudgetStatus to, LegalReference rule)
    {
        if (!BudgetStates.CanMove(b.Status, to))
            throw new LegalRuleViolation(rule, "status",
                $"Büdcə \"{StatusNameAz(b.Status)}\" vəziyyətindədir: \"{StatusNameAz(to)}\" addımı mümkün deyil",
                $"The budget is \"{b.Status}\": it cannot move to \"{to}\"");
        b.Status = to;
    }

    private static string StatusNameAz(BudgetStatus s) => s switch
    {
        BudgetStatus.Drafting => "layihə", BudgetStatus.Submitted => "təqdim edilib", BudgetStatus.Published => "dərc edilib",
        BudgetStatus.Approved => "təsdiq edilib", _ => "bağlanıb",
    };

    private static DateOnly Day(DateOnly? on, DateOnly today, string field)
    {
        var d = on ?? today;
        if (d > today) throw new InputError(field, new Text("Tarix gələcəkdə ola bilməz", "The date cannot be in the future"));
        return d;
    }

    [Law("FL 9.2")]
    public static async Task<MunicipalBudget> DotationCalculationsSentAsync(AppDb db, int municipalityId, int budgetId, Milestone body, TimeProvider time, CancellationToken ct)
    {
        var b = await LoadAsync(db, municipalityId, budgetId, ct);
        if (b.Version != body.Version) throw new DbUpdateConcurrencyException();
        if (!b.DotationPlanned)
            throw new LegalRuleViolation(Fl("9.2"), "dotationPlanned", "Layihədə dotasiya nəzərdə tutulmayıb: hesablamalar lazım deyil",
                "The draft plans no dotation: no calculations are due");
        if (b.Status != BudgetStatus.Drafting && b.Status != BudgetStatus.Submitted && b.Status != BudgetStatus.Published)
            throw new LegalRuleViolation(Fl("9.2"), "status", "Büdcə artıq təsdiq edilib", "The budget is already approved");
        b.DotationCalculationsSentOn = Day(body.On, Clock.Today(time), "on");
        await db.SaveChangesAsync(ct);
        return b;
    }

    [Law("FL 9.3")]
    [Law("FL 10.1")]
    public static async Task<MunicipalBudget> SubmitAsync(AppDb db, int municipalityId, int budgetId, Milestone body, TimeProvider time, CancellationToken ct)
    {
        var b = await LoadAsync(db, municipalityId, budgetId, ct);
        if (b.Version != body.Version) throw new DbUpdateConcurrencyException();
        Move(b, BudgetStatus.Submitted, Fl("10.1"));
        if (!await db.BudgetLines.AnyAsync(l => l.BudgetId == b.Id && l.MunicipalityId == municipalityId && l.Side == BudgetSide.Expenditure, ct))
            throw new LegalRuleViolation(Fl("10.1"), "lines", "Layihədə xərc sətri yoxdur", "The draft has no expenditure lines");
        var on = Day(body.On, Clock.Today(time), "on");
        b.SubmittedOn = on;
        await db.SaveChangesAsync(ct);
        return b;
    }

    [Law("FL 10.1")]
    public static async Task<MunicipalBudget> PublishAsync(AppDb db, int municipalityId, int budgetId, Milestone body, TimeProvider time, CancellationToken ct)
    {
        var b = await LoadAsync(db, municipalityId, budgetId, ct);
        if (b.Version != body.Version) throw new DbUpdateConcurrencyException();
        Move(b, BudgetStatus.Published, Fl("10.1"));
        var on = Day(body.On, Clock.Today(time), "on");
        if (on < b.SubmittedOn) throw new InputError("on", new Text("Dərc təqdimatdan əvvəl ola bilməz", "Publication cannot precede submission"));
        b.PublishedOn = on;
        await db.SaveChangesAsync(ct);
        return b;
    }

    /// <summary>A council decision of the municipality on the budget that makes <paramref name="act"/> take effect (FL 10.2-10.4, 11.3, 12).</summary>
    public static async Task<CouncilDecision> DecisionAsync(AppDb db, int municipalityId, int? decisionId, BudgetAct act, DateOnly? budgetApprovedOn, CancellationToken ct)
    {
        var d = decisionId is { } id
            ? await db.CouncilDecisions.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id && x.MunicipalityId == municipalityId, ct)
            : null;
        if (d is null)
        {
            BudgetDecisions.RequireDecision(act, null, null).ThrowIfRefused();
            throw new InvalidOperationException("unreachable");
        }
        var article = BudgetDecisions.ArticleFor(act);
        if (d.Status == DecisionStatus.Revoked)
            throw new LegalRuleViolation(article, "decisionId", $"{d.Number}/{d.Year} saylı qərar ləğv edilib", $"Decision {d.Number}/{d.Year} has been revoked");
        if (d.Area != DecisionArea.Budget)
            throw new LegalRuleViolation(article, "decisionId", $"{d.Number}/{d.Year} saylı qərar yerli büdcə haqqında deyil", $"Decision {d.Number}/{d.Year} is not a decision on the local budget");
        BudgetDecisions.RequireDecision(act, $"{d.Number}/{d.Year}", d.AdoptedOn, budgetApprovedOn).ThrowIfRefused();
        return d;
    }

    [Law("FL 10.2")]
    [Law("FL 10.3")]
    public static async Task<MunicipalBudget> ApproveAsync(AppDb db, int municipalityId, int budgetId, Approval body, TimeProvider time, CancellationToken ct)
    {
        var b = await LoadAsync(db, municipalityId, budgetId, ct);
        if (b.Version != body.Version) throw new DbUpdateConcurrencyException();
        var act = b.DotationPlanned ? BudgetAct.ApprovalWithDotation : BudgetAct.Approval;
        Move(b, BudgetStatus.Approved, BudgetDecisions.ArticleFor(act));
        var d = await DecisionAsync(db, municipalityId, body.DecisionId, act, null, ct);
        if (b.SubmittedOn is { } s && d.AdoptedOn < s)
            throw new LegalRuleViolation(BudgetDecisions.ArticleFor(act), "decisionId",
                $"Qərar ({Fmt.Date(d.AdoptedOn)}) layihənin təqdimatından ({Fmt.Date(s)}) əvvəldir", $"The decision ({Fmt.Date(d.AdoptedOn)}) predates the draft's submission ({Fmt.Date(s)})");
        b.ApprovedOn = d.AdoptedOn;
        b.ApprovalDecisionId = d.Id;
        await db.SaveChangesAsync(ct);
        return b;
    }

    // ---- changes of the approved budget ----

    private static void RequireApproved(MunicipalBudget b, LegalReference rule)
    {
        if (b.Status != BudgetStatus.Approved)
            throw new LegalRuleViolation(rule, "budgetId", "Yalnız təsdiq edilmiş (bağlanmamış) büdcə dəyişdirilə bilər", "Only an approved budget that is not closed can be changed");
    }

    private static DateOnly Effective(MunicipalBudget b, DateOnly? on, DateOnly fallback)
    {
        var d = on ?? fallback;
        if (d.Year != b.Year && !(d.Year == b.Year - 1 && d.Month == 12))
            throw new LegalRuleViolation(Fl("4.4"), "effectiveOn", $"Tarix {b.Year}-ci büdcə ilinə düşmür", $"The date is outside budget year {b.Year}");
        return d;
    }

    private static string Reason(string? r)
    {
        if (string.IsNullOrWhiteSpace(r)) throw new InputError("reason", new Text("Səbəbi yazın", "Give the reason"));
        return Trim(r, 2000)!;
    }

    private static async Task<BudgetChange> WriteChangeAsync(AppDb db, MunicipalBudget b, BudgetChangeKind kind, int? decisionId, string? basis, DateOnly on,
        string reason, string by, TimeProvider time, IEnumerable<(BudgetLineRecord Line, long Delta)> deltas, CancellationToken ct)
    {
        var c = new BudgetChange { MunicipalityId = b.MunicipalityId, BudgetId = b.Id, Kind = kind, DecisionId = decisionId, Basis = basis, EffectiveOn = on,
            Reason = reason, CreatedAt = time.GetUtcNow().UtcDateTime, CreatedBy = by };
        db.BudgetChanges.Add(c);
        await db.SaveChangesAsync(ct);
        foreach (var (line, delta) in deltas)
            db.BudgetChangeLines.Add(new BudgetChangeLine { MunicipalityId = b.MunicipalityId, ChangeId = c.Id, LineId = line.Id, DeltaQepik = delta });
        // The budget's version moves with every change, so a page showing stale totals is told to reload.
        db.Entry(b).State = EntityState.Modified;
        await db.SaveChangesAsync(ct);
        return c;
    }

    [Law("FL 10.4")]
    public static async Task<BudgetChange> AmendAsync(AppDb db, int municipalityId, int budgetId, NewAmendment body, string by, TimeProvider time, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var b = await LoadAsync(db, municipalityId, budgetId, ct);
        RequireApproved(b, Fl("10.4"));
        var d = await DecisionAsync(db, municipalityId, body.DecisionId, BudgetAct.Amendment, b.ApprovedOn, ct);
        var reason = Reason(body.Reason);
        if (body.Lines is not { Count: > 0 } || body.Lines.All(x => x.DeltaQepik == 0))
            throw new InputError("lines", new Text("Ən azı bir sətrin dəyişikliyini göstərin", "Give at least one line's change"));
        if (body.Lines.GroupBy(x => x.LineId).Any(g => g.Count() > 1))
            throw new InputError("lines", new Text("Hər sətir bir dəfə göstərilir", "Each line appears once"));
        var ids = body.Lines.Select(x => x.LineId).ToList();
        var rows = await db.BudgetLines.Where(l => l.BudgetId == b.Id && l.MunicipalityId == municipalityId && ids.Contains(l.Id)).ToListAsync(ct);
        if (rows.Count != ids.Count) throw new InputError("lines", new Text("Sətir bu büdcədə yoxdur", "A line is not in this budget"));
        var exec = await ExecutionAsync(db, municipalityId, b.Id, null, ct);
        var deltas = new List<(BudgetLineRecord, long)>();
        foreach (var x in body.Lines.Where(x => x.DeltaQepik != 0))
        {
            var l = rows.Single(r => r.Id == x.LineId);
            l.AmendmentsQepik += x.DeltaQepik;
            // FL 13.1: a cut never takes a line below what is already committed on it.
            if (l.Side == BudgetSide.Expenditure && Appropriation(l) < exec.GetValueOrDefault(l.Id).Committed)
                throw new LegalRuleViolation(AppropriationControl.Rule, "lines",
                    $"{l.Code} sətrinin təxsisatı götürülmüş öhdəliklərdən ({Fmt.Money(Money.FromQepik(exec[l.Id].Committed))}) az ola bilməz",
                    $"Line {l.Code}'s appropriation cannot fall below its commitments ({Money.FromQepik(exec[l.Id].Committed).Format("en")})");
            if (Appropriation(l) < 0) throw new InputError("lines", new Text($"{l.Code} sətri mənfi olur", $"Line {l.Code} would become negative"));
            deltas.Add((l, x.DeltaQepik));
        }
        var c = await WriteChangeAsync(db, b, BudgetChangeKind.Amendment, d.Id, null, Effective(b, body.EffectiveOn, d.AdoptedOn), reason, by, time, deltas, ct);
        await tx.CommitAsync(ct);
        return c;
    }

    /// <summary>FL 8.6, 12: the projected deficit — appropriations in force less planned revenue and the opening free balance.</summary>
    public static async Task<(DeficitFigures Figures, List<(BudgetLineRecord Record, BudgetLine Line)> Lines)> DeficitAsync(AppDb db, MunicipalBudget b, CancellationToken ct)
    {
        var lines = await KernelLinesAsync(db, b, ct);
        var revenue = await db.BudgetLines.AsNoTracking().Where(l => l.BudgetId == b.Id && l.MunicipalityId == b.MunicipalityId && l.Side == BudgetSide.Revenue)
            .ToListAsync(ct);
        var expenditure = lines.Aggregate(Money.Zero, (s, l) => s + l.Line.Appropriation);
        var figures = BudgetBalance.Compute(expenditure, revenue.Where(r => r.RevenueClass is not null)
            .Select(r => new RevenueAmount(r.RevenueClass!.Value, Money.FromQepik(Appropriation(r)))), Money.FromQepik(b.OpeningBalanceQepik));
        return (figures, lines);
    }

    [Law("FL 12")]
    public static async Task<(SequestrationView View, SequestrationPlan Plan, List<(BudgetLineRecord Record, BudgetLine Line)> Lines)> SequestrationPlanAsync(
        AppDb db, MunicipalBudget b, CancellationToken ct)
    {
        var (figures, lines) = await DeficitAsync(db, b, ct);
        var limit = Money.FromQepik(b.DeficitLimitQepik ?? 0);
        var plan = Sequestration.Plan(lines.Select(l => l.Line), figures.Uncovered, limit, lines.Where(l => l.Record.Protected).Select(l => l.Record.Code));
        var byCode = lines.ToDictionary(l => l.Record.Code, l => l.Record.Id, StringComparer.OrdinalIgnoreCase);
        var view = new SequestrationView(b.DeficitLimitQepik is not null && plan.Required, figures.Uncovered.Qepik, limit.Qepik, plan.Excess.Qepik,
            plan.Cuts.Select(c => new SequestrationCut(byCode[c.Code], c.Code, c.Base.Qepik, c.Cut.Qepik, c.ExceedsAvailable)).ToList(), plan.Protected,
            plan.Check.Violation is { } v ? (Text.English ? v.MessageEn : v.MessageAz) : null, "FL 12");
        return (view, plan, lines);
    }

    [Law("FL 12")]
    [Law("FL 10.4")]
    public static async Task<BudgetChange> SequestrateAsync(AppDb db, int municipalityId, int budgetId, NewSequestration body, string by, TimeProvider time, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var b = await LoadAsync(db, municipalityId, budgetId, ct);
        RequireApproved(b, Fl("12"));
        if (b.DeficitLimitQepik is null)
            throw new LegalRuleViolation(Fl("12"), "deficitLimitQepik", "Bələdiyyə kəsrin son həddini müəyyən etməyib", "The council has set no deficit limit");
        var (view, plan, lines) = await SequestrationPlanAsync(db, b, ct);
        if (!plan.Required)
            throw new LegalRuleViolation(Fl("12"), "deficitLimitQepik",
                $"Kəsr ({Fmt.Money(Money.FromQepik(view.DeficitQepik))}) son həddi ({Fmt.Money(Money.FromQepik(view.LimitQepik))}) aşmır: ixtisar tətbiq edilmir",
                $"The deficit ({Money.FromQepik(view.DeficitQepik).Format("en")}) does not exceed its limit ({Money.FromQepik(view.LimitQepik).Format("en")}): no sequestration");
        plan.Check.ThrowIfRefused();
        var d = await DecisionAsync(db, municipalityId, body.DecisionId, BudgetAct.Sequestration, b.ApprovedOn, ct);
        var reason = string.IsNullOrWhiteSpace(body.Reason) ? "Kəsrin son həddi aşıldı (MMƏQ 12)" : Reason(body.Reason);
        var byCode = lines.ToDictionary(l => l.Record.Code, l => l.Record, StringComparer.OrdinalIgnoreCase);
        var deltas = new List<(BudgetLineRecord, long)>();
        foreach (var cut in plan.Cuts.Where(c => c.Cut > Money.Zero))
        {
            var r = byCode[cut.Code];
            r.AmendmentsQepik -= cut.Cut.Qepik;
            deltas.Add((r, -cut.Cut.Qepik));
        }
        var c = await WriteChangeAsync(db, b, BudgetChangeKind.Sequestration, d.Id, null, Effective(b, body.EffectiveOn, d.AdoptedOn), reason, by, time, deltas, ct);
        await tx.CommitAsync(ct);
        return c;
    }

    [Law("FL 11.1")]
    public static async Task<BudgetChange> ReallocateAsync(AppDb db, int municipalityId, int budgetId, NewReallocation body, string by, TimeProvider time, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var b = await LoadAsync(db, municipalityId, budgetId, ct);
        RequireApproved(b, Fl("11.1"));
        if (body.AmountQepik <= 0) throw new InputError("amountQepik", new Text("Məbləğ müsbət olmalıdır", "The amount must be positive"));
        var lines = await KernelLinesAsync(db, b, ct);
        var from = lines.FirstOrDefault(l => l.Record.Id == body.FromLineId);
        var to = lines.FirstOrDefault(l => l.Record.Id == body.ToLineId);
        if (from.Record is null) throw new InputError("fromLine", new Text("Mənbə sətri bu büdcənin xərc sətri deyil", "The source is not an expenditure line of this budget"));
        if (to.Record is null) throw new InputError("toLine", new Text("Hədəf sətri bu büdcənin xərc sətri deyil", "The target is not an expenditure line of this budget"));
        Reallocations.Check(from.Line, to.Line, Money.FromQepik(body.AmountQepik)).Check.ThrowIfRefused();
        int? decisionId = null;
        if (body.DecisionId is not null) decisionId = (await DecisionAsync(db, municipalityId, body.DecisionId, BudgetAct.Amendment, b.ApprovedOn, ct)).Id;
        // FL 11.1 names no form; the change must rest on something on record: a decision or the chairman's order.
        if (decisionId is null && string.IsNullOrWhiteSpace(body.Basis))
            throw new InputError("basis", new Text("Yerdəyişmənin əsasını (sərəncam və ya qərar) göstərin", "Name the reallocation's basis (an order or a decision)"));
        from.Record.ReallocatedOutQepik += body.AmountQepik;
        to.Record.ReallocatedInQepik += body.AmountQepik;
        var c = await WriteChangeAsync(db, b, BudgetChangeKind.Reallocation, decisionId, Trim(body.Basis, 300), Effective(b, body.EffectiveOn, Clock.Today(time)),
            Reason(body.Reason), by, time, [(from.Record, -body.AmountQepik), (to.Record, body.AmountQepik)], ct);
        await tx.CommitAsync(ct);
        return c;
    }

    public static async Task<PageOf<ChangeView>> ChangesAsync(AppDb db, int municipalityId, int budgetId, BudgetChangeKind? kind, string? q, int? page, int? pageSize,
        CancellationToken ct)
    {
        var query = db.BudgetChanges.AsNoTracking().Where(c => c.MunicipalityId == municipalityId && c.BudgetId == budgetId);
        if (kind is { } k) query = query.Where(c => c.Kind == k);
        if (!string.IsNullOrWhiteSpace(q))
        {
            var t = q.Trim().ToLower();
            query = query.Where(c => c.Reason.ToLower().Contains(t) || (c.Basis != null && c.Basis.ToLower().Contains(t)));
        }
        var total = await query.CountAsync(ct);
        var (p, size, skip) = TaxesApi.Paging(page, pageSize);
        var rows = await query.OrderByDescending(c => c.EffectiveOn).ThenByDescending(c => c.Id).Skip(skip).Take(size).ToListAsync(ct);
        return new PageOf<ChangeView>(total, p, size, await ChangeViewsAsync(db, municipalityId, rows, ct));
    }

    public static async Task<List<ChangeView>> ChangeViewsAsync(AppDb db, int municipalityId, List<BudgetChange> rows, CancellationToken ct)
    {
        var ids = rows.Select(r => r.Id).ToList();
        var lines = await db.BudgetChangeLines.AsNoTracking().Where(l => l.MunicipalityId == municipalityId && ids.Contains(l.ChangeId))
            .Join(db.BudgetLines, c => c.LineId, l => l.Id, (c, l) => new { c.ChangeId, c.LineId, l.Code, l.Name, c.DeltaQepik, c.Id }).ToListAsync(ct);
        var dids = rows.Where(r => r.DecisionId is not null).Select(r => r.DecisionId!.Value).ToList();
        var decisions = await db.CouncilDecisions.AsNoTracking().Where(d => dids.Contains(d.Id)).ToDictionaryAsync(d => d.Id, d => d.Number + "/" + d.Year, ct);
        return rows.Select(r => new ChangeView(r.Id, r.Kind, KindName(r.Kind), KindArticle(r.Kind), r.DecisionId,
            r.DecisionId is { } d ? decisions.GetValueOrDefault(d) : null, r.Basis, r.EffectiveOn, r.Reason, r.CreatedAt, r.CreatedBy,
            lines.Where(l => l.ChangeId == r.Id).OrderBy(l => l.Id).Select(l => new ChangeLineView(l.LineId, l.Code, l.Name, l.DeltaQepik)).ToList())).ToList();
    }

    // ---- year-end ----

    /// <summary>
    /// FL 11.2, 5.3: after 31 December the year closes — unpaid commitments end, the general free balance (opening + general revenue
    /// received − paid from general lines) opens next year's budget, and each earmarked purpose's unspent money (its lines' appropriation
    /// − paid) is carried to next year on a line of the same funding and purpose.
    /// </summary>
    [Law("FL 11.2")]
    [Law("FL 5.3")]
    public static async Task<YearEndView> CloseAsync(AppDb db, int municipalityId, int budgetId, string by, TimeProvider time, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var b = await LoadAsync(db, municipalityId, budgetId, ct);
        var today = Clock.Today(time);
        if (today <= BudgetYear.End(b.Year))
            throw new LegalRuleViolation(Fl("11.2"), "budgetId", $"{b.Year}-ci büdcə ili {Fmt.Date(BudgetYear.End(b.Year))} tarixində qurtarır: il yalnız bundan sonra bağlanır",
                $"Budget year {b.Year} ends on {Fmt.Date(BudgetYear.End(b.Year))}: it closes only after that");
        Move(b, BudgetStatus.Closed, Fl("11.2"));
        var lines = await KernelLinesAsync(db, b, ct);
        var actual = await RevenueActualsAsync(db, municipalityId, b.Year, null, ct);
        var generalReceived = actual.Where(a => BudgetClassification.Info(a.Key).Funding == LineFunding.General).Sum(a => a.Value);
        var pools = new List<FundPool>
        {
            new(LineFunding.General, null, Money.FromQepik(b.OpeningBalanceQepik), Money.FromQepik(generalReceived),
                lines.Where(l => !l.Line.IsEarmarked).Aggregate(Money.Zero, (s, l) => s + l.Line.Paid)),
        };
        foreach (var g in lines.Where(l => l.Line.IsEarmarked).GroupBy(l => (l.Line.Purpose ?? "").Trim().ToUpperInvariant()))
            pools.Add(new FundPool(g.First().Line.Funding, g.First().Line.Purpose!.Trim(), Money.Zero,
                g.Aggregate(Money.Zero, (s, l) => s + l.Line.Appropriation), g.Aggregate(Money.Zero, (s, l) => s + l.Line.Paid)));
        var close = YearEndRules.Close(new BudgetRef(municipalityId, b.Year), lines.Select(l => l.Line), pools);

        // FL 11.2: operations on commitments end with the year — an unpaid commitment's remainder is no longer owed by this budget.
        var commitments = await db.Expenditures.Where(e => e.MunicipalityId == municipalityId && e.BudgetId == b.Id && e.Kind == ExpenditureKind.Commitment
            && e.Status == ExpenditureStatus.Active).ToListAsync(ct);
        var paidOn = await db.Expenditures.Where(e => e.MunicipalityId == municipalityId && e.BudgetId == b.Id && e.Kind == ExpenditureKind.PaymentOfCommitment
            && e.Status == ExpenditureStatus.Active && e.CommitmentId != null).GroupBy(e => e.CommitmentId!.Value)
            .Select(g => new { g.Key, Sum = g.Sum(e => e.AmountQepik) }).ToDictionaryAsync(x => x.Key, x => x.Sum, ct);
        var ended = commitments.Where(e => paidOn.GetValueOrDefault(e.Id) < e.AmountQepik).ToList();
        foreach (var e in ended) e.Status = ExpenditureStatus.EndedAtYearEnd;

        var next = await db.Budgets.FirstOrDefaultAsync(x => x.MunicipalityId == municipalityId && x.Year == b.Year + 1, ct);
        if (next is null)
        {
            next = new MunicipalBudget { MunicipalityId = municipalityId, Year = b.Year + 1, Status = BudgetStatus.Drafting, DraftingStartedOn = today,
                CreatedAt = time.GetUtcNow().UtcDateTime, CreatedBy = by, Note = $"{b.Year}-ci ilin bağlanışından yaradılıb / created by the close of {b.Year}" };
            db.Budgets.Add(next);
            await db.SaveChangesAsync(ct);
        }
        next.OpeningBalanceQepik = close.FreeBalance.Qepik;
        var carried = close.Earmarked.Where(e => e.Treatment == EarmarkedBalanceTreatment.CarryForwardEarmarked).ToList();
        var n = 0;
        foreach (var e in carried)
        {
            var code = $"CF{b.Year}-{++n:00}";
            db.BudgetLines.Add(new BudgetLineRecord
            {
                MunicipalityId = municipalityId, BudgetId = next.Id, Side = BudgetSide.Expenditure, Code = code, Area = ExpenditureArea.Other,
                Name = $"{b.Year}-ci ildən keçən məqsədli qalıq: {e.Purpose}", Funding = e.Funding, Purpose = e.Purpose, PlannedQepik = e.Balance.Qepik,
            });
        }
        b.ClosedOn = today;
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new YearEndView(b.Year, close.EndedTotal.Qepik, ended.Count, close.FreeBalance.Qepik, next.Id,
            close.Earmarked.Select(e => new CarriedBalance(e.Funding, e.Purpose, e.Balance.Qepik, e.Treatment.ToString(), e.Article.ToString())).ToList());
    }

    [Law("FL 11.3")]
    public static async Task<MunicipalBudget> ApproveExecutionReportAsync(AppDb db, int municipalityId, int budgetId, ExecutionReportApproval body, TimeProvider time,
        CancellationToken ct)
    {
        var b = await LoadAsync(db, municipalityId, budgetId, ct);
        if (b.Status is not (BudgetStatus.Approved or BudgetStatus.Closed))
            throw new LegalRuleViolation(Fl("11.3"), "budgetId", "Təsdiq edilməmiş büdcənin icrası haqqında hesabat olmur", "A budget never approved has no execution report");
        var d = await DecisionAsync(db, municipalityId, body.DecisionId, BudgetAct.AnnualReport, null, ct);
        if (d.AdoptedOn <= BudgetYear.End(b.Year) && b.Status != BudgetStatus.Closed)
            throw new LegalRuleViolation(Fl("11.3"), "decisionId", "İllik hesabat büdcə ili qurtardıqdan sonra təsdiq edilir", "The annual report is approved after the budget year");
        if (body.PublishedOn is { } p && (p < d.AdoptedOn || p > Clock.Today(time)))
            throw new InputError("publishedOn", new Text("Dərc tarixi qərardan əvvəl və ya gələcəkdə ola bilməz", "Publication cannot precede the decision or be in the future"));
        b.ExecutionReportDecisionId = d.Id;
        b.ExecutionReportApprovedOn = d.AdoptedOn;
        b.ExecutionReportPublishedOn = body.PublishedOn;
        await db.SaveChangesAsync(ct);
        return b;
    }

    // ---- reports of SL 52-2 ----

    private static LegalReference Sl(string a) => new(Acts.SL, a);

    /// <summary>The report is on the year's results ("ilin yekununa görə"): never before the budget year is over.</summary>
    private static void AfterTheYear(MunicipalBudget b, DateOnly on, LegalReference article, string field)
    {
        if (on <= BudgetYear.End(b.Year))
            throw new LegalRuleViolation(article, field, $"Hesabat {b.Year}-ci ilin yekununa görədir: {b.Year + 1}-ci ildən əvvəl ola bilməz",
                $"The report is on the results of {b.Year}: it cannot come before {b.Year + 1}");
    }

    [Law("SL 52-2.1")]
    [Law("SL 52-2.2")]
    public static async Task<MunicipalBudget> ReportToParliamentSentAsync(AppDb db, int municipalityId, int budgetId, ParliamentReportSent body, TimeProvider time,
        CancellationToken ct)
    {
        var b = await LoadAsync(db, municipalityId, budgetId, ct);
        if (b.Version != body.Version) throw new DbUpdateConcurrencyException();
        if (!await BudgetCalendarView.StateFundsOrDelegatedPowersAsync(db, b, ct))
            throw new LegalRuleViolation(Sl("52-2.1"), "budgetId",
                "Büdcədə həvalə edilmiş səlahiyyətlər və dövlət büdcəsindən vəsait yoxdur: Milli Məclisə hesabat tələb olunmur",
                "The budget has no delegated powers and no state-budget funds: no report to the Milli Məclis is due");
        if (b.Status is not (BudgetStatus.Approved or BudgetStatus.Closed))
            throw new LegalRuleViolation(Sl("52-2.2"), "status", "Təsdiq edilməmiş büdcənin icrası haqqında hesabat olmur", "A budget never approved has no report");
        var on = Day(body.On, Clock.Today(time), "on");
        AfterTheYear(b, on, Sl("52-2.2"), "on");
        b.ReportToParliamentSentOn = on;
        b.ReportToParliamentReference = Trim(body.Reference, 100);
        await db.SaveChangesAsync(ct);
        return b;
    }

    [Law("SL 52-2.3")]
    public static async Task<MunicipalBudget> VoterReportGivenAsync(AppDb db, int municipalityId, int budgetId, VoterReportGiven body, TimeProvider time,
        CancellationToken ct)
    {
        var b = await LoadAsync(db, municipalityId, budgetId, ct);
        if (b.Version != body.Version) throw new DbUpdateConcurrencyException();
        var d = body.DecisionId is { } id ? await db.CouncilDecisions.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id && x.MunicipalityId == municipalityId, ct) : null;
        if (d is null || d.Status == DecisionStatus.Revoked)
            throw new LegalRuleViolation(Sl("52-2.3"), "decisionId", "Seçicilərə hesabat bələdiyyənin iclasında təsdiq edilir: onu təsdiq edən qüvvədə olan qərarı göstərin",
                "The report to voters is approved at a session of the council: name the decision in force that approved it");
        AfterTheYear(b, d.AdoptedOn, Sl("52-2.3"), "decisionId");
        var on = Day(body.On, Clock.Today(time), "on");
        if (on < d.AdoptedOn)
            throw new LegalRuleViolation(Sl("52-2.3"), "on", "Hesabat təsdiq edildikdən sonra seçicilərə verilir", "The report is given to the voters after it is approved");
        b.VoterReportDecisionId = d.Id;
        b.VoterReportApprovedOn = d.AdoptedOn;
        b.VoterReportGivenOn = on;
        await db.SaveChangesAsync(ct);
        return b;
    }

    [Law("SL 52-2.3")]
    public static async Task<MunicipalBudget> VoterReportSentAsync(AppDb db, int municipalityId, int budgetId, Milestone body, TimeProvider time, CancellationToken ct)
    {
        var b = await LoadAsync(db, municipalityId, budgetId, ct);
        if (b.Version != body.Version) throw new DbUpdateConcurrencyException();
        if (b.VoterReportApprovedOn is not { } approved)
            throw new LegalRuleViolation(Sl("52-2.3"), "decisionId", "Əvvəlcə seçicilərə hesabatın təsdiqini qeyd edin: inzibati nəzarət orqanına təsdiq edilmiş hesabat göndərilir",
                "Record the report to voters first: the approved report is what goes to the oversight body");
        var on = Day(body.On, Clock.Today(time), "on");
        if (on < approved)
            throw new LegalRuleViolation(Sl("52-2.3"), "on", "Hesabat təsdiq edildikdən sonra göndərilir", "The report is sent after it is approved");
        b.VoterReportSentToOversightOn = on;
        await db.SaveChangesAsync(ct);
        return b;
    }

    // ---- audits (FL 13.1) ----

    public static AuditView View(BudgetAudit a) => new(a.Id, a.Year, a.Auditor, a.EngagedOn, a.ReportedOn, a.Findings, a.CreatedAt, a.CreatedBy, a.Version);

    private static void FillAudit(BudgetAudit a, AuditInput body)
    {
        if (string.IsNullOrWhiteSpace(body.Auditor)) throw new InputError("auditor", new Text("Auditoru göstərin", "Name the auditor"));
        if (body.Year < 2000 || body.Year > 2100) throw new InputError("year", new Text("İl yanlışdır", "Invalid year"));
        if (body.ReportedOn is { } r && r < body.EngagedOn) throw new InputError("reportedOn", new Text("Hesabat cəlbdən əvvəl ola bilməz", "The report cannot precede the engagement"));
        a.Year = body.Year;
        a.Auditor = Trim(body.Auditor, 300)!;
        a.EngagedOn = body.EngagedOn;
        a.ReportedOn = body.ReportedOn;
        a.Findings = Trim(body.Findings, 4000);
    }

    public static async Task<BudgetAudit> AddAuditAsync(AppDb db, int municipalityId, AuditInput body, string by, TimeProvider time, CancellationToken ct)
    {
        var a = new BudgetAudit { MunicipalityId = municipalityId, Auditor = "", CreatedAt = time.GetUtcNow().UtcDateTime, CreatedBy = by };
        FillAudit(a, body);
        db.BudgetAudits.Add(a);
        await db.SaveChangesAsync(ct);
        return a;
    }

    public static async Task<BudgetAudit> EditAuditAsync(AppDb db, int municipalityId, int id, AuditInput body, CancellationToken ct)
    {
        var a = await db.BudgetAudits.FirstOrDefaultAsync(x => x.Id == id && x.MunicipalityId == municipalityId, ct) ?? throw new NotFound("Audit");
        if (a.Version != body.Version) throw new DbUpdateConcurrencyException();
        FillAudit(a, body);
        await db.SaveChangesAsync(ct);
        return a;
    }

    public static async Task RemoveAuditAsync(AppDb db, int municipalityId, int id, long? version, CancellationToken ct)
    {
        var a = await db.BudgetAudits.FirstOrDefaultAsync(x => x.Id == id && x.MunicipalityId == municipalityId, ct) ?? throw new NotFound("Audit");
        if (version is { } v && a.Version != v) throw new DbUpdateConcurrencyException();
        db.BudgetAudits.Remove(a);
        await db.SaveChangesAsync(ct);
    }

    public static async Task<PageOf<AuditView>> AuditsAsync(AppDb db, int municipalityId, int? year, string? q, int? page, int? pageSize, CancellationToken ct)
    {
        var query = db.BudgetAudits.AsNoTracking().Where(a => a.MunicipalityId == municipalityId);
        if (year is { } y) query = query.Where(a => a.Year == y);
        if (!string.IsNullOrWhiteSpace(q))
        {
            var t = q.Trim().ToLower();
            query = query.Where(a => a.Auditor.ToLower().Contains(t) || (a.Findings != null && a.Findings.ToLower().Contains(t)));
        }
        var total = await query.CountAsync(ct);
        var (p, size, skip) = TaxesApi.Paging(page, pageSize);
        var rows = await query.OrderByDescending(a => a.Year).ThenByDescending(a => a.EngagedOn).Skip(skip).Take(size).ToListAsync(ct);
        return new PageOf<AuditView>(total, p, size, rows.Select(View).ToList());
    }

    public static string? Trim(string? s, int max)
    {
        if (string.IsNullOrWhiteSpace(s)) return null;
        var t = s.Trim();
        return t.Length > max ? t[..max] : t;
    }
}
