using Microsoft.AspNetCore.Mvc;
using OpenBams.Law.Taxes;
using OpenBams.Platform.Data;
using OpenBams.Taxes;

namespace OpenBams.Pages.Taxes.Register;

/// <summary>The taxable objects of one kind (LTP 5.1; LML 18): plots, buildings or vehicles, with their holders.</summary>
public sealed class ObjectsModel(AppDb db) : TaxesPageModel(db)
{
    [FromRoute] public string Kind { get; set; } = "plots";
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public int PageNumber { get; set; } = 1;
    public ObjectKind ObjectKind { get; private set; }
    public PageOf<PlotView>? Plots { get; private set; }
    public PageOf<BuildingView>? Buildings { get; private set; }
    public PageOf<VehicleView>? Vehicles { get; private set; }
    public int Total => Plots?.Total ?? Buildings?.Total ?? Vehicles?.Total ?? 0;
    public string ExportQuery => string.IsNullOrWhiteSpace(Q) ? "" : "?q=" + Uri.EscapeDataString(Q);

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadActorAsync(ct);
        ObjectKind = TaxRegisterApi.ParseKind(Kind);
        switch (ObjectKind)
        {
            case ObjectKind.LandPlot: Plots = await TaxRegister.PlotsAsync(Db, MunicipalityId, Q, PageNumber, 50, ct); break;
            case ObjectKind.Building: Buildings = await TaxRegister.BuildingsAsync(Db, MunicipalityId, Q, PageNumber, 50, ct); break;
            default: Vehicles = await TaxRegister.VehiclesAsync(Db, MunicipalityId, Q, PageNumber, 50, ct); break;
        }
    }
}
