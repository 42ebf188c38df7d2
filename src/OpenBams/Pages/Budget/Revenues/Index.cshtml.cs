using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using OpenBams.Budget;
using OpenBams.Platform.Data;
using OpenBams.Taxes;
using Entered = OpenBams.Budget.Revenues;

namespace OpenBams.Pages.Budget.Execution;

/// <summary>Entered revenue (grants, lease and privatisation income, state transfers): list, search, exports, the form and cancellation.</summary>
public sealed class RevenuesModel(AppDb db, TimeProvider time) : ExecutionPageModel(db, time)
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? RevenueClass { get; set; }
    [BindProperty(SupportsGet = true)] public int? Month { get; set; }
    [BindProperty(SupportsGet = true)] public int PageNumber { get; set; } = 1;
    [BindProperty(SupportsGet = true)] public long? RevenueId { get; set; }

    [BindProperty] public string? NewClass { get; set; }
    [BindProperty] public string? Amount { get; set; }
    [BindProperty] public string? ReceivedOn { get; set; }
    [BindProperty] public string? Payer { get; set; }
    [BindProperty] public string? Document { get; set; }
    [BindProperty] public int? DecisionId { get; set; }
    [BindProperty] public string? Note { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public long Version { get; set; }

    public PageOf<RevenueView> Result { get; private set; } = new(0, 1, 50, []);
    /// <summary>When the taxes module's payments were last posted to the budget (by the job or the button).</summary>
    public DateTime? TaxRevenuePostedAt { get; private set; }

    public string Filters => string.Join("&", new[] { ("year", Year?.ToString()), ("q", Q), ("revenueClass", RevenueClass), ("month", Month?.ToString()) }
        .Where(x => !string.IsNullOrWhiteSpace(x.Item2)).Select(x => $"{x.Item1}={Uri.EscapeDataString(x.Item2!)}"));

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadActorAsync(ct);
        await LoadAsync(ct);
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Result = await Entered.PageAsync(Db, MunicipalityId, new(BudgetYear, Q, RevenueClass, Month, null, PageNumber, 50), Time, ct);
        TaxRevenuePostedAt = await Db.TaxRevenueWatermarks.Where(w => w.Id == 1).Select(w => w.RanAt).FirstOrDefaultAsync(ct);
    }

    public RevenueView? Detail => RevenueId is { } id ? Result.Items.FirstOrDefault(r => r.Id == id) : null;

    public Task<IActionResult> OnPostRecordAsync(CancellationToken ct) => PostAsync(async () =>
        {
            Actor.RequireExecutor();
            await Entered.RecordAsync(Db, MunicipalityId, new(NewClass, RequiredDecimal(Amount, "amount"), RequiredDate(ReceivedOn, "receivedOn"), Payer, Document, DecisionId, Note),
                Actor.Name, Time, ct);
        }, () => $"/Budget/{MunicipalityId}/Revenues?year={BudgetYear}&recorded=1", () => LoadAsync(ct), ct);

    /// <summary>Posts the taxes module's payments now rather than at the job's next minute (idempotent: a second run adds nothing).</summary>
    public Task<IActionResult> OnPostPostTaxRevenueAsync(CancellationToken ct) => PostAsync(async () =>
        {
            Actor.RequireExecutor();
            await TaxRevenuePosting.RunAsSystemAsync(HttpContext.RequestServices, ct);
        }, () => $"/Budget/{MunicipalityId}/Revenues?year={BudgetYear}&posted=1", () => LoadAsync(ct), ct);

    public Task<IActionResult> OnPostCancelAsync(CancellationToken ct) => PostAsync(async () =>
        {
            Actor.RequireExecutor();
            await Entered.CancelAsync(Db, MunicipalityId, RevenueId ?? 0, new(Reason, Version), Actor.Name, Time, ct);
        }, () => $"/Budget/{MunicipalityId}/Revenues?year={BudgetYear}&cancelled=1", () => LoadAsync(ct), ct);
}
