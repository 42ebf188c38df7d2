using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using OpenBams.Law.Taxes;
using OpenBams.Platform;
using OpenBams.Platform.Data;
using OpenBams.Platform.Http;
using OpenBams.Platform.Localization;
using OpenBams.Taxes;

namespace OpenBams.Pages.Taxes.Service;

/// <summary>
/// Payers' complaints (TAX-REG 6.2-6.6): searched and paged with exports, each with its 3-month limit (6.4) and 30-day review
/// deadline (6.6), and the form that registers one — routed to the chairman or the council by what it is against (6.2).
/// </summary>
public sealed class ComplaintsModel(AppDb db, TimeProvider time) : TaxesPageModel(db)
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public bool? Pending { get; set; }
    [BindProperty(SupportsGet = true)] public bool? Overdue { get; set; }
    [BindProperty(SupportsGet = true)] public int PageNumber { get; set; } = 1;

    /// <summary>The payer by VÖEN or FİN (or the register's number).</summary>
    [BindProperty] public string? Payer { get; set; }
    [BindProperty] public int? ActId { get; set; }
    [BindProperty] public ComplaintAgainst? Against { get; set; }
    [BindProperty] public string? Subject { get; set; }
    [BindProperty] public string? LearnedOn { get; set; }
    [BindProperty] public string? ReceivedOn { get; set; }
    [BindProperty] public bool AlsoInCourt { get; set; }
    [BindProperty] public string? RestorationReason { get; set; }

    public PageOf<ComplaintView> Complaints { get; private set; } = null!;
    public string Api => $"/api/v1/municipalities/{MunicipalityId}/taxes";

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadActorAsync(ct);
        ReceivedOn ??= Fmt.Date(Clock.Today(time));
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadActorAsync(ct);
        ComplaintView? created = null;
        if (await TryAsync(async () =>
            {
                var payerId = await PayerIdAsync(ct);
                created = await TaxServiceComplaints.CreateAsync(Db, Actor, new NewComplaint(payerId, ActId, Against, Subject, ServiceForms.Date(LearnedOn, "learnedOn"),
                    ServiceForms.Date(ReceivedOn, "receivedOn"), AlsoInCourt, RestorationReason), time, ct);
            }))
            return Redirect($"/Taxes/{MunicipalityId}/Service/Complaints/{created!.Id}");
        await LoadAsync(ct);
        return Page();
    }

    private async Task<int> PayerIdAsync(CancellationToken ct)
    {
        var key = Input.Blank(Payer) ?? throw new InputError("taxpayerId", new Text("Ödəyicinin VÖEN-i və ya FİN-i yazılmalıdır", "Give the payer's TIN or FIN"));
        var id = await Db.Taxpayers.AsNoTracking().Where(t => t.MunicipalityId == MunicipalityId && (t.TaxId == key || t.PersonalId == key.ToUpperInvariant()))
            .Select(t => (int?)t.Id).FirstOrDefaultAsync(ct);
        if (id is null && int.TryParse(key, out var n))
            id = await Db.Taxpayers.AsNoTracking().Where(t => t.MunicipalityId == MunicipalityId && t.Id == n).Select(t => (int?)t.Id).FirstOrDefaultAsync(ct);
        return id ?? throw new InputError("taxpayerId", new Text("Bu VÖEN/FİN ilə ödəyici reyestrdə yoxdur", "No taxpayer with this TIN/FIN in the register"));
    }

    private async Task LoadAsync(CancellationToken ct) =>
        Complaints = await TaxServiceComplaints.ListAsync(Db, MunicipalityId, new ComplaintQuery(Q, Pending, Overdue, null, PageNumber, 25), time, ct);

    public string Link(int page) => $"?q={Uri.EscapeDataString(Q ?? "")}&pending={Pending}&overdue={Overdue}&pageNumber={page}";

    public string ExportQuery => ServiceForms.Query(("q", Q), ("pending", Pending), ("overdue", Overdue));
}
