using OpenBams.Budget;
using OpenBams.Platform.Data;

namespace OpenBams.Pages.Budget;

/// <summary>The budget's statutory calendar (FL 9-13, SL 52-2): milestones due, overdue and done, and the SL 19.3.5-1 flag.</summary>
public sealed class CalendarModel(AppDb db, TimeProvider time, IConfiguration config) : PlanningPageModel(db)
{
    [Microsoft.AspNetCore.Mvc.FromRoute] public int BudgetId { get; set; }
    public CalendarView Calendar { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadActorAsync(ct);
        var b = await BudgetPlanning.LoadAsync(Db, MunicipalityId, BudgetId, ct);
        Calendar = await BudgetCalendarView.ForAsync(Db, b, Platform.Clock.Today(time), BudgetCalendarView.Options(config), ct);
    }
}
