using Microsoft.AspNetCore.Mvc;
using OpenBams.Lands;
using OpenBams.Platform.Data;
using OpenBams.Platform.Http;
using OpenBams.Taxes;

namespace OpenBams.Pages.Taxes.Register;

/// <summary>
/// One taxpayer: the record (editable with its version), the objects and shares they hold with the LML 18.3 deadline, the
/// account (owed, paid, credit, interest; charges, payments and the assessment's explained lines), and forms that register a
/// plot, a building or a vehicle with this taxpayer as its holder.
/// </summary>
public sealed class TaxpayerModel(AppDb db, TimeProvider time) : TaxesPageModel(db)
{
    [FromRoute] public long TaxpayerId { get; set; }
    public TaxpayerDetail Detail { get; private set; } = null!;
    public IReadOnlyList<LandPlot> Plots { get; private set; } = [];
    [BindProperty] public TaxpayerForm Edit { get; set; } = new();
    [BindProperty] public PlotForm Plot { get; set; } = new();
    [BindProperty] public BuildingForm Building { get; set; } = new();
    [BindProperty] public VehicleForm Vehicle { get; set; } = new();

    private int Id => TaxpayerId is > 0 and <= int.MaxValue ? (int)TaxpayerId : throw new NotFound("Taxpayer");
    private string Self => $"/Taxes/{MunicipalityId}/Taxpayers/{TaxpayerId}";

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        Edit = TaxpayerForm.Of(Detail.Taxpayer);
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        await LoadActorAsync(ct);
        Detail = await TaxRegister.DetailAsync(Db, MunicipalityId, Id, time, ct);
        // The plots this taxpayer holds, for the building form's "stands on" choice.
        var plotIds = Detail.Holdings.Where(h => h.ObjectKind == Law.Taxes.ObjectKind.LandPlot).Select(h => h.ObjectId).ToList();
        Plots = plotIds.Count == 0 ? [] : Db.LandPlots.Where(p => p.MunicipalityId == MunicipalityId && plotIds.Contains(p.Id)).OrderBy(p => p.Address).ToList();
    }

    public Task<IActionResult> OnPostEditAsync(CancellationToken ct) =>
        PostAsync(() => TaxRegister.EditTaxpayerAsync(Db, Actor, Id, Edit.ToInput(), ct), Self + "#taxpayer-card", () => LoadAsync(ct), ct);

    public Task<IActionResult> OnPostPlotAsync(CancellationToken ct) =>
        PostAsync(() => TaxRegister.SavePlotAsync(Db, Actor, null, Plot.ToInput(Id), time, ct), Self + "#holdings", () => ReloadAsync(ct), ct);

    public Task<IActionResult> OnPostBuildingAsync(CancellationToken ct) =>
        PostAsync(() => TaxRegister.SaveBuildingAsync(Db, Actor, null, Building.ToInput(Id), time, ct), Self + "#holdings", () => ReloadAsync(ct), ct);

    public Task<IActionResult> OnPostVehicleAsync(CancellationToken ct) =>
        PostAsync(() => TaxRegister.SaveVehicleAsync(Db, Actor, null, Vehicle.ToInput(Id), time, ct), Self + "#holdings", () => ReloadAsync(ct), ct);

    /// <summary>After a refused object form: the page again, the typed form kept, the edit form from the record.</summary>
    private async Task ReloadAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        Edit = TaxpayerForm.Of(Detail.Taxpayer);
    }
}
