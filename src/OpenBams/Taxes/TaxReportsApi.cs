using OpenBams.Law.Taxes;
using OpenBams.Platform;
using OpenBams.Platform.Data;
using OpenBams.Platform.Http;
using OpenBams.Platform.Localization;

namespace OpenBams.Taxes;

/// <summary>
/// The taxes reports: collection by tax and period, arrears with ageing, the quarterly report to the Ministry of Finance
/// (Decree of 4 April 2002 para. 2) and the national collection by municipality. Staff of the municipality and the
/// national roles read them (TaxActor.RequireReports); national readers get aggregates only, never a taxpayer.
/// </summary>
public static class TaxReportsApi
{
    public static void Map(RouteGroupBuilder m, RouteGroupBuilder api)
    {
        m.MapGet("/reports/collection", async (int municipalityId, string? from, string? to, string? period, AppDb db, TimeProvider time, CancellationToken ct) =>
                Results.Ok(await CollectionAsync(db, municipalityId, from, to, period, time, ct)))
            .WithSummary("Charged (by due day), collected (booked to items), payments received and outstanding at each period's end, by tax (FL 7.1) and month, quarter or year");
        m.MapGet("/reports/collection/export.csv", async (int municipalityId, string? from, string? to, string? period, AppDb db, TimeProvider time, HttpContext http,
                CancellationToken ct) =>
            {
                await TaxReportDocuments.CollectionAsync(http, await CollectionAsync(db, municipalityId, from, to, period, time, ct), xlsx: false);
                return Results.Empty;
            }).WithSummary("The collection report as CSV");
        m.MapGet("/reports/collection/export.xlsx", async (int municipalityId, string? from, string? to, string? period, AppDb db, TimeProvider time, HttpContext http,
                CancellationToken ct) =>
            {
                await TaxReportDocuments.CollectionAsync(http, await CollectionAsync(db, municipalityId, from, to, period, time, ct), xlsx: true);
                return Results.Empty;
            }).WithSummary("The collection report as XLSX");

        m.MapGet("/reports/arrears", async (int municipalityId, string? asOf, string? bucket, string? q, int? page, int? pageSize, AppDb db, TimeProvider time,
                CancellationToken ct) =>
            {
                var actor = TaxActor.For(db, municipalityId);
                actor.RequireReports();
                var today = Clock.Today(time);
                return Results.Ok(await TaxReports.ArrearsAsync(db, actor, TaxReports.ParseDate(asOf, "asOf") ?? today, TaxReports.ParseBucket(bucket), q, page, pageSize,
                    today, Text.Lang, ct));
            }).WithSummary("Overdue debt per taxpayer on a day (items past their last day to pay), by ageing bucket, with accrued interest (FL 7.1.11), largest first; national readers get the totals only");
        m.MapGet("/reports/arrears/export.csv", (int municipalityId, string? asOf, string? bucket, string? q, AppDb db, TimeProvider time, HttpContext http,
            CancellationToken ct) => ArrearsExportAsync(db, municipalityId, asOf, bucket, q, time, http, xlsx: false, ct)).WithSummary("The arrears list as CSV");
        m.MapGet("/reports/arrears/export.xlsx", (int municipalityId, string? asOf, string? bucket, string? q, AppDb db, TimeProvider time, HttpContext http,
            CancellationToken ct) => ArrearsExportAsync(db, municipalityId, asOf, bucket, q, time, http, xlsx: true, ct)).WithSummary("The arrears list as XLSX");

        m.MapGet("/reports/quarters", async (int municipalityId, int? year, AppDb db, TimeProvider time, CancellationToken ct) =>
        {
            TaxActor.For(db, municipalityId).RequireReports();
            var today = Clock.Today(time);
            return Results.Ok(await TaxReports.QuartersAsync(db, municipalityId, year ?? today.Year, today, Text.Lang, ct));
        }).WithSummary("The quarterly reports of a year: due day with its explanation (TAX.REPORT.QUARTER.DAYS after the quarter), sent or overdue");
        m.MapGet("/reports/quarterly", async (int municipalityId, int? year, int? quarter, bool? asSent, AppDb db, TimeProvider time, CancellationToken ct) =>
        {
            TaxActor.For(db, municipalityId).RequireReports();
            var (y, q, today) = Quarter(year, quarter, time);
            if (asSent == true)
                return Results.Content(await TaxReports.AsSentAsync(db, municipalityId, y, q, ct) ?? throw new NotFound("Sent quarterly report"), "application/json");
            return Results.Ok(await TaxReports.QuarterlyAsync(db, municipalityId, y, q, today, Text.Lang, ct));
        }).WithSummary("The quarterly collection report to the Ministry of Finance (Decree of 4 April 2002 para. 2); ?asSent=true for the figures as recorded when sent");
        m.MapGet("/reports/quarterly.pdf", async (int municipalityId, int? year, int? quarter, AppDb db, TimeProvider time, CancellationToken ct) =>
        {
            TaxActor.For(db, municipalityId).RequireReports();
            var (y, q, today) = Quarter(year, quarter, time);
            var r = await TaxReports.QuarterlyAsync(db, municipalityId, y, q, today, "az", ct);
            return Results.File(TaxReportDocuments.QuarterlyPdf(r), "application/pdf", $"tax-quarterly-{municipalityId}-{y}-Q{q}.pdf");
        }).WithSummary("The quarterly report, printable (Azerbaijani with English), with signature lines for the chairman and the tax service");
        m.MapGet("/reports/quarterly.xlsx", async (int municipalityId, int? year, int? quarter, AppDb db, TimeProvider time, HttpContext http, CancellationToken ct) =>
        {
            TaxActor.For(db, municipalityId).RequireReports();
            var (y, q, today) = Quarter(year, quarter, time);
            await TaxReportDocuments.QuarterlyXlsxAsync(http, await TaxReports.QuarterlyAsync(db, municipalityId, y, q, today, Text.Lang, ct));
            return Results.Empty;
        }).WithSummary("The quarterly report as XLSX");
        m.MapPost("/reports/quarterly/submissions", async (int municipalityId, QuarterlySent body, AppDb db, TimeProvider time, CancellationToken ct) =>
        {
            var status = await TaxReports.RecordSentAsync(db, TaxActor.For(db, municipalityId), body, Clock.Today(time), Text.Lang, ct);
            return Results.Created($"/api/v1/municipalities/{municipalityId}/taxes/reports/quarterly?year={body.Year}&quarter={body.Quarter}&asSent=true", status);
        }).WithSummary("Record that the quarter's report was sent to the Ministry of Finance (day, number); the figures are frozen; corrects=true for a corrected report");

        var national = api.MapGroup("/taxes/reports").WithTags("Taxes").RequireAuthorization();
        national.MapGet("/collection", async (int? year, string? q, int? regionId, int? page, int? pageSize, AppDb db, TimeProvider time, CancellationToken ct) =>
        {
            TaxReports.RequireNational(db.Tenant);
            var today = Clock.Today(time);
            return Results.Ok((await TaxReports.NationalAsync(db, year ?? today.Year, q, regionId, page, pageSize, today, ct)).Report);
        }).WithSummary("National: per municipality (name, region) charged and collected in the year and arrears, aggregates only (oversight, analysts, administrators)");
        national.MapGet("/collection/export.csv", (int? year, string? q, int? regionId, AppDb db, TimeProvider time, HttpContext http, CancellationToken ct) =>
            NationalExportAsync(db, year, q, regionId, time, http, xlsx: false, ct)).WithSummary("The national collection report as CSV");
        national.MapGet("/collection/export.xlsx", (int? year, string? q, int? regionId, AppDb db, TimeProvider time, HttpContext http, CancellationToken ct) =>
            NationalExportAsync(db, year, q, regionId, time, http, xlsx: true, ct)).WithSummary("The national collection report as XLSX");
    }

    private static (int Year, int Quarter, DateOnly Today) Quarter(int? year, int? quarter, TimeProvider time)
    {
        var today = Clock.Today(time);
        // Without a quarter: the last one that has ended (the one whose report is due now).
        var last = TaxReporting.QuarterStart(today.Year, TaxReporting.QuarterOf(today)).AddDays(-1);
        var y = year ?? last.Year;
        var q = quarter ?? (year is null || year == last.Year ? TaxReporting.QuarterOf(last) : 4);
        TaxReports.CheckQuarter(y, q);
        return (y, q, today);
    }

    public static Task<CollectionReport> CollectionAsync(AppDb db, int municipalityId, string? from, string? to, string? period, TimeProvider time, CancellationToken ct)
    {
        TaxActor.For(db, municipalityId).RequireReports();
        var today = Clock.Today(time);
        var f = TaxReports.ParseDate(from, "from") ?? new DateOnly(today.Year, 1, 1);
        var t = TaxReports.ParseDate(to, "to") ?? new DateOnly(f.Year, 12, 31);
        return TaxReports.CollectionAsync(db, municipalityId, f, t, TaxReports.ParsePeriod(period), Text.Lang, ct);
    }

    private static async Task<IResult> ArrearsExportAsync(AppDb db, int municipalityId, string? asOf, string? bucket, string? q, TimeProvider time, HttpContext http,
        bool xlsx, CancellationToken ct)
    {
        var actor = TaxActor.For(db, municipalityId);
        actor.RequireReports();
        var today = Clock.Today(time);
        var (summary, rows) = await TaxReports.ArrearsExportAsync(db, actor, TaxReports.ParseDate(asOf, "asOf") ?? today, TaxReports.ParseBucket(bucket), q, today,
            Text.Lang, ct);
        await TaxReportDocuments.ArrearsAsync(http, summary, rows, xlsx);
        return Results.Empty;
    }

    private static async Task<IResult> NationalExportAsync(AppDb db, int? year, string? q, int? regionId, TimeProvider time, HttpContext http, bool xlsx, CancellationToken ct)
    {
        TaxReports.RequireNational(db.Tenant);
        var today = Clock.Today(time);
        var (report, rows) = await TaxReports.NationalAsync(db, year ?? today.Year, q, regionId, 1, 500, today, ct);
        await TaxReportDocuments.NationalAsync(http, report, rows, xlsx);
        return Results.Empty;
    }
}
