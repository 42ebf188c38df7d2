using System.Net;
using System.Text;
using OpenBams.Law.Taxes;
using OpenBams.Platform.Identity;
using OpenBams.Taxes;
using OpenBams.Testing;
using OpenBams.Tests.Admin;
using static OpenBams.Tests.Admin.AdminHttp;

namespace OpenBams.Tests.Taxes;

/// <summary>
/// The tax service pages driven as a browser without JavaScript: GET the page, POST its form, follow the redirect. An audit and
/// its act go through delivery, an objection on day 30 (TAX-REG 5.4), a hearing notified 3 working days ahead (5.5) and the
/// decision on day 45 (5.6); a second act's objection on day 31 is late and its decision on day 46 is late. Complaints are
/// registered, decided and answered with their deadlines (6.4, 6.6). Residents and strangers are refused every page.
/// </summary>
public abstract class TaxServicePagesTests(AppFixture fixture)
{
    private TestApp App => fixture.App;

    private static string Text(IEnumerable<AngleSharp.Dom.IElement?> e) => string.Join(" | ", e.Select(x => x?.TextContent ?? "∅"));

    private static async Task<int> IdAfterRedirectAsync(HttpResponseMessage r, string prefix)
    {
        if (r.StatusCode != HttpStatusCode.Redirect)
        {
            var doc = await r.HtmlAsync();
            Assert.Fail($"{(int)r.StatusCode}: {doc.GetElementById("errors")?.TextContent}");
        }
        var location = r.Redirected();
        Assert.StartsWith(prefix, location);
        return int.Parse(location[prefix.Length..].Split('#', '?')[0]);
    }

    /// <summary>Post/redirect/get: a command that went through redirects; otherwise the page's refusal is the failure message.</summary>
    private static async Task RedirectsAsync(HttpResponseMessage r)
    {
        if (r.StatusCode == HttpStatusCode.Redirect) return;
        Assert.Fail($"{(int)r.StatusCode}: {(await r.HtmlAsync()).GetElementById("errors")?.TextContent}");
    }

    private static async Task<AngleSharp.Html.Dom.IHtmlDocument> RefusedOnPageAsync(HttpResponseMessage r, string rule, string field)
    {
        Assert.Equal(HttpStatusCode.OK, r.StatusCode); // the page again, with the refusal
        var doc = await r.HtmlAsync();
        var errors = doc.GetElementById("errors")?.TextContent ?? "";
        Assert.Contains(rule, errors);
        Assert.Contains(field, errors);
        return doc;
    }

    [Fact]
    public async Task TAX_REG_5_4_5_5_5_6_an_audit_and_its_act_through_the_pages_objection_on_day_30_hearing_3_working_days_ahead_decision_on_day_45()
    {
        var s = await ServiceScenario.CreateAsync(App);
        var payer = await s.OwnedEntityAsync("Səhifə Mehmanxanası MMC " + Guid.NewGuid().ToString("N")[..4]);
        var service = $"/Taxes/{s.MunicipalityId}/Service";
        App.Clock.SetToday(new DateOnly(2026, 11, 2));

        // TAX-REG 5.1: a desk audit of the entity the municipality owns.
        var audit = await IdAfterRedirectAsync(await s.Officer.PostFormAsync(service,
        [
            F("Form.Kind", "Desk"), F("Form.TaxpayerId", payer.Id), F("Form.Taxes", "HotelPayment"), F("Form.PeriodFrom", "01.01.2026"),
            F("Form.PeriodTo", "30.09.2026"), F("Form.StartOn", "02.11.2026"), F("Form.Officials", "Məmmədov Əli Vəli oğlu"),
        ], service + "?handler=Audit"), $"{service}/Audits/");
        var list = await s.Officer.PageAsync($"{service}?q={Uri.EscapeDataString(payer.Name)}");
        Assert.NotNull(list.GetElementById($"audit-{audit}"));
        Assert.Equal(1, list.QuerySelectorAll("#audit-list tbody tr[id^=audit-]").Length);
        Assert.Contains("export.csv", list.GetElementById("audits-csv")!.GetAttribute("href"));
        var csv = Encoding.UTF8.GetString(await s.Officer.GetByteArrayAsync(list.GetElementById("audits-csv")!.GetAttribute("href")!));
        Assert.Contains(payer.Name, csv);

        // TAX-REG 5.3: a missing field is refused on the page with its article; then the act with every field.
        var auditPage = $"{service}/Audits/{audit}";
        string[] act5_3 = ["Act.DrawnOn", "02.11.2026", "Act.Place", "Bələdiyyənin binası", "Act.DrawnBy", "Baş vergi inspektoru — Məmmədov Əli Vəli oğlu",
            "Act.Tax", "HotelPayment", "Act.Circumstances", "Sentyabr üzrə ödəniş ödənilməyib", "Act.Proposal", "10 gün ərzində ödəmək", "Act.Amount", "250,00"];
        var fields = act5_3.Chunk(2).Select(p => F(p[0], p[1])).ToList();
        await RefusedOnPageAsync(await s.Officer.PostFormAsync(auditPage, fields, auditPage + "?handler=Act"), "TAX-REG 5.3", "articles");
        var actId = await IdAfterRedirectAsync(await s.Officer.PostFormAsync(auditPage, [.. fields, F("Act.Articles", "VM 58.1")], auditPage + "?handler=Act"),
            $"{service}/Acts/");
        var actPage = $"{service}/Acts/{actId}";
        var page = await s.Officer.PageAsync(actPage);
        Assert.Equal($"/api/v1/municipalities/{s.MunicipalityId}/taxes/acts/{actId}/pdf", page.GetElementById("act-pdf")!.GetAttribute("href"));
        Assert.NotNull(page.GetElementById("form-delivery"));
        Assert.Equal(HttpStatusCode.OK, (await s.Officer.GetAsync(page.GetElementById("act-pdf")!.GetAttribute("href"))).StatusCode);
        Assert.Contains($"{service}/Audits/{audit}", (await s.Officer.PageAsync(actPage)).GetElementById("audit-link")!.GetAttribute("href"));

        async Task<HttpResponseMessage> StepAsync(string step, params KeyValuePair<string, string>[] f) =>
            await s.Officer.PostFormAsync(actPage, [F("Step.Name", step), .. f], actPage + "?handler=Step");

        // Delivered on Monday 02.11: the objection runs to day 30 (Wednesday 02.12), the decision to day 45 (Thursday 17.12).
        await RedirectsAsync(await StepAsync("delivery", F("Step.On", "02.11.2026"), F("Step.Method", "InPerson"), F("Step.Proof", "qəbz")));
        page = await s.Officer.PageAsync(actPage);
        Assert.StartsWith("02.12.2026", page.GetElementById("due-objection")!.TextContent.Trim());
        Assert.StartsWith("17.12.2026", page.GetElementById("due-decision")!.TextContent.Trim());
        Assert.Contains("TAX-REG 5.4", page.GetElementById("step-objection")!.TextContent);
        Assert.Contains("TAX-REG 5.6", page.GetElementById("step-decision")!.TextContent);
        Assert.Contains("02.12.2026", page.GetElementById("objection-deadline")!.TextContent);
        Assert.Contains("TAX-REG 5.10", page.GetElementById("procedure-heading")!.TextContent);

        // TAX-REG 5.4: the objection received on day 30 is in time, so a hearing must follow.
        App.Clock.SetToday(new DateOnly(2026, 12, 2));
        await RedirectsAsync(await StepAsync("objection", F("Step.On", "02.12.2026"), F("Step.Whole", "true"), F("Step.Text", "Razı deyiləm")));
        var act = await s.GetActAsync(actId);
        Assert.Equal((ActStatus.Objected, false), (act.Status, act.ObjectionLate));
        page = await s.Officer.PageAsync(actPage);
        Assert.NotNull(page.GetElementById("form-hearing-notice"));
        Assert.Null(page.GetElementById("form-decision"));
        Assert.NotNull(page.GetElementById("flag-hearing-needed"));

        // TAX-REG 5.5: Monday 14.12 → Wednesday 16.12 is two working days ahead: refused on the page; Thursday 17.12 is three.
        App.Clock.SetToday(new DateOnly(2026, 12, 14));
        KeyValuePair<string, string>[] notice = [F("Step.On", "14.12.2026"), F("Step.HearingTime", "10:00"), F("Step.Place", "Otaq 12")];
        await RefusedOnPageAsync(await StepAsync("hearing-notice", [.. notice, F("Step.HearingOn", "16.12.2026")]), "TAX-REG 5.5", "hearingOn");
        await RedirectsAsync(await StepAsync("hearing-notice", [.. notice, F("Step.HearingOn", "17.12.2026")]));
        page = await s.Officer.PageAsync(actPage);
        Assert.StartsWith("17.12.2026", page.GetElementById("due-hearing-notice")!.TextContent.Trim());

        // Heard on 17.12 and decided the same day, day 45: in time.
        App.Clock.SetToday(new DateOnly(2026, 12, 17));
        await RedirectsAsync(await StepAsync("hearing", F("Step.Attended", "true")));
        await RedirectsAsync(await StepAsync("decision", F("Step.Decision", "CourtReferral"), F("Step.On", "17.12.2026"), F("Step.Reference", "Qərar № 9")));
        act = await s.GetActAsync(actId);
        Assert.Equal((ActStatus.Decided, false), (act.Status, act.DecidedLate));
        page = await s.Officer.PageAsync(actPage);
        Assert.Null(page.GetElementById("flag-decided-late"));
        Assert.Equal("state-done", page.GetElementById("step-decision")!.GetAttribute("class"));
        Assert.NotNull(page.GetElementById("form-demand"));
    }

    [Fact]
    public async Task TAX_REG_5_4_5_6_an_objection_on_day_31_is_late_and_calls_for_no_hearing_and_a_decision_on_day_46_is_late()
    {
        var s = await ServiceScenario.CreateAsync(App);
        var payer = await s.OwnedEntityAsync();
        var act = await s.DrawActAsync(payer.Id, new DateOnly(2026, 11, 2));
        var actPage = $"/Taxes/{s.MunicipalityId}/Service/Acts/{act.Id}";
        async Task<HttpResponseMessage> StepAsync(string step, params KeyValuePair<string, string>[] f) =>
            await s.Officer.PostFormAsync(actPage, [F("Step.Name", step), .. f], actPage + "?handler=Step");
        await RedirectsAsync(await StepAsync("delivery", F("Step.On", "02.11.2026"), F("Step.Method", "InPerson")));

        App.Clock.SetToday(new DateOnly(2026, 12, 3));
        await RedirectsAsync(await StepAsync("objection", F("Step.On", "03.12.2026"), F("Step.Whole", "true"), F("Step.Text", "Gec")));
        var page = await s.Officer.PageAsync(actPage);
        Assert.Contains("TAX-REG 5.4", page.GetElementById("flag-objection-late")!.TextContent);
        Assert.NotNull(page.GetElementById("form-decision")); // no hearing needed after a late objection
        Assert.Null(page.GetElementById("flag-hearing-needed"));

        // Day 46: the decision is recorded, flagged late under 5.6.
        App.Clock.SetToday(new DateOnly(2026, 12, 18));
        page = await s.Officer.PageAsync(actPage);
        Assert.Contains("TAX-REG 5.6", page.GetElementById("flag-decision-overdue")!.TextContent);
        await RedirectsAsync(await StepAsync("decision", F("Step.Decision", "Refused"), F("Step.On", "18.12.2026"), F("Step.Reference", "Qərar № 10")));
        Assert.True((await s.GetActAsync(act.Id)).DecidedLate);
        page = await s.Officer.PageAsync(actPage);
        Assert.Contains("TAX-REG 5.6", page.GetElementById("flag-decided-late")!.TextContent);
        // A step out of order is refused on the page with its article.
        await RefusedOnPageAsync(await StepAsync("court", F("Step.On", "18.12.2026"), F("Step.Representation", "T-1")), "TAX-REG 5.", "status");
    }

    [Fact]
    public async Task TAX_REG_6_4_6_6_a_complaint_registered_decided_by_the_chairman_and_answered_through_the_pages()
    {
        var s = await ServiceScenario.CreateAsync(App);
        var payer = await s.OwnedEntityAsync();
        var complaints = $"/Taxes/{s.MunicipalityId}/Service/Complaints";
        App.Clock.SetToday(new DateOnly(2026, 11, 2));
        KeyValuePair<string, string>[] form = [F("Payer", payer.TaxId), F("Against", "Officials"), F("Subject", "İnspektor qəbz vermədi"), F("ReceivedOn", "02.11.2026")];

        // TAX-REG 6.4: learned 02.08.2026, the 3 months end Monday 02.11.2026: received that day, in time; learned 30.07 (ends Friday 30.10): late,
        // and only the chairman may restore the limit.
        await RefusedOnPageAsync(await s.Officer.PostFormAsync(complaints, [.. form, F("LearnedOn", "30.07.2026")]), "TAX-REG 6.4", "receivedOn");
        var id = await IdAfterRedirectAsync(await s.Officer.PostFormAsync(complaints, [.. form, F("LearnedOn", "02.08.2026")]), complaints + "/");
        var page = await s.Officer.PageAsync($"{complaints}/{id}");
        Assert.Contains("02.11.2026", page.GetElementById("deadline-limit")!.TextContent);
        Assert.Contains("TAX-REG 6.4", page.GetElementById("deadline-limit")!.TextContent);
        // Reviewed within 30 days of receipt: 02.12.2026 (Wednesday).
        Assert.Contains("02.12.2026", page.GetElementById("deadline-review")!.TextContent);
        Assert.Contains("TAX-REG 6.6", page.GetElementById("deadline-review")!.TextContent);
        Assert.Contains("TAX-REG 6.2", page.GetElementById("complaint-addressee")!.TextContent);
        Assert.NotNull(page.GetElementById("flag-sanctions-suspended"));
        Assert.Null(page.GetElementById("decision-form")); // a complaint to the chairman is decided by the chairman (6.2)

        var listed = await s.Officer.PageAsync($"{complaints}?q={Uri.EscapeDataString(payer.Name)}&pending=true");
        Assert.NotNull(listed.GetElementById($"complaint-{id}"));
        var csv = Encoding.UTF8.GetString(await s.Officer.GetByteArrayAsync(listed.GetElementById("complaints-csv")!.GetAttribute("href")!));
        Assert.Contains("İnspektor qəbz vermədi", csv);

        // The chairman decides on 20.11; the reply is due 10 days later, 30.11.2026 (Monday).
        App.Clock.SetToday(new DateOnly(2026, 11, 20));
        var version = (await s.Chairman.PageAsync($"{complaints}/{id}")).QuerySelector("#decision-form input[name=Version]")!.GetAttribute("value");
        // A stale version (the complaint changed meanwhile) is refused on the page, not written.
        var stale = await s.Chairman.PostFormAsync($"{complaints}/{id}", [F("On", "20.11.2026"), F("Outcome", "x"), F("Version", long.Parse(version!) + 1)],
            $"{complaints}/{id}?handler=Decision");
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.NotNull((await stale.HtmlAsync()).GetElementById("errors"));
        var decided = await s.Chairman.PostFormAsync($"{complaints}/{id}", [F("On", "20.11.2026"), F("Outcome", "Şikayət təmin edildi"), F("Version", version)],
            $"{complaints}/{id}?handler=Decision");
        await RedirectsAsync(decided);
        page = await s.Officer.PageAsync($"{complaints}/{id}");
        Assert.Contains("30.11.2026", page.GetElementById("deadline-reply")!.TextContent);
        Assert.Contains("Şikayət təmin edildi", page.GetElementById("deadline-review")!.TextContent);
        App.Clock.SetToday(new DateOnly(2026, 11, 25));
        await RedirectsAsync(await s.Officer.PostFormAsync($"{complaints}/{id}", [F("On", "25.11.2026"), F("Method", "RegisteredMail")], $"{complaints}/{id}?handler=Reply"));
        page = await s.Officer.PageAsync($"{complaints}/{id}");
        Assert.Contains("25.11.2026", page.GetElementById("deadline-reply")!.TextContent);
        Assert.Null(page.GetElementById("reply-form"));
        Assert.Null(page.GetElementById("flag-replied-late"));
    }

    [Fact]
    public async Task TAX_REG_3_1_10_residents_council_members_and_other_municipalities_are_refused_every_service_page()
    {
        var s = await ServiceScenario.CreateAsync(App);
        var payer = await s.OwnedEntityAsync();
        var act = await s.DrawActAsync(payer.Id, new DateOnly(2026, 11, 2));
        var other = await TaxScenario.CreateAsync(App);
        var tag = Guid.NewGuid().ToString("N")[..6];
        await App.CreateUserAsync($"member-{tag}", Role.CouncilMember, s.MunicipalityId);
        var member = await App.LoginAsync($"member-{tag}");
        var pages = new[]
        {
            $"/Taxes/{s.MunicipalityId}/Service", $"/Taxes/{s.MunicipalityId}/Service/Acts/{act.Id}", $"/Taxes/{s.MunicipalityId}/Service/Complaints",
        };
        foreach (var client in new[] { s.Resident, member, other.Officer })
            foreach (var url in pages)
            {
                var r = await client.GetAsync(url);
                Assert.True(r.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound, $"{url}: {(int)r.StatusCode}");
                Assert.DoesNotContain(payer.Name, await r.Content.ReadAsStringAsync());
            }
        Assert.Equal(HttpStatusCode.OK, (await s.Officer.GetAsync(pages[1])).StatusCode);
    }
}

public sealed class TaxServicePagesTests_Sqlite(SqliteFixture f) : TaxServicePagesTests(f), IClassFixture<SqliteFixture>;
public sealed class TaxServicePagesTests_Postgres(PostgresFixture f) : TaxServicePagesTests(f), IClassFixture<PostgresFixture>;
