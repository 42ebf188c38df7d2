using Microsoft.EntityFrameworkCore;
using OpenBams.Law;
using OpenBams.Law.Taxes;
using OpenBams.Platform;
using OpenBams.Platform.Calendar;
using OpenBams.Platform.Data;
using OpenBams.Platform.Http;
using OpenBams.Platform.Localization;

namespace OpenBams.Taxes;

/// <summary>TAX-REG 5.3: each person drawing up the act, by position and full name.</summary>
public sealed record ActOfficial(string? Position, string? FullName);

public sealed record NewAct(int? TaxpayerId, int? AuditId, DateOnly? DrawnOn, string? Place, IReadOnlyList<ActOfficial>? DrawnBy, string? Payer,
    LocalTax? Tax, string? Circumstances, string? Articles, string? Proposal, decimal? Amount);

public sealed record ActDelivery(DateOnly? DeliveredOn, DeliveryMethod? Method, string? Proof, bool Obstructed = false, DateOnly? RegisteredLetterSentOn = null,
    DateOnly? OriginalToChairmanOn = null, long? Version = null);
public sealed record ActObjection(DateOnly? ReceivedOn, bool Whole, string? Parts, string? Text, long? Version = null);
public sealed record HearingNoticeInput(DateOnly? NoticeOn, DateOnly? HearingOn, TimeOnly? HearingTime, string? Place, long? Version = null);
public sealed record HearingRecord(bool? Attended, string? AbsenceReason, bool? ReasonAccepted, long? Version = null);
public sealed record ActDecisionInput(ActDecision? Decision, DateOnly? DecidedOn, string? Reference, long? Version = null);
public sealed record DemandInput(DateOnly? SentOn, decimal? Interest, decimal? Sanctions, long? Version = null);
public sealed record DemandDeliveryInput(DateOnly? DeliveredOn, DeliveryMethod? Method, string? Proof, bool Obstructed = false, DateOnly? RegisteredLetterSentOn = null,
    long? Version = null);
public sealed record VoluntaryPaymentInput(DateOnly? PaidOn, DateOnly? CancelledOn, string? CancellationReference, long? Version = null);
public sealed record CourtFilingInput(DateOnly? FiledOn, string? Representation, string? CaseNumber, long? Version = null);
public sealed record JudgementInput(DateOnly? FinalOn, string? Judgement, long? Version = null);
public sealed record ActClosingInput(DateOnly? ClosedOn, string? Note, long? Version = null);

public sealed record ActQuery(string? Q = null, ActStatus? Status = null, bool? Open = null, bool? Overdue = null, int? Year = null, int? Page = null,
    int? PageSize = null);

/// <summary>A step of the act's way (TAX-REG 5.3-5.12): done, running, overdue, waiting or not applicable, with its deadline explained.</summary>
public sealed record TimelineStep(string Code, string Title, string Rule, string State, DateOnly? On, DateOnly? DueOn, string? Explanation, string? Detail);

public sealed record ProcedureFindingView(string Code, string Rule, string Field, bool Passed, bool Blocking, string Message);

/// <summary>An act on an unpaid tax with every step, its deadlines (working calendar), flags and what may come next.</summary>
public sealed record ActView
{
    public required int Id { get; init; }
    public required string Code { get; init; }
    public required int Number { get; init; }
    public required int Year { get; init; }
    public int? AuditId { get; init; }
    public required int TaxpayerId { get; init; }
    public required string Taxpayer { get; init; }
    public required DateOnly DrawnOn { get; init; }
    public required string Place { get; init; }
    public required IReadOnlyList<string> DrawnBy { get; init; }
    public required string Payer { get; init; }
    public required LocalTax Tax { get; init; }
    public required string TaxName { get; init; }
    public required string Circumstances { get; init; }
    public required string Articles { get; init; }
    public required string Proposal { get; init; }
    public required decimal Amount { get; init; }
    public required ActStatus Status { get; init; }
    public required string StatusName { get; init; }
    public DateOnly? DeliveredOn { get; init; }
    public DeliveryMethod? DeliveryMethod { get; init; }
    public string? DeliveryProof { get; init; }
    public bool DeemedDelivered { get; init; }
    public DateOnly? RegisteredLetterSentOn { get; init; }
    public DateOnly? OriginalToChairmanOn { get; init; }
    public DateOnly? ObjectionDueOn { get; init; }
    public string? ObjectionDueExplanation { get; init; }
    public DateOnly? DecisionDueOn { get; init; }
    public string? DecisionDueExplanation { get; init; }
    public DateOnly? ObjectionReceivedOn { get; init; }
    public string? ObjectionParts { get; init; }
    public string? ObjectionText { get; init; }
    public bool ObjectionLate { get; init; }
    public DateOnly? HearingNoticeOn { get; init; }
    public DateOnly? HearingOn { get; init; }
    public TimeOnly? HearingTime { get; init; }
    public string? HearingPlace { get; init; }
    public DateOnly? EarliestHearingOn { get; init; }
    public string? EarliestHearingExplanation { get; init; }
    public bool? HeardInAbsentia { get; init; }
    public string? AbsenceReason { get; init; }
    public bool? AbsenceReasonAccepted { get; init; }
    public DateOnly? DecidedOn { get; init; }
    public ActDecision? Decision { get; init; }
    public string? DecisionName { get; init; }
    public string? DecisionReference { get; init; }
    public bool DecidedLate { get; init; }
    public DateOnly? DemandSentOn { get; init; }
    public decimal? DemandInterest { get; init; }
    public decimal? DemandSanctions { get; init; }
    public decimal? DemandTotal { get; init; }
    public DateOnly? DemandDeliveredOn { get; init; }
    public DeliveryMethod? DemandMethod { get; init; }
    public string? DemandProof { get; init; }
    public bool DemandDeemedDelivered { get; init; }
    public DateOnly? DemandLetterSentOn { get; init; }
    public DateOnly? PaidVoluntarilyOn { get; init; }
    public DateOnly? ReferralCancelledOn { get; init; }
    public string? CancellationReference { get; init; }
    public DateOnly? CourtFiledOn { get; init; }
    public string? CourtRepresentation { get; init; }
    public string? CourtCase { get; init; }
    public DateOnly? JudgementFinalOn { get; init; }
    public string? Judgement { get; init; }
    public DateOnly? ClosedOn { get; init; }
    public string? ClosingNote { get; init; }
    public required bool Overdue { get; init; }
    public required IReadOnlyList<ServiceFlag> Flags { get; init; }
    public required IReadOnlyList<string> NextSteps { get; init; }
    public required bool SanctionsSuspended { get; init; }
    public required bool TaxPaymentSuspended { get; init; }
    public required IReadOnlyList<int> PendingComplaintIds { get; init; }
    /// <summary>Only on the single act: the steps, the 5.10 check of a decision today, and the payer's account for the tax.</summary>
    public IReadOnlyList<TimelineStep> Timeline { get; init; } = [];
    public IReadOnlyList<ProcedureFindingView> Procedure { get; init; } = [];
    public decimal? AccountOverdue { get; init; }
    public decimal? AccountInterest { get; init; }
    public required long Version { get; init; }
}

/// <summary>
/// TAX-REG 5.3-5.12: the act on an unpaid local tax and its way: delivery to the payer (5.3, 5.9), 30 days to object (5.4), a
/// hearing notified 3 working days ahead (5.5), the municipality's decision within 15 days after the objection period (5.6) once
/// the procedure holds (5.10), the decision's copy and the demand delivered with proof of the day (5.7-5.9), and then voluntary
/// payment that cancels the court referral (5.7) or the court on the tax service's representation (5.11) and its final
/// judgement (5.12). Each step refuses to come out of order, citing the article of the step that must come first.
/// </summary>
public static class TaxServiceActs
{
    public const string Delivery = "delivery", Objection = "objection", HearingNotice = "hearing-notice", Hearing = "hearing", Decision = "decision",
        Demand = "demand", DemandDelivery = "demand-delivery", VoluntaryPayment = "voluntary-payment", Court = "court", Judgement = "judgement", Close = "close";

    private static LegalReference Reg(string article) => new(Acts.TaxReg, article);

    public static async Task<PageOf<ActView>> ListAsync(AppDb db, int municipalityId, ActQuery q, TimeProvider time, CancellationToken ct)
    {
        var (page, size, skip) = TaxesApi.Paging(q.Page, q.PageSize);
        var query = db.AuditActs.AsNoTracking().Where(a => a.MunicipalityId == municipalityId);
        if (q.Status is { } s) query = query.Where(a => a.Status == s);
        if (q.Year is { } y) query = query.Where(a => a.Year == y);
        if (q.Open == true) query = query.Where(a => a.Status != ActStatus.Closed);
        if (q.Open == false) query = query.Where(a => a.Status == ActStatus.Closed);
        var rows = await query.OrderByDescending(a => a.Year).ThenByDescending(a => a.Number).ToListAsync(ct);
        var payers = await TaxService.TaxpayersAsync(db, rows.Select(r => r.TaxpayerId), ct);
        if (!string.IsNullOrWhiteSpace(q.Q))
            rows = rows.Where(a => TaxService.Matches(q.Q, $"{a.Number}/{a.Year}", payers.GetValueOrDefault(a.TaxpayerId)?.Name,
                payers.GetValueOrDefault(a.TaxpayerId)?.TaxId, payers.GetValueOrDefault(a.TaxpayerId)?.PersonalId, a.Place, a.DrawnBy, a.Circumstances,
                a.DecisionReference, a.CourtCase)).ToList();
        var views = await ViewsAsync(db, municipalityId, rows, payers, detailed: false, time, ct);
        if (q.Overdue is { } o) views = views.Where(v => v.Overdue == o).ToList();
        return new PageOf<ActView>(views.Count, page, size, views.Skip(skip).Take(size).ToList());
    }

    public static async Task<ActView> GetAsync(AppDb db, int municipalityId, int actId, TimeProvider time, CancellationToken ct)
    {
        var a = await db.AuditActs.AsNoTracking().FirstOrDefaultAsync(x => x.Id == actId && x.MunicipalityId == municipalityId, ct) ?? throw new NotFound("Act");
        return (await ViewsAsync(db, municipalityId, [a], await TaxService.TaxpayersAsync(db, [a.TaxpayerId], ct), detailed: true, time, ct))[0];
    }

    private static Text FieldName(string field) => field switch
    {
        "taxpayerId" => new("ödəyici (reyestrdən)", "the taxpayer (from the register)"),
        "drawnOn" => new("tərtib tarixi", "the date it is drawn up"),
        "place" => new("tərtib yeri", "the place it is drawn up"),
        "drawnBy" => new("tərtib edən şəxslərin vəzifəsi, soyadı, adı, atasının adı", "the position and full name of each person drawing it up"),
        "payer" => new("ödəyici haqqında məlumat", "information about the payer"),
        "tax" => new("verginin və (və ya) ödənişin növü", "the type of tax or payment"),
        "circumstances" => new("qanun pozuntusunun konkret halları", "the specific circumstances of the breach"),
        "articles" => new("məsuliyyət nəzərdə tutan maddələr", "the articles providing for liability"),
        _ => new("ödəyiciyə ödəniş təklifi", "the proposal to the payer to pay"),
    };

    /// <summary>TAX-REG 5.3: the act's required fields this request lacks (taxpayerId first when no payer from the register).</summary>
    [Law("TAX-REG 5.3")]
    public static async Task<IReadOnlyList<(string Field, Text Message)>> MissingFieldsAsync(AppDb db, int municipalityId, NewAct body, CancellationToken ct)
    {
        var payer = body.TaxpayerId is { } id ? await db.Taxpayers.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id && t.MunicipalityId == municipalityId, ct) : null;
        var missing = new List<string>();
        if (payer is null) missing.Add("taxpayerId");
        missing.AddRange(TaxServiceRules.MissingActFields(body.DrawnOn, body.Place, DrawnBy(body.DrawnBy), PayerText(body.Payer, payer),
            body.Tax is { } t && Enum.IsDefined(t) ? t.ToString() : null, body.Circumstances, body.Articles, body.Proposal));
        return missing.Select(f => (f, new Text($"Aktda məcburi rekvizit yoxdur: {FieldName(f).Az} (VXƏ 5.3)", $"The act lacks a required field: {FieldName(f).En} (TAX-REG 5.3)"))).ToList();
    }

    private static string? DrawnBy(IReadOnlyList<ActOfficial>? list) =>
        list is { Count: > 0 } && list.All(o => Input.Blank(o.Position) is not null && Input.Blank(o.FullName) is not null)
            ? string.Join("; ", list.Select(o => $"{o.Position!.Trim()} — {o.FullName!.Trim()}")) : null;

    private static string? PayerText(string? given, Taxpayer? payer) =>
        Input.Blank(given) ?? (payer is null ? null : TaxService.TaxpayerLabel(payer) + (payer.Address is { } a ? ", " + a : ""));

    /// <summary>TAX-REG 5.3: draws up the act with every required field, numbered per municipality and year.</summary>
    [Law("TAX-REG 5.3")]
    public static async Task<ActView> CreateAsync(AppDb db, TaxActor actor, NewAct body, TimeProvider time, CancellationToken ct)
    {
        actor.RequireKeeper();
        var missing = await MissingFieldsAsync(db, actor.MunicipalityId, body, ct);
        if (missing.Count > 0)
            throw new LegalRuleViolation(Reg("5.3"), missing[0].Field, "Aktda məcburi rekvizitlər yoxdur: " + string.Join(", ", missing.Select(m => FieldName(m.Field).Az)),
                "The act lacks required fields: " + string.Join(", ", missing.Select(m => FieldName(m.Field).En)));
        var payer = await TaxService.TaxpayerAsync(db, actor.MunicipalityId, body.TaxpayerId, ct);
        var today = Clock.Today(time);
        var drawnOn = TaxService.Day(body.DrawnOn, "drawnOn", today);
        if (body.DrawnBy!.FirstOrDefault(o => !TaxServiceProcedure.IsFullName(o.FullName)) is { } bad)
            throw new LegalRuleViolation(Reg("5.3"), "drawnBy", $"«{bad.FullName!.Trim()}»: aktı tərtib edənin soyadı, adı və atasının adı yazılmalıdır",
                $"'{bad.FullName!.Trim()}': give the surname, first name and patronymic of each person drawing up the act");
        if (body.Tax is LocalTax.InterestOnArrears or LocalTax.VoluntaryPayment)
            throw new InputError("tax", new Text("Akt ödənilməmiş yerli vergi və ya ödəniş üzrə tərtib edilir", "An act is drawn up on an unpaid local tax or payment"));
        if (body.AuditId is { } auditId)
        {
            var audit = await db.TaxAudits.AsNoTracking().FirstOrDefaultAsync(x => x.Id == auditId && x.MunicipalityId == actor.MunicipalityId, ct)
                        ?? throw new InputError("auditId", new Text("Yoxlama tapılmadı", "The audit was not found"));
            if (audit.TaxpayerId != payer.Id)
                throw new InputError("auditId", new Text("Yoxlama başqa ödəyiciyə aiddir", "The audit is of another taxpayer"));
        }
        var act = new AuditAct
        {
            MunicipalityId = actor.MunicipalityId, AuditId = body.AuditId, TaxpayerId = payer.Id, Year = drawnOn.Year, DrawnOn = drawnOn,
            Place = TaxService.Required(body.Place, "place", 300, FieldName("place")),
            DrawnBy = DrawnBy(body.DrawnBy)!.Length <= 1000 ? DrawnBy(body.DrawnBy)! : throw TaxService.TooLong("drawnBy", 1000),
            PayerInfo = TaxService.Required(PayerText(body.Payer, payer), "payer", 1000, FieldName("payer")),
            Tax = body.Tax!.Value,
            Circumstances = TaxService.Required(body.Circumstances, "circumstances", 10_000, FieldName("circumstances")),
            Articles = TaxService.Required(body.Articles, "articles", 500, FieldName("articles")),
            Proposal = TaxService.Required(body.Proposal, "proposal", 10_000, FieldName("proposal")),
            AmountQepik = TaxService.Qepik(body.Amount, "amount"),
            Status = ActStatus.Drawn,
        };
        db.AuditActs.Add(act);
        // Numbered per municipality and year; two officers drawing acts at once meet the unique index, and the later one takes the next number.
        for (var attempt = 0; ; attempt++)
        {
            act.Number = (await db.AuditActs.Where(x => x.MunicipalityId == act.MunicipalityId && x.Year == act.Year).MaxAsync(x => (int?)x.Number, ct) ?? 0) + 1;
            try
            {
                await db.SaveChangesAsync(ct);
                break;
            }
            catch (DbUpdateException) when (attempt < 3 && db.Entry(act).State == EntityState.Added) { }
        }
        return await GetAsync(db, actor.MunicipalityId, act.Id, time, ct);
    }

    private static async Task<AuditAct> FindAsync(AppDb db, TaxActor actor, int actId, long? version, CancellationToken ct)
    {
        actor.RequireKeeper();
        var a = await db.AuditActs.FirstOrDefaultAsync(x => x.Id == actId && x.MunicipalityId == actor.MunicipalityId, ct) ?? throw new NotFound("Act");
        TaxService.CheckVersion(a, version);
        return a;
    }

    /// <summary>
    /// One step of the act's way: the act loaded for the tax service (its version checked), refused out of order (<see cref="RequireStep"/>),
    /// then the step's own rule and change on the act and today's date, saved at once (one write), and the act as it now stands.
    /// </summary>
    private static async Task<ActView> StepAsync(AppDb db, TaxActor actor, int actId, long? version, string step, TimeProvider time, CancellationToken ct,
        Func<AuditAct, DateOnly, Task> change)
    {
        var a = await FindAsync(db, actor, actId, version, ct);
        RequireStep(a, step);
        await change(a, Clock.Today(time));
        await db.SaveChangesAsync(ct);
        return await GetAsync(db, actor.MunicipalityId, a.Id, time, ct);
    }

    private static Task<ActView> StepAsync(AppDb db, TaxActor actor, int actId, long? version, string step, TimeProvider time, CancellationToken ct,
        Action<AuditAct, DateOnly> change) =>
        StepAsync(db, actor, actId, version, step, time, ct, (a, today) =>
        {
            change(a, today);
            return Task.CompletedTask;
        });

    private static async Task<WorkingCalendar> CalendarAsync(AppDb db, DateOnly from, CancellationToken ct) =>
        await WorkingCalendars.LoadAsync(db, from.Year - 1, from.Year + 2, ct);

    /// <summary>The steps the act's state allows now (a decision may still be refused by the 5.10 check).</summary>
    public static IReadOnlyList<string> NextSteps(AuditAct a) => a.Status switch
    {
        ActStatus.Drawn => [Delivery],
        ActStatus.Delivered => [Objection, Decision],
        ActStatus.Objected => a.ObjectionLate ? [HearingNotice, Decision] : [HearingNotice],
        ActStatus.HearingSet => [Hearing, HearingNotice],
        ActStatus.Heard => [Decision],
        ActStatus.Decided => a.Decision == ActDecision.CourtReferral ? [Demand, VoluntaryPayment] : [Demand],
        ActStatus.DemandSent when a.DemandDeliveredOn is null => a.Decision == ActDecision.CourtReferral ? [DemandDelivery, VoluntaryPayment] : [DemandDelivery],
        ActStatus.DemandSent => a.Decision == ActDecision.CourtReferral ? [VoluntaryPayment, Court] : [Close],
        ActStatus.PaidVoluntarily => [Close],
        ActStatus.InCourt => a.JudgementFinalOn is null ? [Judgement] : [Close],
        _ => [],
    };

    /// <summary>Refuses a step the act is not ready for, naming the article of what must come first (or 409 when it is already done).</summary>
    private static void RequireStep(AuditAct a, string step)
    {
        if (NextSteps(a).Contains(step)) return;
        var done = step switch
        {
            Delivery => a.DeliveredOn is not null,
            Objection => a.ObjectionReceivedOn is not null && a.DecidedOn is null,
            HearingNotice or Hearing => a.HeardInAbsentia is not null && a.DecidedOn is null,
            Decision => a.DecidedOn is not null,
            Demand => a.DemandSentOn is not null,
            DemandDelivery => a.DemandDeliveredOn is not null,
            VoluntaryPayment => a.PaidVoluntarilyOn is not null,
            Court => a.CourtFiledOn is not null,
            Judgement => a.JudgementFinalOn is not null,
            Close => a.Status == ActStatus.Closed,
            _ => false,
        };
        if (done) throw new InputError("status", new Text("Bu addım artıq qeyd edilib", "This step is already recorded"), StatusCodes.Status409Conflict);
        if (a.Status == ActStatus.Closed)
            throw new LegalRuleViolation(Reg("5.12"), "status", "Akt üzrə iş bağlanıb", "The act's case is closed");
        var (article, az, en) = step switch
        {
            Objection when a.DeliveredOn is null => ("5.4", "Etiraz müddəti aktın alındığı gündən hesablanır: əvvəlcə aktın ödəyiciyə təqdim edilməsi qeyd edilməlidir",
                "The objection period runs from the day the act is received: record its delivery to the payer first"),
            Objection => ("5.4", "Bələdiyyə akt üzrə qərar qəbul edib: sonrakı etiraz şikayət kimi verilir (VXƏ 6.2)",
                "The municipality has decided on the act: a later disagreement is a complaint (TAX-REG 6.2)"),
            HearingNotice when a.ObjectionReceivedOn is null => ("5.5", "Akta ödəyicinin iştirakı ilə baxılması onun yazılı etirazı və ya izahatı olduqda keçirilir",
                "A hearing follows the payer's written objection or explanation"),
            HearingNotice => ("5.6", "Dinləmə bələdiyyənin qərarından əvvəl keçirilir", "The hearing comes before the municipality's decision"),
            Hearing => ("5.5", "Əvvəlcə dinləmənin yeri və vaxtı ödəyiciyə ən azı 3 iş günü əvvəl bildirilməlidir",
                "First tell the payer the place and time of the hearing at least 3 working days ahead"),
            Decision when a.DeliveredOn is null => ("5.4", "Akt ödəyiciyə təqdim edilməyib: etiraz müddəti başlamayıb", "The act has not been delivered to the payer: the objection period has not begun"),
            Decision when a.Status == ActStatus.HearingSet => ("5.5", $"{Fmt.Date(a.HearingOn)} tarixinə təyin edilmiş dinləmə əvvəlcə keçirilməlidir",
                $"The hearing set for {Fmt.Date(a.HearingOn)} must be held first"),
            Decision => ("5.5", "Ödəyici vaxtında etiraz edib: qərardan əvvəl akta onun iştirakı ilə baxılmalıdır (dinləmə təyin edin)",
                "The payer objected in time: the act must be examined with them before the decision (set a hearing)"),
            Demand => ("5.7", "Qərarın surəti və tələbnamə bələdiyyənin qərarından sonra göndərilir", "The decision's copy and the demand follow the municipality's decision"),
            DemandDelivery => ("5.8", "Əvvəlcə qərarın surətinin və tələbnamənin göndərilməsi qeyd edilməlidir", "Record the sending of the decision's copy and the demand first"),
            VoluntaryPayment when a.Decision != ActDecision.CourtReferral => ("5.7", "Könüllü ödəniş məhkəməyə müraciət haqqında qərarı ləğv edir: belə qərar yoxdur",
                "Voluntary payment cancels a decision to go to court: there is none"),
            VoluntaryPayment => ("5.11", "İş artıq məhkəmədədir", "The case is already in court"),
            Court when a.Decision != ActDecision.CourtReferral => ("5.11", "Məhkəməyə bələdiyyənin məhkəməyə müraciət haqqında qərarı ilə müraciət edilir",
                "The court is applied to on the municipality's decision to go to court"),
            Court when a.Status == ActStatus.PaidVoluntarily => ("5.11", "Ödəyici könüllü ödəyib: məhkəməyə müraciət edilmir (VXƏ 5.7)",
                "The payer paid voluntarily: the court is not applied to (TAX-REG 5.7)"),
            Court => ("5.8", "Məhkəməyə müraciətdən əvvəl qərarın surəti və tələbnamə ödəyiciyə çatdırılmalıdır (çatdırılma tarixi təsdiq edilməklə)",
                "Before going to court the decision's copy and the demand must reach the payer (with proof of the day)"),
            Judgement => ("5.12", "Məhkəmə qərarı məhkəməyə müraciətdən sonra qeyd edilir", "A judgement is recorded after the court is applied to"),
            Close => ("5.12", "İş könüllü ödənişdən, qanuni qüvvəyə minmiş məhkəmə qərarından və ya imtina qərarının surəti çatdırıldıqdan sonra bağlanır",
                "The case closes after voluntary payment, a final judgement, or the delivery of a refusal decision's copy"),
            _ => ("5.3", "Bu addım indi mümkün deyil", "This step is not possible now"),
        };
        throw new LegalRuleViolation(Reg(article), "status", az, en);
    }

    /// <summary>
    /// TAX-REG 5.3, 5.4, 5.9: the act reached the payer on a day (by a method, with its proof), or the payer kept it from being
    /// delivered and it is deemed delivered the day after the registered letter. From that day run the 30 days to object and the
    /// 15 days after them for the decision.
    /// </summary>
    [Law("TAX-REG 5.4")]
    [Law("TAX-REG 5.9")]
    public static Task<ActView> DeliverAsync(AppDb db, TaxActor actor, int actId, ActDelivery body, TimeProvider time, CancellationToken ct) =>
        StepAsync(db, actor, actId, body.Version, Delivery, time, ct, async (a, today) =>
        {
            var notBeforeDrawn = new Text("Tarix aktın tərtib tarixindən əvvəl ola bilməz", "The date cannot be before the act was drawn up");
            DateOnly delivered;
            if (body.Obstructed)
            {
                var sent = body.RegisteredLetterSentOn ?? throw new LegalRuleViolation(Reg("5.9"), "registeredLetterSentOn",
                    "Ödəyici çatdırılmaya mane olubsa, sifarişli məktubun göndərildiyi tarix göstərilməlidir", "When the payer obstructs delivery, give the day the registered letter was sent");
                sent = TaxService.Day(sent, "registeredLetterSentOn", today, a.DrawnOn, notBeforeDrawn);
                delivered = TaxServiceRules.DeemedDelivered(sent);
                a.RegisteredLetterSentOn = sent;
                a.DeliveryMethod = DeliveryMethod.RegisteredMail;
            }
            else
            {
                if (body.Method is not { } m || !Enum.IsDefined(m))
                    throw new InputError("method", new Text("Təqdim etmə üsulu seçilməlidir", "Choose how the act was delivered"));
                delivered = TaxService.Day(body.DeliveredOn, "deliveredOn", today, a.DrawnOn, notBeforeDrawn);
                a.DeliveryMethod = m;
                a.RegisteredLetterSentOn = null;
            }
            if (body.OriginalToChairmanOn is { } o) a.OriginalToChairmanOn = TaxService.Day(o, "originalToChairmanOn", today, a.DrawnOn, notBeforeDrawn);
            a.ObstructedByPayer = body.Obstructed;
            a.DeliveryProof = TaxService.Optional(body.Proof, "proof", 300);
            a.DeliveredOn = delivered;
            var calendar = await CalendarAsync(db, delivered, ct);
            a.ObjectionDueOn = TaxServiceRules.ObjectionDue(calendar, delivered).Due;
            a.DecisionDueOn = TaxServiceRules.DecisionDue(calendar, delivered).Due;
            a.Status = ActStatus.Delivered;
        });

    /// <summary>TAX-REG 5.4: the payer's written objection to the whole act or to parts of it; one after the 30 days is recorded as late.</summary>
    [Law("TAX-REG 5.4")]
    public static Task<ActView> ObjectAsync(AppDb db, TaxActor actor, int actId, ActObjection body, TimeProvider time, CancellationToken ct) =>
        StepAsync(db, actor, actId, body.Version, Objection, time, ct, (a, today) =>
        {
            var received = TaxService.Day(body.ReceivedOn, "receivedOn", today, a.DrawnOn,
                new Text("Etiraz aktın tərtib tarixindən əvvəl ola bilməz", "An objection cannot precede the act"));
            var text = Input.Blank(body.Text) ?? throw new LegalRuleViolation(Reg("5.4"), "text", "Etiraz yazılı verilir: mətni göstərilməlidir", "An objection is in writing: give its text");
            string? parts = null;
            if (!body.Whole)
                parts = TaxService.Optional(body.Parts, "parts", 1000) ?? throw new InputError("parts",
                    new Text("Aktın etiraz edilən hissələri göstərilməlidir (və ya bütün aktdan etiraz seçilməlidir)", "Name the parts objected to (or choose the whole act)"));
            a.ObjectionReceivedOn = received;
            a.ObjectionText = text.Length <= 10_000 ? text : throw TaxService.TooLong("text", 10_000);
            a.ObjectionParts = parts;
            a.ObjectionLate = TaxServiceProcedure.IsLateObjection(a.ObjectionDueOn!.Value, received);
            a.Status = ActStatus.Objected;
        });

    /// <summary>TAX-REG 5.5: the payer is told the place and time of the hearing at least 3 working days ahead (a new notice resets it).</summary>
    [Law("TAX-REG 5.5")]
    public static Task<ActView> NotifyHearingAsync(AppDb db, TaxActor actor, int actId, HearingNoticeInput body, TimeProvider time, CancellationToken ct) =>
        StepAsync(db, actor, actId, body.Version, HearingNotice, time, ct, async (a, today) =>
        {
            var notice = TaxService.Day(body.NoticeOn, "noticeOn", today, a.ObjectionReceivedOn,
                new Text("Bildiriş etirazdan əvvəl ola bilməz", "The notice cannot precede the objection"));
            if (body.HearingOn is not { } on) throw new LegalRuleViolation(Reg("5.5"), "hearingOn", "Dinləmənin tarixi göstərilməlidir", "Give the hearing's day");
            if (body.HearingTime is not { } at) throw new LegalRuleViolation(Reg("5.5"), "hearingTime", "Dinləmənin vaxtı göstərilməlidir", "Give the hearing's time");
            var place = Input.Blank(body.Place) ?? throw new LegalRuleViolation(Reg("5.5"), "place", "Dinləmənin yeri göstərilməlidir", "Give the hearing's place");
            TaxServiceRules.RequireHearingNotice(await CalendarAsync(db, notice, ct), notice, on);
            a.HearingNoticeOn = notice;
            a.HearingOn = on;
            a.HearingTime = at;
            a.HearingPlace = place.Length <= 300 ? place : throw TaxService.TooLong("place", 300);
            a.HeardInAbsentia = null;
            a.Status = ActStatus.HearingSet;
        });

    /// <summary>
    /// TAX-REG 5.5: the hearing took place with the payer, or without them when they stayed away without a good reason. When
    /// the reason is accepted the act is not examined without them: the hearing is set again.
    /// </summary>
    [Law("TAX-REG 5.5")]
    public static Task<ActView> RecordHearingAsync(AppDb db, TaxActor actor, int actId, HearingRecord body, TimeProvider time, CancellationToken ct) =>
        StepAsync(db, actor, actId, body.Version, Hearing, time, ct, (a, today) =>
        {
            if (today < a.HearingOn)
                throw new InputError("hearingOn", new Text($"Dinləmə {Fmt.Date(a.HearingOn)} tarixinə təyin edilib", $"The hearing is set for {Fmt.Date(a.HearingOn)}"));
            if (body.Attended is not { } attended)
                throw new InputError("attended", new Text("Ödəyicinin (nümayəndəsinin) iştirak edib-etmədiyi göstərilməlidir", "Say whether the payer (or representative) attended"));
            var reason = TaxService.Optional(body.AbsenceReason, "absenceReason", 500);
            if (attended)
            {
                (a.HeardInAbsentia, a.AbsenceReason, a.AbsenceReasonAccepted) = (false, null, null);
                a.Status = ActStatus.Heard;
            }
            else if (body.ReasonAccepted == true)
            {
                if (reason is null) throw new InputError("absenceReason", new Text("Qəbul edilən üzrlü səbəb yazılmalıdır", "Write the good reason accepted"));
                (a.HeardInAbsentia, a.AbsenceReason, a.AbsenceReasonAccepted) = (null, reason, true);
                a.Status = ActStatus.Objected;
            }
            else
            {
                (a.HeardInAbsentia, a.AbsenceReason, a.AbsenceReasonAccepted) = (true, reason, reason is null ? null : false);
                a.Status = ActStatus.Heard;
            }
        });

    private static ActProcedureFacts Facts(AuditAct a) => new(
        TaxServiceRules.MissingActFields(a.DrawnOn, a.Place, a.DrawnBy, a.PayerInfo, a.Tax.ToString(), a.Circumstances, a.Articles, a.Proposal),
        a.DeliveredOn, a.ObjectionReceivedOn, a.HearingNoticeOn, a.HearingOn, a.HeardInAbsentia is not null);

    /// <summary>TAX-REG 5.10: the procedure check of a decision taken on <paramref name="on"/> (today by default).</summary>
    public static async Task<IReadOnlyList<ProcedureFindingView>> ProcedureAsync(AppDb db, int municipalityId, int actId, DateOnly? on, TimeProvider time, CancellationToken ct)
    {
        var a = await db.AuditActs.AsNoTracking().FirstOrDefaultAsync(x => x.Id == actId && x.MunicipalityId == municipalityId, ct) ?? throw new NotFound("Act");
        var day = on ?? Clock.Today(time);
        return Findings(await CalendarAsync(db, a.DeliveredOn ?? a.DrawnOn, ct), a, day);
    }

    private static IReadOnlyList<ProcedureFindingView> Findings(WorkingCalendar calendar, AuditAct a, DateOnly on) =>
        TaxServiceProcedure.CheckProcedure(calendar, Facts(a), on)
            .Select(f => new ProcedureFindingView(f.Code, f.Rule.ToString(), f.Field, f.Passed, f.Blocking, f.Message(Text.Lang))).ToList();

    /// <summary>
    /// TAX-REG 5.6, 5.10: the municipality's decision — to apply to court, or to refuse to — with its reference. Refused while the
    /// procedure check fails (5.10); a decision after the 15 days is recorded and flagged late (5.6).
    /// </summary>
    [Law("TAX-REG 5.6")]
    [Law("TAX-REG 5.10")]
    public static Task<ActView> DecideAsync(AppDb db, TaxActor actor, int actId, ActDecisionInput body, TimeProvider time, CancellationToken ct) =>
        StepAsync(db, actor, actId, body.Version, Decision, time, ct, async (a, today) =>
        {
            if (body.Decision is not { } decision || !Enum.IsDefined(decision))
                throw new LegalRuleViolation(Reg("5.6"), "decision", "Qərar: məhkəməyə müraciət etmək və ya belə qərar qəbul etməkdən imtina", "The decision: to apply to court, or to refuse to");
            var reference = Input.Blank(body.Reference) ?? throw new LegalRuleViolation(Reg("5.6"), "reference",
                "Bələdiyyənin qərarının rekvizitləri (nömrəsi, tarixi) göstərilməlidir", "Give the municipality's decision's reference (number, date)");
            var on = TaxService.Day(body.DecidedOn, "decidedOn", today, a.DeliveredOn);
            TaxServiceProcedure.RequireProcedure(await CalendarAsync(db, a.DeliveredOn!.Value, ct), Facts(a), on);
            a.DecidedOn = on;
            a.Decision = decision;
            a.DecisionReference = reference.Length <= 200 ? reference : throw TaxService.TooLong("reference", 200);
            a.Status = ActStatus.Decided;
        });

    /// <summary>TAX-REG 5.7: the decision's copy goes to the payer, with the demand to pay the tax, interest and sanctions after a court referral.</summary>
    [Law("TAX-REG 5.7")]
    public static Task<ActView> SendDemandAsync(AppDb db, TaxActor actor, int actId, DemandInput body, TimeProvider time, CancellationToken ct) =>
        StepAsync(db, actor, actId, body.Version, Demand, time, ct, (a, today) =>
        {
            a.DemandSentOn = TaxService.Day(body.SentOn, "sentOn", today, a.DecidedOn,
                new Text("Tələbnamə qərardan əvvəl göndərilə bilməz", "The demand cannot precede the decision"));
            var referral = a.Decision == ActDecision.CourtReferral;
            if (!referral && (body.Interest is > 0 || body.Sanctions is > 0))
                throw new InputError("interest", new Text("İmtina qərarının surəti tələbnaməsiz göndərilir", "A refusal's copy goes without a demand"));
            a.DemandInterestQepik = referral ? TaxService.Qepik(body.Interest, "interest") : null;
            a.DemandSanctionsQepik = referral ? TaxService.Qepik(body.Sanctions, "sanctions") : null;
            a.Status = ActStatus.DemandSent;
        });

    /// <summary>
    /// TAX-REG 5.8, 5.9: the copy and the demand reached the payer on a day proved by a receipt or the registered letter, or are deemed
    /// delivered the day after the registered letter when the payer deliberately kept them from being delivered.
    /// </summary>
    [Law("TAX-REG 5.8")]
    [Law("TAX-REG 5.9")]
    public static Task<ActView> DeliverDemandAsync(AppDb db, TaxActor actor, int actId, DemandDeliveryInput body, TimeProvider time, CancellationToken ct) =>
        StepAsync(db, actor, actId, body.Version, DemandDelivery, time, ct, (a, today) =>
        {
            var notBefore = new Text("Tarix tələbnamənin göndərildiyi gündən əvvəl ola bilməz", "The date cannot be before the demand was sent");
            TaxServiceProcedure.RequireProofOfDelivery(body.Proof);
            if (body.Obstructed)
            {
                var sent = body.RegisteredLetterSentOn ?? throw new LegalRuleViolation(Reg("5.9"), "registeredLetterSentOn",
                    "Ödəyici çatdırılmaya qəsdən mane olubsa, sifarişli məktubun göndərildiyi tarix göstərilməlidir", "When the payer deliberately obstructs delivery, give the day the registered letter was sent");
                sent = TaxService.Day(sent, "registeredLetterSentOn", today, a.DemandSentOn, notBefore);
                a.DemandLetterSentOn = sent;
                a.DemandDeliveredOn = TaxServiceRules.DeemedDelivered(sent);
                a.DemandMethod = DeliveryMethod.RegisteredMail;
            }
            else
            {
                if (body.Method is not { } m || !Enum.IsDefined(m))
                    throw new InputError("method", new Text("Çatdırılma üsulu seçilməlidir", "Choose how it was delivered"));
                a.DemandDeliveredOn = TaxService.Day(body.DeliveredOn, "deliveredOn", today, a.DemandSentOn, notBefore);
                a.DemandMethod = m;
            }
            a.DemandObstructed = body.Obstructed;
            a.DemandProof = TaxService.Optional(body.Proof, "proof", 300);
        });

    /// <summary>TAX-REG 5.7: the payer paid voluntarily, so the municipality cancels its decision to go to court (its reference).</summary>
    [Law("TAX-REG 5.7")]
    public static Task<ActView> PaidVoluntarilyAsync(AppDb db, TaxActor actor, int actId, VoluntaryPaymentInput body, TimeProvider time, CancellationToken ct) =>
        StepAsync(db, actor, actId, body.Version, VoluntaryPayment, time, ct, (a, today) =>
        {
            var paid = TaxService.Day(body.PaidOn, "paidOn", today, a.DrawnOn);
            var reference = Input.Blank(body.CancellationReference) ?? throw new LegalRuleViolation(Reg("5.7"), "cancellationReference",
                "Məhkəməyə müraciət haqqında qərarı ləğv edən bələdiyyə qərarının rekvizitləri göstərilməlidir", "Give the reference of the municipality's decision cancelling the court referral");
            a.PaidVoluntarilyOn = paid;
            a.ReferralCancelledOn = TaxService.Day(body.CancelledOn, "cancelledOn", today, paid > a.DecidedOn ? paid : a.DecidedOn);
            a.CancellationReference = reference.Length <= 200 ? reference : throw TaxService.TooLong("cancellationReference", 200);
            a.Status = ActStatus.PaidVoluntarily;
        });

    /// <summary>TAX-REG 5.11: the municipality goes to court on the tax service's representation, after the demand reached the payer (5.8).</summary>
    [Law("TAX-REG 5.11")]
    public static Task<ActView> FileCourtAsync(AppDb db, TaxActor actor, int actId, CourtFilingInput body, TimeProvider time, CancellationToken ct) =>
        StepAsync(db, actor, actId, body.Version, Court, time, ct, (a, today) =>
        {
            var representation = Input.Blank(body.Representation) ?? throw new LegalRuleViolation(Reg("5.11"), "representation",
                "Məhkəməyə vergi xidməti orqanının təqdimatı əsasında müraciət edilir: təqdimatın rekvizitləri göstərilməlidir", "The court is applied to on the tax service's representation: give its reference");
            a.CourtFiledOn = TaxService.Day(body.FiledOn, "filedOn", today, a.DemandDeliveredOn);
            a.CourtRepresentation = representation.Length <= 200 ? representation : throw TaxService.TooLong("representation", 200);
            a.CourtCase = TaxService.Optional(body.CaseNumber, "caseNumber", 200);
            a.Status = ActStatus.InCourt;
        });

    /// <summary>TAX-REG 5.12: the court's judgement became final (what it decided); it is then enforced as the law provides.</summary>
    [Law("TAX-REG 5.12")]
    public static Task<ActView> RecordJudgementAsync(AppDb db, TaxActor actor, int actId, JudgementInput body, TimeProvider time, CancellationToken ct) =>
        StepAsync(db, actor, actId, body.Version, Judgement, time, ct, (a, today) =>
        {
            a.JudgementFinalOn = TaxService.Day(body.FinalOn, "finalOn", today, a.CourtFiledOn);
            a.Judgement = TaxService.Required(body.Judgement, "judgement", 2000, new Text("Məhkəmə qərarının nəticəsi yazılmalıdır", "Write what the judgement decided"));
        });

    /// <summary>TAX-REG 5.7, 5.12: closes the case after voluntary payment, a final judgement (and its enforcement) or a delivered refusal.</summary>
    [Law("TAX-REG 5.12")]
    public static Task<ActView> CloseAsync(AppDb db, TaxActor actor, int actId, ActClosingInput body, TimeProvider time, CancellationToken ct) =>
        StepAsync(db, actor, actId, body.Version, Close, time, ct, (a, today) =>
        {
            var last = new[] { a.JudgementFinalOn, a.ReferralCancelledOn, a.DemandDeliveredOn, a.DecidedOn }.Max();
            a.ClosedOn = TaxService.Day(body.ClosedOn, "closedOn", today, last);
            a.ClosingNote = a.Status == ActStatus.InCourt
                ? TaxService.Required(body.Note, "note", 1000, new Text("Məhkəmə qərarının icrası barədə qeyd yazılmalıdır (VXƏ 5.12)", "Note how the judgement was enforced (TAX-REG 5.12)"))
                : TaxService.Optional(body.Note, "note", 1000);
            a.Status = ActStatus.Closed;
        });

    public static Text StatusName(ActStatus s) => s switch
    {
        ActStatus.Drawn => new("tərtib edilib", "drawn up"),
        ActStatus.Delivered => new("ödəyiciyə təqdim edilib", "delivered to the payer"),
        ActStatus.Objected => new("etiraz edilib", "objected to"),
        ActStatus.HearingSet => new("dinləmə təyin edilib", "hearing set"),
        ActStatus.Heard => new("dinlənilib", "heard"),
        ActStatus.Decided => new("bələdiyyə qərar qəbul edib", "decided by the municipality"),
        ActStatus.DemandSent => new("qərarın surəti və tələbnamə göndərilib", "decision's copy and demand sent"),
        ActStatus.PaidVoluntarily => new("könüllü ödənilib", "paid voluntarily"),
        ActStatus.InCourt => new("məhkəmədə", "in court"),
        _ => new("bağlanıb", "closed"),
    };

    public static Text DecisionName(ActDecision d) => d == ActDecision.CourtReferral
        ? new("məhkəməyə müraciət etmək", "to apply to court")
        : new("məhkəməyə müraciət etməkdən imtina", "refusal to apply to court");

    public static Text StepName(string step) => step switch
    {
        Delivery => new("Ödəyiciyə təqdim etmə", "Delivery to the payer"),
        Objection => new("Yazılı etiraz", "Written objection"),
        HearingNotice => new("Dinləmə barədə bildiriş", "Notice of the hearing"),
        Hearing => new("Dinləmə", "Hearing"),
        Decision => new("Bələdiyyənin qərarı", "The municipality's decision"),
        Demand => new("Qərarın surəti və tələbnamə", "Decision's copy and demand"),
        DemandDelivery => new("Tələbnamənin çatdırılması", "Delivery of the demand"),
        VoluntaryPayment => new("Könüllü ödəniş", "Voluntary payment"),
        Court => new("Məhkəməyə müraciət", "Court filing"),
        Judgement => new("Qanuni qüvvəyə minmiş məhkəmə qərarı", "Final judgement"),
        _ => new("İşin bağlanması", "Closing the case"),
    };

    private static async Task<IReadOnlyList<ActView>> ViewsAsync(AppDb db, int municipalityId, IReadOnlyList<AuditAct> rows,
        IReadOnlyDictionary<int, Taxpayer> payers, bool detailed, TimeProvider time, CancellationToken ct)
    {
        var today = Clock.Today(time);
        var years = rows.Select(r => (r.DeliveredOn ?? r.DrawnOn).Year).Append(today.Year).ToList();
        var calendar = await WorkingCalendars.LoadAsync(db, years.Min() - 1, years.Max() + 2, ct);
        var ids = rows.Select(r => (int?)r.Id).ToList();
        var pending = await db.TaxComplaints.AsNoTracking().Where(c => c.MunicipalityId == municipalityId && c.DecidedOn == null && ids.Contains(c.ActId))
            .Select(c => new { c.Id, c.ActId }).ToListAsync(ct);
        var settings = await TaxService.SettingsAsync(db, municipalityId, ct);
        Ledger.Rules? rules = detailed && rows.Count == 1 ? await Ledger.Rules.LoadAsync(db, today, ct) : null;
        var list = new List<ActView>();
        foreach (var a in rows)
        {
            var payer = payers.GetValueOrDefault(a.TaxpayerId);
            var complaints = pending.Where(c => c.ActId == a.Id).Select(c => c.Id).Order().ToList();
            Deadline? objectionDue = a.DeliveredOn is { } d ? TaxServiceRules.ObjectionDue(calendar, d) : null;
            Deadline? decisionDue = a.DeliveredOn is { } d2 ? TaxServiceRules.DecisionDue(calendar, d2) : null;
            Deadline? earliest = a.HearingNoticeOn is { } n ? TaxServiceRules.EarliestHearing(calendar, n) : null;
            var flags = Flags(a, today, complaints.Count > 0, settings.ComplaintSuspendsPayment, objectionDue, decisionDue);
            decimal? overdueAmount = null, interest = null;
            if (rules is not null)
            {
                var position = await Ledger.PositionAsync(db, a.TaxpayerId, today, rules, Text.Lang, ct);
                var items = position.Items.Where(i => i.Tax == a.Tax && i.DaysOverdue > 0).ToList();
                overdueAmount = items.Aggregate(Money.Zero, (s, i) => s + i.Outstanding).Amount;
                interest = items.Aggregate(Money.Zero, (s, i) => s + i.Interest).Amount;
            }
            long? demandTotal = a.DemandSentOn is null || a.Decision != ActDecision.CourtReferral ? null
                : a.AmountQepik + (a.DemandInterestQepik ?? 0) + (a.DemandSanctionsQepik ?? 0);
            list.Add(new ActView
            {
                Id = a.Id, Code = $"{a.Number}/{a.Year}", Number = a.Number, Year = a.Year, AuditId = a.AuditId, TaxpayerId = a.TaxpayerId,
                Taxpayer = payer is null ? "—" : TaxService.TaxpayerLabel(payer), DrawnOn = a.DrawnOn, Place = a.Place,
                DrawnBy = a.DrawnBy.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), Payer = a.PayerInfo, Tax = a.Tax,
                TaxName = TaxService.TaxName(a.Tax), Circumstances = a.Circumstances, Articles = a.Articles, Proposal = a.Proposal,
                Amount = TaxService.Manat(a.AmountQepik), Status = a.Status, StatusName = StatusName(a.Status),
                DeliveredOn = a.DeliveredOn, DeliveryMethod = a.DeliveryMethod, DeliveryProof = a.DeliveryProof, DeemedDelivered = a.ObstructedByPayer,
                RegisteredLetterSentOn = a.RegisteredLetterSentOn, OriginalToChairmanOn = a.OriginalToChairmanOn,
                ObjectionDueOn = objectionDue?.Due, ObjectionDueExplanation = objectionDue?.Explain(Text.Lang),
                DecisionDueOn = decisionDue?.Due, DecisionDueExplanation = decisionDue?.Explain(Text.Lang),
                ObjectionReceivedOn = a.ObjectionReceivedOn, ObjectionParts = a.ObjectionParts, ObjectionText = a.ObjectionText, ObjectionLate = a.ObjectionLate,
                HearingNoticeOn = a.HearingNoticeOn, HearingOn = a.HearingOn, HearingTime = a.HearingTime, HearingPlace = a.HearingPlace,
                EarliestHearingOn = earliest?.Due, EarliestHearingExplanation = earliest?.Explain(Text.Lang),
                HeardInAbsentia = a.HeardInAbsentia, AbsenceReason = a.AbsenceReason, AbsenceReasonAccepted = a.AbsenceReasonAccepted,
                DecidedOn = a.DecidedOn, Decision = a.Decision, DecisionName = a.Decision is { } dn ? (string)DecisionName(dn) : null, DecisionReference = a.DecisionReference,
                DecidedLate = a.DecidedOn is { } don && decisionDue is not null && don > decisionDue.Due,
                DemandSentOn = a.DemandSentOn, DemandInterest = a.DemandInterestQepik is { } i ? TaxService.Manat(i) : null,
                DemandSanctions = a.DemandSanctionsQepik is { } s ? TaxService.Manat(s) : null, DemandTotal = demandTotal is { } t ? TaxService.Manat(t) : null,
                DemandDeliveredOn = a.DemandDeliveredOn, DemandMethod = a.DemandMethod, DemandProof = a.DemandProof, DemandDeemedDelivered = a.DemandObstructed,
                DemandLetterSentOn = a.DemandLetterSentOn, PaidVoluntarilyOn = a.PaidVoluntarilyOn, ReferralCancelledOn = a.ReferralCancelledOn,
                CancellationReference = a.CancellationReference, CourtFiledOn = a.CourtFiledOn, CourtRepresentation = a.CourtRepresentation, CourtCase = a.CourtCase,
                JudgementFinalOn = a.JudgementFinalOn, Judgement = a.Judgement, ClosedOn = a.ClosedOn, ClosingNote = a.ClosingNote,
                Overdue = flags.Any(f => f.Code == "decision-overdue"), Flags = flags, NextSteps = NextSteps(a),
                SanctionsSuspended = TaxServiceProcedure.SanctionsSuspended(complaints.Count > 0),
                TaxPaymentSuspended = TaxServiceProcedure.TaxPaymentSuspended(complaints.Count > 0, settings.ComplaintSuspendsPayment),
                PendingComplaintIds = complaints,
                Timeline = detailed ? Timeline(a, today, objectionDue, decisionDue, earliest) : [],
                Procedure = detailed && a.DecidedOn is null && a.Status != ActStatus.Closed ? Findings(calendar, a, today) : [],
                AccountOverdue = overdueAmount, AccountInterest = interest, Version = a.Version,
            });
        }
        return list;
    }

    [Law("TAX-REG 5.4")]
    [Law("TAX-REG 5.5")]
    [Law("TAX-REG 5.6")]
    [Law("TAX-REG 6.5")]
    private static List<ServiceFlag> Flags(AuditAct a, DateOnly today, bool complaintPending, bool suspendsPayment, Deadline? objectionDue, Deadline? decisionDue)
    {
        var flags = new List<ServiceFlag>();
        if (a.Status == ActStatus.Delivered && objectionDue is not null && today <= objectionDue.Due)
            flags.Add(new("objection-period-running", "TAX-REG 5.4", "Info",
                new Text($"Ödəyici {Fmt.Date(objectionDue.Due)} tarixinədək yazılı etiraz verə bilər", $"The payer may object in writing until {Fmt.Date(objectionDue.Due)}"), objectionDue.Due));
        if (a.ObjectionLate)
            flags.Add(new("objection-late", "TAX-REG 5.4", "Info",
                new Text($"Etiraz 30 günlük müddətdən sonra ({Fmt.Date(a.ObjectionReceivedOn)}) daxil olub", $"The objection came after the 30 days ({Fmt.Date(a.ObjectionReceivedOn)})"), a.ObjectionDueOn));
        if (a.Status == ActStatus.Objected && !a.ObjectionLate)
            flags.Add(new("hearing-needed", "TAX-REG 5.5", decisionDue is not null && today > decisionDue.Due ? "Breach" : "Warning",
                new Text("Etirazdan sonra dinləmə təyin edilməlidir (ən azı 3 iş günü əvvəl bildirilməklə)", "A hearing must be set after the objection (notified at least 3 working days ahead)"), decisionDue?.Due));
        if (a.HearingOn is { } h && a.Status == ActStatus.HearingSet && decisionDue is not null && h > decisionDue.Due)
            flags.Add(new("hearing-after-decision-deadline", "TAX-REG 5.6", "Warning",
                new Text($"Dinləmə ({Fmt.Date(h)}) qərarın son günündən ({Fmt.Date(decisionDue.Due)}) sonradır", $"The hearing ({Fmt.Date(h)}) is after the decision's last day ({Fmt.Date(decisionDue.Due)})"), decisionDue.Due));
        if (a.DecidedOn is null && a.Status != ActStatus.Closed && decisionDue is not null && today > decisionDue.Due)
            flags.Add(new("decision-overdue", "TAX-REG 5.6", "Breach",
                new Text($"Bələdiyyənin qərarı {Fmt.Date(decisionDue.Due)} tarixinədək qəbul edilməli idi (etiraz müddətindən sonra 15 gün)",
                    $"The municipality's decision was due by {Fmt.Date(decisionDue.Due)} (15 days after the objection period)"), decisionDue.Due));
        if (a.DecidedOn is { } on && decisionDue is not null && on > decisionDue.Due)
            flags.Add(new("decided-late", "TAX-REG 5.6", "Breach",
                new Text($"Qərar müddətdən sonra qəbul edilib ({Fmt.Date(on)} > {Fmt.Date(decisionDue.Due)}); məhkəmə onu ləğv edə bilər (VXƏ 5.10)",
                    $"Decided after the deadline ({Fmt.Date(on)} > {Fmt.Date(decisionDue.Due)}); a court may annul it (TAX-REG 5.10)"), decisionDue.Due));
        if (TaxServiceProcedure.SanctionsSuspended(complaintPending))
            flags.Add(new("sanctions-suspended", "TAX-REG 6.5", "Info",
                new Text("Şikayətə baxılır: maliyyə sanksiyaları tətbiq edilmir", "A complaint is being examined: financial sanctions are not enforced"), null));
        if (TaxServiceProcedure.TaxPaymentSuspended(complaintPending, suspendsPayment))
            flags.Add(new("tax-payment-suspended", "TAX-REG 6.5", "Info",
                new Text("Şikayətə baxılır: bələdiyyənin seçiminə görə verginin ödənilməsi dayandırılıb", "A complaint is being examined: by the municipality's choice the tax payment is suspended"), null));
        return flags;
    }

    private static List<TimelineStep> Timeline(AuditAct a, DateOnly today, Deadline? objectionDue, Deadline? decisionDue, Deadline? earliest)
    {
        string L(string az, string en) => Text.English ? en : az;
        string State(DateOnly? done, DateOnly? due, bool applicable = true) =>
            !applicable ? "skipped" : done is not null ? "done" : due is { } d && today > d ? "overdue" : due is not null ? "due" : "waiting";
        var steps = new List<TimelineStep>
        {
            new("drawn", L("Akt tərtib edilib", "Act drawn up"), "TAX-REG 5.3", "done", a.DrawnOn, null, null, $"{a.Place}; {a.DrawnBy}"),
            new(Delivery, StepName(Delivery), a.ObstructedByPayer ? "TAX-REG 5.3, 5.9" : "TAX-REG 5.3", State(a.DeliveredOn, null), a.DeliveredOn, null,
                a.ObstructedByPayer && a.RegisteredLetterSentOn is { } sent
                    ? L($"Ödəyici mane olub: sifarişli məktub {Fmt.Date(sent)} tarixində göndərilib, ertəsi gün təqdim edilmiş sayılır",
                        $"The payer obstructed delivery: the registered letter went on {Fmt.Date(sent)}, deemed delivered the next day")
                    : null,
                a.DeliveryMethod is { } m ? MethodName(m) + (a.DeliveryProof is { } p ? $"; {p}" : "") : null),
            new(Objection, StepName(Objection), "TAX-REG 5.4",
                a.ObjectionReceivedOn is not null ? "done" : a.DecidedOn is not null || (objectionDue is not null && today > objectionDue.Due) ? "skipped" : objectionDue is null ? "waiting" : "due",
                a.ObjectionReceivedOn, objectionDue?.Due, objectionDue?.Explain(Text.Lang),
                a.ObjectionReceivedOn is null ? null : (a.ObjectionParts is { } parts ? L("hissələrdən: ", "to parts: ") + parts : L("bütün aktdan", "to the whole act"))
                    + (a.ObjectionLate ? L(" — GECİKMİŞ", " — LATE") : "")),
        };
        var hearingApplies = a.ObjectionReceivedOn is not null;
        steps.Add(new(HearingNotice, StepName(HearingNotice), "TAX-REG 5.5", State(a.HearingNoticeOn, null, hearingApplies || a.HearingNoticeOn is not null), a.HearingNoticeOn,
            earliest?.Due, earliest is null ? null : L("Ən tez dinləmə: ", "Earliest hearing: ") + earliest.Explain(Text.Lang),
            a.HearingOn is { } ho ? $"{Fmt.Date(ho)} {a.HearingTime:HH\\:mm}, {a.HearingPlace}" : null));
        steps.Add(new(Hearing, StepName(Hearing), "TAX-REG 5.5", State(a.HeardInAbsentia is not null ? a.HearingOn : null, a.HearingOn, hearingApplies), 
            a.HeardInAbsentia is not null ? a.HearingOn : null, a.HearingOn, null,
            a.HeardInAbsentia switch
            {
                true => L("ödəyicisiz baxılıb", "held in absentia") + (a.AbsenceReason is { } r ? L($" (səbəb qəbul edilməyib: {r})", $" (reason not accepted: {r})") : ""),
                false => L("ödəyicinin iştirakı ilə", "with the payer"),
                _ => a.AbsenceReasonAccepted == true ? L($"üzrlü səbəb qəbul edilib: {a.AbsenceReason}; dinləmə yenidən təyin edilməlidir",
                    $"good reason accepted: {a.AbsenceReason}; the hearing must be set again") : null,
            }));
        steps.Add(new(Decision, StepName(Decision), "TAX-REG 5.6, 5.10", State(a.DecidedOn, decisionDue?.Due), a.DecidedOn, decisionDue?.Due, decisionDue?.Explain(Text.Lang),
            a.Decision is { } d ? $"{DecisionName(d)} — {a.DecisionReference}" : null));
        steps.Add(new(Demand, StepName(Demand), "TAX-REG 5.7", State(a.DemandSentOn, null), a.DemandSentOn, null, null,
            a.Decision == ActDecision.Refused ? L("imtina qərarının surəti (tələbnaməsiz)", "copy of the refusal (no demand)") : null));
        steps.Add(new(DemandDelivery, StepName(DemandDelivery), a.DemandObstructed ? "TAX-REG 5.8, 5.9" : "TAX-REG 5.8", State(a.DemandDeliveredOn, null), a.DemandDeliveredOn, null,
            a.DemandObstructed && a.DemandLetterSentOn is { } ls
                ? L($"Ödəyici qəsdən mane olub: sifarişli məktub {Fmt.Date(ls)}, ertəsi gün çatdırılmış sayılır", $"The payer deliberately obstructed: registered letter {Fmt.Date(ls)}, deemed delivered the next day")
                : null,
            a.DemandMethod is { } dm ? MethodName(dm) + (a.DemandProof is { } dp ? $"; {dp}" : "") : null));
        var referral = a.Decision != ActDecision.Refused;
        steps.Add(new(VoluntaryPayment, StepName(VoluntaryPayment), "TAX-REG 5.7", State(a.PaidVoluntarilyOn, null, referral && a.CourtFiledOn is null), a.PaidVoluntarilyOn, null, null,
            a.CancellationReference is { } cr ? L($"məhkəməyə müraciət haqqında qərar ləğv edilib: {cr}", $"court referral cancelled: {cr}") : null));
        steps.Add(new(Court, StepName(Court), "TAX-REG 5.11", State(a.CourtFiledOn, null, referral && a.PaidVoluntarilyOn is null), a.CourtFiledOn, null, null,
            a.CourtRepresentation is { } rep ? L($"vergi xidmətinin təqdimatı: {rep}", $"tax service's representation: {rep}") + (a.CourtCase is { } cc ? $"; {cc}" : "") : null));
        steps.Add(new(Judgement, StepName(Judgement), "TAX-REG 5.12", State(a.JudgementFinalOn, null, referral && a.PaidVoluntarilyOn is null), a.JudgementFinalOn, null, null, a.Judgement));
        steps.Add(new(Close, StepName(Close), "TAX-REG 5.12", State(a.ClosedOn, null), a.ClosedOn, null, null, a.ClosingNote));
        return steps;
    }

    private static Text MethodName(DeliveryMethod m) => TaxService.MethodName(m);
}
