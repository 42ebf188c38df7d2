using OpenBams.Law.Taxes;

namespace OpenBams.Law.Tests.Taxes;

/// <summary>The Regulation on the tax service body of municipalities (Law N 478-IIQ): deadlines and checks, by article.</summary>
public class TaxServiceTests
{
    private static readonly WorkingCalendar Calendar = new(AzerbaijanHolidays.For(2026).Concat(AzerbaijanHolidays.For(2027)));

    private static ActProcedureFacts Facts(DateOnly? delivered, DateOnly? objected = null, DateOnly? notice = null, DateOnly? hearing = null, bool heard = false,
        IReadOnlyList<string>? missing = null) => new(missing ?? [], delivered, objected, notice, hearing, heard);

    [Fact]
    public void TAX_REG_5_4_the_objection_is_due_30_days_after_the_act_was_received()
    {
        var d = TaxServiceRules.ObjectionDue(Calendar, new DateOnly(2026, 11, 2));
        Assert.Equal(new DateOnly(2026, 12, 2), d.Due);
        Assert.Contains("30", d.Explain("en"));
        Assert.False(TaxServiceProcedure.IsLateObjection(d.Due, new DateOnly(2026, 12, 2)));
        Assert.True(TaxServiceProcedure.IsLateObjection(d.Due, new DateOnly(2026, 12, 3)));
    }

    [Fact]
    public void TAX_REG_5_4_a_30th_day_on_a_weekend_moves_to_the_next_working_day()
    {
        // 05.11.2026 + 30 = Saturday 05.12.2026 → Monday 07.12.2026.
        var d = TaxServiceRules.ObjectionDue(Calendar, new DateOnly(2026, 11, 5));
        Assert.Equal(new DateOnly(2026, 12, 7), d.Due);
        Assert.True(d.RolledForward);
    }

    [Fact]
    public void TAX_REG_5_5_three_working_days_over_a_weekend_and_holidays()
    {
        // Notice on Friday 06.11.2026: 07-08 weekend (08 Victory Day), 09 Flag Day, 10 rest day for Victory Day; then 11, 12, 13.
        var notice = new DateOnly(2026, 11, 6);
        var earliest = TaxServiceRules.EarliestHearing(Calendar, notice);
        Assert.Equal(new DateOnly(2026, 11, 13), earliest.Due);
        Assert.Contains("09.11.2026", earliest.Explain("en"));
        TaxServiceRules.RequireHearingNotice(Calendar, notice, new DateOnly(2026, 11, 13));
        var v = Assert.Throws<LegalRuleViolation>(() => TaxServiceRules.RequireHearingNotice(Calendar, notice, new DateOnly(2026, 11, 12)));
        Assert.Equal(("TAX-REG 5.5", "hearingOn"), (v.Rule.ToString(), v.Field));
    }

    [Fact]
    public void TAX_REG_5_5_two_working_days_notice_is_refused()
    {
        // Monday 14.12.2026 → Wednesday 16.12 is only two working days ahead; Thursday 17.12 is three.
        Assert.Throws<LegalRuleViolation>(() => TaxServiceRules.RequireHearingNotice(Calendar, new DateOnly(2026, 12, 14), new DateOnly(2026, 12, 16)));
        TaxServiceRules.RequireHearingNotice(Calendar, new DateOnly(2026, 12, 14), new DateOnly(2026, 12, 17));
    }

    [Fact]
    public void TAX_REG_5_6_the_decision_is_due_on_day_45()
    {
        var received = new DateOnly(2026, 11, 2);
        var d = TaxServiceRules.DecisionDue(Calendar, received);
        Assert.Equal(new DateOnly(2026, 12, 17), d.Due);
        Assert.Equal(45, d.Due.DayNumber - received.DayNumber);
    }

    [Fact]
    public void TAX_REG_5_9_a_document_the_payer_obstructed_is_deemed_delivered_the_day_after_the_registered_letter()
    {
        Assert.Equal(new DateOnly(2026, 12, 1), TaxServiceRules.DeemedDelivered(new DateOnly(2026, 11, 30)));
        Assert.Equal(new DateOnly(2027, 1, 1), TaxServiceRules.DeemedDelivered(new DateOnly(2026, 12, 31)));
    }

    [Fact]
    public void TAX_REG_5_10_a_decision_before_the_objection_period_ends_waits_unless_the_payer_objected_and_was_heard()
    {
        var delivered = new DateOnly(2026, 11, 2);
        var early = new DateOnly(2026, 11, 20);
        var v = Assert.Throws<LegalRuleViolation>(() => TaxServiceProcedure.RequireProcedure(Calendar, Facts(delivered), early));
        Assert.Equal(("TAX-REG 5.4", "decidedOn"), (v.Rule.ToString(), v.Field));
        // On the 30th day the payer may still object; the day after, the decision may come.
        Assert.Throws<LegalRuleViolation>(() => TaxServiceProcedure.RequireProcedure(Calendar, Facts(delivered), new DateOnly(2026, 12, 2)));
        TaxServiceProcedure.RequireProcedure(Calendar, Facts(delivered), new DateOnly(2026, 12, 3));
        // Objected and heard: the decision may come early.
        TaxServiceProcedure.RequireProcedure(Calendar, Facts(delivered, new DateOnly(2026, 11, 10), new DateOnly(2026, 11, 11), new DateOnly(2026, 11, 16), heard: true), early);
    }

    [Fact]
    public void TAX_REG_5_10_after_a_timely_objection_the_hearing_must_be_notified_and_held()
    {
        var delivered = new DateOnly(2026, 11, 2);
        var after = new DateOnly(2026, 12, 10);
        var v = Assert.Throws<LegalRuleViolation>(() => TaxServiceProcedure.RequireProcedure(Calendar, Facts(delivered, new DateOnly(2026, 11, 10)), after));
        Assert.Equal(("TAX-REG 5.5", "hearingOn"), (v.Rule.ToString(), v.Field));
        var notHeard = Assert.Throws<LegalRuleViolation>(() => TaxServiceProcedure.RequireProcedure(Calendar,
            Facts(delivered, new DateOnly(2026, 11, 10), new DateOnly(2026, 11, 11), new DateOnly(2026, 11, 16)), after));
        Assert.Equal("hearing", notHeard.Field);
        // A late objection calls for no hearing.
        TaxServiceProcedure.RequireProcedure(Calendar, Facts(delivered, new DateOnly(2026, 12, 5)), after);
    }

    [Fact]
    public void TAX_REG_5_10_missing_fields_block_and_a_late_decision_is_reported_not_blocked()
    {
        var delivered = new DateOnly(2026, 11, 2);
        var v = Assert.Throws<LegalRuleViolation>(() => TaxServiceProcedure.RequireProcedure(Calendar, Facts(delivered, missing: ["articles"]), new DateOnly(2026, 12, 10)));
        Assert.Equal(("TAX-REG 5.3", "articles"), (v.Rule.ToString(), v.Field));
        var findings = TaxServiceProcedure.CheckProcedure(Calendar, Facts(delivered), new DateOnly(2026, 12, 18));
        var deadline = Assert.Single(findings, f => f.Code == "decision-deadline");
        Assert.False(deadline.Passed);
        Assert.False(deadline.Blocking);
        TaxServiceProcedure.RequireProcedure(Calendar, Facts(delivered), new DateOnly(2026, 12, 18));
        Assert.Equal("deliveredOn", Assert.Throws<LegalRuleViolation>(() => TaxServiceProcedure.RequireProcedure(Calendar, Facts(null), new DateOnly(2026, 12, 18))).Field);
    }

    [Fact]
    public void TAX_REG_5_3_every_missing_field_of_the_act_is_named()
    {
        var missing = TaxServiceRules.MissingActFields(null, " ", null, "Payer", null, "c", "", null);
        Assert.Equal(["drawnOn", "place", "drawnBy", "tax", "articles", "proposal"], missing);
        Assert.Empty(TaxServiceRules.MissingActFields(new DateOnly(2026, 12, 1), "p", "d", "p", "LandTax", "c", "a", "p"));
    }

    [Fact]
    public void TAX_REG_5_2_officials_are_named_by_surname_first_name_and_patronymic()
    {
        Assert.True(TaxServiceProcedure.IsFullName("Məmmədov Əli Vəli oğlu"));
        Assert.True(TaxServiceProcedure.IsFullName("Əliyeva Leyla Həsənovna"));
        Assert.False(TaxServiceProcedure.IsFullName("Əli Məmmədov"));
        Assert.False(TaxServiceProcedure.IsFullName("  "));
    }

    [Fact]
    public void TAX_REG_5_2_participation_lasts_no_longer_than_the_State_audit()
    {
        var (s, e) = (new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 20));
        TaxServiceRules.RequireWithinStateAudit(s, e, s, e);
        Assert.Throws<LegalRuleViolation>(() => TaxServiceRules.RequireWithinStateAudit(s, e, s, e.AddDays(1)));
        Assert.Throws<LegalRuleViolation>(() => TaxServiceRules.RequireWithinStateAudit(s, e, s.AddDays(-1), e));
    }

    [Fact]
    public void TAX_REG_3_3_participation_covers_profit_tax_of_owned_entities_mining_tax_and_hotel_payments_only()
    {
        TaxServiceProcedure.RequireParticipationScope([LocalTax.ProfitTax, LocalTax.HotelPayment], municipallyOwned: true);
        TaxServiceProcedure.RequireParticipationScope([LocalTax.MiningTax], municipallyOwned: false);
        Assert.Throws<LegalRuleViolation>(() => TaxServiceProcedure.RequireParticipationScope([LocalTax.ProfitTax], municipallyOwned: false));
        Assert.Throws<LegalRuleViolation>(() => TaxServiceProcedure.RequireParticipationScope([LocalTax.LandTax], municipallyOwned: true));
        Assert.Throws<LegalRuleViolation>(() => TaxServiceProcedure.RequireParticipationScope([], municipallyOwned: true));
    }

    [Fact]
    public void TAX_REG_5_1_only_legal_entities_the_municipality_owns_are_audited()
    {
        TaxServiceRules.RequireAuditable(AuditKind.Desk, isLegalPerson: true, municipallyOwned: true);
        Assert.Equal("TAX-REG 5.1", Assert.Throws<LegalRuleViolation>(() => TaxServiceRules.RequireAuditable(AuditKind.OnSite, true, false)).Rule.ToString());
        Assert.Throws<LegalRuleViolation>(() => TaxServiceRules.RequireAuditable(AuditKind.Desk, false, true));
        TaxServiceRules.RequireAuditable(AuditKind.ParticipationInStateAudit, true, false);
    }

    [Fact]
    public void TAX_REG_6_2_officials_go_to_the_chairman_decisions_and_the_chairman_to_the_council()
    {
        Assert.Equal(ComplaintAddressee.Chairman, TaxServiceProcedure.AddresseeFor(ComplaintAgainst.Officials));
        Assert.Equal(ComplaintAddressee.Chairman, TaxServiceProcedure.AddresseeFor(ComplaintAgainst.TaxServiceAct));
        Assert.Equal(ComplaintAddressee.Council, TaxServiceProcedure.AddresseeFor(ComplaintAgainst.MunicipalDecision));
        Assert.Equal(ComplaintAddressee.Council, TaxServiceProcedure.AddresseeFor(ComplaintAgainst.Chairman));
    }

    [Fact]
    public void TAX_REG_6_4_three_months_across_month_ends()
    {
        // 31.08.2026 + 3 months: November has no 31st → Monday 30.11.2026.
        var d = TaxServiceRules.ComplaintDue(Calendar, new DateOnly(2026, 8, 31));
        Assert.Equal(new DateOnly(2026, 11, 30), d.Due);
        Assert.Contains("last day of the month", d.Explain("en"));
        // 30.11.2026 + 3 months = Sunday 28.02.2027 → Monday 01.03.2027.
        Assert.Equal(new DateOnly(2027, 3, 1), TaxServiceRules.ComplaintDue(Calendar, new DateOnly(2026, 11, 30)).Due);
    }

    [Fact]
    public void TAX_REG_6_4_a_late_complaint_needs_a_restoration()
    {
        var fileBy = TaxServiceRules.ComplaintDue(Calendar, new DateOnly(2026, 8, 31));
        TaxServiceProcedure.RequireComplaintInTime(fileBy, new DateOnly(2026, 11, 30), restored: false);
        var v = Assert.Throws<LegalRuleViolation>(() => TaxServiceProcedure.RequireComplaintInTime(fileBy, new DateOnly(2026, 12, 1), restored: false));
        Assert.Equal(("TAX-REG 6.4", "receivedOn"), (v.Rule.ToString(), v.Field));
        TaxServiceProcedure.RequireComplaintInTime(fileBy, new DateOnly(2026, 12, 1), restored: true);
    }

    [Fact]
    public void TAX_REG_6_6_review_in_30_days_and_reply_in_10_days_after_the_decision()
    {
        Assert.Equal(new DateOnly(2026, 12, 30), TaxServiceRules.ComplaintReviewDue(Calendar, new DateOnly(2026, 11, 30)).Due);
        // 01.12.2026 + 30 = 31.12.2026 (Solidarity Day) → the next working day after the New Year holidays.
        var review = TaxServiceRules.ComplaintReviewDue(Calendar, new DateOnly(2026, 12, 1));
        Assert.True(review.Due > new DateOnly(2027, 1, 2));
        Assert.True(Calendar.IsWorkingDay(review.Due));
        Assert.Equal(new DateOnly(2026, 12, 14), TaxServiceRules.ComplaintReplyDue(Calendar, new DateOnly(2026, 12, 4)).Due);
    }

    [Fact]
    public void TAX_REG_6_5_sanctions_are_always_suspended_the_tax_only_by_the_municipalitys_choice()
    {
        Assert.True(TaxServiceProcedure.SanctionsSuspended(complaintPending: true));
        Assert.False(TaxServiceProcedure.TaxPaymentSuspended(complaintPending: true, complaintSuspendsPayment: false));
        Assert.True(TaxServiceProcedure.TaxPaymentSuspended(complaintPending: true, complaintSuspendsPayment: true));
        Assert.False(TaxServiceProcedure.TaxPaymentSuspended(complaintPending: false, complaintSuspendsPayment: true));
    }

    [Fact]
    public void TAX_REG_7_2_the_tax_service_is_discussed_at_least_once_in_12_months()
    {
        Assert.True(TaxServiceProcedure.AnnualDiscussionMissing(null, new DateOnly(2026, 12, 3)));
        Assert.False(TaxServiceProcedure.AnnualDiscussionMissing(new DateOnly(2025, 12, 3), new DateOnly(2026, 12, 3)));
        Assert.True(TaxServiceProcedure.AnnualDiscussionMissing(new DateOnly(2025, 12, 2), new DateOnly(2026, 12, 3)));
        Assert.Equal(new DateOnly(2027, 2, 28), TaxServiceProcedure.AnnualDiscussionDue(new DateOnly(2026, 2, 28)));
    }
}
