using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using OpenBams.Platform.Data;
using OpenBams.Taxes;

namespace OpenBams.Pages.Taxes.Certificates;

/// <summary>
/// SL 30.2: the tax service's queue of certificate requests with their 1-working-day deadline, overdue ones highlighted;
/// the officer issues or refuses, registers written requests, and chooses whether self-service requests are issued at once.
/// </summary>
public sealed class IndexModel(AppDb db, TimeProvider time) : TaxesPageModel(db)
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    /// <summary>all, requested, overdue, issued, refused.</summary>
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public int PageNumber { get; set; } = 1;
    public PageOf<CertificateView> Result { get; private set; } = new(0, 1, 50, []);
    public int OverdueCount { get; private set; }
    public bool Automatic { get; private set; }
    public long? SettingsVersion { get; private set; }

    [BindProperty] public int CertificateId { get; set; }
    [BindProperty] public long Version { get; set; }
    [BindProperty] public string? Reason { get; set; }
    /// <summary>The taxpayer's id, FIN or VÖEN, as the written application names them.</summary>
    [BindProperty] public string? Taxpayer { get; set; }
    [BindProperty] public string? Purpose { get; set; }
    [BindProperty] public string? RequestedOn { get; set; }
    [BindProperty] public bool IssueAutomatically { get; set; }

    private string Here => $"/Taxes/{MunicipalityId}/Certificates" + (string.IsNullOrEmpty(Status) ? "" : $"?status={Uri.EscapeDataString(Status)}");

    public string Query(int page) => $"?q={Uri.EscapeDataString(Q ?? "")}&status={Uri.EscapeDataString(Status ?? "")}&pageNumber={page}";

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    private async Task LoadAsync(CancellationToken ct)
    {
        await LoadActorAsync(ct);
        Result = await OpenBams.Taxes.Certificates.ListAsync(Db, MunicipalityId, Q, Status, Math.Max(1, PageNumber), 50, time, ct);
        var today = Platform.Clock.Today(time);
        OverdueCount = await Db.DebtCertificates.CountAsync(c => c.MunicipalityId == MunicipalityId && c.Status == CertificateStatus.Requested && c.DueOn < today, ct);
        var s = await Db.TaxSettings.AsNoTracking().FirstOrDefaultAsync(x => x.MunicipalityId == MunicipalityId, ct);
        (Automatic, SettingsVersion) = (s?.IssueCertificatesAutomatically ?? false, s?.Version);
    }

    public Task<IActionResult> OnPostIssueAsync(CancellationToken ct) =>
        PostAsync(() => OpenBams.Taxes.Certificates.IssueAsync(Db, Actor, CertificateId, new CertificateIssue(Version), time, ct), Here, () => LoadAsync(ct), ct);

    public Task<IActionResult> OnPostRefuseAsync(CancellationToken ct) =>
        PostAsync(() => OpenBams.Taxes.Certificates.RefuseAsync(Db, Actor, CertificateId, new CertificateRefusal(Version, Reason), time, ct), Here, () => LoadAsync(ct), ct);

    public Task<IActionResult> OnPostRequestAsync(CancellationToken ct) =>
        PostAsync(() => OpenBams.Taxes.Certificates.RequestWrittenAsync(Db, Actor, new NewCertificateRequest(null, Purpose, RequestedOn, Taxpayer), time, ct),
            $"/Taxes/{MunicipalityId}/Certificates?status=requested", () => LoadAsync(ct), ct);

    public Task<IActionResult> OnPostSettingsAsync(CancellationToken ct) =>
        PostAsync(() => OpenBams.Taxes.Certificates.SetAutomaticAsync(Db, Actor, new CertificateSettings(IssueAutomatically, null), ct), Here, () => LoadAsync(ct), ct);
}
