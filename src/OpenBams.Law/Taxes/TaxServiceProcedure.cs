namespace OpenBams.Law.Taxes;

/// <summary>TAX-REG 6.2, 6.4: what a payer's complaint is against, which fixes to whom it goes.</summary>
public enum ComplaintAgainst
{
    /// <summary>Actions or inaction of tax service officials: to the chairman (or deputy).</summary>
    Officials = 0,
    /// <summary>An act of the tax service (e.g. the act on an unpaid tax, TAX-REG 5.3): its officials' act, to the chairman.</summary>
    TaxServiceAct = 1,
    /// <summary>A decision of the municipality: to the municipal council.</summary>
    MunicipalDecision = 2,
    /// <summary>Actions or inaction of the chairman (or deputy): to the municipal council.</summary>
    Chairman = 3,
}

/// <summary>What the 5.10 check knows about an act before the municipality decides on it.</summary>
/// <param name="MissingFields">TAX-REG 5.3 fields the act lacks (<see cref="TaxServiceRules.MissingActFields"/>).</param>
/// <param name="DeliveredOn">The day the payer received the act (or is deemed to have, TAX-REG 5.9).</param>
/// <param name="ObjectionReceivedOn">A written objection's day, if any.</param>
/// <param name="Heard">The act was examined with the payer, or without them after an unexcused absence (TAX-REG 5.5).</param>
public sealed record ActProcedureFacts(IReadOnlyList<string> MissingFields, DateOnly? DeliveredOn, DateOnly? ObjectionReceivedOn,
    DateOnly? HearingNoticeOn, DateOnly? HearingOn, bool Heard);

/// <summary>One point of the TAX-REG 5.10 procedure check: the rule, whether it holds, and whether a decision must wait for it.</summary>
public sealed record ProcedureFinding(string Code, LegalReference Rule, string Field, bool Passed, bool Blocking, string MessageAz, string MessageEn)
{
    public string Message(string lang) => Language.IsAz(lang) ? MessageAz : MessageEn;
}

/// <summary>
/// The procedure of the Regulation on the tax service body (Law N 478-IIQ) beyond its single deadlines: who a complaint goes
/// to, the scope of participation in State audits, late objections, the check before the municipality decides on an act
/// (TAX-REG 5.10), the 3-month complaint limit and the yearly discussion of the tax service's work.
/// </summary>
public static class TaxServiceProcedure
{
    /// <summary>TAX-REG 6.2: complaints about decisions and the chairman go to the council, the rest to the chairman.</summary>
    public static bool IsAgainstDecisionOrChairman(ComplaintAgainst against) => against is ComplaintAgainst.MunicipalDecision or ComplaintAgainst.Chairman;

    /// <summary>TAX-REG 6.2: officials and their acts → the chairman (or deputy); municipal decisions and the chairman → the council.</summary>
    [Law("TAX-REG 6.2")]
    public static ComplaintAddressee AddresseeFor(ComplaintAgainst against) => TaxServiceRules.AddresseeFor(IsAgainstDecisionOrChairman(against));

    /// <summary>
    /// TAX-REG 5.2 (5th field), 5.3 (2nd field): "soyadı, adı, atasının adı" — surname, first name and patronymic, so at least
    /// three words ("Məmmədov Əli Vəli oğlu" has four).
    /// </summary>
    [Law("TAX-REG 5.2")]
    [Law("TAX-REG 5.3")]
    public static bool IsFullName(string? name) =>
        !string.IsNullOrWhiteSpace(name) && name.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Count(w => w.Any(char.IsLetter)) >= 3;

    /// <summary>
    /// TAX-REG 3.3: the tax service may take part in a State on-site audit only of (a) the profit tax of a legal entity the
    /// municipality owns, (b) the mining tax on construction materials of local importance, (c) the local payment of hotels
    /// and sanatorium-resort establishments.
    /// </summary>
    /// <exception cref="LegalRuleViolation">No tax, a tax outside the three, or the profit tax of an entity the municipality does not own.</exception>
    [Law("TAX-REG 3.3")]
    public static void RequireParticipationScope(IReadOnlyCollection<LocalTax> taxes, bool municipallyOwned)
    {
        var rule = new LegalReference(Acts.TaxReg, "3.3");
        if (taxes.Count == 0)
            throw new LegalRuleViolation(rule, "taxes", "Yoxlanılan vergi və ya ödəniş göstərilməlidir", "Name the tax or payment audited");
        if (taxes.Any(t => t is not (LocalTax.ProfitTax or LocalTax.MiningTax or LocalTax.HotelPayment)))
            throw new LegalRuleViolation(rule, "taxes",
                "Dövlət vergi orqanının səyyar yoxlamasında yalnız bələdiyyə mülkiyyətində olan hüquqi şəxslərin mənfəət vergisi, yerli əhəmiyyətli tikinti materiallarına görə mədən vergisi və mehmanxana, sanatoriya-kurort ödənişi yoxlanılır",
                "A State on-site audit is joined only for the profit tax of municipally owned legal entities, the mining tax on local construction materials and the hotel and sanatorium-resort payment");
        if (taxes.Contains(LocalTax.ProfitTax) && !municipallyOwned)
            throw new LegalRuleViolation(rule, "taxes",
                "Mənfəət vergisinin yoxlanılmasında yalnız bələdiyyə mülkiyyətində olan hüquqi şəxslərə görə iştirak edilir",
                "The profit tax is joined only for legal entities owned by the municipality");
    }

    /// <summary>TAX-REG 5.4: an objection received after the 30 days is late (recorded as such; it does not call for a hearing).</summary>
    [Law("TAX-REG 5.4")]
    public static bool IsLateObjection(DateOnly objectionDue, DateOnly receivedOn) => receivedOn > objectionDue;

    /// <summary>
    /// TAX-REG 5.10: the check before the municipality decides on an act on <paramref name="decideOn"/>. A decision that breaks
    /// the Regulation can be annulled by the court, so the blocking points must hold: the act's fields (5.3), its delivery
    /// (5.4: the objection clock), the objection period over — or the payer objected and was heard (5.4, 5.5) —, and after a
    /// timely objection a hearing notified at least 3 working days ahead and held (5.5). The 15-day deadline (5.6) is reported,
    /// not blocking: a late decision is still the municipality's to take.
    /// </summary>
    [Law("TAX-REG 5.10")]
    public static IReadOnlyList<ProcedureFinding> CheckProcedure(WorkingCalendar calendar, ActProcedureFacts act, DateOnly decideOn)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(act);
        var list = new List<ProcedureFinding>();
        var fields = act.MissingFields;
        list.Add(new("fields", new(Acts.TaxReg, "5.3"), fields.Count > 0 ? fields[0] : "actId", fields.Count == 0, true,
            fields.Count == 0 ? "Aktın bütün məcburi rekvizitləri var" : "Aktda çatışmayan rekvizitlər: " + string.Join(", ", fields),
            fields.Count == 0 ? "The act has every required field" : "The act lacks: " + string.Join(", ", fields)));

        if (act.DeliveredOn is not { } delivered)
        {
            list.Add(new("delivered", new(Acts.TaxReg, "5.4"), "deliveredOn", false, true,
                "Akt ödəyiciyə təqdim edilməyib: etiraz müddəti başlamayıb", "The act has not been delivered to the payer: the objection period has not begun"));
            return list;
        }
        list.Add(new("delivered", new(Acts.TaxReg, "5.4"), "deliveredOn", decideOn >= delivered, true,
            $"Akt ödəyiciyə {Language.Date(delivered)} tarixində təqdim edilib", $"The act was delivered to the payer on {Language.Date(delivered)}"));

        var objectionDue = TaxServiceRules.ObjectionDue(calendar, delivered);
        var objectedInTime = act.ObjectionReceivedOn is { } o && !IsLateObjection(objectionDue.Due, o);
        var periodOver = decideOn > objectionDue.Due;
        list.Add(new("objection-period", new(Acts.TaxReg, "5.4"), "decidedOn", periodOver || (objectedInTime && act.Heard), true,
            periodOver ? $"Etiraz müddəti bitib ({objectionDue.Explain("az")})"
                : objectedInTime && act.Heard ? "Ödəyici etiraz edib və dinlənilib: qərar etiraz müddəti bitməmiş qəbul edilə bilər"
                : $"Etiraz müddəti hələ bitməyib ({objectionDue.Explain("az")}); ödəyici etiraz edib dinlənilməyibsə, qərar gözləməlidir",
            periodOver ? $"The objection period is over ({objectionDue.Explain("en")})"
                : objectedInTime && act.Heard ? "The payer objected and was heard: the decision may come before the objection period ends"
                : $"The objection period has not ended ({objectionDue.Explain("en")}); unless the payer objected and was heard, the decision waits"));

        if (objectedInTime)
        {
            var noticeOk = act.HearingNoticeOn is { } n && act.HearingOn is { } h && h >= TaxServiceRules.EarliestHearing(calendar, n).Due;
            list.Add(new("hearing-notice", new(Acts.TaxReg, "5.5"), "hearingOn", noticeOk, true,
                noticeOk ? $"Dinləmə barədə ən azı 3 iş günü əvvəl bildirilib ({TaxServiceRules.EarliestHearing(calendar, act.HearingNoticeOn!.Value).Explain("az")})"
                    : "Etirazdan sonra dinləmənin yeri və vaxtı ödəyiciyə ən azı 3 iş günü əvvəl bildirilməlidir",
                noticeOk ? $"The hearing was notified at least 3 working days ahead ({TaxServiceRules.EarliestHearing(calendar, act.HearingNoticeOn!.Value).Explain("en")})"
                    : "After an objection the payer must be told the place and time of the hearing at least 3 working days ahead"));
            list.Add(new("hearing", new(Acts.TaxReg, "5.5"), "hearing", act.Heard, true,
                act.Heard ? "Akta ödəyicinin iştirakı ilə (və ya üzrsüz gəlmədikdə onsuz) baxılıb" : "Etirazdan sonra akta ödəyicinin iştirakı ilə baxılmalıdır",
                act.Heard ? "The act was examined with the payer (or without them after an unexcused absence)" : "After an objection the act must be examined with the payer"));
        }

        var decisionDue = TaxServiceRules.DecisionDue(calendar, delivered);
        list.Add(new("decision-deadline", new(Acts.TaxReg, "5.6"), "decidedOn", decideOn <= decisionDue.Due, false,
            decideOn <= decisionDue.Due ? $"Qərar müddətində: {decisionDue.Explain("az")}" : $"Qərar müddəti keçib: {decisionDue.Explain("az")} — məhkəmə qərarı ləğv edə bilər (VXƏ 5.10)",
            decideOn <= decisionDue.Due ? $"Within the deadline: {decisionDue.Explain("en")}" : $"The deadline has passed: {decisionDue.Explain("en")} — a court may annul the decision (TAX-REG 5.10)"));
        return list;
    }

    /// <summary>TAX-REG 5.10: refuses a decision while a blocking point of <see cref="CheckProcedure"/> fails, naming its field and article.</summary>
    /// <exception cref="LegalRuleViolation">The first blocking point that fails.</exception>
    [Law("TAX-REG 5.10")]
    public static void RequireProcedure(WorkingCalendar calendar, ActProcedureFacts act, DateOnly decideOn)
    {
        if (CheckProcedure(calendar, act, decideOn).FirstOrDefault(f => f.Blocking && !f.Passed) is { } f)
            throw new LegalRuleViolation(f.Rule, f.Field, f.MessageAz, f.MessageEn);
    }

    /// <summary>TAX-REG 5.8: the decision's copy and the demand are delivered in a way that proves the day of delivery.</summary>
    /// <exception cref="LegalRuleViolation">No proof (a signed receipt, a registered letter's number).</exception>
    [Law("TAX-REG 5.8")]
    public static void RequireProofOfDelivery(string? proof)
    {
        if (string.IsNullOrWhiteSpace(proof))
            throw new LegalRuleViolation(new(Acts.TaxReg, "5.8"), "proof",
                "Çatdırılma tarixini təsdiq edən sübut göstərilməlidir (imzalı qəbz, sifarişli məktubun nömrəsi)",
                "Give the proof of the delivery date (a signed receipt, the registered letter's number)");
    }

    /// <summary>TAX-REG 6.4: a complaint received after the 3 months is late.</summary>
    [Law("TAX-REG 6.4")]
    public static bool IsLateComplaint(DateOnly fileBy, DateOnly receivedOn) => receivedOn > fileBy;

    /// <summary>
    /// TAX-REG 6.4: a complaint after the 3 months is accepted only when the chairman (or deputy) restores the missed limit for a
    /// good reason.
    /// </summary>
    /// <exception cref="LegalRuleViolation">Late and not restored.</exception>
    [Law("TAX-REG 6.4")]
    public static void RequireComplaintInTime(Deadline fileBy, DateOnly receivedOn, bool restored)
    {
        if (IsLateComplaint(fileBy.Due, receivedOn) && !restored)
            throw new LegalRuleViolation(new(Acts.TaxReg, "6.4"), "receivedOn",
                $"Şikayət hüququn pozulduğunun bilindiyi gündən 3 ay ərzində verilir ({fileBy.Explain("az")}); buraxılmış müddəti üzrlü səbəbə görə yalnız bələdiyyə sədri (müavini) bərpa edə bilər",
                $"A complaint is filed within 3 months of learning of the breach ({fileBy.Explain("en")}); only the chairman (or deputy) may restore a missed limit for a good reason");
    }

    /// <summary>TAX-REG 6.5: sanctions are not enforced while a complaint is examined, whatever the switch on the tax itself says.</summary>
    [Law("TAX-REG 6.5")]
    public static bool SanctionsSuspended(bool complaintPending) => complaintPending;

    /// <summary>
    /// TAX-REG 6.5 as published says the complaint "suspends" (dayandırır) the payment of the tax; Tax Code art. 63 says it does
    /// not. The municipality's switch decides (default: not suspended, the Tax Code's reading).
    /// </summary>
    [Law("TAX-REG 6.5")]
    public static bool TaxPaymentSuspended(bool complaintPending, bool complaintSuspendsPayment) => complaintPending && complaintSuspendsPayment;

    /// <summary>TAX-REG 7.2: the tax service's work is discussed at a meeting of the municipality at least once a year.</summary>
    [Law("TAX-REG 7.2")]
    public static DateOnly AnnualDiscussionDue(DateOnly lastDiscussedOn) => lastDiscussedOn.AddMonths(12);

    /// <summary>TAX-REG 7.2: no decision on the tax service's work in the 12 months up to <paramref name="today"/>.</summary>
    [Law("TAX-REG 7.2")]
    public static bool AnnualDiscussionMissing(DateOnly? lastDiscussedOn, DateOnly today) =>
        lastDiscussedOn is not { } last || today > AnnualDiscussionDue(last);
}
