using Microsoft.AspNetCore.Mvc;
using OpenBams.Budget;
using OpenBams.Platform.Data;

namespace OpenBams.Pages.Budget;

/// <summary>The changes of an approved budget: amendments (FL 10.4), sequestrations (FL 12), reallocations (FL 11.1), with each line's delta.</summary>
public sealed class ChangesModel(AppDb db) : PlanningPageModel(db)
{
    [FromRoute] public int BudgetId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public int PageNo { get; set; } = 1;
    public int Year { get; private set; }
    public OpenBams.Taxes.PageOf<ChangeView> Changes { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadActorAsync(ct);
        Year = (await BudgetPlanning.LoadAsync(Db, MunicipalityId, BudgetId, ct)).Year;
        Changes = await BudgetPlanning.ChangesAsync(Db, MunicipalityId, BudgetId, null, Q, PageNo, 25, ct);
    }
}
