namespace OpenBams.Budget;

public static class BudgetExecutionApi
{
    public static void Map(RouteGroupBuilder m)
    {
    }
}
