using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using OpenBams.Platform.Data;
using OpenBams.Platform.Http;
using OpenBams.Platform.Jobs;
using OpenBams.Platform.Localization;
using OpenBams.Taxes;

namespace OpenBams.Pages.Taxes.Payments;

/// <summary>
/// Bank statement imports (docs/payments.md): upload a file, follow the job (the page refreshes itself until it ends), read
/// and export the problems line by line. The same commands as the API.
/// </summary>
[RequestFormLimits(MultipartBodyLengthLimit = StatementImport.MaxBytes)]
[RequestSizeLimit(StatementImport.MaxBytes + (1 << 20))]
public sealed class ImportsModel(AppDb db, DatabaseSettings settings, TimeProvider time, JobSignal signal) : TaxesPageModel(db)
{
    [BindProperty(SupportsGet = true)] public int? ImportId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public int PageNumber { get; set; } = 1;
    [BindProperty(SupportsGet = true)] public int IssuePage { get; set; } = 1;
    [BindProperty(Name = "File")] public IFormFile? Statement { get; set; }
    [BindProperty] public bool ApplyValidLines { get; set; }
    [BindProperty] public bool DryRun { get; set; }

    public PageOf<PaymentImportView> Imports { get; private set; } = new(0, 1, 20, []);
    public PaymentImportView? Current { get; private set; }
    public PageOf<ImportIssueView>? Issues { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadActorAsync(ct);
        await LoadAsync(ct);
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Imports = await PaymentImports.PageAsync(Db, MunicipalityId, PageNumber, 20, ct);
        if (ImportId is not { } id) return;
        await TryAsync(async () =>
        {
            Current = await PaymentImports.ViewAsync(Db, MunicipalityId, id, ct);
            ImportIssueKind? kind = Enum.TryParse<ImportIssueKind>(Kind, true, out var k) ? k : null;
            Issues = await PaymentImports.IssuesAsync(Db, MunicipalityId, id, kind, IssuePage, 100, ct);
        });
        // While the job works the page reloads itself (no JavaScript needed).
        if (Current is { Finished: false }) ViewData["RefreshSeconds"] = 2;
    }

    public async Task<IActionResult> OnPostUploadAsync(CancellationToken ct)
    {
        await LoadActorAsync(ct);
        PaymentImport? created = null;
        var ok = await TryAsync(async () =>
        {
            Actor.RequirePayments();
            if (Statement is null || Statement.Length == 0) throw new InputError("file", new Text("Çıxarış faylını seçin", "Choose the statement file"));
            await using var content = Statement.OpenReadStream();
            var stored = await StatementImport.StoreAsync(settings, content, time, ct);
            created = await StatementImport.CreateAsync(Db, stored, Statement.FileName, MunicipalityId, ApplyValidLines, DryRun, Actor.Name, time, ct);
            signal.Wake();
        });
        if (ok && created is not null) return Redirect($"/Taxes/{MunicipalityId}/Payments/Imports?importId={created.Id}");
        await LoadAsync(ct);
        return Page();
    }

    public static string StatusName(JobStatus s) => s switch
    {
        JobStatus.Queued => Tr("növbədə", "queued"),
        JobStatus.Running => Tr("gedir", "running"),
        JobStatus.Completed => Tr("bitib", "completed"),
        JobStatus.Failed => Tr("alınmayıb", "failed"),
        _ => Tr("dayandırılıb", "cancelled"),
    };

    public static string KindName(ImportIssueKind k) => k == ImportIssueKind.Error ? Tr("səhv", "error") : Tr("təkrar", "duplicate");

}
