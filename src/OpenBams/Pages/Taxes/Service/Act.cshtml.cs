using Microsoft.AspNetCore.Mvc;
using OpenBams.Law.Taxes;
using OpenBams.Platform;
using OpenBams.Platform.Data;
using OpenBams.Platform.Localization;
using OpenBams.Taxes;

namespace OpenBams.Pages.Taxes.Service;

/// <summary>
/// One act on an unpaid tax (TAX-REG 5.3-5.12): its fields and PDF, the timeline with each legal deadline and its article, the
/// TAX-REG 5.10 check of a decision today, and a form for each step the act is ready for. Every form posts the same command as
/// the API, so a refused step shows the field and article the API names.
/// </summary>
public sealed class ActModel(AppDb db, TimeProvider time) : TaxesPageModel(db)
{
    [FromRoute] public int ActId { get; set; }

    [BindProperty] public StepForm Step { get; set; } = new();

    public ActView Act { get; private set; } = null!;
    public DateOnly Today { get; private set; }

    public string PdfUrl => $"/api/v1/municipalities/{MunicipalityId}/taxes/acts/{ActId}/pdf";

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadActorAsync(ct);
        await LoadAsync(ct);
    }

    public Task<IActionResult> OnPostStepAsync(CancellationToken ct) =>
        PostAsync(() => Step.RunAsync(Db, Actor, ActId, time, ct), $"/Taxes/{MunicipalityId}/Service/Acts/{ActId}#timeline", () => LoadAsync(ct), ct);

    private async Task LoadAsync(CancellationToken ct)
    {
        Today = Clock.Today(time);
        Act = await TaxServiceActs.GetAsync(Db, MunicipalityId, ActId, time, ct);
    }
}

/// <summary>The fields of every step form; each step reads the ones it has (dates dd.MM.yyyy, time HH:mm).</summary>
public sealed class StepForm
{
    public string? Name { get; set; }
    public string? On { get; set; }
    public DeliveryMethod? Method { get; set; }
    public string? Proof { get; set; }
    public bool Obstructed { get; set; }
    public string? LetterSentOn { get; set; }
    public string? OriginalToChairmanOn { get; set; }
    public bool Whole { get; set; }
    public string? Parts { get; set; }
    public string? Text { get; set; }
    public string? HearingOn { get; set; }
    public string? HearingTime { get; set; }
    public string? Place { get; set; }
    public bool? Attended { get; set; }
    public string? AbsenceReason { get; set; }
    public bool ReasonAccepted { get; set; }
    public ActDecision? Decision { get; set; }
    public string? Reference { get; set; }
    public string? Interest { get; set; }
    public string? Sanctions { get; set; }
    public string? CancelledOn { get; set; }
    public string? Representation { get; set; }
    public string? CaseNumber { get; set; }
    public string? Note { get; set; }
    public long? Version { get; set; }

    public async Task RunAsync(AppDb db, TaxActor actor, int actId, TimeProvider time, CancellationToken ct)
    {
        DateOnly? D(string? s, string field) => ServiceForms.Date(s, field);
        _ = Name switch
        {
            TaxServiceActs.Delivery => await TaxServiceActs.DeliverAsync(db, actor, actId,
                new ActDelivery(D(On, "deliveredOn"), Method, Proof, Obstructed, D(LetterSentOn, "registeredLetterSentOn"), D(OriginalToChairmanOn, "originalToChairmanOn"), Version), time, ct),
            TaxServiceActs.Objection => await TaxServiceActs.ObjectAsync(db, actor, actId, new ActObjection(D(On, "receivedOn"), Whole, Parts, Text, Version), time, ct),
            TaxServiceActs.HearingNotice => await TaxServiceActs.NotifyHearingAsync(db, actor, actId,
                new HearingNoticeInput(D(On, "noticeOn"), D(HearingOn, "hearingOn"), ServiceForms.Time(HearingTime, "hearingTime"), Place, Version), time, ct),
            TaxServiceActs.Hearing => await TaxServiceActs.RecordHearingAsync(db, actor, actId, new HearingRecord(Attended, AbsenceReason, ReasonAccepted, Version), time, ct),
            TaxServiceActs.Decision => await TaxServiceActs.DecideAsync(db, actor, actId, new ActDecisionInput(Decision, D(On, "decidedOn"), Reference, Version), time, ct),
            TaxServiceActs.Demand => await TaxServiceActs.SendDemandAsync(db, actor, actId,
                new DemandInput(D(On, "sentOn"), ServiceForms.Amount(Interest, "interest"), ServiceForms.Amount(Sanctions, "sanctions"), Version), time, ct),
            TaxServiceActs.DemandDelivery => await TaxServiceActs.DeliverDemandAsync(db, actor, actId,
                new DemandDeliveryInput(D(On, "deliveredOn"), Method, Proof, Obstructed, D(LetterSentOn, "registeredLetterSentOn"), Version), time, ct),
            TaxServiceActs.VoluntaryPayment => await TaxServiceActs.PaidVoluntarilyAsync(db, actor, actId,
                new VoluntaryPaymentInput(D(On, "paidOn"), D(CancelledOn, "cancelledOn"), Reference, Version), time, ct),
            TaxServiceActs.Court => await TaxServiceActs.FileCourtAsync(db, actor, actId, new CourtFilingInput(D(On, "filedOn"), Representation, CaseNumber, Version), time, ct),
            TaxServiceActs.Judgement => await TaxServiceActs.RecordJudgementAsync(db, actor, actId, new JudgementInput(D(On, "finalOn"), Note, Version), time, ct),
            TaxServiceActs.Close => await TaxServiceActs.CloseAsync(db, actor, actId, new ActClosingInput(D(On, "closedOn"), Note, Version), time, ct),
            _ => throw new Platform.Http.InputError("step", new Text("Naməlum addım", "Unknown step")),
        };
    }
}
