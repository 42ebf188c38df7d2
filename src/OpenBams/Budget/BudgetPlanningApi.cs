namespace OpenBams.Budget;

public static class BudgetPlanningApi
{
    public static void Map(RouteGroupBuilder m)
    {
    }
}
