using OpenBams.Law.Taxes;
using OpenBams.Platform.Data;
using OpenBams.Platform.Http;

namespace OpenBams.Taxes;

/// <summary>
/// The register of taxpayers and taxable objects (LTP 5.1-5.4; LML 18.1, 18.3, 18.5, 18.8): taxpayers, land plots, buildings,
/// vehicles, who holds them with what share, and the LML 18.3 late registrations. Reads for the tax staff, writes for the
/// tax service (TaxActor); tax secrecy keeps residents and council members out (TAX-REG 3.1.10).
/// </summary>
public static class TaxRegisterApi
{
    public static void Map(RouteGroupBuilder m)
    {
        m.MapGet("/taxpayers", async (int municipalityId, string? q, int? page, int? pageSize, AppDb db, CancellationToken ct) =>
        {
            TaxActor.For(db, municipalityId).RequireRead();
            return Results.Ok(await TaxRegister.TaxpayersAsync(db, municipalityId, q, page, pageSize, ct));
        }).WithSummary("Taxpayers of the municipality: search by name, FIN, VÖEN or address, paged");
        m.MapGet("/taxpayers/export.csv", (int municipalityId, string? q, AppDb db, HttpContext http) =>
            TaxRegisterExports.TaxpayersAsync(http, db, municipalityId, q, xlsx: false)).WithSummary("The taxpayers found, as CSV");
        m.MapGet("/taxpayers/export.xlsx", (int municipalityId, string? q, AppDb db, HttpContext http) =>
            TaxRegisterExports.TaxpayersAsync(http, db, municipalityId, q, xlsx: true)).WithSummary("The taxpayers found, as XLSX");
        m.MapPost("/taxpayers", async (int municipalityId, TaxpayerInput body, AppDb db, TimeProvider time, CancellationToken ct) =>
        {
            var view = await TaxRegister.CreateTaxpayerAsync(db, TaxActor.For(db, municipalityId), body, time, ct);
            return Results.Created($"/api/v1/municipalities/{municipalityId}/taxes/taxpayers/{view.Id}", view);
        }).WithSummary("Register a taxpayer (LTP 5.2): a natural person by FIN or a legal person by VÖEN, once per municipality (409 naming the field)");
        m.MapGet("/taxpayers/{taxpayerId:int}", async (int municipalityId, int taxpayerId, AppDb db, TimeProvider time, CancellationToken ct) =>
        {
            TaxActor.For(db, municipalityId).RequireRead();
            return Results.Ok(await TaxRegister.DetailAsync(db, municipalityId, taxpayerId, time, ct));
        }).WithSummary("A taxpayer with their objects and shares and their account (owed, paid, credit, interest; charges, payments, assessment lines)");
        m.MapPut("/taxpayers/{taxpayerId:int}", async (int municipalityId, int taxpayerId, TaxpayerInput body, AppDb db, CancellationToken ct) =>
            Results.Ok(await TaxRegister.EditTaxpayerAsync(db, TaxActor.For(db, municipalityId), taxpayerId, body, ct)))
            .WithSummary("Edit a taxpayer; send the version you read (409 when it changed meanwhile)");
        m.MapGet("/taxpayers/{taxpayerId:int}/account", async (int municipalityId, int taxpayerId, AppDb db, TimeProvider time, CancellationToken ct) =>
        {
            TaxActor.For(db, municipalityId).RequireRead();
            await TaxRegister.TaxpayerAsync(db, municipalityId, taxpayerId, ct);
            return Results.Ok(await TaxRegister.AccountAsync(db, municipalityId, taxpayerId, time, ct));
        }).WithSummary("A taxpayer's account today (read-only)");

        // Objects: one list per kind at /objects/{kind}, kind = plots, buildings or vehicles.
        m.MapGet("/objects/{kind}", async (int municipalityId, string kind, string? q, int? page, int? pageSize, AppDb db, CancellationToken ct) =>
        {
            TaxActor.For(db, municipalityId).RequireRead();
            return ParseKind(kind) switch
            {
                ObjectKind.LandPlot => Results.Ok(await TaxRegister.PlotsAsync(db, municipalityId, q, page, pageSize, ct)),
                ObjectKind.Building => Results.Ok(await TaxRegister.BuildingsAsync(db, municipalityId, q, page, pageSize, ct)),
                _ => Results.Ok(await TaxRegister.VehiclesAsync(db, municipalityId, q, page, pageSize, ct)),
            };
        }).WithSummary("Taxable objects of one kind (plots, buildings, vehicles): search by address, number or holder, paged");
        m.MapGet("/objects/{kind}/export.csv", (int municipalityId, string kind, string? q, AppDb db, HttpContext http) =>
            TaxRegisterExports.ObjectsAsync(http, db, municipalityId, ParseKind(kind), q, xlsx: false)).WithSummary("Objects of one kind, as CSV");
        m.MapGet("/objects/{kind}/export.xlsx", (int municipalityId, string kind, string? q, AppDb db, HttpContext http) =>
            TaxRegisterExports.ObjectsAsync(http, db, municipalityId, ParseKind(kind), q, xlsx: true)).WithSummary("Objects of one kind, as XLSX");

        m.MapPost("/objects/plots", async (int municipalityId, PlotInput body, AppDb db, TimeProvider time, CancellationToken ct) =>
        {
            var view = await TaxRegister.SavePlotAsync(db, TaxActor.For(db, municipalityId), null, body, time, ct);
            return Results.Created($"/api/v1/municipalities/{municipalityId}/taxes/objects/plots/{view.Id}", view);
        }).WithSummary("Register a land plot (LML 18.5 score points for agricultural land, LML 18.8 exemptions), optionally with its holder and share");
        m.MapGet("/objects/plots/{plotId:int}", async (int municipalityId, int plotId, AppDb db, CancellationToken ct) =>
        {
            TaxActor.For(db, municipalityId).RequireRead();
            return Results.Ok(await TaxRegister.PlotAsync(db, municipalityId, plotId, ct));
        }).WithSummary("A land plot");
        m.MapPut("/objects/plots/{plotId:int}", async (int municipalityId, int plotId, PlotInput body, AppDb db, TimeProvider time, CancellationToken ct) =>
            Results.Ok(await TaxRegister.SavePlotAsync(db, TaxActor.For(db, municipalityId), plotId, body, time, ct)))
            .WithSummary("Edit a land plot; send the version you read");

        m.MapPost("/objects/buildings", async (int municipalityId, BuildingInput body, AppDb db, TimeProvider time, CancellationToken ct) =>
        {
            var view = await TaxRegister.SaveBuildingAsync(db, TaxActor.For(db, municipalityId), null, body, time, ct);
            return Results.Created($"/api/v1/municipalities/{municipalityId}/taxes/objects/buildings/{view.Id}", view);
        }).WithSummary("Register a building or part of one (LTP 5.1) with its value: municipal valuation (LTP 5.3) or independent appraisal (LTP 5.4)");
        m.MapGet("/objects/buildings/{buildingId:int}", async (int municipalityId, int buildingId, AppDb db, CancellationToken ct) =>
        {
            TaxActor.For(db, municipalityId).RequireRead();
            return Results.Ok(await TaxRegister.BuildingAsync(db, municipalityId, buildingId, ct));
        }).WithSummary("A building");
        m.MapPut("/objects/buildings/{buildingId:int}", async (int municipalityId, int buildingId, BuildingInput body, AppDb db, TimeProvider time, CancellationToken ct) =>
            Results.Ok(await TaxRegister.SaveBuildingAsync(db, TaxActor.For(db, municipalityId), buildingId, body, time, ct)))
            .WithSummary("Edit a building; a new municipal valuation only after the LTP 5.3 interval");

        m.MapPost("/objects/vehicles", async (int municipalityId, VehicleInput body, AppDb db, TimeProvider time, CancellationToken ct) =>
        {
            var view = await TaxRegister.SaveVehicleAsync(db, TaxActor.For(db, municipalityId), null, body, time, ct);
            return Results.Created($"/api/v1/municipalities/{municipalityId}/taxes/objects/vehicles/{view.Id}", view);
        }).WithSummary("Register a vehicle, water or air transport (LTP 5.1)");
        m.MapGet("/objects/vehicles/{vehicleId:int}", async (int municipalityId, int vehicleId, AppDb db, CancellationToken ct) =>
        {
            TaxActor.For(db, municipalityId).RequireRead();
            return Results.Ok(await TaxRegister.VehicleAsync(db, municipalityId, vehicleId, ct));
        }).WithSummary("A vehicle");
        m.MapPut("/objects/vehicles/{vehicleId:int}", async (int municipalityId, int vehicleId, VehicleInput body, AppDb db, TimeProvider time, CancellationToken ct) =>
            Results.Ok(await TaxRegister.SaveVehicleAsync(db, TaxActor.For(db, municipalityId), vehicleId, body, time, ct)))
            .WithSummary("Edit a vehicle; send the version you read");

        m.MapGet("/holdings", async (int municipalityId, int? taxpayerId, ObjectKind? objectKind, int? objectId, AppDb db, TimeProvider time, CancellationToken ct) =>
        {
            TaxActor.For(db, municipalityId).RequireRead();
            return Results.Ok(await TaxRegister.HoldingsAsync(db, municipalityId, taxpayerId, objectKind, objectId, time, ct));
        }).WithSummary("Who holds what with what share, by taxpayer or by object, with the LML 18.3 registration deadline");
        m.MapPost("/holdings", async (int municipalityId, HoldingInput body, AppDb db, TimeProvider time, CancellationToken ct) =>
        {
            var view = await TaxRegister.SaveHoldingAsync(db, TaxActor.For(db, municipalityId), null, body, time, ct);
            return Results.Created($"/api/v1/municipalities/{municipalityId}/taxes/holdings/{view.Id}", view);
        }).WithSummary("Record that a taxpayer holds an object with a share from a day; the shares of one object at a time add up to at most 1");
        m.MapGet("/holdings/{holdingId:int}", async (int municipalityId, int holdingId, AppDb db, TimeProvider time, CancellationToken ct) =>
        {
            TaxActor.For(db, municipalityId).RequireRead();
            return Results.Ok(await TaxRegister.HoldingAsync(db, municipalityId, holdingId, time, ct));
        }).WithSummary("A holding");
        m.MapPut("/holdings/{holdingId:int}", async (int municipalityId, int holdingId, HoldingInput body, AppDb db, TimeProvider time, CancellationToken ct) =>
            Results.Ok(await TaxRegister.SaveHoldingAsync(db, TaxActor.For(db, municipalityId), holdingId, body, time, ct)))
            .WithSummary("Edit a holding (e.g. end it on a sale); send the version you read");

        m.MapGet("/register/late", async (int municipalityId, string? q, int? page, int? pageSize, AppDb db, TimeProvider time, CancellationToken ct) =>
        {
            TaxActor.For(db, municipalityId).RequireRead();
            return Results.Ok(await TaxRegister.LateAsync(db, municipalityId, q, page, pageSize, time, ct));
        }).WithSummary("LML 18.3: objects registered more than a month after the title documents were received");
        m.MapGet("/register/late/export.csv", (int municipalityId, string? q, AppDb db, TimeProvider time, HttpContext http) =>
            TaxRegisterExports.LateAsync(http, db, municipalityId, q, time, xlsx: false)).WithSummary("Late registrations, as CSV");
        m.MapGet("/register/late/export.xlsx", (int municipalityId, string? q, AppDb db, TimeProvider time, HttpContext http) =>
            TaxRegisterExports.LateAsync(http, db, municipalityId, q, time, xlsx: true)).WithSummary("Late registrations, as XLSX");
    }

    /// <summary>The {kind} of the objects routes: plots, buildings or vehicles.</summary>
    public static ObjectKind ParseKind(string kind) => kind.ToLowerInvariant() switch
    {
        "plots" => ObjectKind.LandPlot,
        "buildings" => ObjectKind.Building,
        "vehicles" => ObjectKind.Vehicle,
        _ => throw new NotFound("Object kind"),
    };

    public static string RouteOf(ObjectKind kind) => kind switch
    {
        ObjectKind.LandPlot => "plots",
        ObjectKind.Building => "buildings",
        _ => "vehicles",
    };
}
