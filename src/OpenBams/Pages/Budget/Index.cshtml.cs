using Microsoft.AspNetCore.Mvc;
using OpenBams.Budget;
using OpenBams.Platform.Data;

namespace OpenBams.Pages.Budget;

/// <summary>The municipality's budgets: search, paging, export, and starting the draft of a new year (FL 9.3).</summary>
public sealed class IndexModel(AppDb db, TimeProvider time) : PlanningPageModel(db)
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public int PageNo { get; set; } = 1;
    public OpenBams.Taxes.PageOf<BudgetView> Budgets { get; private set; } = null!;
    [BindProperty] public int Year { get; set; }
    [BindProperty] public bool DotationPlanned { get; set; }

    private async Task LoadAsync(CancellationToken ct) => Budgets = await BudgetPlanning.ListAsync(Db, MunicipalityId, Q, null, PageNo, 25, ct);

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadActorAsync(ct);
        if (Year == 0) Year = Platform.Clock.Today(time).Year + 1;
        await LoadAsync(ct);
    }

    public Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        MunicipalBudget? b = null;
        return PostAsync(async () =>
        {
            Actor.RequireDrafter();
            b = await BudgetPlanning.CreateAsync(Db, MunicipalityId, new NewBudget(Year, DotationPlanned), Actor.Name, time, ct);
        }, () => $"/Budget/{MunicipalityId}/Budgets/{b!.Id}", () => LoadAsync(ct), ct);
    }
}
