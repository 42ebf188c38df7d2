namespace OpenBams.Law.Taxes;

/// <summary>The kinds of tax audit the municipal tax service carries out (TAX-REG 3.2.2, 3.3, 5.1).</summary>
public enum AuditKind
{
    /// <summary>TAX-REG 3.2.2, 5.1: a desk audit of a legal entity the municipality owns.</summary>
    Desk = 0,
    /// <summary>TAX-REG 5.1: an on-site audit of a legal entity the municipality owns.</summary>
    OnSite = 1,
    /// <summary>TAX-REG 3.3, 5.2: taking part in an on-site audit of the State tax authority, by the municipality's decision.</summary>
    ParticipationInStateAudit = 2,
}

/// <summary>TAX-REG 5.6: what the municipality decides on an act.</summary>
public enum ActDecision { CourtReferral = 0, Refused = 1 }

/// <summary>TAX-REG 6.2: whom a complaint is addressed to.</summary>
public enum ComplaintAddressee
{
    /// <summary>Against actions or inaction of tax service officials: to the chairman (or deputy).</summary>
    Chairman = 0,
    /// <summary>Against municipal decisions and the chairman's actions: to the municipal council.</summary>
    Council = 1,
}

/// <summary>The deadlines and checks of the Regulation on the tax service body of municipalities (Law N 478-IIQ).</summary>
public static class TaxServiceRules
{
    /// <summary>TAX-REG 5.4: a written objection to the act within 30 days of the day it was received.</summary>
    [Law("TAX-REG 5.4")]
    public static Deadline ObjectionDue(WorkingCalendar calendar, DateOnly actReceivedOn) => calendar.AddCalendarDays(actReceivedOn, 30);

    /// <summary>TAX-REG 5.5: the place and time of the hearing are told at least 3 working days in advance.</summary>
    [Law("TAX-REG 5.5")]
    public static Deadline EarliestHearing(WorkingCalendar calendar, DateOnly noticeOn) => calendar.AddWorkingDays(noticeOn, 3);

    /// <summary>TAX-REG 5.5: refuses a hearing set with less than 3 working days' notice.</summary>
    /// <exception cref="LegalRuleViolation">Too short a notice.</exception>
    [Law("TAX-REG 5.5")]
    public static void RequireHearingNotice(WorkingCalendar calendar, DateOnly noticeOn, DateOnly hearingOn)
    {
        var earliest = EarliestHearing(calendar, noticeOn);
        if (hearingOn < earliest.Due)
            throw new LegalRuleViolation(new(Acts.TaxReg, "5.5"), "hearingOn",
                $"Ödəyiciyə dinləmənin yeri və vaxtı ən azı 3 iş günü əvvəl bildirilməlidir: ən tezi {earliest.Due:dd.MM.yyyy} ({earliest.Explain("az")})",
                $"The payer must be told the place and time at least 3 working days ahead: the earliest hearing is {earliest.Due:dd.MM.yyyy} ({earliest.Explain("en")})");
    }

    /// <summary>
    /// TAX-REG 5.6: the municipality decides on the act within 15 days after the objection period ends (day 45 after the
    /// act was received).
    /// </summary>
    [Law("TAX-REG 5.6")]
    public static Deadline DecisionDue(WorkingCalendar calendar, DateOnly actReceivedOn) =>
        calendar.AddCalendarDays(ObjectionDue(calendar, actReceivedOn).Due, 15);

    /// <summary>
    /// TAX-REG 5.9: documents the payer deliberately kept from being delivered are deemed delivered on the day after they were
    /// sent by registered letter.
    /// </summary>
    [Law("TAX-REG 5.9")]
    public static DateOnly DeemedDelivered(DateOnly registeredLetterSentOn) => registeredLetterSentOn.AddDays(1);

    /// <summary>TAX-REG 5.2: participation in a State audit lasts no longer than the State audit itself.</summary>
    /// <exception cref="LegalRuleViolation">Starts before or ends after the State audit.</exception>
    [Law("TAX-REG 5.2")]
    public static void RequireWithinStateAudit(DateOnly stateStart, DateOnly stateEnd, DateOnly start, DateOnly end)
    {
        if (end < start)
            throw new LegalRuleViolation(new(Acts.TaxReg, "5.2"), "endOn", "Bitmə tarixi başlanğıcdan əvvəl ola bilməz", "The end cannot be before the start");
        if (start < stateStart || end > stateEnd)
            throw new LegalRuleViolation(new(Acts.TaxReg, "5.2"), "endOn",
                "Bələdiyyənin iştirak müddəti dövlət vergi orqanının yoxlamasının müddətindən çox ola bilməz",
                "The municipality's participation may not last longer than the State tax authority's audit");
    }

    /// <summary>
    /// TAX-REG 5.3: the act names the date and place, who drew it up (position and full name), the payer, the tax or payment,
    /// the circumstances of the breach, the articles providing liability, and a proposal to pay. Returns the missing fields.
    /// </summary>
    [Law("TAX-REG 5.3")]
    public static IReadOnlyList<string> MissingActFields(DateOnly? drawnOn, string? place, string? drawnBy, string? payer, string? tax,
        string? circumstances, string? articles, string? proposal)
    {
        var missing = new List<string>();
        if (drawnOn is null) missing.Add("drawnOn");
        if (string.IsNullOrWhiteSpace(place)) missing.Add("place");
        if (string.IsNullOrWhiteSpace(drawnBy)) missing.Add("drawnBy");
        if (string.IsNullOrWhiteSpace(payer)) missing.Add("payer");
        if (string.IsNullOrWhiteSpace(tax)) missing.Add("tax");
        if (string.IsNullOrWhiteSpace(circumstances)) missing.Add("circumstances");
        if (string.IsNullOrWhiteSpace(articles)) missing.Add("articles");
        if (string.IsNullOrWhiteSpace(proposal)) missing.Add("proposal");
        return missing;
    }

    /// <summary>TAX-REG 6.4: a complaint within 3 months of the day the payer learned their rights were breached.</summary>
    [Law("TAX-REG 6.4")]
    public static Deadline ComplaintDue(WorkingCalendar calendar, DateOnly learnedOn) => calendar.AddMonths(learnedOn, 3);

    /// <summary>TAX-REG 6.6: the municipality reviews the complaint within 30 days of receiving it.</summary>
    [Law("TAX-REG 6.6")]
    public static Deadline ComplaintReviewDue(WorkingCalendar calendar, DateOnly receivedOn) => calendar.AddCalendarDays(receivedOn, 30);

    /// <summary>TAX-REG 6.6: and tells the complainant in writing within 10 days of the decision.</summary>
    [Law("TAX-REG 6.6")]
    public static Deadline ComplaintReplyDue(WorkingCalendar calendar, DateOnly decidedOn) => calendar.AddCalendarDays(decidedOn, 10);

    /// <summary>TAX-REG 6.2: officials' acts go to the chairman; municipal decisions and the chairman's acts go to the council.</summary>
    [Law("TAX-REG 6.2")]
    public static ComplaintAddressee AddresseeFor(bool againstDecisionOrChairman) =>
        againstDecisionOrChairman ? ComplaintAddressee.Council : ComplaintAddressee.Chairman;

    /// <summary>TAX-REG 3.2.2, 5.1: the municipality audits only legal entities it owns (except when taking part in a State audit).</summary>
    /// <exception cref="LegalRuleViolation">An audit of a payer the municipality does not own.</exception>
    [Law("TAX-REG 5.1")]
    public static void RequireAuditable(AuditKind kind, bool isLegalPerson, bool municipallyOwned)
    {
        if (kind == AuditKind.ParticipationInStateAudit) return;
        if (!isLegalPerson || !municipallyOwned)
            throw new LegalRuleViolation(new(Acts.TaxReg, "5.1"), "taxpayerId",
                "Bələdiyyənin vergi xidməti yalnız bələdiyyə mülkiyyətində olan hüquqi şəxslərdə vergi yoxlaması apara bilər",
                "The municipal tax service audits only legal entities owned by the municipality");
    }
}
