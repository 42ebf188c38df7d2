using OpenBams.Law.Budget;
using OpenBams.Platform.Data;
using OpenBams.Platform.Tenancy;

namespace OpenBams.Budget;

/// <summary>
/// Where a budget is in its cycle (FL 9-11). Transitions are explicit (<see cref="BudgetStates"/>): a draft is submitted to
/// the council (FL 10.1), published (FL 10.1), approved by a decision (FL 10.2, 10.3) and, after the year, closed (FL 11.2).
/// </summary>
public enum BudgetStatus
{
    Drafting = 0,
    Submitted = 1,
    Published = 2,
    Approved = 3,
    Closed = 4,
}

/// <summary>The allowed moves between budget states; anything else is refused with the article.</summary>
public static class BudgetStates
{
    public static bool CanMove(BudgetStatus from, BudgetStatus to) => (from, to) switch
    {
        (BudgetStatus.Drafting, BudgetStatus.Submitted) => true,
        (BudgetStatus.Submitted, BudgetStatus.Published) => true,
        // FL 10.2: the council approves the draft it received; publication (FL 10.1) may come after submission but the
        // approval of an unpublished draft is not blocked here — the calendar shows the late publication instead.
        (BudgetStatus.Submitted or BudgetStatus.Published, BudgetStatus.Approved) => true,
        (BudgetStatus.Approved, BudgetStatus.Closed) => true,
        _ => false,
    };
}

/// <summary>
/// The local budget of one municipality for one budget year, 1 January - 31 December (FL 4.4), with the days its statutory
/// milestones were reached (the calendar of FL 9-13 is computed from them by <see cref="BudgetCalendar"/>).
/// </summary>
public sealed class MunicipalBudget : IMunicipalityOwned, IVersioned
{
    public int Id { get; set; }
    public int MunicipalityId { get; set; }
    public int Year { get; set; }
    public BudgetStatus Status { get; set; }
    /// <summary>FL 9.2, 10.3: the draft counts on a dotation from the state budget.</summary>
    public bool DotationPlanned { get; set; }
    /// <summary>FL 9.3: drafting started (11 months before the year).</summary>
    public DateOnly? DraftingStartedOn { get; set; }
    /// <summary>FL 9.2: the dotation calculations went to the Ministry of Finance (by 1 May).</summary>
    public DateOnly? DotationCalculationsSentOn { get; set; }
    /// <summary>FL 10.1: the chairman submitted the draft to the council (by 15 October).</summary>
    public DateOnly? SubmittedOn { get; set; }
    /// <summary>FL 10.1: the draft was published (within 10 days of submission).</summary>
    public DateOnly? PublishedOn { get; set; }
    /// <summary>FL 10.2, 10.3: the council approved the budget by this decision.</summary>
    public DateOnly? ApprovedOn { get; set; }
    public int? ApprovalDecisionId { get; set; }
    /// <summary>FL 11.3: the annual execution report was approved at a session by this decision, and published.</summary>
    public DateOnly? ExecutionReportApprovedOn { get; set; }
    public int? ExecutionReportDecisionId { get; set; }
    public DateOnly? ExecutionReportPublishedOn { get; set; }
    /// <summary>SL 52-2.1-2: the report to the Milli Məclis on the year went on this day (by 1 April), under this outgoing number.</summary>
    public DateOnly? ReportToParliamentSentOn { get; set; }
    public string? ReportToParliamentReference { get; set; }
    /// <summary>SL 52-2.3: the report on the year to the voters, approved at a session by this decision and given on this day.</summary>
    public int? VoterReportDecisionId { get; set; }
    public DateOnly? VoterReportApprovedOn { get; set; }
    public DateOnly? VoterReportGivenOn { get; set; }
    /// <summary>SL 52-2.3: the approved report to voters went to the administrative oversight body (within 10 days).</summary>
    public DateOnly? VoterReportSentToOversightOn { get; set; }
    /// <summary>FL 11.2, 5.3: the year was closed; open commitments ended and free balances carried forward.</summary>
    public DateOnly? ClosedOn { get; set; }
    /// <summary>FL 5.3, 11.2: the free balance carried in from the previous year's close.</summary>
    public long OpeningBalanceQepik { get; set; }
    /// <summary>FL 12: the deficit above which sequestration is due; null when the council set none.</summary>
    public long? DeficitLimitQepik { get; set; }
    public string? Note { get; set; }
    public DateTime CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
    public long Version { get; set; }
}

public enum BudgetSide { Revenue = 0, Expenditure = 1 }

/// <summary>
/// One line of a budget: a revenue class of FL 7.1 (planned revenue) or an expenditure line under an FL 8.2 area (its
/// appropriation). Delegated-powers and other earmarked funds are separate lines (FL 8.5, SL 40.3) whose money cannot be
/// reallocated (FL 11.1, LTP 3.5). Amounts change only through <see cref="BudgetChange"/>s after approval.
/// </summary>
public sealed class BudgetLineRecord : IMunicipalityOwned, IVersioned
{
    public int Id { get; set; }
    public int MunicipalityId { get; set; }
    public int BudgetId { get; set; }
    public BudgetSide Side { get; set; }
    /// <summary>Unique in its budget, e.g. "E-8.2.3/01". Revenue lines use their class code (<see cref="RevenueClass"/>).</summary>
    public required string Code { get; set; }
    /// <summary>The FL 7.1 revenue class (revenue lines) — <see cref="Law.Budget.RevenueClass"/> as stored.</summary>
    public RevenueClass? RevenueClass { get; set; }
    /// <summary>The FL 8.2 area (expenditure lines).</summary>
    public ExpenditureArea? Area { get; set; }
    public required string Name { get; set; }
    public LineFunding Funding { get; set; }
    /// <summary>For earmarked lines: the delegated power, subvention or voluntary-payment project the money is for.</summary>
    public string? Purpose { get; set; }
    /// <summary>The voluntary-payment project (LTP 3.5) an earmarked line is bound to.</summary>
    public int? ProjectId { get; set; }
    /// <summary>FL 12: a protected line is not cut by sequestration.</summary>
    public bool Protected { get; set; }
    /// <summary>The planned amount: the draft's figure, and after approval the approved figure (FL 10.2).</summary>
    public long PlannedQepik { get; set; }
    /// <summary>Net amendments by council decisions (FL 10.4), including sequestration cuts (FL 12).</summary>
    public long AmendmentsQepik { get; set; }
    public long ReallocatedInQepik { get; set; }
    public long ReallocatedOutQepik { get; set; }
    public long Version { get; set; }
}

public enum BudgetChangeKind
{
    /// <summary>FL 10.4: the council refines the approved budget.</summary>
    Amendment = 0,
    /// <summary>FL 12: proportional cut of unprotected lines when the deficit exceeds its limit.</summary>
    Sequestration = 1,
    /// <summary>FL 11.1: money moved between lines within limits, recorded.</summary>
    Reallocation = 2,
}

/// <summary>A change of an approved budget: amendments and sequestration only from a council decision (FL 10.4, 12),
/// reallocations within FL 11.1's limits (a decision or the chairman's order named in <see cref="Basis"/>).</summary>
public sealed class BudgetChange : IMunicipalityOwned
{
    public int Id { get; set; }
    public int MunicipalityId { get; set; }
    public int BudgetId { get; set; }
    public BudgetChangeKind Kind { get; set; }
    public int? DecisionId { get; set; }
    /// <summary>The order or document a reallocation rests on when it is not a council decision.</summary>
    public string? Basis { get; set; }
    public DateOnly EffectiveOn { get; set; }
    public required string Reason { get; set; }
    public DateTime CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
}

/// <summary>One line's share of a <see cref="BudgetChange"/> (positive adds to the line, negative takes from it).</summary>
public sealed class BudgetChangeLine : IMunicipalityOwned
{
    public long Id { get; set; }
    public int MunicipalityId { get; set; }
    public int ChangeId { get; set; }
    public int LineId { get; set; }
    public long DeltaQepik { get; set; }
}

public enum ExpenditureStatus
{
    /// <summary>Committed and not (fully) paid, or a payment that stands.</summary>
    Active = 0,
    /// <summary>Cancelled before year-end; its amount is free again.</summary>
    Cancelled = 1,
    /// <summary>FL 11.2: an unpaid commitment that ended with the budget year.</summary>
    EndedAtYearEnd = 2,
}

/// <summary>
/// An expenditure made through the system (seed 000: all municipal spending through the one portal): a commitment
/// (öhdəlik) or a payment — to whom, how much, when, for what, on which line, against which document and which decision
/// or contract. Nothing beyond the line's appropriation (FL 13.1, <see cref="AppropriationControl"/>). A payment of a
/// commitment names it in <see cref="CommitmentId"/>. Expenditure lines are public (no personal data of residents: the
/// payee is a supplier or an institution; a natural-person payee is shown by the portal as "natural person").
/// </summary>
public sealed class Expenditure : IMunicipalityOwned, IVersioned
{
    public long Id { get; set; }
    public int MunicipalityId { get; set; }
    public int BudgetId { get; set; }
    public int LineId { get; set; }
    public ExpenditureKind Kind { get; set; }
    public long? CommitmentId { get; set; }
    public long AmountQepik { get; set; }
    public DateOnly On { get; set; }
    public required string Payee { get; set; }
    /// <summary>The payee's VÖEN (legal persons and entrepreneurs).</summary>
    public string? PayeeTaxId { get; set; }
    public bool PayeeIsNaturalPerson { get; set; }
    public required string Purpose { get; set; }
    /// <summary>The supporting document: invoice, act of acceptance, payroll (number and date as written on it).</summary>
    public required string Document { get; set; }
    public int? DecisionId { get; set; }
    public string? Contract { get; set; }
    public ExpenditureStatus Status { get; set; }
    /// <summary>Who cancelled it, when and why (cancelled expenditures stay visible and count for nothing).</summary>
    public DateTime? CancelledAt { get; set; }
    public string? CancelledBy { get; set; }
    public string? CancellationReason { get; set; }
    public DateTime CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
    public long Version { get; set; }
}

/// <summary>
/// Revenue entered by the accountant (grants, lease and privatisation income, dotations and subventions, compensations):
/// money the taxes module does not book. Tax and local-payment revenue is posted from the taxes module's payments
/// (<see cref="TaxRevenueDay"/>) and never entered by hand, so it cannot be counted twice.
/// </summary>
public sealed class RevenueEntry : IMunicipalityOwned, IVersioned
{
    public long Id { get; set; }
    public int MunicipalityId { get; set; }
    public int Year { get; set; }
    public RevenueClass RevenueClass { get; set; }
    public long AmountQepik { get; set; }
    public DateOnly ReceivedOn { get; set; }
    public required string Payer { get; set; }
    public required string Document { get; set; }
    public int? DecisionId { get; set; }
    public string? Note { get; set; }
    /// <summary>Cancelled entries stay visible and count for nothing.</summary>
    public bool Cancelled { get; set; }
    public DateTime? CancelledAt { get; set; }
    public string? CancelledBy { get; set; }
    public string? CancellationReason { get; set; }
    public DateTime CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
    public long Version { get; set; }
}

/// <summary>
/// Tax and local-payment revenue of one municipality, revenue class and day, posted from the taxes module's payment
/// allocations (and unallocated credit) by <c>TaxRevenuePosting</c>: an aggregate, so the portal reads thousands of rows,
/// not millions, and a re-run of the posting replaces a day's figures instead of adding to them.
/// </summary>
public sealed class TaxRevenueDay : IMunicipalityOwned
{
    public int MunicipalityId { get; set; }
    public DateOnly On { get; set; }
    public RevenueClass RevenueClass { get; set; }
    public long AmountQepik { get; set; }
    public int Payments { get; set; }
}

/// <summary>
/// How far <c>TaxRevenuePosting</c> has read the taxes module: the highest allocation and payment ids and the latest reversal
/// it has posted. One row (Id 1); the next run rebuilds only the days touched by newer rows.
/// </summary>
public sealed class TaxRevenueWatermark
{
    public int Id { get; set; }
    public long LastAllocationId { get; set; }
    public long LastPaymentId { get; set; }
    public DateTime? LastReversedAt { get; set; }
    public DateTime? RanAt { get; set; }
    public int DaysRebuilt { get; set; }
}

/// <summary>FL 13.1: the independent audit of the budget's execution, at least once a year.</summary>
public sealed class BudgetAudit : IMunicipalityOwned, IVersioned
{
    public int Id { get; set; }
    public int MunicipalityId { get; set; }
    public int Year { get; set; }
    public required string Auditor { get; set; }
    public DateOnly EngagedOn { get; set; }
    public DateOnly? ReportedOn { get; set; }
    public string? Findings { get; set; }
    public DateTime CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
    public long Version { get; set; }
}
