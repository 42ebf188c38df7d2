namespace OpenBams.Law.Budget;

/// <summary>What a council decision on the budget does.</summary>
public enum BudgetAct
{
    /// <summary>FL 10.2: approval of the budget at a session.</summary>
    Approval = 0,
    /// <summary>FL 10.3: approval of a budget with a dotation "bələdiyyənin qərarı şəklində".</summary>
    ApprovalWithDotation = 1,
    /// <summary>FL 10.4: "Təsdiq edilmiş yerli büdcə bələdiyyənin qərarı ilə dəqiqləşdirilə bilər" — an amendment.</summary>
    Amendment = 2,
    /// <summary>FL 12: sequestration ("tətbiq edilə bilər": applied only by the council's choice).</summary>
    Sequestration = 3,
    /// <summary>FL 11.3: approval of the annual execution report.</summary>
    AnnualReport = 4,
}

/// <summary>The budget takes effect, and changes, only through a council decision (FL 10.2-10.4, 11.3, 12; SL 39.2).</summary>
public static class BudgetDecisions
{
    /// <summary>The article that requires a decision for the act.</summary>
    public static LegalReference ArticleFor(BudgetAct act) => act switch
    {
        BudgetAct.Approval => new(Acts.FL, "10.2"),
        BudgetAct.ApprovalWithDotation => new(Acts.FL, "10.3"),
        BudgetAct.Amendment => new(Acts.FL, "10.4"),
        BudgetAct.Sequestration => new(Acts.FL, "12"),
        _ => new(Acts.FL, "11.3"),
    };

    /// <summary>
    /// Refuses an approval, amendment, sequestration or annual report that names no adopted council decision, or one adopted
    /// before the budget it changes was approved (an amendment or sequestration refines an approved budget, FL 10.4).
    /// </summary>
    [Law("FL 10.2")]
    [Law("FL 10.3")]
    [Law("FL 10.4")]
    [Law("FL 11.3")]
    [Law("FL 12")]
    public static RuleCheck RequireDecision(BudgetAct act, string? decisionNumber, DateOnly? adoptedOn, DateOnly? budgetApprovedOn = null)
    {
        var article = ArticleFor(act);
        if (string.IsNullOrWhiteSpace(decisionNumber) || adoptedOn is null)
            return RuleCheck.Refuse(article, "decisionId",
                "Bu addım yalnız bələdiyyənin qərarı ilə qüvvəyə minir: qərarı göstərin",
                "This takes effect only by a council decision: name the decision");
        if (act is BudgetAct.Amendment or BudgetAct.Sequestration)
        {
            if (budgetApprovedOn is null)
                return RuleCheck.Refuse(new(Acts.FL, "10.4"), "budgetId",
                    "Yalnız təsdiq edilmiş büdcə dəqiqləşdirilə bilər", "Only an approved budget can be amended");
            if (adoptedOn < budgetApprovedOn)
                return RuleCheck.Refuse(new(Acts.FL, "10.4"), "decisionId",
                    $"Qərar ({Language.Date(adoptedOn.Value)}) büdcənin təsdiqindən ({Language.Date(budgetApprovedOn.Value)}) əvvəldir",
                    $"The decision ({Language.Date(adoptedOn.Value)}) predates the budget's approval ({Language.Date(budgetApprovedOn.Value)})");
        }
        return RuleCheck.Allowed;
    }
}

/// <summary>FL 8.2-8.3: the expenditure norms the budget is built on.</summary>
public static class ExpenditureNorms
{
    /// <summary>
    /// FL 8.3: "Dövlət büdcəsindən dotasiya, subvensiya və ssuda alan yerli büdcənin xərclərinin hesablanmasında tətbiq olunan
    /// normativlər dövlət büdcəsinin xərclərinin hesablanması üçün tətbiq olunan xərc normativlərindən yüksək ola bilməz." A budget
    /// receiving a dotation, subvention or loan uses norms at most the state's; otherwise the municipality's norm is free (FL 8.2).
    /// The state norms are reference data not in the seeds.
    /// </summary>
    [Law("FL 8.3")]
    public static RuleCheck Check(string normCode, Money municipalNorm, Money? stateNorm, bool receivesStateSupport)
    {
        if (!receivesStateSupport) return RuleCheck.Allowed;
        if (stateNorm is null)
            return RuleCheck.Refuse(new(Acts.FL, "8.3"), "stateNorm",
                $"{normCode} normativi üçün dövlət büdcəsinin normativi məlum deyil: dotasiya, subvensiya və ya ssuda alan büdcədə onu müqayisə etmək lazımdır",
                $"The state norm for {normCode} is not known: a budget receiving a dotation, subvention or loan must compare with it");
        if (municipalNorm > stateNorm.Value)
            return RuleCheck.Refuse(new(Acts.FL, "8.3"), "norm",
                $"{normCode} normativi ({municipalNorm.Format("az")}) dövlət büdcəsinin normativindən ({stateNorm.Value.Format("az")}) yüksəkdir",
                $"Norm {normCode} ({municipalNorm.Format("en")}) is above the state budget's norm ({stateNorm.Value.Format("en")})");
        return RuleCheck.Allowed;
    }
}
