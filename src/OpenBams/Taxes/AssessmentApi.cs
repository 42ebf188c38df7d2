using Microsoft.EntityFrameworkCore;
using OpenBams.Law.Taxes;
using OpenBams.Platform;
using OpenBams.Platform.Data;
using OpenBams.Platform.Http;
using OpenBams.Platform.Jobs;
using OpenBams.Platform.Localization;

namespace OpenBams.Taxes;

public sealed record NewAssessmentRun(int Year);

/// <summary>A run as its progress bar shows it, with the LML 18.11 deadline of its year.</summary>
public sealed record AssessmentRunView(int Id, int? MunicipalityId, int Year, JobStatus Status, int Percent, int MunicipalitiesDone, int MunicipalitiesTotal,
    long TaxpayersDone, int NoticesCreated, int NoticesRevised, int NoticesUnchanged, long LinesWritten, DateTime RequestedAt, string RequestedBy,
    DateTime? StartedAt, DateTime? FinishedAt, string? Error, DateOnly AssessBy, bool FinishedLate, long Version)
{
    public static AssessmentRunView Of(AssessmentRun r)
    {
        var by = TaxCalendar.AssessBy(r.Year);
        int percent = r.Status == JobStatus.Completed ? 100
            : r.TaxpayersTotal > 0 ? (int)Math.Min(99, r.TaxpayersDone * 100 / r.TaxpayersTotal) : 0;
        return new AssessmentRunView(r.Id, r.MunicipalityId, r.Year, r.Status, percent, r.MunicipalitiesDone, r.MunicipalitiesTotal, r.TaxpayersDone,
            r.NoticesCreated, r.NoticesRevised, r.NoticesUnchanged, r.LinesWritten, DateTime.SpecifyKind(r.RequestedAt, DateTimeKind.Utc), r.RequestedBy,
            r.StartedAt, r.FinishedAt, r.Error, by, r.FinishedAt is { } f && Clock.DayOf(f) > by, r.Version);
    }
}

/// <summary>LML 18.11: the annual assessment as a background job with progress, for one municipality or (administrator) all.</summary>
public static class AssessmentApi
{
    public static void Map(RouteGroupBuilder m, RouteGroupBuilder api)
    {
        m.MapGet("/assessments", async (int municipalityId, AppDb db, CancellationToken ct) =>
        {
            TaxActor.For(db, municipalityId).RequireRead();
            return Results.Ok(await ListAsync(db, municipalityId, ct));
        }).WithSummary("Assessment runs of the municipality, newest first, with progress and the LML 18.11 deadline (1 July)");
        m.MapGet("/assessments/{runId:int}", async (int municipalityId, int runId, AppDb db, CancellationToken ct) =>
        {
            TaxActor.For(db, municipalityId).RequireRead();
            return Results.Ok(await ViewAsync(db, municipalityId, runId, ct));
        }).WithSummary("One run: status, percent done, notices created, revised and unchanged");
        m.MapPost("/assessments", async (int municipalityId, NewAssessmentRun body, AppDb db, TimeProvider time, JobSignal signal, CancellationToken ct) =>
        {
            var actor = TaxActor.For(db, municipalityId);
            actor.RequireKeeper();
            var run = await AssessmentEngine.QueueAsync(db, municipalityId, body.Year, actor.Name, time, ct);
            signal.Wake();
            return Results.Accepted($"/api/v1/municipalities/{municipalityId}/taxes/assessments/{run.Id}", await ViewAsync(db, municipalityId, run.Id, ct));
        }).WithSummary("Start the assessment of a year (LML 18.11); a re-run never duplicates: changes become revisions with adjustments");
        m.MapPost("/assessments/{runId:int}/cancel", async (int municipalityId, int runId, AppDb db, CancellationToken ct) =>
        {
            TaxActor.For(db, municipalityId).RequireKeeper();
            var run = await db.AssessmentRuns.FirstOrDefaultAsync(r => r.Id == runId && r.MunicipalityId == municipalityId, ct) ?? throw new NotFound("Assessment run");
            await CancelAsync(db, run, ct);
            return Results.Ok(await ViewAsync(db, municipalityId, runId, ct));
        }).WithSummary("Stop a queued or running assessment after the chunk in progress; what is committed stays, a new run continues it");

        var national = api.MapGroup("/taxes/assessments").WithTags("Taxes").RequireAuthorization(Platform.Identity.IdentitySetup.Administrator);
        national.MapPost("", async (NewAssessmentRun body, AppDb db, TimeProvider time, JobSignal signal, CancellationToken ct) =>
        {
            var run = await AssessmentEngine.QueueAsync(db, null, body.Year, db.Tenant.UserName ?? "admin", time, ct);
            signal.Wake();
            return Results.Accepted($"/api/v1/taxes/assessments/{run.Id}", await NationalViewAsync(db, run.Id, ct));
        }).WithSummary("Start the national assessment of a year: every active municipality (administrator)");
        national.MapGet("", async (AppDb db, CancellationToken ct) =>
        {
            var runs = await db.AssessmentRuns.Where(r => r.MunicipalityId == null).OrderByDescending(r => r.Id).Take(50).ToListAsync(ct);
            return Results.Ok(runs.Select(r => AssessmentRunView.Of(r)).ToList());
        }).WithSummary("National assessment runs (administrator)");
        national.MapGet("/{runId:int}", async (int runId, AppDb db, CancellationToken ct) => Results.Ok(await NationalViewAsync(db, runId, ct)))
            .WithSummary("One national run with its progress (administrator)");
        national.MapPost("/{runId:int}/cancel", async (int runId, AppDb db, CancellationToken ct) =>
        {
            var run = await db.AssessmentRuns.FirstOrDefaultAsync(r => r.Id == runId && r.MunicipalityId == null, ct) ?? throw new NotFound("Assessment run");
            await CancelAsync(db, run, ct);
            return Results.Ok(await NationalViewAsync(db, runId, ct));
        }).WithSummary("Stop a national run after the chunk in progress (administrator)");
    }

    private static async Task CancelAsync(AppDb db, AssessmentRun run, CancellationToken ct)
    {
        if (run.Status is not (JobStatus.Queued or JobStatus.Running))
            throw new InputError("runId", new Text("Hesablama artıq başa çatıb", "The run has already finished"), StatusCodes.Status409Conflict);
        run.Status = JobStatus.Cancelled;
        run.FinishedAt = DateTime.UtcNow;
        await db.SaveChangesAsync(ct);
    }

    public static async Task<IReadOnlyList<AssessmentRunView>> ListAsync(AppDb db, int municipalityId, CancellationToken ct)
    {
        var runs = await db.AssessmentRuns.Where(r => r.MunicipalityId == municipalityId).OrderByDescending(r => r.Id).Take(50).ToListAsync(ct);
        return runs.Select(AssessmentRunView.Of).ToList();
    }

    public static async Task<AssessmentRunView> ViewAsync(AppDb db, int municipalityId, int runId, CancellationToken ct)
    {
        var run = await db.AssessmentRuns.AsNoTracking().FirstOrDefaultAsync(r => r.Id == runId && r.MunicipalityId == municipalityId, ct) ?? throw new NotFound("Assessment run");
        return AssessmentRunView.Of(run);
    }

    private static async Task<AssessmentRunView> NationalViewAsync(AppDb db, int runId, CancellationToken ct)
    {
        var run = await db.AssessmentRuns.AsNoTracking().FirstOrDefaultAsync(r => r.Id == runId && r.MunicipalityId == null, ct) ?? throw new NotFound("Assessment run");
        return AssessmentRunView.Of(run);
    }
}
