using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using OpenBams.Law.Taxes;
using OpenBams.Platform.Data;
using OpenBams.Platform.Http;
using OpenBams.Platform.Localization;
using OpenBams.Taxes;

namespace OpenBams.Pages.Taxes.Service;

/// <summary>
/// The tax service (TAX-REG 3.2.2, 5.1-5.2): its audits searched and paged with exports and the form for a new one, the open
/// acts with their deadlines, and the way to the complaints (TAX-REG 6).
/// </summary>
public sealed class IndexModel(AppDb db, TimeProvider time) : TaxesPageModel(db)
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public AuditKind? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public AuditStatus? Status { get; set; }
    [BindProperty(SupportsGet = true)] public int PageNumber { get; set; } = 1;
    [BindProperty(SupportsGet = true)] public string? ActQ { get; set; }
    [BindProperty(SupportsGet = true)] public int ActPage { get; set; } = 1;

    [BindProperty] public AuditForm Form { get; set; } = new();

    public ServiceOverview Overview { get; private set; } = null!;
    public PageOf<AuditView> Audits { get; private set; } = null!;
    public PageOf<ActView> Acts { get; private set; } = null!;
    /// <summary>TAX-REG 5.1: only legal entities the municipality owns are audited.</summary>
    public List<(int Id, string Label)> OwnedEntities { get; } = [];

    public string Api => $"/api/v1/municipalities/{MunicipalityId}/taxes";

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadActorAsync(ct);
        Form.StartOn ??= Fmt.Date(Platform.Clock.Today(time));
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAuditAsync(CancellationToken ct)
    {
        await LoadActorAsync(ct);
        AuditView? created = null;
        if (await TryAsync(async () => created = await TaxServiceAudits.CreateAsync(Db, Actor, Form.ToNewAudit(), time, ct)))
            return Redirect($"/Taxes/{MunicipalityId}/Service/Audits/{created!.Id}");
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Overview = await TaxService.OverviewAsync(Db, MunicipalityId, time, ct);
        Audits = await TaxServiceAudits.ListAsync(Db, MunicipalityId, new AuditQuery(Q, Kind, Status, PageNumber, 25), time, ct);
        Acts = await TaxServiceActs.ListAsync(Db, MunicipalityId, new ActQuery(ActQ, Open: true, Page: ActPage, PageSize: 25), time, ct);
        OwnedEntities.Clear();
        OwnedEntities.AddRange((await Db.Taxpayers.AsNoTracking()
                .Where(t => t.MunicipalityId == MunicipalityId && t.Kind == TaxpayerKind.LegalPerson && t.MunicipallyOwned)
                .OrderBy(t => t.Name).Take(500).ToListAsync(ct))
            .Select(t => (t.Id, TaxService.TaxpayerLabel(t))));
    }

    public string Link(int page, int? actPage = null) =>
        $"?q={Uri.EscapeDataString(Q ?? "")}&kind={Kind}&status={Status}&pageNumber={page}&actQ={Uri.EscapeDataString(ActQ ?? "")}&actPage={actPage ?? ActPage}";

    public string ExportQuery => ServiceForms.Query(("q", Q), ("kind", Kind), ("status", Status));

    /// <summary>The taxes an audit may cover: the local taxes and payments (not interest, not voluntary payments).</summary>
    public static IEnumerable<LocalTax> AuditableTaxes => Enum.GetValues<LocalTax>().Where(t => t is not (LocalTax.InterestOnArrears or LocalTax.VoluntaryPayment));
}

/// <summary>The new-audit form as typed: dates dd.MM.yyyy, one official a line.</summary>
public sealed class AuditForm
{
    public AuditKind? Kind { get; set; }
    public int? TaxpayerId { get; set; }
    public List<LocalTax> Taxes { get; set; } = [];
    public string? PeriodFrom { get; set; }
    public string? PeriodTo { get; set; }
    public string? StartOn { get; set; }
    public string? EndOn { get; set; }
    public string? Officials { get; set; }
    public string? Purpose { get; set; }
    public string? StateAuthority { get; set; }
    public string? StateAuditStart { get; set; }
    public string? StateAuditEnd { get; set; }
    public string? ParticipationDecision { get; set; }

    public NewAudit ToNewAudit() => new(Kind, TaxpayerId, Taxes, ServiceForms.Date(PeriodFrom, "periodFrom"), ServiceForms.Date(PeriodTo, "periodTo"),
        ServiceForms.Date(StartOn, "startOn"), ServiceForms.Date(EndOn, "endOn"), ServiceForms.Lines(Officials), Purpose, StateAuthority,
        ServiceForms.Date(StateAuditStart, "stateAuditStart"), ServiceForms.Date(StateAuditEnd, "stateAuditEnd"), ParticipationDecision);
}

/// <summary>Reading the tax service forms: a blank date is none, a malformed one is refused with its field (the API's field name).</summary>
public static class ServiceForms
{
    public static DateOnly? Date(string? s, string field) =>
        string.IsNullOrWhiteSpace(s) ? null : Fmt.TryParseDate(s, out var d) ? d : throw new InputError(field, T.BadDate);

    public static TimeOnly? Time(string? s, string field) =>
        string.IsNullOrWhiteSpace(s) ? null
        : TimeOnly.TryParseExact(s.Trim(), ["HH:mm", "H:mm"], System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var t) ? t
        : throw new InputError(field, new Text("Vaxt SS:dd kimi yazılmalıdır (məs. 10:30)", "Write the time as HH:mm (e.g. 10:30)"));

    public static decimal? Amount(string? s, string field) =>
        string.IsNullOrWhiteSpace(s) ? null : TaxInput.TryDecimal(s, out var v) ? v : throw new InputError(field, new Text("Rəqəm düzgün yazılmayıb", "The number is not well formed"));

    public static List<string> Lines(string? s) =>
        (s ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

    /// <summary>A query string of the given values, leaving out the empty ones (the API refuses an empty enum or bool with 400).</summary>
    public static string Query(params (string Name, object? Value)[] values) =>
        string.Join("&", values.Select(v => (v.Name, Text: v.Value is bool b ? (b ? "true" : "false") : v.Value?.ToString()))
            .Where(v => !string.IsNullOrEmpty(v.Text)).Select(v => $"{v.Name}={Uri.EscapeDataString(v.Text!)}"));

    public static string Severity(string severity) => severity switch { "Breach" => "bad", "Warning" => "warn", _ => "muted" };

    public static string StepState(string state) => state switch
    {
        "done" => TaxesPageModel.Tr("edilib", "done"),
        "overdue" => TaxesPageModel.Tr("gecikir", "overdue"),
        "due" => TaxesPageModel.Tr("müddət gedir", "running"),
        "skipped" => TaxesPageModel.Tr("tətbiq edilmir", "not applicable"),
        _ => TaxesPageModel.Tr("gözləyir", "waiting"),
    };

    public static string StateClass(string state) => state switch { "done" => "ok", "overdue" => "bad", "due" => "warn", _ => "muted" };

    public static string Method(DeliveryMethod m) => TaxService.MethodName(m);
}
