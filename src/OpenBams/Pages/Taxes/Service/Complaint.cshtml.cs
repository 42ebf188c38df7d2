using Microsoft.AspNetCore.Mvc;
using OpenBams.Platform;
using OpenBams.Platform.Data;
using OpenBams.Platform.Localization;
using OpenBams.Taxes;

namespace OpenBams.Pages.Taxes.Service;

/// <summary>One complaint (TAX-REG 6.2-6.6): its deadlines with their articles, flags, the decision and the written reply.</summary>
public sealed class ComplaintModel(AppDb db, TimeProvider time) : TaxesPageModel(db)
{
    [FromRoute] public int ComplaintId { get; set; }

    [BindProperty] public string? On { get; set; }
    [BindProperty] public string? Outcome { get; set; }
    [BindProperty] public string? Reference { get; set; }
    [BindProperty] public DeliveryMethod? Method { get; set; }
    [BindProperty] public bool AlsoInCourt { get; set; }
    [BindProperty] public long? Version { get; set; }

    public ComplaintView Complaint { get; private set; } = null!;
    public string TodayText { get; private set; } = "";

    private string Here => $"/Taxes/{MunicipalityId}/Service/Complaints/{ComplaintId}";

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadActorAsync(ct);
        await LoadAsync(ct);
    }

    public Task<IActionResult> OnPostDecisionAsync(CancellationToken ct) =>
        PostAsync(() => TaxServiceComplaints.DecideAsync(Db, Actor, ComplaintId, new ComplaintDecisionInput(ServiceForms.Date(On, "decidedOn"), Outcome, Reference, Version), time, ct),
            Here, () => LoadAsync(ct), ct);

    public Task<IActionResult> OnPostReplyAsync(CancellationToken ct) =>
        PostAsync(() => TaxServiceComplaints.ReplyAsync(Db, Actor, ComplaintId, new ComplaintReplyInput(ServiceForms.Date(On, "repliedOn"), Method, Version), time, ct),
            Here, () => LoadAsync(ct), ct);

    public Task<IActionResult> OnPostCourtAsync(CancellationToken ct) =>
        PostAsync(() => TaxServiceComplaints.CourtAsync(Db, Actor, ComplaintId, new ComplaintCourtInput(AlsoInCourt, Version), time, ct), Here, () => LoadAsync(ct), ct);

    private async Task LoadAsync(CancellationToken ct)
    {
        TodayText = Fmt.Date(Clock.Today(time));
        Complaint = await TaxServiceComplaints.GetAsync(Db, MunicipalityId, ComplaintId, time, ct);
    }
}
