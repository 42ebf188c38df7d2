using Microsoft.AspNetCore.Mvc;
using OpenBams.Law.Taxes;
using OpenBams.Platform;
using OpenBams.Platform.Data;
using OpenBams.Platform.Localization;
using OpenBams.Taxes;

namespace OpenBams.Pages.Taxes.Service;

/// <summary>
/// One audit (TAX-REG 5.1, 5.2): its data and flags, moving it forward with its findings, the chairman's signature of a
/// participation decision, its acts, and drawing up a new act with every field of TAX-REG 5.3.
/// </summary>
public sealed class AuditModel(AppDb db, TimeProvider time) : TaxesPageModel(db)
{
    [FromRoute] public int AuditId { get; set; }

    [BindProperty] public AuditStatus? NewStatus { get; set; }
    [BindProperty] public string? Findings { get; set; }
    [BindProperty] public string? EndOn { get; set; }
    [BindProperty] public long? Version { get; set; }
    [BindProperty] public ActForm Act { get; set; } = new();

    public AuditView Audit { get; private set; } = null!;
    public List<ActView> Acts { get; } = [];

    private string Here => $"/Taxes/{MunicipalityId}/Service/Audits/{AuditId}";

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadActorAsync(ct);
        await LoadAsync(ct);
        Act.DrawnOn ??= Fmt.Date(Clock.Today(time));
        Act.Tax ??= Audit.Taxes.FirstOrDefault();
    }

    public Task<IActionResult> OnPostChangeAsync(CancellationToken ct) =>
        PostAsync(async () =>
        {
            var a = await TaxServiceAudits.GetAsync(Db, MunicipalityId, AuditId, time, ct);
            await TaxServiceAudits.ChangeAsync(Db, Actor, AuditId, new AuditChange(a.Taxes, a.PeriodFrom, a.PeriodTo, a.StartOn,
                ServiceForms.Date(EndOn, "endOn") ?? a.EndOn, a.Officials, a.Purpose, a.StateAuthority, a.StateAuditStart, a.StateAuditEnd, a.ParticipationDecision,
                Findings ?? a.Findings, NewStatus, Version), time, ct);
        }, Here, () => LoadAsync(ct), ct);

    public Task<IActionResult> OnPostSignAsync(CancellationToken ct) =>
        PostAsync(() => TaxServiceAudits.SignAsync(Db, Actor, AuditId, new AuditSignature(Version), time, ct), Here, () => LoadAsync(ct), ct);

    public async Task<IActionResult> OnPostActAsync(CancellationToken ct)
    {
        await LoadActorAsync(ct);
        ActView? created = null;
        if (await TryAsync(async () =>
            {
                var audit = await TaxServiceAudits.GetAsync(Db, MunicipalityId, AuditId, time, ct);
                created = await TaxServiceActs.CreateAsync(Db, Actor, Act.ToNewAct(audit.TaxpayerId, AuditId), time, ct);
            }))
            return Redirect($"/Taxes/{MunicipalityId}/Service/Acts/{created!.Id}");
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Audit = await TaxServiceAudits.GetAsync(Db, MunicipalityId, AuditId, time, ct);
        Acts.Clear();
        foreach (var id in Audit.ActIds) Acts.Add(await TaxServiceActs.GetAsync(Db, MunicipalityId, id, time, ct));
    }
}

/// <summary>The act form as typed (TAX-REG 5.3): one drawer a line as "position — full name".</summary>
public sealed class ActForm
{
    public string? DrawnOn { get; set; }
    public string? Place { get; set; }
    public string? DrawnBy { get; set; }
    public string? Payer { get; set; }
    public LocalTax? Tax { get; set; }
    public string? Circumstances { get; set; }
    public string? Articles { get; set; }
    public string? Proposal { get; set; }
    public string? Amount { get; set; }

    public NewAct ToNewAct(int taxpayerId, int? auditId) => new(taxpayerId, auditId, ServiceForms.Date(DrawnOn, "drawnOn"), Place,
        ServiceForms.Lines(DrawnBy).Select(l => l.Split(['—', '-'], 2, StringSplitOptions.TrimEntries) is [var p, var n] ? new ActOfficial(p, n) : new ActOfficial(null, l)).ToList(),
        Payer, Tax, Circumstances, Articles, Proposal, ServiceForms.Amount(Amount, "amount"));
}
