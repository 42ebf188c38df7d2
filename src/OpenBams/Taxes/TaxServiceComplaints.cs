using Microsoft.EntityFrameworkCore;
using OpenBams.Law;
using OpenBams.Law.Taxes;
using OpenBams.Platform;
using OpenBams.Platform.Calendar;
using OpenBams.Platform.Data;
using OpenBams.Platform.Http;
using OpenBams.Platform.Localization;

namespace OpenBams.Taxes;

/// <summary>
/// A payer's complaint as received. A late one (after 3 months) is accepted only when the chairman or a deputy registers it
/// with <paramref name="RestorationReason"/>, the good reason for restoring the limit (TAX-REG 6.4).
/// </summary>
public sealed record NewComplaint(int? TaxpayerId, int? ActId, ComplaintAgainst? Against, string? Subject, DateOnly? LearnedOn, DateOnly? ReceivedOn,
    bool AlsoInCourt = false, string? RestorationReason = null);
public sealed record ComplaintDecisionInput(DateOnly? DecidedOn, string? Outcome, string? Reference, long? Version = null);
public sealed record ComplaintReplyInput(DateOnly? RepliedOn, DeliveryMethod? Method, long? Version = null);
public sealed record ComplaintCourtInput(bool? AlsoInCourt, long? Version = null);

public sealed record ComplaintQuery(string? Q = null, bool? Pending = null, bool? Overdue = null, ComplaintAddressee? AddressedTo = null, int? Page = null,
    int? PageSize = null);

public sealed record ComplaintView(int Id, int TaxpayerId, string Taxpayer, int? ActId, string? ActCode, ComplaintAgainst Against, string AgainstName,
    ComplaintAddressee AddressedTo, string AddresseeName, string Subject, DateOnly LearnedOn, DateOnly ReceivedOn, DateOnly FileBy, string FileByExplanation,
    bool Late, string? RestoredBy, DateOnly? RestoredOn, string? RestorationReason, DateOnly ReviewDueOn, string ReviewDueExplanation, DateOnly? DecidedOn,
    string? Outcome, string? DecidedBy, string? DecisionReference, bool DecidedLate, DateOnly? ReplyDueOn, string? ReplyDueExplanation, DateOnly? RepliedOn,
    DeliveryMethod? ReplyMethod, bool RepliedLate, bool AlsoInCourt, bool Pending, bool SanctionsSuspended, bool TaxPaymentSuspended, string SuspensionNote,
    bool Overdue, IReadOnlyList<ServiceFlag> Flags, long Version);

/// <summary>
/// TAX-REG 6.2-6.6: payers' complaints — to the chairman about officials, to the council about decisions and the chairman
/// (6.2); filed within 3 months of learning of the breach, a missed limit restored only by the chairman or deputy (6.4); reviewed
/// within 30 days of receipt and answered in writing within 10 days of the decision (6.6). Going to court as well is recorded and
/// never blocks anything (6.3); while a complaint is pending sanctions are not enforced (6.5).
/// </summary>
public static class TaxServiceComplaints
{
    private static LegalReference Reg(string article) => new(Acts.TaxReg, article);

    public static async Task<PageOf<ComplaintView>> ListAsync(AppDb db, int municipalityId, ComplaintQuery q, TimeProvider time, CancellationToken ct)
    {
        var (page, size, skip) = TaxesApi.Paging(q.Page, q.PageSize);
        var query = db.TaxComplaints.AsNoTracking().Where(c => c.MunicipalityId == municipalityId);
        if (q.Pending == true) query = query.Where(c => c.DecidedOn == null);
        if (q.Pending == false) query = query.Where(c => c.DecidedOn != null);
        if (q.AddressedTo is { } to) query = query.Where(c => c.AddressedTo == to);
        var rows = await query.OrderByDescending(c => c.ReceivedOn).ThenByDescending(c => c.Id).ToListAsync(ct);
        var payers = await TaxService.TaxpayersAsync(db, rows.Select(r => r.TaxpayerId), ct);
        if (!string.IsNullOrWhiteSpace(q.Q))
            rows = rows.Where(c => TaxService.Matches(q.Q, c.Subject, c.Outcome, payers.GetValueOrDefault(c.TaxpayerId)?.Name,
                payers.GetValueOrDefault(c.TaxpayerId)?.TaxId, payers.GetValueOrDefault(c.TaxpayerId)?.PersonalId)).ToList();
        var views = await ViewsAsync(db, municipalityId, rows, payers, time, ct);
        if (q.Overdue is { } o) views = views.Where(v => v.Overdue == o).ToList();
        return new PageOf<ComplaintView>(views.Count, page, size, views.Skip(skip).Take(size).ToList());
    }

    public static async Task<ComplaintView> GetAsync(AppDb db, int municipalityId, int complaintId, TimeProvider time, CancellationToken ct)
    {
        var c = await db.TaxComplaints.AsNoTracking().FirstOrDefaultAsync(x => x.Id == complaintId && x.MunicipalityId == municipalityId, ct) ?? throw new NotFound("Complaint");
        return (await ViewsAsync(db, municipalityId, [c], await TaxService.TaxpayersAsync(db, [c.TaxpayerId], ct), time, ct))[0];
    }

    /// <summary>TAX-REG 6.2, 6.4, 6.6: registers a complaint, routes it, and sets its limit and review deadline.</summary>
    [Law("TAX-REG 6.2")]
    [Law("TAX-REG 6.4")]
    [Law("TAX-REG 6.6")]
    public static async Task<ComplaintView> CreateAsync(AppDb db, TaxActor actor, NewComplaint body, TimeProvider time, CancellationToken ct)
    {
        TaxService.RequireKeeperOrChairman(actor, "VXƏ 3.1.3, 6");
        var payer = await TaxService.TaxpayerAsync(db, actor.MunicipalityId, body.TaxpayerId, ct);
        if (body.ActId is { } actId)
        {
            var act = await db.AuditActs.AsNoTracking().FirstOrDefaultAsync(a => a.Id == actId && a.MunicipalityId == actor.MunicipalityId, ct)
                      ?? throw new InputError("actId", new Text("Akt tapılmadı", "The act was not found"));
            if (act.TaxpayerId != payer.Id) throw new InputError("actId", new Text("Akt başqa ödəyiciyə aiddir", "The act is of another taxpayer"));
        }
        var against = body.Against ?? (body.ActId is not null ? ComplaintAgainst.TaxServiceAct : (ComplaintAgainst?)null);
        if (against is not { } what || !Enum.IsDefined(what))
            throw new LegalRuleViolation(Reg("6.2"), "against", "Şikayətin nədən verildiyi seçilməlidir: vəzifəli şəxslər, vergi xidmətinin aktı, bələdiyyənin qərarı və ya sədr",
                "Choose what the complaint is against: officials, a tax service act, a municipal decision or the chairman");
        var subject = TaxService.Required(body.Subject, "subject", 10_000, new Text("Şikayətin məzmunu yazılmalıdır", "Write what the complaint is about"));
        var today = Clock.Today(time);
        var received = TaxService.Day(body.ReceivedOn, "receivedOn", today);
        if (body.LearnedOn is not { } learned)
            throw new LegalRuleViolation(Reg("6.4"), "learnedOn", "Ödəyicinin hüququnun pozulduğunu bildiyi gün göstərilməlidir (3 aylıq müddət ondan hesablanır)",
                "Give the day the payer learned of the breach (the 3 months run from it)");
        if (learned > received)
            throw new InputError("learnedOn", new Text("Pozuntudan xəbər tutma günü şikayətin alındığı gündən sonra ola bilməz", "The day of learning cannot be after the complaint was received"));
        var calendar = await WorkingCalendars.LoadAsync(db, learned.Year, received.Year + 1, ct);
        var fileBy = TaxServiceRules.ComplaintDue(calendar, learned);
        var late = TaxServiceProcedure.IsLateComplaint(fileBy.Due, received);
        var reason = TaxService.Optional(body.RestorationReason, "restorationReason", 500);
        if (reason is not null)
        {
            if (!late) throw new InputError("restorationReason", new Text("Şikayət müddətində verilib: bərpa ediləcək müddət yoxdur", "The complaint is in time: there is no limit to restore"));
            actor.RequireChairman("VXƏ 6.4");
        }
        TaxServiceProcedure.RequireComplaintInTime(fileBy, received, restored: reason is not null);
        var c = new TaxComplaint
        {
            MunicipalityId = actor.MunicipalityId, TaxpayerId = payer.Id, ActId = body.ActId, Against = what,
            AgainstDecisionOrChairman = TaxServiceProcedure.IsAgainstDecisionOrChairman(what), AddressedTo = TaxServiceProcedure.AddresseeFor(what),
            Subject = subject, LearnedOn = learned, ReceivedOn = received, FileBy = fileBy.Due, Late = late,
            RestoredBy = reason is null ? null : await TaxService.SignerAsync(db, actor, ct), RestoredOn = reason is null ? null : today, RestorationReason = reason,
            ReviewDueOn = TaxServiceRules.ComplaintReviewDue(calendar, received).Due, AlsoInCourt = body.AlsoInCourt,
        };
        db.TaxComplaints.Add(c);
        await db.SaveChangesAsync(ct);
        return await GetAsync(db, actor.MunicipalityId, c.Id, time, ct);
    }

    private static async Task<TaxComplaint> FindAsync(AppDb db, TaxActor actor, int complaintId, long? version, CancellationToken ct)
    {
        var c = await db.TaxComplaints.FirstOrDefaultAsync(x => x.Id == complaintId && x.MunicipalityId == actor.MunicipalityId, ct) ?? throw new NotFound("Complaint");
        TaxService.CheckVersion(c, version);
        return c;
    }

    /// <summary>
    /// TAX-REG 6.2, 6.6: the decision on the complaint. A complaint to the chairman is decided by the chairman or a deputy; one to
    /// the council by a council decision, whose reference is required. A decision after the 30 days is flagged late.
    /// </summary>
    [Law("TAX-REG 6.6")]
    public static async Task<ComplaintView> DecideAsync(AppDb db, TaxActor actor, int complaintId, ComplaintDecisionInput body, TimeProvider time, CancellationToken ct)
    {
        var c = await FindAsync(db, actor, complaintId, body.Version, ct);
        if (c.AddressedTo == ComplaintAddressee.Chairman) actor.RequireChairman("VXƏ 6.2");
        else TaxService.RequireKeeperOrChairman(actor, "VXƏ 6.2");
        if (c.DecidedOn is not null)
            throw new InputError("complaintId", new Text("Şikayət üzrə qərar artıq qeyd edilib", "The complaint is already decided"), StatusCodes.Status409Conflict);
        var outcome = TaxService.Required(body.Outcome, "outcome", 10_000, new Text("Qərarın məzmunu yazılmalıdır", "Write what was decided"));
        var reference = TaxService.Optional(body.Reference, "reference", 200);
        if (c.AddressedTo == ComplaintAddressee.Council && reference is null)
            throw new LegalRuleViolation(Reg("6.2"), "reference", "Şuraya verilən şikayət bələdiyyənin qərarı ilə həll edilir: qərarın rekvizitləri göstərilməlidir",
                "A complaint to the council is decided by a council decision: give its reference");
        var today = Clock.Today(time);
        var on = TaxService.Day(body.DecidedOn, "decidedOn", today, c.ReceivedOn);
        var calendar = await WorkingCalendars.LoadAsync(db, on.Year, on.Year + 1, ct);
        c.DecidedOn = on;
        c.Outcome = outcome;
        c.DecisionReference = reference;
        c.DecidedBy = await TaxService.SignerAsync(db, actor, ct);
        c.ReplyDueOn = TaxServiceRules.ComplaintReplyDue(calendar, on).Due;
        await db.SaveChangesAsync(ct);
        return await GetAsync(db, actor.MunicipalityId, c.Id, time, ct);
    }

    /// <summary>TAX-REG 6.6: the complainant is told of the decision in writing (within 10 days of it).</summary>
    [Law("TAX-REG 6.6")]
    public static async Task<ComplaintView> ReplyAsync(AppDb db, TaxActor actor, int complaintId, ComplaintReplyInput body, TimeProvider time, CancellationToken ct)
    {
        TaxService.RequireKeeperOrChairman(actor, "VXƏ 6.6");
        var c = await FindAsync(db, actor, complaintId, body.Version, ct);
        if (c.DecidedOn is null)
            throw new LegalRuleViolation(Reg("6.6"), "status", "Şikayətçiyə qərar barədə məlumat verilir: əvvəlcə qərar qeyd edilməlidir",
                "The complainant is told of the decision: record the decision first");
        if (c.RepliedOn is not null)
            throw new InputError("complaintId", new Text("Cavab artıq qeyd edilib", "The reply is already recorded"), StatusCodes.Status409Conflict);
        if (body.Method is not { } m || !Enum.IsDefined(m))
            throw new LegalRuleViolation(Reg("6.6"), "method", "Şikayətçiyə yazılı məlumat verilir: göndərilmə üsulu seçilməlidir", "The complainant is told in writing: choose how it was sent");
        c.RepliedOn = TaxService.Day(body.RepliedOn, "repliedOn", Clock.Today(time), c.DecidedOn);
        c.ReplyMethod = m;
        await db.SaveChangesAsync(ct);
        return await GetAsync(db, actor.MunicipalityId, c.Id, time, ct);
    }

    /// <summary>TAX-REG 6.3: the payer also (or later) went to court or another State body; recorded, and it never blocks the complaint.</summary>
    [Law("TAX-REG 6.3")]
    public static async Task<ComplaintView> CourtAsync(AppDb db, TaxActor actor, int complaintId, ComplaintCourtInput body, TimeProvider time, CancellationToken ct)
    {
        TaxService.RequireKeeperOrChairman(actor, "VXƏ 6.3");
        var c = await FindAsync(db, actor, complaintId, body.Version, ct);
        c.AlsoInCourt = body.AlsoInCourt ?? throw new InputError("alsoInCourt", new Text("Bəli və ya xeyr seçilməlidir", "Send true or false"));
        await db.SaveChangesAsync(ct);
        return await GetAsync(db, actor.MunicipalityId, c.Id, time, ct);
    }

    public static Text AgainstName(ComplaintAgainst a) => a switch
    {
        ComplaintAgainst.Officials => new("vergi xidmətinin vəzifəli şəxslərinin hərəkəti (hərəkətsizliyi)", "actions (inaction) of tax service officials"),
        ComplaintAgainst.TaxServiceAct => new("vergi xidmətinin aktı", "an act of the tax service"),
        ComplaintAgainst.MunicipalDecision => new("bələdiyyənin qərarı", "a municipal decision"),
        _ => new("bələdiyyə sədrinin (müavininin) hərəkəti (hərəkətsizliyi)", "actions (inaction) of the chairman (or deputy)"),
    };

    public static Text AddresseeName(ComplaintAddressee a) => a == ComplaintAddressee.Chairman
        ? new("bələdiyyənin sədri (müavini)", "the chairman (or deputy)")
        : new("bələdiyyə şurası", "the municipal council");

    private static async Task<IReadOnlyList<ComplaintView>> ViewsAsync(AppDb db, int municipalityId, IReadOnlyList<TaxComplaint> rows,
        IReadOnlyDictionary<int, Taxpayer> payers, TimeProvider time, CancellationToken ct)
    {
        var today = Clock.Today(time);
        var years = rows.Select(r => r.LearnedOn.Year).Append(today.Year).ToList();
        var calendar = await WorkingCalendars.LoadAsync(db, years.Min(), Math.Max(years.Max(), rows.Select(r => (r.DecidedOn ?? r.ReceivedOn).Year).DefaultIfEmpty(today.Year).Max()) + 1, ct);
        var actIds = rows.Where(r => r.ActId is not null).Select(r => r.ActId!.Value).Distinct().ToList();
        var acts = await db.AuditActs.AsNoTracking().Where(a => actIds.Contains(a.Id)).Select(a => new { a.Id, a.Number, a.Year }).ToDictionaryAsync(a => a.Id, ct);
        var settings = await TaxService.SettingsAsync(db, municipalityId, ct);
        return rows.Select(c =>
        {
            var fileBy = TaxServiceRules.ComplaintDue(calendar, c.LearnedOn);
            var review = TaxServiceRules.ComplaintReviewDue(calendar, c.ReceivedOn);
            Deadline? reply = c.DecidedOn is { } d ? TaxServiceRules.ComplaintReplyDue(calendar, d) : null;
            var pending = c.DecidedOn is null;
            var flags = new List<ServiceFlag>();
            if (c.Late && c.RestoredBy is not null)
                flags.Add(new("limit-restored", "TAX-REG 6.4", "Info",
                    new Text($"3 aylıq müddət buraxılıb, {c.RestoredBy} tərəfindən bərpa edilib: {c.RestorationReason}", $"The 3 months were missed; restored by {c.RestoredBy}: {c.RestorationReason}"), c.FileBy));
            if (pending && today > c.ReviewDueOn)
                flags.Add(new("review-overdue", "TAX-REG 6.6", "Breach",
                    new Text($"Şikayətə {Fmt.Date(c.ReviewDueOn)} tarixinədək baxılmalı idi (30 gün)", $"The complaint was to be reviewed by {Fmt.Date(c.ReviewDueOn)} (30 days)"), c.ReviewDueOn));
            if (c.DecidedOn is { } on && on > c.ReviewDueOn)
                flags.Add(new("decided-late", "TAX-REG 6.6", "Breach",
                    new Text($"Şikayətə müddətdən sonra baxılıb ({Fmt.Date(on)})", $"Reviewed after the deadline ({Fmt.Date(on)})"), c.ReviewDueOn));
            if (!pending && c.RepliedOn is null && c.ReplyDueOn is { } rd && today > rd)
                flags.Add(new("reply-overdue", "TAX-REG 6.6", "Breach",
                    new Text($"Şikayətçiyə {Fmt.Date(rd)} tarixinədək yazılı cavab verilməli idi (10 gün)", $"The complainant was to be told in writing by {Fmt.Date(rd)} (10 days)"), rd));
            if (c.RepliedOn is { } ro && c.ReplyDueOn is { } rd2 && ro > rd2)
                flags.Add(new("replied-late", "TAX-REG 6.6", "Breach",
                    new Text($"Cavab müddətdən sonra verilib ({Fmt.Date(ro)})", $"Replied after the deadline ({Fmt.Date(ro)})"), rd2));
            if (c.AlsoInCourt)
                flags.Add(new("also-in-court", "TAX-REG 6.3", "Info",
                    new Text("Ödəyici məhkəməyə (və ya digər dövlət orqanına) da müraciət edib: bu, şikayətə baxılmasına mane olmur",
                        "The payer also went to court (or another State body): this does not stop the complaint's review"), null));
            if (pending)
                flags.Add(new("sanctions-suspended", "TAX-REG 6.5", "Info",
                    new Text("Şikayətə baxılır: maliyyə sanksiyaları tətbiq edilmir", "The complaint is being examined: financial sanctions are not enforced"), null));
            var payer = payers.GetValueOrDefault(c.TaxpayerId);
            return new ComplaintView(c.Id, c.TaxpayerId, payer is null ? "—" : TaxService.TaxpayerLabel(payer), c.ActId,
                c.ActId is { } aid && acts.TryGetValue(aid, out var act) ? $"{act.Number}/{act.Year}" : null, c.Against, AgainstName(c.Against), c.AddressedTo,
                AddresseeName(c.AddressedTo), c.Subject, c.LearnedOn, c.ReceivedOn, c.FileBy, fileBy.Explain(Text.Lang), c.Late, c.RestoredBy, c.RestoredOn,
                c.RestorationReason, c.ReviewDueOn, review.Explain(Text.Lang), c.DecidedOn, c.Outcome, c.DecidedBy, c.DecisionReference,
                c.DecidedOn is { } dd && dd > c.ReviewDueOn, c.ReplyDueOn, reply?.Explain(Text.Lang), c.RepliedOn, c.ReplyMethod,
                c.RepliedOn is { } r && c.ReplyDueOn is { } due && r > due, c.AlsoInCourt, pending, TaxServiceProcedure.SanctionsSuspended(pending),
                TaxServiceProcedure.TaxPaymentSuspended(pending, settings.ComplaintSuspendsPayment), TaxService.SuspensionNote,
                flags.Any(f => f.Code is "review-overdue" or "reply-overdue"), flags, c.Version);
        }).ToList();
    }
}
