using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using OpenBams.Law.Taxes;
using OpenBams.Platform;
using OpenBams.Platform.Data;
using OpenBams.Platform.Jobs;
using OpenBams.Platform.Localization;
using OpenBams.Taxes;

namespace OpenBams.Pages.Taxes.Assessments;

/// <summary>
/// The annual assessment (LML 18.11: by 1 July): start a run for a year, follow its progress (the page refreshes itself
/// while a run is going, no script needed), the runs history, and a preview of one taxpayer's lines without writing.
/// </summary>
public sealed class IndexModel(AppDb db, TimeProvider time, JobSignal signal) : TaxesPageModel(db)
{
    /// <summary>Seconds between refreshes while a run is queued or running.</summary>
    public const int RefreshSeconds = 2;

    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    /// <summary>Preview: the taxpayer's FIN, VÖEN or register id.</summary>
    [BindProperty(SupportsGet = true)] public string? Taxpayer { get; set; }
    public IReadOnlyList<AssessmentRunView> Runs { get; private set; } = [];
    public AssessmentRunView? Latest => Runs.Count > 0 ? Runs[0] : null;
    public bool Busy => Latest is { Status: JobStatus.Queued or JobStatus.Running };
    public int ShownYear => Year ?? Clock.Today(time).Year;
    public DateOnly AssessBy => TaxCalendar.AssessBy(ShownYear);
    public bool PastDeadline => Clock.Today(time) > AssessBy;
    public Taxpayer? PreviewTaxpayer { get; private set; }
    public IReadOnlyList<NoticeLineView>? Preview { get; private set; }
    public OpenBams.Law.Money PreviewTotal { get; private set; }
    public int? PreviewNoticeId { get; private set; }
    public string? PreviewError { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadActorAsync(ct);
        await LoadAsync(ct);
        if (Busy) Response.Headers["Refresh"] = RefreshSeconds.ToString();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Runs = await AssessmentApi.ListAsync(Db, MunicipalityId, ct);
        if (string.IsNullOrWhiteSpace(Taxpayer)) return;
        var key = Taxpayer.Trim().ToUpperInvariant();
        var id = int.TryParse(key, out var i) ? i : -1;
        var t = await Db.Taxpayers.AsNoTracking().FirstOrDefaultAsync(x => x.MunicipalityId == MunicipalityId && (x.PersonalId == key || x.TaxId == key || x.Id == id), ct);
        if (t is null)
        {
            PreviewError = Tr("Bu FİN, VÖEN və ya nömrə ilə vergi ödəyicisi yoxdur", "No taxpayer has this FIN, VÖEN or number");
            return;
        }
        PreviewTaxpayer = t;
        var lines = await AssessmentEngine.PreviewAsync(Db, t, ShownYear, time, ct);
        Preview = lines.Select(l => new NoticeLineView(l.Tax, l.ObjectKind, (int)l.ObjectId, l.ObjectLabel, l.RateClass, l.BaseValue, l.Unit, l.Rate, l.Decision,
            l.WeightText, l.WeightNote, l.Months, l.Gross, l.Relief, l.Net, l.ReliefNote, l.Citation.ToString(), l.Outcome, l.Explain(Text.Lang))).ToList();
        PreviewTotal = lines.Aggregate(OpenBams.Law.Money.Zero, (s, l) => s + l.Net);
        PreviewNoticeId = await Db.PaymentNotices.Where(n => n.MunicipalityId == MunicipalityId && n.TaxpayerId == t.Id && n.Year == ShownYear && n.IsCurrent)
            .Select(n => (int?)n.Id).FirstOrDefaultAsync(ct);
    }

    public Task<IActionResult> OnPostStartAsync(CancellationToken ct) =>
        PostAsync(async () =>
            {
                Actor.RequireKeeper();
                if (Year is null) throw new OpenBams.Platform.Http.InputError("year", new Text("İli göstərin", "Give the year"));
                await AssessmentEngine.QueueAsync(Db, MunicipalityId, Year.Value, Actor.Name, time, ct);
                signal.Wake();
            },
            $"/Taxes/{MunicipalityId}/Assessments?year={Year}", () => LoadAsync(ct), ct);

    public Task<IActionResult> OnPostCancelAsync(int runId, CancellationToken ct) =>
        PostAsync(async () =>
            {
                Actor.RequireKeeper();
                var run = await Db.AssessmentRuns.FirstOrDefaultAsync(r => r.Id == runId && r.MunicipalityId == MunicipalityId, ct)
                          ?? throw new OpenBams.Platform.Http.NotFound("Assessment run");
                if (run.Status is not (JobStatus.Queued or JobStatus.Running))
                    throw new OpenBams.Platform.Http.InputError("runId", new Text("Hesablama artıq başa çatıb", "The run has already finished"), StatusCodes.Status409Conflict);
                run.Status = JobStatus.Cancelled;
                run.FinishedAt = DateTime.UtcNow;
                await Db.SaveChangesAsync(ct);
            },
            $"/Taxes/{MunicipalityId}/Assessments?year={Year}", () => LoadAsync(ct), ct);

    public static string StatusName(JobStatus s) => s switch
    {
        JobStatus.Queued => Tr("növbədə", "queued"),
        JobStatus.Running => Tr("gedir", "running"),
        JobStatus.Completed => Tr("başa çatıb", "completed"),
        JobStatus.Failed => Tr("xəta", "failed"),
        _ => Tr("dayandırılıb", "cancelled"),
    };
}
