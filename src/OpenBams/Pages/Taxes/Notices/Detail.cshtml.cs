using Microsoft.AspNetCore.Mvc;
using OpenBams.Platform.Data;
using OpenBams.Taxes;

namespace OpenBams.Pages.Taxes.Notices;

/// <summary>One notice: its explained lines, instalments (LML 18.13), adjustments, revisions, PDF and delivery (LML 18.11).</summary>
public sealed class DetailModel(AppDb db, TimeProvider time) : TaxesPageModel(db)
{
    [FromRoute] public int NoticeId { get; set; }
    public NoticeView Notice { get; private set; } = null!;
    [BindProperty] public DeliveryMethod? Method { get; set; }
    [BindProperty] public string? DeliveredOn { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadActorAsync(ct);
        await LoadAsync(ct);
    }

    private async Task LoadAsync(CancellationToken ct) => Notice = await NoticesApi.ViewAsync(Db, MunicipalityId, NoticeId, time, ct);

    public Task<IActionResult> OnPostDeliveryAsync(CancellationToken ct) =>
        PostAsync(async () =>
            {
                Actor.RequireKeeper();
                await NoticesApi.RecordDeliveryAsync(Db, Actor, MunicipalityId, NoticeId, new DeliveryInput(Method, DeliveredOn), time, ct);
            },
            $"/Taxes/{MunicipalityId}/Notices/{NoticeId}", () => LoadAsync(ct), ct);
}
