using OpenBams.Budget;
using OpenBams.Platform.Data;

namespace OpenBams.Pages.Budget.Execution;

/// <summary>The execution of a year's budget: lines, revenue plan against actual, months, the FL 8.6 figures, with charts.</summary>
public sealed class ExecutionModel(AppDb db, TimeProvider time) : ExecutionPageModel(db, time)
{
    public ExecutionSummary? Summary { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadActorAsync(ct);
        Summary = await BudgetExecution.SummaryForYearAsync(Db, MunicipalityId, BudgetYear, ct);
    }
}
