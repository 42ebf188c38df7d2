using Microsoft.AspNetCore.Mvc;
using OpenBams.Platform.Data;
using OpenBams.Taxes;

namespace OpenBams.Pages.Taxes.Notices;

/// <summary>
/// The notices of a year: search, filters (undelivered, late, adjustments), paging, exports, bulk PDFs in volumes and bulk
/// delivery (LML 18.11: by 1 August).
/// </summary>
public sealed class IndexModel(AppDb db, TimeProvider time) : TaxesPageModel(db)
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public NoticeShow Show { get; set; }
    [BindProperty(SupportsGet = true)] public int PageNumber { get; set; } = 1;
    public PageOf<NoticeRow> Result { get; private set; } = null!;
    public int ShownYear { get; private set; }
    public int Volumes => Math.Max(1, (Result.Total + NoticesApi.VolumeSize - 1) / NoticesApi.VolumeSize);

    [BindProperty] public List<int> Ids { get; set; } = [];
    [BindProperty] public DeliveryMethod? Method { get; set; }
    [BindProperty] public string? DeliveredOn { get; set; }
    [BindProperty] public bool AllUndelivered { get; set; }

    public string Query(int? page = null) =>
        $"year={ShownYear}&q={Uri.EscapeDataString(Q ?? "")}&show={Show}" + (page is { } p ? $"&pageNumber={p}" : "");

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadActorAsync(ct);
        await LoadAsync(ct);
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        (Result, ShownYear) = await NoticesApi.PageWithYearAsync(Db, MunicipalityId, new NoticeQuery(Year, Q, Show, PageNumber, 50), time, ct);
    }

    public async Task<IActionResult> OnPostDeliveryAsync(CancellationToken ct)
    {
        await LoadActorAsync(ct);
        BulkDeliveryResult? done = null;
        if (await TryAsync(async () =>
            {
                Actor.RequireKeeper();
                done = await NoticesApi.RecordDeliveryBulkAsync(Db, Actor, MunicipalityId, new BulkDeliveryInput(Method, DeliveredOn, Year, Ids, AllUndelivered, Q), time, ct);
            }))
            return Redirect($"/Taxes/{MunicipalityId}/Notices?year={Year}&q={Uri.EscapeDataString(Q ?? "")}&show={Show}&recorded={done!.Recorded}");
        await LoadAsync(ct);
        return Page();
    }

    [BindProperty(SupportsGet = true)] public int? Recorded { get; set; }
}
