using OpenBams.Law.Budget;
using OpenBams.Platform.Data;

namespace OpenBams.Budget;

/// <summary>
/// The budget's execution: expenditures (FL 13.1: never beyond the line), entered revenue, the posting of tax revenue from the
/// taxes module, and the execution summary. The accountant records; the municipality's officials, members and oversight read.
/// </summary>
public static class BudgetExecutionApi
{
    public static void Map(RouteGroupBuilder m)
    {
        m.MapPost("/expenditures", async (int municipalityId, NewExpenditure body, AppDb db, TimeProvider time, CancellationToken ct) =>
        {
            var actor = BudgetActor.For(db, municipalityId);
            actor.RequireExecutor();
            var e = await Expenditures.RecordAsync(db, municipalityId, body, actor.Name, time, ct);
            return Results.Created($"/api/v1/municipalities/{municipalityId}/budget/expenditures/{e.Id}", e);
        }).WithSummary("Record a commitment, a payment of a commitment or a direct payment on an expenditure line of the approved budget; refused beyond the line's available appropriation (FL 13.1)");
        m.MapGet("/expenditures", async (int municipalityId, int? year, string? q, int? lineId, ExpenditureKind? kind, int? month, ExpenditureStatus? status, int? page, int? pageSize,
            AppDb db, TimeProvider time, CancellationToken ct) =>
        {
            BudgetActor.For(db, municipalityId).RequireRead();
            return Results.Ok(await Expenditures.PageAsync(db, municipalityId, new(year, q, lineId, kind, month, status, page, pageSize), time, ct));
        }).WithSummary("Expenditures of a year: search payee, purpose, document, contract; filter line, kind, month, status; paged");
        m.MapGet("/expenditures/export.csv", (int municipalityId, int? year, string? q, int? lineId, ExpenditureKind? kind, int? month, ExpenditureStatus? status,
            AppDb db, TimeProvider time, HttpContext http) =>
        {
            BudgetActor.For(db, municipalityId).RequireRead();
            return Expenditures.ExportAsync(http, db, municipalityId, new(year, q, lineId, kind, month, status, null, null), time, xlsx: false);
        }).WithSummary("The expenditures found, as CSV");
        m.MapGet("/expenditures/export.xlsx", (int municipalityId, int? year, string? q, int? lineId, ExpenditureKind? kind, int? month, ExpenditureStatus? status,
            AppDb db, TimeProvider time, HttpContext http) =>
        {
            BudgetActor.For(db, municipalityId).RequireRead();
            return Expenditures.ExportAsync(http, db, municipalityId, new(year, q, lineId, kind, month, status, null, null), time, xlsx: true);
        }).WithSummary("The expenditures found, as XLSX");
        m.MapGet("/expenditures/{expenditureId:long}", async (int municipalityId, long expenditureId, AppDb db, CancellationToken ct) =>
        {
            BudgetActor.For(db, municipalityId).RequireRead();
            return Results.Ok(await Expenditures.ViewAsync(db, municipalityId, expenditureId, ct));
        }).WithSummary("One expenditure (a commitment shows its unpaid remainder)");
        m.MapPost("/expenditures/{expenditureId:long}/cancellation", async (int municipalityId, long expenditureId, Cancellation body, AppDb db, TimeProvider time, CancellationToken ct) =>
        {
            var actor = BudgetActor.For(db, municipalityId);
            actor.RequireExecutor();
            return Results.Ok(await Expenditures.CancelAsync(db, municipalityId, expenditureId, body, actor.Name, time, ct));
        }).WithSummary("Cancel an expenditure with a reason and the version read (stale → 409); a commitment with payments is not cancelled");

        m.MapPost("/revenues", async (int municipalityId, NewRevenue body, AppDb db, TimeProvider time, CancellationToken ct) =>
        {
            var actor = BudgetActor.For(db, municipalityId);
            actor.RequireExecutor();
            var r = await Revenues.RecordAsync(db, municipalityId, body, actor.Name, time, ct);
            return Results.Created($"/api/v1/municipalities/{municipalityId}/budget/revenues/{r.Id}", r);
        }).WithSummary("Enter revenue the taxes module does not book (grants, lease, privatisation, dotations, subventions, compensations); tax classes FL 7.1.1-7.1.6 are refused");
        m.MapGet("/revenues", async (int municipalityId, int? year, string? q, string? revenueClass, int? month, bool? cancelled, int? page, int? pageSize,
            AppDb db, TimeProvider time, CancellationToken ct) =>
        {
            BudgetActor.For(db, municipalityId).RequireRead();
            return Results.Ok(await Revenues.PageAsync(db, municipalityId, new(year, q, revenueClass, month, cancelled, page, pageSize), time, ct));
        }).WithSummary("Entered revenue of a year: search payer, document, note; filter class, month, cancelled; paged");
        m.MapGet("/revenues/export.csv", (int municipalityId, int? year, string? q, string? revenueClass, int? month, bool? cancelled, AppDb db, TimeProvider time, HttpContext http) =>
        {
            BudgetActor.For(db, municipalityId).RequireRead();
            return Revenues.ExportAsync(http, db, municipalityId, new(year, q, revenueClass, month, cancelled, null, null), time, xlsx: false);
        }).WithSummary("The entered revenue found, as CSV");
        m.MapGet("/revenues/export.xlsx", (int municipalityId, int? year, string? q, string? revenueClass, int? month, bool? cancelled, AppDb db, TimeProvider time, HttpContext http) =>
        {
            BudgetActor.For(db, municipalityId).RequireRead();
            return Revenues.ExportAsync(http, db, municipalityId, new(year, q, revenueClass, month, cancelled, null, null), time, xlsx: true);
        }).WithSummary("The entered revenue found, as XLSX");
        m.MapGet("/revenues/{revenueId:long}", async (int municipalityId, long revenueId, AppDb db, CancellationToken ct) =>
        {
            BudgetActor.For(db, municipalityId).RequireRead();
            return Results.Ok(await Revenues.ViewAsync(db, municipalityId, revenueId, ct));
        }).WithSummary("One entered revenue");
        m.MapPost("/revenues/{revenueId:long}/cancellation", async (int municipalityId, long revenueId, Cancellation body, AppDb db, TimeProvider time, CancellationToken ct) =>
        {
            var actor = BudgetActor.For(db, municipalityId);
            actor.RequireExecutor();
            return Results.Ok(await Revenues.CancelAsync(db, municipalityId, revenueId, body, actor.Name, time, ct));
        }).WithSummary("Cancel an entered revenue with a reason and the version read (stale → 409)");

        m.MapPost("/tax-revenue/posting", async (int municipalityId, AppDb db, HttpContext http, CancellationToken ct) =>
        {
            BudgetActor.For(db, municipalityId).RequireExecutor();
            return Results.Ok(await TaxRevenuePosting.RunAsSystemAsync(http.RequestServices, ct));
        }).WithSummary("Post tax revenue from the taxes module now (the background job does it every minute); idempotent");

        m.MapGet("/execution/{year:int}", async (int municipalityId, int year, AppDb db, CancellationToken ct) =>
        {
            BudgetActor.For(db, municipalityId).RequireRead();
            return Results.Ok(await BudgetExecution.SummaryForYearAsync(db, municipalityId, year, ct) ?? throw new Platform.Http.NotFound("Budget"));
        }).WithSummary("The execution of the year's budget: by line appropriation, committed, paid, available; by revenue class planned vs actual; by month; FL 8.6 deficit and dotation");
    }
}
