using Microsoft.AspNetCore.Mvc;
using OpenBams.Law.Taxes;
using OpenBams.Platform;
using OpenBams.Platform.Data;
using OpenBams.Platform.Localization;
using OpenBams.Taxes;

namespace OpenBams.Pages.Taxes.Reports;

/// <summary>
/// The reports page: the year's collection by month with a chart, arrears by ageing bucket with a chart and (for staff) the
/// debtors paged with search, and the quarterly reports to the Ministry of Finance with their due days, files and sending.
/// </summary>
public sealed class IndexModel(AppDb db, TimeProvider time) : TaxesPageModel(db)
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public string? AsOf { get; set; }
    [BindProperty(SupportsGet = true)] public string? Bucket { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public int PageNumber { get; set; } = 1;

    [BindProperty] public int SentYear { get; set; }
    [BindProperty] public int SentQuarter { get; set; }
    [BindProperty] public string? SentOn { get; set; }
    [BindProperty] public string? SentReference { get; set; }
    [BindProperty] public bool Corrects { get; set; }

    public DateOnly Today { get; private set; }
    public int ReportYear { get; private set; }
    public DateOnly ArrearsAsOf { get; private set; }
    public CollectionReport Collection { get; private set; } = null!;
    public ArrearsReport? Arrears { get; private set; }
    public List<QuarterStatus> Quarters { get; } = [];

    public string Api => $"/api/v1/municipalities/{MunicipalityId}/taxes/reports";

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadActorAsync(ct, reportsOnly: true);
        await LoadAsync(ct);
    }

    public Task<IActionResult> OnPostSentAsync(CancellationToken ct) =>
        PostAsync(async () =>
        {
            var sentOn = OptionalDate(SentOn, "SentOn");
            await TaxReports.RecordSentAsync(Db, Actor, new QuarterlySent(SentYear, SentQuarter, sentOn, SentReference, null, Corrects), Clock.Today(time), Text.Lang, ct);
        }, $"/Taxes/{MunicipalityId}/Reports?year={SentYear}#quarters", () => LoadAsync(ct), ct);

    private async Task LoadAsync(CancellationToken ct)
    {
        Today = Clock.Today(time);
        ReportYear = Year is >= 2000 and <= 2100 ? Year.Value : Today.Year;
        ArrearsAsOf = Today;
        AgeingBucket? bucket = null;
        await TryAsync(() =>
        {
            ArrearsAsOf = TaxReports.ParseDate(AsOf, "AsOf") ?? Today;
            bucket = TaxReports.ParseBucket(Bucket);
            return Task.CompletedTask;
        });
        Collection = await TaxReports.CollectionAsync(Db, MunicipalityId, new DateOnly(ReportYear, 1, 1), new DateOnly(ReportYear, 12, 31), ReportPeriod.Month, Text.Lang, ct);
        Arrears = await TaxReports.ArrearsAsync(Db, Actor, ArrearsAsOf, bucket, Q, PageNumber, 25, Today, Text.Lang, ct);
        Quarters.Clear();
        Quarters.AddRange(await TaxReports.QuartersAsync(Db, MunicipalityId, ReportYear, Today, Text.Lang, ct));
        if (ReportYear == Today.Year) Quarters.InsertRange(0, await TaxReports.QuartersAsync(Db, MunicipalityId, ReportYear - 1, Today, Text.Lang, ct));
    }

    public string Link(int? page = null, string? bucket = null) =>
        $"?year={ReportYear}&asOf={Fmt.Date(ArrearsAsOf)}&bucket={Uri.EscapeDataString(bucket ?? Bucket ?? "")}&q={Uri.EscapeDataString(Q ?? "")}&pageNumber={page ?? PageNumber}#arrears";

    public string ArrearsQuery => $"asOf={ArrearsAsOf:yyyy-MM-dd}&bucket={Uri.EscapeDataString(Bucket ?? "")}&q={Uri.EscapeDataString(Q ?? "")}";

    public static string BucketKey(AgeingBucket b) => b switch
    {
        AgeingBucket.UpTo30 => "1-30",
        AgeingBucket.UpTo90 => "31-90",
        AgeingBucket.UpTo180 => "91-180",
        AgeingBucket.UpTo365 => "181-365",
        _ => "365+",
    };

    public static string StateClass(QuarterState s) => s switch
    {
        QuarterState.Overdue => "bad",
        QuarterState.SentLate or QuarterState.Due => "warn",
        QuarterState.Sent => "ok",
        _ => "muted",
    };
}
