using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OpenBams.Law.Taxes;
using OpenBams.Taxes;
using OpenBams.Testing;
using OpenBams.Tests.PlatformApi;
using OpenBams.Tests.Registry;

namespace OpenBams.Tests.Taxes;

/// <summary>
/// The act on an unpaid tax through its whole way (TAX-REG 5.3-5.12) over HTTP on a real database: required fields, the 30- and
/// 45-day deadlines on the working calendar, the hearing's 3 working days, the 5.10 check, deemed delivery, voluntary payment,
/// court, and every step refused out of order with its article.
/// </summary>
public abstract class TaxServiceActsTests(AppFixture fixture)
{
    private TestApp App => fixture.App;
    private static readonly DateOnly Nov2 = new(2026, 11, 2);

    [Fact]
    public async Task TAX_REG_5_3_an_act_missing_fields_is_refused_naming_each()
    {
        var s = await ServiceScenario.CreateAsync(App);
        var payer = await s.OwnedEntityAsync();
        App.Clock.SetToday(Nov2);
        var r = await s.Officer.PostJsonAsync($"{s.Api}/acts?lang=en", new { taxpayerId = payer.Id, tax = "HotelPayment", place = " " });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, r.StatusCode);
        var p = await r.ProblemAsync();
        Assert.Equal("TAX-REG 5.3", p.GetProperty("rule").GetString());
        Assert.Equal(["articles", "circumstances", "drawnBy", "drawnOn", "place", "proposal"], p.ErrorFields().Order());
        Assert.Contains("the position and full name", p.GetProperty("errors").GetProperty("drawnBy")[0].GetString());

        // Without a payer from the register the payer's information is missing too.
        var noPayer = await (await s.Officer.PostJsonAsync($"{s.Api}/acts?lang=en", new { })).ProblemAsync();
        Assert.Contains("taxpayerId", noPayer.ErrorFields());
        Assert.Contains("payer", noPayer.ErrorFields());
        Assert.Contains("tax", noPayer.ErrorFields());

        // A person drawing it up must be named by surname, first name and patronymic.
        var body = JsonSerializer.SerializeToNode(ServiceScenario.Act(payer.Id, Nov2), RegistryHttp.Json)!;
        body["drawnBy"] = JsonSerializer.SerializeToNode(new[] { new { position = "İnspektor", fullName = "Əli Məmmədov" } });
        var notFull = await (await s.Officer.PostAsJsonAsync($"{s.Api}/acts?lang=en", body)).AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "drawnBy");
        Assert.Equal("TAX-REG 5.3", notFull.GetProperty("rule").GetString());
        Assert.Equal(0, await App.WithDbAsync(db => db.AuditActs.CountAsync(a => a.MunicipalityId == s.MunicipalityId)));
    }

    [Fact]
    public async Task Acts_are_numbered_per_municipality_and_year_and_take_the_payer_from_the_register()
    {
        var s = await ServiceScenario.CreateAsync(App);
        var payer = await s.OwnedEntityAsync("Şəhər Bazarı MMC");
        var first = await s.DrawActAsync(payer.Id, new DateOnly(2026, 12, 30));
        var second = await s.DrawActAsync(payer.Id, new DateOnly(2026, 12, 31));
        var next = await s.DrawActAsync(payer.Id, new DateOnly(2027, 1, 4));
        Assert.Equal(["1/2026", "2/2026", "1/2027"], new[] { first.Code, second.Code, next.Code });
        Assert.Contains("Şəhər Bazarı MMC", first.Payer);
        Assert.Contains(payer.TaxId!, first.Payer);
        Assert.Equal(ActStatus.Drawn, first.Status);
        Assert.Equal([TaxServiceActs.Delivery], first.NextSteps);
        var search = await s.Officer.GetFromJsonAsync<PageOf<ActView>>($"{s.Api}/acts?q=seher%20bazari&year=2026", RegistryHttp.Json);
        Assert.Equal(2, search!.Total);
    }

    [Fact]
    public async Task The_full_path_to_court_with_objection_hearing_decision_demand_and_judgement()
    {
        var s = await ServiceScenario.CreateAsync(App);
        var payer = await s.OwnedEntityAsync();
        var act = await s.DrawActAsync(payer.Id, Nov2);

        // TAX-REG 5.3: delivered in person on Monday 02.11.2026; 30 days to object, decision by day 45.
        act = await s.StepAsync(act.Id, TaxServiceActs.Delivery, new { deliveredOn = Nov2, method = "InPerson", proof = "imzalı qəbz", originalToChairmanOn = Nov2 });
        Assert.Equal((new DateOnly(2026, 12, 2), new DateOnly(2026, 12, 17)), (act.ObjectionDueOn, act.DecisionDueOn));
        Assert.Contains("30 calendar days after 02.11.2026", act.ObjectionDueExplanation);
        Assert.Contains("15 calendar days after 02.12.2026", act.DecisionDueExplanation);
        Assert.Contains(act.Flags, f => f.Code == "objection-period-running");

        // 5.10: no decision before the objection period ends while the payer has not objected and been heard.
        var early = await s.TryStepAsync(act.Id, TaxServiceActs.Decision, new { decision = "CourtReferral", reference = "7/2026" }, new DateOnly(2026, 11, 4));
        Assert.Equal("TAX-REG 5.4", (await early.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "decidedOn")).GetProperty("rule").GetString());

        // 5.4: an objection to parts of the act.
        act = await s.StepAsync(act.Id, TaxServiceActs.Objection, new { receivedOn = new DateOnly(2026, 11, 5), whole = false, parts = "7-ci bənd", text = "Məbləğlə razı deyiləm" },
            new DateOnly(2026, 11, 5));
        Assert.Equal((ActStatus.Objected, false, "7-ci bənd"), (act.Status, act.ObjectionLate, act.ObjectionParts));
        Assert.Equal([TaxServiceActs.HearingNotice], act.NextSteps);
        var beforeHearing = await s.TryStepAsync(act.Id, TaxServiceActs.Decision, new { decision = "CourtReferral", reference = "7/2026" });
        Assert.Equal("TAX-REG 5.5", (await beforeHearing.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "status")).GetProperty("rule").GetString());

        // 5.5: notice on Friday 06.11 — the weekend, Victory Day, Flag Day and its rest day leave only 11 and 12.11 before Thursday.
        App.Clock.SetToday(new DateOnly(2026, 11, 6));
        var twoDays = await s.TryStepAsync(act.Id, TaxServiceActs.HearingNotice,
            new { noticeOn = new DateOnly(2026, 11, 6), hearingOn = new DateOnly(2026, 11, 12), hearingTime = "10:00:00", place = "Otaq 12" });
        var problem = await twoDays.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "hearingOn");
        Assert.Equal("TAX-REG 5.5", problem.GetProperty("rule").GetString());
        Assert.Contains("13.11.2026", problem.GetProperty("title").GetString());
        act = await s.StepAsync(act.Id, TaxServiceActs.HearingNotice,
            new { noticeOn = new DateOnly(2026, 11, 6), hearingOn = new DateOnly(2026, 11, 13), hearingTime = "10:00:00", place = "Otaq 12" });
        Assert.Equal((ActStatus.HearingSet, new DateOnly(2026, 11, 13)), (act.Status, act.EarliestHearingOn));
        var tooSoon = await s.TryStepAsync(act.Id, TaxServiceActs.Hearing, new { attended = true });
        await tooSoon.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "hearingOn");

        // The payer stays away without a good reason: examined in absentia.
        act = await s.StepAsync(act.Id, TaxServiceActs.Hearing, new { attended = false, absenceReason = "xəbərdarlıqsız gəlmədi", reasonAccepted = false },
            new DateOnly(2026, 11, 13));
        Assert.Equal((ActStatus.Heard, true, false), (act.Status, act.HeardInAbsentia, act.AbsenceReasonAccepted));
        Assert.All(act.Procedure.Where(f => f.Blocking), f => Assert.True(f.Passed, f.Code));

        // Objected and heard: the decision may come before day 30.
        act = await s.StepAsync(act.Id, TaxServiceActs.Decision, new { decision = "CourtReferral", reference = "Qərar № 7/2026", decidedOn = new DateOnly(2026, 11, 16) },
            new DateOnly(2026, 11, 16));
        Assert.Equal((ActStatus.Decided, ActDecision.CourtReferral, false), (act.Status, act.Decision, act.DecidedLate));

        act = await s.StepAsync(act.Id, TaxServiceActs.Demand, new { interest = 1.5m, sanctions = 5m });
        Assert.Equal(256.5m, act.DemandTotal);
        var tooEarly = await s.TryStepAsync(act.Id, TaxServiceActs.Court, new { representation = "Təqdimat № 3" });
        Assert.Equal("TAX-REG 5.8", (await tooEarly.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "status")).GetProperty("rule").GetString());

        // 5.8: proof of the day is required; 5.9: the payer obstructed, so the registered letter of 17.11 counts from 18.11.
        var noProof = await s.TryStepAsync(act.Id, TaxServiceActs.DemandDelivery, new { obstructed = true, registeredLetterSentOn = new DateOnly(2026, 11, 17) },
            new DateOnly(2026, 11, 19));
        Assert.Equal("TAX-REG 5.8", (await noProof.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "proof")).GetProperty("rule").GetString());
        act = await s.StepAsync(act.Id, TaxServiceActs.DemandDelivery, new { obstructed = true, registeredLetterSentOn = new DateOnly(2026, 11, 17), proof = "RR123456789AZ" });
        Assert.Equal((new DateOnly(2026, 11, 18), true), (act.DemandDeliveredOn, act.DemandDeemedDelivered));

        // 5.11: on the tax service's representation.
        var noRepresentation = await s.TryStepAsync(act.Id, TaxServiceActs.Court, new { filedOn = new DateOnly(2026, 11, 19) });
        await noRepresentation.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "representation");
        act = await s.StepAsync(act.Id, TaxServiceActs.Court, new { filedOn = new DateOnly(2026, 11, 19), representation = "Təqdimat № 3", caseNumber = "2-1234/2026" });
        Assert.Equal(ActStatus.InCourt, act.Status);
        var paidNow = await s.TryStepAsync(act.Id, TaxServiceActs.VoluntaryPayment, new { cancellationReference = "x" });
        Assert.Equal("TAX-REG 5.11", (await paidNow.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "status")).GetProperty("rule").GetString());
        var noNote = await s.TryStepAsync(act.Id, TaxServiceActs.Close, new { });
        Assert.Equal("TAX-REG 5.12", (await noNote.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "status")).GetProperty("rule").GetString());

        act = await s.StepAsync(act.Id, TaxServiceActs.Judgement, new { finalOn = new DateOnly(2026, 11, 30), judgement = "Borc, faiz və sanksiya tutulsun" }, new DateOnly(2026, 12, 1));
        var needsNote = await s.TryStepAsync(act.Id, TaxServiceActs.Close, new { });
        await needsNote.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "note");
        act = await s.StepAsync(act.Id, TaxServiceActs.Close, new { note = "İcra məmuru tərəfindən icra edilib" });
        Assert.Equal((ActStatus.Closed, new DateOnly(2026, 12, 1)), (act.Status, act.ClosedOn));
        Assert.Empty(act.NextSteps);
        var timeline = act.Timeline.ToDictionary(t => t.Code);
        Assert.Equal("done", timeline[TaxServiceActs.Hearing].State);
        Assert.Equal("skipped", timeline[TaxServiceActs.VoluntaryPayment].State);
        Assert.Equal(new DateOnly(2026, 12, 17), timeline[TaxServiceActs.Decision].DueOn);
        Assert.Contains("15 calendar days", timeline[TaxServiceActs.Decision].Explanation);
        Assert.Equal("done", timeline[TaxServiceActs.Judgement].State);
    }

    [Fact]
    public async Task Voluntary_payment_cancels_the_court_referral()
    {
        var s = await ServiceScenario.CreateAsync(App);
        var payer = await s.OwnedEntityAsync();
        var act = await s.DrawActAsync(payer.Id, Nov2);
        act = await s.StepAsync(act.Id, TaxServiceActs.Delivery, new { method = "Courier", proof = "kuryer qəbzi 55" });
        // 5.4: on the 30th day the payer may still object; the day after, the municipality may decide.
        var onDay30 = await s.TryStepAsync(act.Id, TaxServiceActs.Decision, new { decision = "CourtReferral", reference = "9/2026" }, new DateOnly(2026, 12, 2));
        await onDay30.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "decidedOn");
        act = await s.StepAsync(act.Id, TaxServiceActs.Decision, new { decision = "CourtReferral", reference = "9/2026" }, new DateOnly(2026, 12, 3));
        Assert.Equal(new DateOnly(2026, 12, 3), act.DecidedOn);
        act = await s.StepAsync(act.Id, TaxServiceActs.Demand, new { sentOn = new DateOnly(2026, 12, 3) });
        act = await s.StepAsync(act.Id, TaxServiceActs.DemandDelivery, new { method = "InPerson", proof = "imza", deliveredOn = new DateOnly(2026, 12, 4) }, new DateOnly(2026, 12, 4));
        var noReference = await s.TryStepAsync(act.Id, TaxServiceActs.VoluntaryPayment, new { paidOn = new DateOnly(2026, 12, 7) }, new DateOnly(2026, 12, 8));
        Assert.Equal("TAX-REG 5.7", (await noReference.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "cancellationReference")).GetProperty("rule").GetString());
        act = await s.StepAsync(act.Id, TaxServiceActs.VoluntaryPayment, new { paidOn = new DateOnly(2026, 12, 7), cancellationReference = "Qərar № 11/2026" });
        Assert.Equal((ActStatus.PaidVoluntarily, new DateOnly(2026, 12, 8)), (act.Status, act.ReferralCancelledOn));
        var court = await s.TryStepAsync(act.Id, TaxServiceActs.Court, new { representation = "Təqdimat № 4" });
        Assert.Equal("TAX-REG 5.11", (await court.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "status")).GetProperty("rule").GetString());
        act = await s.StepAsync(act.Id, TaxServiceActs.Close, new { });
        Assert.Equal(ActStatus.Closed, act.Status);
        var timeline = act.Timeline.ToDictionary(t => t.Code);
        Assert.Equal("done", timeline[TaxServiceActs.VoluntaryPayment].State);
        Assert.Equal("skipped", timeline[TaxServiceActs.Court].State);
        Assert.Equal("skipped", timeline[TaxServiceActs.Objection].State);
    }

    [Fact]
    public async Task TAX_REG_5_9_an_act_the_payer_obstructed_is_deemed_delivered_the_day_after_the_registered_letter()
    {
        var s = await ServiceScenario.CreateAsync(App);
        var payer = await s.OwnedEntityAsync();
        var act = await s.DrawActAsync(payer.Id, Nov2);
        var noLetter = await s.TryStepAsync(act.Id, TaxServiceActs.Delivery, new { obstructed = true });
        Assert.Equal("TAX-REG 5.9", (await noLetter.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "registeredLetterSentOn")).GetProperty("rule").GetString());
        act = await s.StepAsync(act.Id, TaxServiceActs.Delivery, new { obstructed = true, registeredLetterSentOn = Nov2, proof = "RR000111222AZ" }, new DateOnly(2026, 11, 3));
        Assert.Equal((new DateOnly(2026, 11, 3), DeliveryMethod.RegisteredMail, true), (act.DeliveredOn, act.DeliveryMethod, act.DeemedDelivered));
        Assert.Equal(new DateOnly(2026, 12, 3), act.ObjectionDueOn);
        var twice = await s.TryStepAsync(act.Id, TaxServiceActs.Delivery, new { method = "InPerson" });
        await twice.AssertProblemAsync(HttpStatusCode.Conflict, "status");
    }

    [Fact]
    public async Task Steps_out_of_order_are_refused_with_the_article_of_what_comes_first()
    {
        var s = await ServiceScenario.CreateAsync(App);
        var payer = await s.OwnedEntityAsync();
        var act = await s.DrawActAsync(payer.Id, Nov2);
        async Task Refused(string step, object body, string rule) =>
            Assert.Equal(rule, (await (await s.TryStepAsync(act.Id, step, body)).AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "status")).GetProperty("rule").GetString());
        await Refused(TaxServiceActs.Objection, new { text = "razı deyiləm", whole = true }, "TAX-REG 5.4");
        await Refused(TaxServiceActs.Decision, new { decision = "Refused", reference = "1" }, "TAX-REG 5.4");
        await Refused(TaxServiceActs.Demand, new { }, "TAX-REG 5.7");
        await Refused(TaxServiceActs.Court, new { representation = "1" }, "TAX-REG 5.11");
        await s.StepAsync(act.Id, TaxServiceActs.Delivery, new { method = "InPerson" });
        await Refused(TaxServiceActs.HearingNotice, new { hearingOn = new DateOnly(2026, 11, 20), hearingTime = "10:00:00", place = "x" }, "TAX-REG 5.5");
        await Refused(TaxServiceActs.Hearing, new { attended = true }, "TAX-REG 5.5");
        await Refused(TaxServiceActs.DemandDelivery, new { method = "InPerson", proof = "x" }, "TAX-REG 5.8");
        await Refused(TaxServiceActs.Judgement, new { judgement = "x" }, "TAX-REG 5.12");
        await Refused(TaxServiceActs.Close, new { }, "TAX-REG 5.12");

        // A refusal decision: its copy goes without a demand, and once delivered the case closes.
        App.Clock.SetToday(new DateOnly(2026, 12, 4));
        act = await s.StepAsync(act.Id, TaxServiceActs.Decision, new { decision = "Refused", reference = "12/2026" });
        await Refused(TaxServiceActs.VoluntaryPayment, new { cancellationReference = "x" }, "TAX-REG 5.7");
        var withDemand = await s.TryStepAsync(act.Id, TaxServiceActs.Demand, new { sanctions = 10m });
        await withDemand.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "interest");
        act = await s.StepAsync(act.Id, TaxServiceActs.Demand, new { });
        Assert.Null(act.DemandTotal);
        act = await s.StepAsync(act.Id, TaxServiceActs.DemandDelivery, new { method = "Electronic", proof = "e-poçt təsdiqi" });
        Assert.Equal([TaxServiceActs.Close], act.NextSteps);
        act = await s.StepAsync(act.Id, TaxServiceActs.Close, new { });
        Assert.Equal(ActStatus.Closed, act.Status);
    }

    [Fact]
    public async Task TAX_REG_5_5_an_accepted_good_reason_sets_the_hearing_again_and_a_late_objection_needs_none()
    {
        var s = await ServiceScenario.CreateAsync(App);
        var payer = await s.OwnedEntityAsync();
        var act = await s.DrawActAsync(payer.Id, Nov2);
        await s.StepAsync(act.Id, TaxServiceActs.Delivery, new { method = "InPerson" });
        await s.StepAsync(act.Id, TaxServiceActs.Objection, new { whole = true, text = "Etiraz" }, new DateOnly(2026, 11, 16));
        act = await s.StepAsync(act.Id, TaxServiceActs.HearingNotice, new { hearingOn = new DateOnly(2026, 11, 19), hearingTime = "11:30:00", place = "Otaq 3" });
        var noReason = await s.TryStepAsync(act.Id, TaxServiceActs.Hearing, new { attended = false, reasonAccepted = true }, new DateOnly(2026, 11, 19));
        await noReason.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "absenceReason");
        act = await s.StepAsync(act.Id, TaxServiceActs.Hearing, new { attended = false, absenceReason = "xəstəlik arayışı", reasonAccepted = true });
        Assert.Equal((ActStatus.Objected, (bool?)null, true), (act.Status, act.HeardInAbsentia, act.AbsenceReasonAccepted));
        Assert.Equal([TaxServiceActs.HearingNotice], act.NextSteps);
        act = await s.StepAsync(act.Id, TaxServiceActs.HearingNotice, new { hearingOn = new DateOnly(2026, 11, 24), hearingTime = "11:30:00", place = "Otaq 3" });
        act = await s.StepAsync(act.Id, TaxServiceActs.Hearing, new { attended = true }, new DateOnly(2026, 11, 24));
        Assert.Equal((ActStatus.Heard, (bool?)false), (act.Status, act.HeardInAbsentia));

        // A late objection (after 02.12) is recorded as late and the decision needs no hearing.
        var late = await s.DrawActAsync(payer.Id, Nov2);
        await s.StepAsync(late.Id, TaxServiceActs.Delivery, new { method = "InPerson" });
        late = await s.StepAsync(late.Id, TaxServiceActs.Objection, new { whole = true, text = "Gec etiraz" }, new DateOnly(2026, 12, 3));
        Assert.True(late.ObjectionLate);
        Assert.Contains(late.Flags, f => f.Code == "objection-late");
        late = await s.StepAsync(late.Id, TaxServiceActs.Decision, new { decision = "CourtReferral", reference = "13/2026" });
        Assert.Equal(ActStatus.Decided, late.Status);
    }

    [Fact]
    public async Task TAX_REG_5_6_a_decision_after_day_45_is_flagged_overdue_and_then_late()
    {
        var s = await ServiceScenario.CreateAsync(App);
        var payer = await s.OwnedEntityAsync();
        var act = await s.DrawActAsync(payer.Id, Nov2);
        await s.StepAsync(act.Id, TaxServiceActs.Delivery, new { method = "InPerson" });
        App.Clock.SetToday(new DateOnly(2026, 12, 17));
        Assert.False((await s.GetActAsync(act.Id)).Overdue);
        App.Clock.SetToday(new DateOnly(2026, 12, 18));
        act = await s.GetActAsync(act.Id);
        Assert.True(act.Overdue);
        Assert.Equal("TAX-REG 5.6", act.Flags.Single(f => f.Code == "decision-overdue").Rule);
        var overdue = await s.Officer.GetFromJsonAsync<PageOf<ActView>>($"{s.Api}/acts?overdue=true", RegistryHttp.Json);
        Assert.Contains(overdue!.Items, a => a.Id == act.Id);
        Assert.Contains(act.Procedure, f => f.Code == "decision-deadline" && !f.Passed && !f.Blocking);
        act = await s.StepAsync(act.Id, TaxServiceActs.Decision, new { decision = "CourtReferral", reference = "20/2026" });
        Assert.True(act.DecidedLate);
        Assert.Contains(act.Flags, f => f.Code == "decided-late");
        Assert.False(act.Overdue);
        var overview = await s.Officer.GetFromJsonAsync<ServiceOverview>($"{s.Api}/service", RegistryHttp.Json);
        Assert.Equal(0, overview!.ActsOverdue);
    }

    [Fact]
    public async Task The_act_pdf_has_every_required_field_and_the_deadlines()
    {
        var s = await ServiceScenario.CreateAsync(App);
        var payer = await s.OwnedEntityAsync("Göygöl Sanatoriyası MMC");
        var act = await s.DrawActAsync(payer.Id, Nov2);
        await s.StepAsync(act.Id, TaxServiceActs.Delivery, new { method = "InPerson", proof = "imzalı qəbz" });
        var r = await s.Officer.GetAsync($"{s.Api}/acts/{act.Id}/pdf");
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.Equal("application/pdf", r.Content.Headers.ContentType?.MediaType);
        var text = Poppler.Text(await r.Content.ReadAsByteArrayAsync());
        foreach (var expected in new[]
                 {
                     $"AKT № {act.Code}", "Tərtib tarixi və yeri", "Date and place", "02.11.2026", "Biləcəri bələdiyyəsinin binası",
                     "Baş vergi inspektoru — Məmmədov Əli Vəli oğlu", "Göygöl Sanatoriyası MMC", payer.TaxId!, "Mehmanxana", "Vergi Məcəlləsinin 58.1-ci maddəsi",
                     "sentyabr ayı", "10 gün ərzində ödəmək", "Proposal to the payer to pay", "Etiraz üçün son gün", "02.12.2026", "17.12.2026", "VXƏ 5.4", "TAX-REG 5.3",
                     "Aktın surətini aldım",
                 })
            Assert.Contains(expected, text);
        Assert.Contains("250,00", text);
    }

    [Fact]
    public async Task Only_staff_read_acts_only_the_tax_service_writes_them_and_a_pending_complaint_suspends_sanctions()
    {
        var s = await ServiceScenario.CreateAsync(App);
        var payer = await s.OwnedEntityAsync();
        var act = await s.DrawActAsync(payer.Id, Nov2);
        Assert.Equal(HttpStatusCode.Forbidden, (await s.Resident.GetAsync($"{s.Api}/acts")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await s.Resident.GetAsync($"{s.Api}/acts/{act.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await s.Resident.GetAsync($"{s.Api}/acts/{act.Id}/pdf")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await s.Resident.GetAsync($"/Taxes/{s.MunicipalityId}/Service/Acts/{act.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await s.Taxes.Accountant.GetAsync($"{s.Api}/acts/{act.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await s.Chairman.GetAsync($"{s.Api}/acts")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await s.Taxes.Accountant.PostJsonAsync($"{s.Api}/acts", ServiceScenario.Act(payer.Id, Nov2))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await s.Chairman.PostJsonAsync($"{s.Api}/acts/{act.Id}/delivery", new { method = "InPerson" })).StatusCode);

        // TAX-REG 6.5: a complaint about the act pending → sanctions not enforced; the tax itself only if the municipality chose so.
        App.Clock.SetToday(new DateOnly(2026, 11, 10));
        var complaint = await (await s.Officer.PostJsonAsync($"{s.Api}/complaints", new { taxpayerId = payer.Id, actId = act.Id, subject = "Akt əsassızdır", learnedOn = Nov2 }))
            .OkAsync<ComplaintView>(HttpStatusCode.Created);
        act = await s.GetActAsync(act.Id);
        Assert.Equal([complaint.Id], act.PendingComplaintIds);
        Assert.Equal((true, false), (act.SanctionsSuspended, act.TaxPaymentSuspended));
        Assert.Contains(act.Flags, f => f.Code == "sanctions-suspended" && f.Rule == "TAX-REG 6.5");
    }
}

public sealed class TaxServiceActsTests_Sqlite(SqliteFixture f) : TaxServiceActsTests(f), IClassFixture<SqliteFixture>;
public sealed class TaxServiceActsTests_Postgres(PostgresFixture f) : TaxServiceActsTests(f), IClassFixture<PostgresFixture>;
