using System.Net;
using Microsoft.EntityFrameworkCore;
using OpenBams.Council;
using OpenBams.Law.Council;
using OpenBams.Pages.Council;
using OpenBams.Platform.Localization;
using OpenBams.Testing;
using OpenBams.Tests.PlatformApi;
using static OpenBams.Tests.Admin.AdminHttp;
using static OpenBams.Tests.Council.DutiesSetup;
using A = OpenBams.Law.Council.AttendanceStatus;

namespace OpenBams.Tests.Council;

/// <summary>
/// The council-duties pages as a browser without JavaScript drives them: GET the page, POST its form. What the page
/// models add to the commands is proven here: the attendance history, the forms' dates and choices turned into the
/// commands' bodies (a joint meeting's parts, the charter's ten sections, "adopted by"), and who is offered what.
/// </summary>
public abstract class CouncilPagesTests(AppFixture fixture)
{
    private TestApp App => fixture.App;
    private static string Page(DutiesCouncil c, string path) => $"/Council/{c.MunicipalityId}{path}";

    [Fact]
    public async Task Member_page_counts_attendance_at_closed_sessions_of_the_mandate_only()
    {
        var confirmed = Today.AddYears(-1);
        var c = await App.CouncilAsync(members: 3, confirmedOn: confirmed);
        var (me, other) = (c.Member(0), c.Member(1));
        await App.SessionAsync(c.MunicipalityId, confirmed.AddDays(-10), SessionStatus.Closed, new Dictionary<int, A> { [me] = A.AbsentUnexcused }); // before the mandate
        await App.SessionAsync(c.MunicipalityId, confirmed.AddDays(30), SessionStatus.Closed, new Dictionary<int, A> { [me] = A.Present, [other] = A.Present });
        await App.SessionAsync(c.MunicipalityId, confirmed.AddDays(60), SessionStatus.Closed, new Dictionary<int, A> { [me] = A.AbsentExcused });
        await App.SessionAsync(c.MunicipalityId, confirmed.AddDays(90), SessionStatus.Closed, new Dictionary<int, A> { [me] = A.AbsentUnexcused });
        await App.SessionAsync(c.MunicipalityId, confirmed.AddDays(120), SessionStatus.Closed, new Dictionary<int, A> { [other] = A.Present }); // no row for me
        await App.SessionAsync(c.MunicipalityId, confirmed.AddDays(150), SessionStatus.Open, new Dictionary<int, A> { [me] = A.AbsentUnexcused });  // not closed

        var staff = await App.LoginAsync(c.Secretary);
        var doc = await staff.PageAsync(Page(c, $"/Members/{me}?lang=en"));
        Assert.Equal("4", doc.QuerySelector("#att-sessions")!.TextContent);
        Assert.Equal("1", doc.QuerySelector("#att-present")!.TextContent);
        Assert.Equal("1", doc.QuerySelector("#att-excused")!.TextContent);
        Assert.Equal("1", doc.QuerySelector("#att-unexcused")!.TextContent);
        Assert.Equal("1", doc.QuerySelector("#att-not-recorded")!.TextContent);
        var rows = doc.QuerySelectorAll("#attendance-history tbody tr").Select(r => r.TextContent).ToList();
        Assert.Equal(4, rows.Count);
        Assert.Contains(Fmt.Date(confirmed.AddDays(30)), rows[^1]);   // newest first
        Assert.Contains("not recorded", rows[0]);
        Assert.DoesNotContain(rows, r => r.Contains(Fmt.Date(confirmed.AddDays(-10)), StringComparison.Ordinal));

        // The council's page links the member's name to this page.
        var index = await staff.PageAsync(Page(c, ""));
        Assert.NotNull(index.QuerySelector($"#members a[href='/Council/{c.MunicipalityId}/Members/{me}']"));
    }

    [Fact]
    public async Task Member_page_mandate_form_records_the_permanent_basis_dates_and_names_a_bad_date()
    {
        var c = await App.CouncilAsync(members: 5);
        var me = c.Member(0);
        var url = Page(c, $"/Members/{me}?lang=en");
        var staff = await App.LoginAsync(c.Secretary);
        var version = await App.WithDbAsync(db => db.CouncilMembers.Where(m => m.Id == me).Select(m => m.Version).SingleAsync());

        var bad = await staff.PostFormAsync(url, [F("Version", version), F("PermanentBasis", "true"), F("EmployerNotifiedOn", "31.02.2026")], Page(c, $"/Members/{me}?handler=Mandate&lang=en"));
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("employerNotifiedOn", (await bad.HtmlAsync()).QuerySelector("#errors")!.TextContent);
        Assert.False(await App.WithDbAsync(db => db.CouncilMembers.Where(m => m.Id == me).Select(m => m.PermanentBasis).SingleAsync()));

        var requested = Today.AddDays(-6);
        var ok = await staff.PostFormAsync(url, [F("Version", version), F("PermanentBasis", "true"), F("PermanentRequestedOn", Fmt.Date(requested)),
            F("EmployerNotifiedOn", Fmt.Date(requested.AddDays(2))), F("ServiceLeftOn", "")], Page(c, $"/Members/{me}?handler=Mandate"));
        Assert.Equal($"/Council/{c.MunicipalityId}/Members/{me}", (await ok.RedirectedAsync()));
        var m = await App.WithDbAsync(db => db.CouncilMembers.SingleAsync(x => x.Id == me));
        Assert.True(m.PermanentBasis);
        Assert.Equal(requested, m.PermanentRequestedOn);
        Assert.Equal(requested.AddDays(2), m.EmployerNotifiedOn);
        Assert.Null(m.ServiceLeftOn);

        // The version read before is stale now: the page says so instead of overwriting.
        var stale = await staff.PostFormAsync(url, [F("Version", version), F("PermanentBasis", "false")], Page(c, $"/Members/{me}?handler=Mandate&lang=en"));
        Assert.Contains("changed this record meanwhile", (await stale.HtmlAsync()).QuerySelector("#errors")!.TextContent);

        // A member does not get the form and cannot post it (Members.ChangeAsync: staff or chairman).
        var member = await App.LoginAsync(c.Login(1));
        Assert.Null((await member.PageAsync(url)).QuerySelector("#mandate-form"));
        var refused = await member.PostFormAsync(url, [F("Version", m.Version), F("PermanentBasis", "false")], Page(c, $"/Members/{me}?handler=Mandate&lang=en"));
        Assert.NotNull((await refused.HtmlAsync()).QuerySelector("#errors"));
        Assert.True(await App.WithDbAsync(db => db.CouncilMembers.Where(x => x.Id == me).Select(x => x.PermanentBasis).SingleAsync()));
    }

    [Fact]
    public async Task A_member_submits_an_inquiry_on_their_own_page_only_and_staff_answer_it_on_the_inquiries_page()
    {
        var c = await App.CouncilAsync(members: 3);
        var (me, other) = (c.Member(0), c.Member(1));
        var member = await App.LoginAsync(c.Login(0));
        Assert.NotNull((await member.PageAsync(Page(c, $"/Members/{me}"))).QuerySelector("#inquiry-form"));
        Assert.Null((await member.PageAsync(Page(c, $"/Members/{other}"))).QuerySelector("#inquiry-form"));

        // Posting on another member's page would submit in one's own name: refused, nothing recorded.
        var wrong = await member.PostFormAsync(Page(c, $"/Members/{other}?lang=en"), [F("Addressee", "Sədr"), F("Subject", "Yol")], Page(c, $"/Members/{other}?handler=Inquiry&lang=en"));
        Assert.Contains("MEMBER 4", (await wrong.HtmlAsync()).QuerySelector("#errors")!.TextContent);
        Assert.Equal(0, await App.WithDbAsync(db => db.MemberInquiries.CountAsync(i => i.MunicipalityId == c.MunicipalityId)));

        var ok = await member.PostFormAsync(Page(c, $"/Members/{me}"), [F("Addressee", "Bələdiyyə sədri"), F("Subject", "Məktəb yolunun işıqlandırılması")],
            Page(c, $"/Members/{me}?handler=Inquiry"));
        Assert.EndsWith("#inquiries", (await ok.RedirectedAsync()));
        var inquiry = await App.WithDbAsync(db => db.MemberInquiries.SingleAsync(i => i.MunicipalityId == c.MunicipalityId));
        Assert.Equal(me, inquiry.MemberId);

        var staff = await App.LoginAsync(c.Secretary);
        var open = await staff.PageAsync(Page(c, "/Inquiries?show=open"));
        Assert.Contains(Fmt.Date(inquiry.DueOn), open.QuerySelector($"#inquiry-{inquiry.Id} .due")!.TextContent);
        Assert.Empty((await staff.PageAsync(Page(c, "/Inquiries?show=overdue"))).QuerySelectorAll("#inquiries tbody tr"));

        var verify = await staff.PostFormAsync(Page(c, "/Inquiries"), [F("InquiryId", inquiry.Id), F("Version", inquiry.Version)], Page(c, "/Inquiries?handler=Verify&show=open"));
        Assert.Equal($"/Council/{c.MunicipalityId}/Inquiries?show=open", (await verify.RedirectedAsync()));
        inquiry = await App.WithDbAsync(db => db.MemberInquiries.SingleAsync(i => i.Id == inquiry.Id));
        Assert.True(inquiry.NeedsVerification);

        var blank = await staff.PostFormAsync(Page(c, "/Inquiries?lang=en"), [F("InquiryId", inquiry.Id), F("Version", inquiry.Version), F("Answer", " ")], Page(c, "/Inquiries?handler=Answer&lang=en"));
        Assert.Contains("answer", (await blank.HtmlAsync()).QuerySelector("#errors")!.TextContent);
        var answered = await staff.PostFormAsync(Page(c, "/Inquiries"), [F("InquiryId", inquiry.Id), F("Version", inquiry.Version), F("Answer", "İşıqlandırma 2027-ci ilin planına salınıb")],
            Page(c, "/Inquiries?handler=Answer"));
        await answered.RedirectedAsync();
        var page = await member.PageAsync(Page(c, $"/Members/{me}"));
        Assert.Contains("İşıqlandırma 2027-ci ilin planına salınıb", page.QuerySelector("#member-inquiries")!.TextContent);
        Assert.Contains("İşıqlandırma", (await staff.PageAsync(Page(c, "/Inquiries?show=answered"))).QuerySelector("#inquiries")!.TextContent);
        Assert.Empty((await staff.PageAsync(Page(c, "/Inquiries?show=open"))).QuerySelectorAll("#inquiries tbody tr"));
    }

    [Fact]
    public async Task Mandate_case_form_needs_the_court_decision_SL_23_and_raise_from_absences_says_what_it_opened()
    {
        var c = await App.CouncilAsync(members: 5, confirmedOn: new DateOnly(Today.Year - 2, 1, 10));
        var staff = await App.LoginAsync(c.Secretary);
        var url = Page(c, "/MandateCases?lang=en");
        var post = Page(c, "/MandateCases?handler=Raise&lang=en");

        var none = await staff.PostFormAsync(url, [F("MemberId", ""), F("Ground", "Conviction"), F("Detail", "x")], post);
        Assert.Contains("memberId", (await none.HtmlAsync()).QuerySelector("#errors")!.TextContent);

        var noCourt = await staff.PostFormAsync(url, [F("MemberId", c.Member(1)), F("Ground", "Conviction"), F("Detail", "Hökm")], post);
        var error = (await noCourt.HtmlAsync()).QuerySelector("#errors")!.TextContent;
        Assert.Contains("SL 23", error);
        Assert.Contains("courtDecisionReference", error);
        var kept = await noCourt.HtmlAsync();
        Assert.Equal("Conviction", kept.QuerySelector("#Ground option[selected]")!.GetAttribute("value"));

        var badDate = await staff.PostFormAsync(url, [F("MemberId", c.Member(1)), F("Ground", "Conviction"), F("Detail", "Hökm"),
            F("CourtDecisionReference", "Şəki rayon məhkəməsi, iş № 1-123/2026"), F("CourtDecisionInForceOn", "yesterday")], post);
        Assert.Contains("courtDecisionInForceOn", (await badDate.HtmlAsync()).QuerySelector("#errors")!.TextContent);

        var raised = await staff.PostFormAsync(url, [F("MemberId", c.Member(1)), F("Ground", "Conviction"), F("Detail", "Hökm"),
            F("CourtDecisionReference", "Şəki rayon məhkəməsi, iş № 1-123/2026"), F("CourtDecisionInForceOn", Fmt.Date(Today.AddDays(-3)))], post);
        await raised.RedirectedAsync();
        Assert.Equal(MemberStatus.Suspended, await App.MemberStatusAsync(c.Member(1)));
        var list = await staff.PageAsync(url);
        Assert.Contains("ready for the council", list.QuerySelector("#cases")!.TextContent);

        // SL 22.6 from the attendance of last year's closed sessions: member 2 missed three in a row.
        var prev = Today.Year - 1;
        for (var k = 0; k < 3; k++)
            await App.SessionAsync(c.MunicipalityId, new DateOnly(prev, 3 + k, 10), SessionStatus.Closed, new Dictionary<int, A> { [c.Member(2)] = A.AbsentUnexcused, [c.Member(0)] = A.Present });
        var first = await staff.PostFormAsync(url, [], Page(c, "/MandateCases?handler=Absences&lang=en"));
        var message = (await first.HtmlAsync()).QuerySelector("#message")!.TextContent;
        Assert.Contains("1 case(s) opened", message);
        Assert.Contains("Üzv2", message);
        var again = await staff.PostFormAsync(url, [], Page(c, "/MandateCases?handler=Absences&lang=en"));
        Assert.Contains("No new ground", (await again.HtmlAsync()).QuerySelector("#message")!.TextContent);

        // Dismissing needs a reason; the member page lists the open cases.
        var caseId = await App.WithDbAsync(db => db.MandateCases.Where(x => x.MemberId == c.Member(2)).Select(x => x.Id).SingleAsync());
        Assert.NotNull((await staff.PageAsync(Page(c, $"/Members/{c.Member(2)}"))).QuerySelector("#open-cases"));
        var dismissed = await staff.PostFormAsync(url, [F("CaseId", caseId), F("Reason", "Üzrlü səbəb sənədlə təsdiq edildi")], Page(c, "/MandateCases?handler=Dismiss"));
        await dismissed.RedirectedAsync();
        Assert.Equal(MandateCaseStatus.Dismissed, await App.WithDbAsync(db => db.MandateCases.Where(x => x.Id == caseId).Select(x => x.Status).SingleAsync()));

        // A member sees the cases but gets none of the staff forms.
        var member = await App.LoginAsync(c.Login(0));
        var seen = await member.PageAsync(url);
        Assert.Null(seen.QuerySelector("#raise-form"));
        Assert.Null(seen.QuerySelector("#raise-absences"));
    }

    [Fact]
    public async Task A_joint_commission_meeting_form_counts_each_ticked_commission_apart_COMM_9()
    {
        var c = await App.CouncilAsync(members: 5);
        var staff = await App.LoginAsync(c.Secretary);
        var url = Page(c, "/Commissions?lang=en");
        var create = Page(c, "/Commissions?handler=Create&lang=en");

        var two = await staff.PostFormAsync(url, [F("Name", "Büdcə komissiyası"), F("Kind", "Permanent"), F("MemberIds", c.Member(0)), F("MemberIds", c.Member(1))], create);
        var error = (await two.HtmlAsync()).QuerySelector("#errors")!.TextContent;
        Assert.Contains("COMM 6", error);
        Assert.Contains("2 given", error);

        var other = await staff.PostFormAsync(url, [F("Name", "Müvəqqəti komissiya"), F("Kind", "Other"), F("MemberIds", c.Member(0)), F("MemberIds", c.Member(1)), F("MemberIds", c.Member(2))], create);
        Assert.Contains("endsOn", (await other.HtmlAsync()).QuerySelector("#errors")!.TextContent);

        var budget = await staff.PostFormAsync(url, [F("Name", "Büdcə komissiyası"), F("Kind", "Permanent"), F("MemberIds", c.Member(0)), F("MemberIds", c.Member(1)), F("MemberIds", c.Member(2)), F("EstablishedOn", Fmt.Date(Today.AddDays(-30)))], create);
        var budgetId = int.Parse((await budget.RedirectedAsync()).Split('/')[^1]);
        var roads = await staff.PostFormAsync(url, [F("Name", "Yol komissiyası"), F("Kind", "Other"), F("EndsOn", Fmt.Date(Today.AddMonths(6))), F("EstablishedOn", Fmt.Date(Today.AddDays(-30))),
            F("MemberIds", c.Member(2)), F("MemberIds", c.Member(3)), F("MemberIds", c.Member(4))], create);
        var roadsId = int.Parse((await roads.RedirectedAsync()).Split('/')[^1]);
        var third = await staff.PostFormAsync(url, [F("Name", "Ekologiya"), F("Kind", "Permanent"), F("MemberIds", c.Member(0)), F("MemberIds", c.Member(3)), F("MemberIds", c.Member(4)), F("EstablishedOn", Fmt.Date(Today.AddDays(-30)))], create);
        var thirdId = int.Parse((await third.RedirectedAsync()).Split('/')[^1]);

        // The list offers the commissions in its order; find each one's index in the form.
        var form = await staff.PageAsync(url);
        int Index(int id) => int.Parse(form.QuerySelector($"#part-{id} input[type='hidden']")!.GetAttribute("name")!.Split('[', ']')[1]);
        var (b, r, t) = (Index(budgetId), Index(roadsId), Index(thirdId));
        var held = Today.AddDays(-1);
        var fields = new List<KeyValuePair<string, string>>
        {
            F("Meeting.HeldOn", Fmt.Date(held)), F("Meeting.NotifiedOn", Fmt.Date(held.AddDays(-3))), F("Meeting.Subject", "Yol təmiri smetası"),
            F("Meeting.PresidedByMemberId", c.Member(1)),   // COMM 14: a joint meeting elects who presides
            F($"Meeting.Parts[{b}].CommissionId", budgetId), F($"Meeting.Parts[{b}].Take", "true"),
            F($"Meeting.Parts[{b}].Present", c.Member(0)), F($"Meeting.Parts[{b}].Present", c.Member(1)),
            F($"Meeting.Parts[{b}].For", 2), F($"Meeting.Parts[{b}].Against", ""), F($"Meeting.Parts[{b}].Abstain", ""),
            F($"Meeting.Parts[{r}].CommissionId", roadsId), F($"Meeting.Parts[{r}].Take", "true"),
            F($"Meeting.Parts[{r}].Present", c.Member(2)), F($"Meeting.Parts[{r}].Present", c.Member(3)), F($"Meeting.Parts[{r}].Present", c.Member(4)),
            F($"Meeting.Parts[{r}].For", 1), F($"Meeting.Parts[{r}].Against", 2),
            // Not ticked: the third commission's fields are ignored.
            F($"Meeting.Parts[{t}].CommissionId", thirdId), F($"Meeting.Parts[{t}].Present", c.Member(0)), F($"Meeting.Parts[{t}].For", 1),
        };
        var recorded = await staff.PostFormAsync(url, fields, Page(c, "/Commissions?handler=Meeting&lang=en"));
        await recorded.RedirectedAsync();
        var meetingId = (await App.WithDbAsync(db => db.CommissionMeetings.Where(x => x.MunicipalityId == c.MunicipalityId).Select(x => x.Id).ToListAsync())).Single();
        var meeting = await App.WithDbAsync(db => CommissionWork.GetMeetingAsync(db, c.MunicipalityId, meetingId));
        Assert.True(meeting.Joint);
        Assert.Equal(new[] { budgetId, roadsId }.Order(), meeting.Tallies.Select(x => x.CommissionId).Order());
        Assert.True(meeting.Tallies.Single(x => x.CommissionId == budgetId).Adopted);
        Assert.False(meeting.Tallies.Single(x => x.CommissionId == roadsId).Adopted);
        Assert.False(meeting.Adopted);   // COMM 9: the roads commission's majority was against

        // The commission's own page lists the meeting and records a single one; a quorum short is refused (COMM 8).
        var detail = Page(c, $"/Commissions/{budgetId}?lang=en");
        Assert.Contains("not adopted", (await staff.PageAsync(detail)).QuerySelector("#meetings")!.TextContent);
        Assert.DoesNotContain("Yol təmiri", (await staff.PageAsync(Page(c, $"/Commissions/{thirdId}"))).QuerySelector("#meetings")?.TextContent ?? "");
        var single = new List<KeyValuePair<string, string>>
        {
            F("Meeting.HeldOn", Fmt.Date(held)), F("Meeting.NotifiedOn", Fmt.Date(held.AddDays(-2))), F("Meeting.Subject", "Büdcə layihəsi"),
            F("Meeting.Parts[0].CommissionId", budgetId), F("Meeting.Parts[0].Present", c.Member(0)), F("Meeting.Parts[0].For", 1),
            // No chair elected yet: a member the municipal chairman designated presides (COMM 17).
            F("Meeting.PresidedByMemberId", c.Member(0)), F("Meeting.DesignatedByChairman", "true"),
        };
        var short1 = await staff.PostFormAsync(detail, single, Page(c, $"/Commissions/{budgetId}?handler=Meeting&lang=en"));
        var shortError = (await short1.HtmlAsync()).QuerySelector("#errors")!.TextContent;
        Assert.Contains("COMM 8", shortError);
        Assert.Contains("participants[0].presentMemberIds", shortError);
        single.Add(F("Meeting.Parts[0].Present", c.Member(1)));
        await (await staff.PostFormAsync(detail, single, Page(c, $"/Commissions/{budgetId}?handler=Meeting"))).RedirectedAsync();
        Assert.Equal(2, await App.WithDbAsync(db => db.CommissionMeetings.CountAsync(x => x.MunicipalityId == c.MunicipalityId)));

        // Officers, composition and abolition on the commission's page.
        var version = await App.WithDbAsync(db => db.Commissions.Where(x => x.Id == budgetId).Select(x => x.Version).SingleAsync());
        await (await staff.PostFormAsync(detail, [F("Version", version), F("ChairMemberId", c.Member(0)), F("DeputyChairMemberId", c.Member(1))],
            Page(c, $"/Commissions/{budgetId}?handler=Officers"))).RedirectedAsync();
        var page = await staff.PageAsync(detail);
        Assert.Contains("Üzv0", page.QuerySelector("#commission-chair")!.TextContent);
        version = await App.WithDbAsync(db => db.Commissions.Where(x => x.Id == budgetId).Select(x => x.Version).SingleAsync());
        var drop = await staff.PostFormAsync(detail, [F("Version", version), F("MemberIds", c.Member(1)), F("MemberIds", c.Member(2)), F("MemberIds", c.Member(3))],
            Page(c, $"/Commissions/{budgetId}?handler=Composition&lang=en"));
        Assert.Contains("COMM 6", (await drop.HtmlAsync()).QuerySelector("#errors")!.TextContent);   // the chair must stay a member
        await (await staff.PostFormAsync(detail, [F("Version", version), F("AbolishedOn", "")], Page(c, $"/Commissions/{budgetId}?handler=Abolish"))).RedirectedAsync();
        Assert.NotNull((await staff.PageAsync(detail)).QuerySelector("#abolished"));
    }

    [Fact]
    public async Task Charter_form_posts_the_ten_sections_and_the_adopting_act_then_registration_puts_it_in_force()
    {
        var c = await App.CouncilAsync(members: 5);
        var decision = await App.DecisionAsync(c.MunicipalityId, Today.AddDays(-20), Today.AddDays(-10), "Nizamnamənin qəbulu");
        var staff = await App.LoginAsync(c.Secretary);
        var url = Page(c, "/Charter?lang=en");
        var adopt = Page(c, "/Charter?handler=Adopt&lang=en");
        var sections = CharterContents.Required.Select(r => F($"Sections[{r.Key}]", $"{r.Az}: mətn")).ToList();

        Assert.Equal(((int?)decision, (int?)null), CharterModel.ParseAdoptedBy($"d:{decision}"));
        Assert.Equal(((int?)null, (int?)7), CharterModel.ParseAdoptedBy("m:7"));
        Assert.Equal(((int?)null, (int?)null), CharterModel.ParseAdoptedBy("x:7"));

        var missing = await staff.PostFormAsync(url, sections.Where(f => f.Key != "Sections[economy]").Append(F("AdoptedBy", $"d:{decision}")), adopt);
        var error = (await missing.HtmlAsync()).QuerySelector("#errors")!.TextContent;
        Assert.Contains("SL 8.2", error);
        Assert.Contains("economy", error);
        var unknownSection = await staff.PostFormAsync(url, sections.Append(F("Sections[flag]", "Bayraq")).Append(F("AdoptedBy", $"d:{decision}")), adopt);
        await unknownSection.RedirectedAsync();   // only the ten sections of SL 8.2 are offered and taken
        var version = await App.WithDbAsync(db => db.CharterVersions.SingleAsync(x => x.MunicipalityId == c.MunicipalityId));
        Assert.DoesNotContain("flag", version.Sections);

        var noAct = await staff.PostFormAsync(url, sections.Append(F("AdoptedBy", "")), adopt);
        Assert.Contains("SL 8.1", (await noAct.HtmlAsync()).QuerySelector("#errors")!.TextContent);

        var page = await staff.PageAsync(url);
        Assert.NotNull(page.QuerySelector($"#pending-{version.Id}"));
        Assert.NotNull(page.QuerySelector("#no-charter"));
        var future = await staff.PostFormAsync(url, [F("CharterVersionId", version.Id), F("Version", version.Version), F("RegistrationNumber", "NZ-77"), F("RegisteredOn", Fmt.Date(Today.AddDays(1)))],
            Page(c, "/Charter?handler=Register&lang=en"));
        Assert.Contains("SL 8.5", (await future.HtmlAsync()).QuerySelector("#errors")!.TextContent);
        await (await staff.PostFormAsync(url, [F("CharterVersionId", version.Id), F("Version", version.Version), F("RegistrationNumber", "NZ-77"), F("RegisteredOn", Fmt.Date(Today))],
            Page(c, "/Charter?handler=Register"))).RedirectedAsync();

        page = await staff.PageAsync(url);
        Assert.Equal("NZ-77", page.QuerySelector("#charter-number")!.TextContent);
        Assert.Equal(10, page.QuerySelectorAll("#charter-in-force + dl dt").Length);
        Assert.Contains("NZ-77", (await staff.PageAsync(Page(c, ""))).QuerySelector("#charter")!.TextContent);

        // A member reads the charter but records nothing.
        Assert.Null((await (await App.LoginAsync(c.Login(0))).PageAsync(url)).QuerySelector("#adopt-form"));
    }

    [Fact]
    public async Task Citizens_meeting_form_records_the_quorum_SL_28_4_and_refuses_without_participants()
    {
        var c = await App.CouncilAsync(members: 3, population: 450);
        var staff = await App.LoginAsync(c.Secretary);
        var url = Page(c, "/CitizensMeetings?lang=en");
        var none = await staff.PostFormAsync(url, [F("HeldOn", Fmt.Date(Today)), F("Subject", "Nizamnamə"), F("ResidentVoters", 300), F("Participants", "")]);
        Assert.Contains("participants", (await none.HtmlAsync()).QuerySelector("#errors")!.TextContent);
        var few = await staff.PostFormAsync(url, [F("HeldOn", Fmt.Date(Today)), F("Subject", "Nizamnamə"), F("ResidentVoters", 300), F("Participants", 60), F("Decisions", "Qəbul edilsin")]);
        Assert.Contains("SL 28.4", (await few.HtmlAsync()).QuerySelector("#errors")!.TextContent);
        await (await staff.PostFormAsync(url, [F("HeldOn", Fmt.Date(Today)), F("Subject", "Nizamnamə"), F("ResidentVoters", 300), F("Participants", 75), F("Decisions", "Qəbul edilsin")])).RedirectedAsync();
        var page = await staff.PageAsync(url);
        Assert.Contains("quorate", page.QuerySelector("#citizens-meetings")!.TextContent);
        Assert.Contains("75 / 300", page.QuerySelector("#citizens-meetings")!.TextContent);
        // A quorate meeting is offered as the act adopting the charter (SL 28.3).
        Assert.NotEmpty((await staff.PageAsync(Page(c, "/Charter"))).QuerySelectorAll("#AdoptedBy option[value^='m:']"));
    }
}

internal static class CouncilPagesHttp
{
    /// <summary>The post succeeded: a redirect (post/redirect/get); otherwise the page's refusal is the failure message.</summary>
    public static async Task<string> RedirectedAsync(this HttpResponseMessage r)
    {
        if (r.StatusCode != HttpStatusCode.Redirect)
            Assert.Fail($"Expected a redirect, got {(int)r.StatusCode}: {(await r.HtmlAsync()).QuerySelector("#errors")?.TextContent ?? "(no #errors)"}");
        return r.Headers.Location!.OriginalString;
    }
}

public sealed class CouncilPagesTests_Sqlite(SqliteFixture f) : CouncilPagesTests(f), IClassFixture<SqliteFixture>;
public sealed class CouncilPagesTests_Postgres(PostgresFixture f) : CouncilPagesTests(f), IClassFixture<PostgresFixture>;
