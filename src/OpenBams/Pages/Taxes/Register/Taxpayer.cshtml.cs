using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
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
    [BindProperty] public PlotEditForm PlotEdit { get; set; } = new();
    [BindProperty] public BuildingEditForm BuildingEdit { get; set; } = new();
    [BindProperty] public VehicleEditForm VehicleEdit { get; set; } = new();
    [BindProperty] public HoldingEditForm HoldingEdit { get; set; } = new();
    /// <summary>The objects this taxpayer holds, for their edit forms.</summary>
    public IReadOnlyDictionary<int, OpenBams.Taxes.Building> Buildings { get; private set; } = new Dictionary<int, OpenBams.Taxes.Building>();
    public IReadOnlyDictionary<int, OpenBams.Taxes.Vehicle> Vehicles { get; private set; } = new Dictionary<int, OpenBams.Taxes.Vehicle>();

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
        Plots = plotIds.Count == 0 ? [] : Db.LandPlots.AsNoTracking().Where(p => p.MunicipalityId == MunicipalityId && plotIds.Contains(p.Id)).OrderBy(p => p.Address).ToList();
        var buildingIds = Detail.Holdings.Where(h => h.ObjectKind == Law.Taxes.ObjectKind.Building).Select(h => h.ObjectId).ToList();
        Buildings = Db.Buildings.AsNoTracking().Where(b => b.MunicipalityId == MunicipalityId && buildingIds.Contains(b.Id)).ToDictionary(b => b.Id);
        var vehicleIds = Detail.Holdings.Where(h => h.ObjectKind == Law.Taxes.ObjectKind.Vehicle).Select(h => h.ObjectId).ToList();
        Vehicles = Db.Vehicles.AsNoTracking().Where(v => v.MunicipalityId == MunicipalityId && vehicleIds.Contains(v.Id)).ToDictionary(v => v.Id);
    }

    // Edits of what the taxpayer holds: each form sends the version it read, so a stale edit is refused (409) instead of overwriting.
    public Task<IActionResult> OnPostEditPlotAsync(CancellationToken ct) =>
        PostAsync(() => TaxRegister.SavePlotAsync(Db, Actor, RequireHeld(Law.Taxes.ObjectKind.LandPlot, PlotEdit.Id), PlotEdit.ToInput(), time, ct),
            Self + "#holdings", () => ReloadAsync(ct), ct);

    public Task<IActionResult> OnPostEditBuildingAsync(CancellationToken ct) =>
        PostAsync(() => TaxRegister.SaveBuildingAsync(Db, Actor, RequireHeld(Law.Taxes.ObjectKind.Building, BuildingEdit.Id), BuildingEdit.ToInput(), time, ct),
            Self + "#holdings", () => ReloadAsync(ct), ct);

    public Task<IActionResult> OnPostEditVehicleAsync(CancellationToken ct) =>
        PostAsync(() => TaxRegister.SaveVehicleAsync(Db, Actor, RequireHeld(Law.Taxes.ObjectKind.Vehicle, VehicleEdit.Id), VehicleEdit.ToInput(), time, ct),
            Self + "#holdings", () => ReloadAsync(ct), ct);

    public Task<IActionResult> OnPostEditHoldingAsync(CancellationToken ct) => PostAsync(async () =>
    {
        var h = await TaxRegister.HoldingAsync(Db, MunicipalityId, HoldingEdit.Id, time, ct);
        if (h.TaxpayerId != Id) throw new NotFound("Holding");
        await TaxRegister.SaveHoldingAsync(Db, Actor, h.Id, HoldingEdit.ToInput(h), time, ct);
    }, Self + "#holdings", () => ReloadAsync(ct), ct);

    /// <summary>This page edits only objects its taxpayer holds (or held); others are edited from their holders' pages.</summary>
    private int RequireHeld(Law.Taxes.ObjectKind kind, int objectId) =>
        Db.ObjectHoldings.Any(h => h.MunicipalityId == MunicipalityId && h.TaxpayerId == Id && h.ObjectKind == kind && h.ObjectId == objectId)
            ? objectId : throw new NotFound("Object");

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
