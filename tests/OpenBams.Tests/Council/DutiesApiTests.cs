using System.Net;
using OpenBams.Council;
using OpenBams.Law;
using OpenBams.Law.Council;
using OpenBams.Platform.Calendar;
using OpenBams.Testing;
using OpenBams.Tests.PlatformApi;
using static OpenBams.Tests.Council.DutiesSetup;

namespace OpenBams.Tests.Council;

/// <summary>
/// GET /council/flags and the duties behind it, through the real API: monthly sessions (SL 16.1), reports to voters
/// (SL 15.4), inquiries (MEMBER 5), the permanent-basis and municipal-service deadlines (SL 15.2, 15.2-2, 15.2-3), the
/// chairman's hand-over (SL 19.6), vacancies (SL 15.6) and oversight copies (SL 48.1). Every test has its own council.
/// </summary>
public abstract class DutiesApiTests(AppFixture fixture)
{
    private TestApp App => fixture.App;

    private Task<WorkingCalendar> CalendarAsync(int year) => App.WithDbAsync(db => WorkingCalendars.LoadAsync(db, year, year + 1));

    [Fact]
    public async Task SL_16_1_a_month_without_a_closed_session_is_flagged_from_the_earliest_mandate()
    {
        var firstMonth = new DateOnly(Today.Year, Today.Month, 1).AddMonths(-3);
        var c = await App.CouncilAsync(confirmedOn: firstMonth.AddDays(4));
        // Month 1: only a cancelled session; month 2: a closed one; month 3: one still called (not held).
        await App.SessionAsync(c.MunicipalityId, firstMonth.AddDays(10), SessionStatus.Cancelled);
        await App.SessionAsync(c.MunicipalityId, firstMonth.AddMonths(1).AddDays(10), SessionStatus.Closed);
        await App.SessionAsync(c.MunicipalityId, firstMonth.AddMonths(2).AddDays(10), SessionStatus.Called);

        var missing = (await App.FlagsAsync(c)).Where(f => f.Code == "session-missing").ToList();
        Assert.Equal(2, missing.Count);
        Assert.All(missing, f => { Assert.Equal("SL 16.1", f.Article); Assert.Equal(FlagSeverity.Breach, f.Severity); });
        Assert.Contains(missing, f => f.DueOn == firstMonth.AddMonths(1).AddDays(-1) && f.MessageEn.Contains($"{firstMonth.Month:D2}.{firstMonth.Year}"));
        Assert.Contains(missing, f => f.DueOn == firstMonth.AddMonths(3).AddDays(-1));
        Assert.DoesNotContain(missing, f => f.DueOn == firstMonth.AddMonths(2).AddDays(-1));
        Assert.All(missing, f => Assert.False(string.IsNullOrEmpty(f.MessageAz)));
    }

    [Fact]
    public async Task SL_15_4_a_report_to_voters_is_due_six_months_after_the_last_one()
    {
        var c = await App.CouncilAsync(members: 3, confirmedOn: Today.AddMonths(-6).AddDays(-1));
        // Member 2's mandate started six months ago: due today (not yet overdue) unless the calendar cannot say so
        // (31 August less six months is 28 February, and six months after that is 28 August).
        var confirmed2 = Today.AddMonths(-6);
        await App.UpdateMemberAsync(c.Member(2), x => x.MandateConfirmedOn = confirmed2);
        var flags = await App.FlagsAsync(c);
        Assert.Contains(flags, f => f.Code == "voter-report-overdue" && f.MemberId == c.Member(0) && f.Article == "SL 15.4" && f.Severity == FlagSeverity.Breach);
        if (confirmed2.AddMonths(6) == Today)
            Assert.Contains(flags, f => f.Code == "voter-report-due" && f.MemberId == c.Member(2) && f.DueOn == Today && f.Severity == FlagSeverity.Warning);

        // The member records the report; the next one is due six months later.
        var member = await App.LoginAsync(c.Login(0));
        var heldOn = Today.AddDays(-2);
        var r = await member.PostJsonAsync(c.Api($"/members/{c.Member(0)}/voter-reports"), new { heldOn, place = "Kənd klubu", summary = "Görülən işlər, büdcə, yollar" });
        var view = await r.OkAsync<VoterReportsView>();
        Assert.Equal(heldOn, view.LastReportOn);
        Assert.Equal(heldOn.AddMonths(6), view.NextDueOn);
        Assert.False(view.Overdue);
        Assert.Equal("SL 15.4", view.Rule);
        Assert.DoesNotContain(await App.FlagsAsync(c), f => f.Code == "voter-report-overdue" && f.MemberId == c.Member(0));

        // Another member may not record it for them; the secretary may.
        var other = await App.LoginAsync(c.Login(1));
        Assert.Equal(HttpStatusCode.Forbidden, (await other.PostJsonAsync(c.Api($"/members/{c.Member(0)}/voter-reports"), new { heldOn, place = "X", summary = "Y" })).StatusCode);
        var secretary = await App.LoginAsync(c.Secretary);
        await (await secretary.PostJsonAsync(c.Api($"/members/{c.Member(1)}/voter-reports"), new { heldOn, place = "Məktəb", summary = "Hesabat" })).OkAsync<VoterReportsView>();

        // A report before the mandate does not count; a future one is not a report.
        await (await member.PostJsonAsync(c.Api($"/members/{c.Member(0)}/voter-reports"), new { heldOn = Today.AddYears(-2), place = "X", summary = "Y" }))
            .AssertRuleAsync("heldOn", "SL 15.4");
        await (await member.PostJsonAsync(c.Api($"/members/{c.Member(0)}/voter-reports"), new { heldOn = Today.AddDays(1), place = "X", summary = "Y" }))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "heldOn");

        var list = await (await secretary.GetAsync(c.Api($"/members/{c.Member(0)}/voter-reports"))).OkAsync<VoterReportsView>();
        Assert.Single(list.Reports);
    }

    [Fact]
    public async Task MEMBER_5_an_inquiry_is_due_in_15_days_or_one_month_with_verification_by_the_working_calendar()
    {
        var c = await App.CouncilAsync(members: 3);
        var member = await App.LoginAsync(c.Login(0));
        var r = await member.PostJsonAsync(c.Api("/inquiries"), new { addressee = "İcra aparatının torpaq şöbəsi", subject = "Kənd yolunun təmiri" });
        var plain = await r.OkAsync<InquiryView>(HttpStatusCode.Created);
        var calendar = await CalendarAsync(Today.Year);
        Assert.Equal(Mandates.InquiryAnswerDue(calendar, Today, false).Due, plain.DueOn);
        Assert.True(plain.DueOn >= Today.AddDays(15));
        Assert.Equal("MEMBER 5", plain.Rule);
        Assert.Equal(c.Member(0), plain.MemberId);

        var verified = await (await member.PostJsonAsync(c.Api("/inquiries"), new { addressee = "Mənzil-kommunal müəssisəsi", subject = "Su xətti", needsVerification = true }))
            .OkAsync<InquiryView>(HttpStatusCode.Created);
        Assert.Equal(Mandates.InquiryAnswerDue(calendar, Today, true).Due, verified.DueOn);
        Assert.True(verified.DueOn >= Today.AddMonths(1));

        // An inquiry received 40 days ago without verification is overdue and flagged.
        var old = await (await member.PostJsonAsync(c.Api("/inquiries"), new { addressee = "Sədr", subject = "Köhnə sorğu", receivedOn = Today.AddDays(-40) }))
            .OkAsync<InquiryView>(HttpStatusCode.Created);
        Assert.True(old.Overdue);
        var flags = await App.FlagsAsync(c);
        Assert.Contains(flags, f => f.Code == "inquiry-overdue" && f.RecordId == old.Id && f.Article == "MEMBER 5" && f.Severity == FlagSeverity.Breach);
        Assert.Contains(flags, f => f.Code == "inquiry-open" && f.RecordId == plain.Id && f.Severity == FlagSeverity.Warning && f.DueOn == plain.DueOn);

        // A missed deadline is not extended by verification; a running one is.
        var secretary = await App.LoginAsync(c.Secretary);
        await (await secretary.PostJsonAsync(c.Api($"/inquiries/{old.Id}/verification"), new { })).AssertRuleAsync("inquiryId", "MEMBER 5");
        var extended = await (await secretary.PostJsonAsync(c.Api($"/inquiries/{plain.Id}/verification"), new { })).OkAsync<InquiryView>();
        Assert.Equal(verified.DueOn, extended.DueOn);

        // Only a member submits; only staff or the chairman answer, once.
        await (await secretary.PostJsonAsync(c.Api("/inquiries"), new { addressee = "X", subject = "Y" })).AssertRuleAsync("memberId", "MEMBER 4");
        Assert.Equal(HttpStatusCode.Forbidden, (await member.PostJsonAsync(c.Api($"/inquiries/{old.Id}/answer"), new { answer = "Cavab" })).StatusCode);
        var answered = await (await secretary.PostJsonAsync(c.Api($"/inquiries/{old.Id}/answer"), new { answer = "Yol təmir olunacaq" })).OkAsync<InquiryView>();
        Assert.True(answered.Answered);
        Assert.True(answered.AnsweredLate);
        Assert.False(answered.Overdue);
        Assert.Equal(HttpStatusCode.Conflict, (await secretary.PostJsonAsync(c.Api($"/inquiries/{old.Id}/answer"), new { answer = "Yenə" })).StatusCode);
        Assert.DoesNotContain(await App.FlagsAsync(c), f => f.RecordId == old.Id && f.Code.StartsWith("inquiry", StringComparison.Ordinal));

        var open = await (await secretary.GetAsync(c.Api("/inquiries?open=true"))).OkAsync<List<InquiryView>>();
        Assert.Equal(2, open.Count);
        Assert.Single(await (await secretary.GetAsync(c.Api($"/inquiries?memberId={c.Member(0)}&overdue=false&open=false"))).OkAsync<List<InquiryView>>());
    }

    [Fact]
    public async Task SL_15_2_permanent_basis_and_municipal_service_deadlines_are_flagged_with_their_due_days()
    {
        var c = await App.CouncilAsync(members: 4);
        var calendar = await CalendarAsync(Today.Year - 1);
        var requested = Today.AddDays(-30);
        await App.UpdateMemberAsync(c.Member(0), x => x.PermanentRequestedOn = requested);
        await App.UpdateMemberAsync(c.Member(1), x => { x.PermanentRequestedOn = Today.AddDays(-2); x.EmployerNotifiedOn = Today; });
        await App.UpdateMemberAsync(c.Member(2), x => { x.WasMunicipalServant = true; });
        await App.UpdateMemberAsync(c.Member(3), x => { x.WasMunicipalServant = true; x.ServiceLeftOn = x.MandateConfirmedOn.AddDays(2); });

        var flags = await App.FlagsAsync(c);
        var notice = Assert.Single(flags, f => f.Code == "employer-notice-due");
        Assert.Equal((c.Member(0), "SL 15.2-2", FlagSeverity.Breach), (notice.MemberId!.Value, notice.Article, notice.Severity));
        Assert.Equal(calendar.AddCalendarDays(requested, 5).Due, notice.DueOn);
        var release = Assert.Single(flags, f => f.Code == "employer-release-due");
        Assert.Equal((c.Member(1), "SL 15.2-3", FlagSeverity.Warning), (release.MemberId!.Value, release.Article, release.Severity));
        Assert.True(release.DueOn >= Today.AddDays(5));
        var service = Assert.Single(flags, f => f.Code == "municipal-service-not-left");
        Assert.Equal((c.Member(2), "SL 15.2", FlagSeverity.Breach), (service.MemberId!.Value, service.Article, service.Severity));
    }

    [Fact]
    public async Task SL_19_6_the_outgoing_chairman_hands_over_within_10_days_and_staff_record_it()
    {
        var c = await App.CouncilAsync(members: 3);
        var ended = Today.AddDays(-12);
        var officeId = await App.WithDbAsync(async db =>
        {
            var o = new CouncilOffice { MunicipalityId = c.MunicipalityId, MemberId = c.Member(0), Post = Post.Chairman, ElectedOn = Today.AddYears(-1), EndedOn = ended, EndGround = "19.3.1", HandoverDueOn = ended.AddDays(10) };
            db.CouncilOffices.Add(o);
            await db.SaveChangesAsync();
            return o.Id;
        });
        var flag = Assert.Single(await App.FlagsAsync(c), f => f.Code == "chairman-handover-due");
        Assert.Equal(("SL 19.6", FlagSeverity.Breach, officeId, ended.AddDays(10)), (flag.Article, flag.Severity, flag.RecordId!.Value, flag.DueOn!.Value));

        // A member who is not the chairman may not record it; the secretary does.
        var member = await App.LoginAsync(c.Login(1));
        Assert.Equal(HttpStatusCode.Forbidden, (await member.PostJsonAsync(c.Api($"/members/{c.Member(0)}/handover"), new { })).StatusCode);
        var secretary = await App.LoginAsync(c.Secretary);
        var done = await (await secretary.PostJsonAsync(c.Api($"/members/{c.Member(0)}/handover"), new { completedOn = Today.AddDays(-1) })).OkAsync<HandoverView>();
        Assert.True(done.Late);
        Assert.Equal(Today.AddDays(-1), done.HandoverCompletedOn);
        Assert.DoesNotContain(await App.FlagsAsync(c), f => f.Code == "chairman-handover-due");
        Assert.Equal(HttpStatusCode.Conflict, (await secretary.PostJsonAsync(c.Api($"/members/{c.Member(0)}/handover"), new { })).StatusCode);
    }

    [Fact]
    public async Task SL_15_6_an_empty_seat_is_flagged_for_a_by_election_and_SL_48_1_late_copies_are_flagged()
    {
        // 499 inhabitants: 5 seats (EC 210.2.1); four members sit, a fifth's mandate ended.
        var c = await App.CouncilAsync(members: 4, population: 499);
        await App.AddMemberAsync(c.MunicipalityId, "Keçmiş Üzv", Today.AddYears(-1), change: x => { x.Status = MemberStatus.Ended; x.MandateEndedOn = Today.AddDays(-20); });
        var late = await App.DecisionAsync(c.MunicipalityId, Today.AddDays(-20), Today.AddDays(-1), "Gecikən qərar");
        var running = await App.DecisionAsync(c.MunicipalityId, Today, Today.AddDays(5), "Yeni qərar");

        var flags = await App.FlagsAsync(c);
        var vacancy = Assert.Single(flags, f => f.Code == "vacancy");
        Assert.Equal("SL 15.6", vacancy.Article);
        Assert.Contains("1 of 5 seats", vacancy.MessageEn);
        Assert.Contains(Today.AddDays(-20).ToString("dd.MM.yyyy"), vacancy.MessageEn);
        var overdue = Assert.Single(flags, f => f.Code == "oversight-copy-overdue");
        Assert.Equal(("SL 48.1", FlagSeverity.Breach, late), (overdue.Article, overdue.Severity, overdue.RecordId!.Value));
        Assert.Contains(flags, f => f.Code == "oversight-copy-due" && f.RecordId == running && f.Severity == FlagSeverity.Warning);

        // With every seat filled there is no vacancy.
        await App.AddMemberAsync(c.MunicipalityId, "Yeni Üzv", Today.AddDays(-5));
        Assert.DoesNotContain(await App.FlagsAsync(c), f => f.Code == "vacancy");

        // A council with no members recorded yet is not a by-election case: the records are missing.
        var empty = await App.CouncilAsync(members: 0, population: 499);
        var none = await App.FlagsAsync(empty);
        Assert.DoesNotContain(none, f => f.Code == "vacancy");
        Assert.Contains(none, f => f.Code == "members-not-recorded" && f.Severity == FlagSeverity.Info);
    }

    [Fact]
    public async Task Flags_are_ordered_breaches_first_and_readable_in_both_languages()
    {
        var c = await App.CouncilAsync(members: 3, confirmedOn: Today.AddYears(-1));
        var member = await App.LoginAsync(c.Login(0));
        var az = await (await member.GetAsync($"/api/v1/municipalities/{c.MunicipalityId}/council/flags?lang=az")).OkAsync<List<CouncilFlag>>();
        Assert.NotEmpty(az);
        Assert.Equal(az.OrderByDescending(f => f.Severity).Select(f => f.Severity), az.Select(f => f.Severity));
        Assert.All(az, f => Assert.Equal(f.MessageAz, f.Message));
        Assert.Contains(az, f => f.Code == "charter-unregistered" && f.Article == "SL 8.3");
        Assert.All(az, f => Assert.True(OpenBams.Law.LegalReference.TryParse(f.Article, out _), f.Article));
    }
}

public sealed class DutiesApiTests_Sqlite(SqliteFixture f) : DutiesApiTests(f), IClassFixture<SqliteFixture>;
public sealed class DutiesApiTests_Postgres(PostgresFixture f) : DutiesApiTests(f), IClassFixture<PostgresFixture>;
