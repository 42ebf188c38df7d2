using Microsoft.AspNetCore.Mvc;
using OpenBams.Budget;
using OpenBams.Law;
using OpenBams.Pages.Shared;
using OpenBams.Platform.Localization;
using OpenBams.Platform;
using OpenBams.Platform.Data;

namespace OpenBams.Pages.Budget.Execution;

/// <summary>
/// The execution pages (expenditures, revenue, the summary) of one budget year. For the municipality's officials
/// (<see cref="BudgetActor"/> reads); recording is the accountant's.
/// </summary>
public abstract class ExecutionPageModel(AppDb db, TimeProvider time) : CommandPageModel(db)
{
    protected TimeProvider Time => time;
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    public int BudgetYear => Year ?? Clock.Today(time).Year;
    public BudgetActor Actor { get; private set; } = null!;

    protected override async Task LoadActorAsync(CancellationToken ct)
    {
        Actor = BudgetActor.For(Db, MunicipalityId);
        Actor.RequireRead();
        await LoadMunicipalityAsync(ct);
    }

    public static string M(decimal v) => Fmt.Money(Money.Manat(v));
}
