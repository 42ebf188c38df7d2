using OpenBams.Law.Taxes;
using OpenBams.Platform.Data;
using OpenBams.Platform.Tenancy;

namespace OpenBams.Taxes;

/// <summary>FL 15: who collects the municipality's taxes.</summary>
public enum CollectionMode
{
    /// <summary>The municipality's own tax service body (TAX-REG 2.1).</summary>
    MunicipalTaxService = 0,
    /// <summary>FL 15: the State tax service under a contract concluded on the municipality's application.</summary>
    StateTaxServiceByContract = 1,
}

/// <summary>The municipality's own choices for its taxes. One row per municipality, created on first use.</summary>
public sealed class TaxSettings : IMunicipalityOwned, IVersioned
{
    public int MunicipalityId { get; set; }
    /// <summary>The Tax Code's settlement group of the municipality's land (RateClasses.SettlementGroups); a plot may name another.</summary>
    public string SettlementGroup { get; set; } = "villages";
    /// <summary>LTP 5.3: buildings are valued not more often than once in 3-5 years; the municipality's interval.</summary>
    public int RevaluationCycleYears { get; set; } = 3;
    /// <summary>LTP 5.3: the last mass valuation of buildings for tax purposes.</summary>
    public DateOnly? LastMassValuationOn { get; set; }
    /// <summary>SL 30.2: issue a requested debt certificate at once (true) or queue it for the tax officer (false).</summary>
    public bool IssueCertificatesAutomatically { get; set; }
    /// <summary>LTP 11.3: the day of the next month parking money is due.</summary>
    public int ParkingDueDay { get; set; } = 10;
    /// <summary>TAX-REG 6.5: whether a pending complaint suspends the payment of the tax itself (sanctions are always suspended).</summary>
    public bool ComplaintSuspendsPayment { get; set; }
    public CollectionMode CollectionMode { get; set; }
    public long Version { get; set; }
}

/// <summary>
/// A taxpayer of the municipality (LTP 5.2; TAX-REG 3.1.5): a natural person by FIN or a legal person by VÖEN, once per
/// municipality.
/// </summary>
public sealed class Taxpayer : IMunicipalityOwned, IVersioned
{
    public int Id { get; set; }
    public int MunicipalityId { get; set; }
    public TaxpayerKind Kind { get; set; }
    /// <summary>FIN of a natural person (required for natural persons).</summary>
    public string? PersonalId { get; set; }
    /// <summary>VÖEN of a legal person (required) or of a natural person who is an entrepreneur (optional).</summary>
    public string? TaxId { get; set; }
    public required string Name { get; set; }
    /// <summary>Address in the municipality's territory (or the address for notices of a non-resident).</summary>
    public string? Address { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    /// <summary>LML 18.1: resident or non-resident natural person.</summary>
    public bool IsResident { get; set; } = true;
    /// <summary>TAX-REG 5.1, LTP 8.0.4: a legal entity the municipality owns (audited by the municipal tax service).</summary>
    public bool MunicipallyOwned { get; set; }
    /// <summary>LML 18.9: a person listed in Tax Code art. 102.2 (the 10-manat land tax reduction).</summary>
    public bool Relief102_2 { get; set; }
    /// <summary>LML 18.9: the plot the person chose for the reduction.</summary>
    public int? ReliefPlotId { get; set; }
    /// <summary>Relief categories the person belongs to (LTP 10.2), comma-separated codes, e.g. "veteran,large-family".</summary>
    public string? Categories { get; set; }
    public DateOnly RegisteredOn { get; set; }
    public string? Note { get; set; }
    public required string SearchKey { get; set; }
    public long Version { get; set; }
}

/// <summary>LTP 5.1: a building or a part of a building (an apartment) owned by natural persons.</summary>
public sealed class Building : IMunicipalityOwned, IVersioned
{
    public int Id { get; set; }
    public int MunicipalityId { get; set; }
    /// <summary>The plot it stands on (LML 18.10, 18.12).</summary>
    public int? PlotId { get; set; }
    public required string Address { get; set; }
    public string? Description { get; set; }
    public decimal AreaSqm { get; set; }
    /// <summary>LTP 5.3-5.4: the value for tax purposes, in manat.</summary>
    public decimal Value { get; set; }
    public ValuationSource ValuationSource { get; set; }
    public DateOnly? ValuedOn { get; set; }
    /// <summary>LTP 5.4: the independent appraiser and report.</summary>
    public string? Appraiser { get; set; }
    public string? AppraisalReport { get; set; }
    public DateOnly? RetiredOn { get; set; }
    public required string SearchKey { get; set; }
    public long Version { get; set; }
}

/// <summary>LTP 5.1: automobiles, self-propelled wheeled machinery, water and air transport of natural persons.</summary>
public sealed class Vehicle : IMunicipalityOwned, IVersioned
{
    public int Id { get; set; }
    public int MunicipalityId { get; set; }
    public VehicleKind Kind { get; set; }
    public required string RegistrationNumber { get; set; }
    public string? Description { get; set; }
    public int EngineCc { get; set; }
    public DateOnly? RetiredOn { get; set; }
    public required string SearchKey { get; set; }
    public long Version { get; set; }
}

/// <summary>
/// A taxpayer's ownership or use of an object from a day, with a share (LML 18.1, 18.12). Ended by <see cref="To"/> when
/// the object is sold or the right ends; the history stays.
/// </summary>
public sealed class ObjectHolding : IMunicipalityOwned, IVersioned
{
    public int Id { get; set; }
    public int MunicipalityId { get; set; }
    public int TaxpayerId { get; set; }
    public ObjectKind ObjectKind { get; set; }
    public int ObjectId { get; set; }
    public HoldingRight Right { get; set; }
    public int ShareNumerator { get; set; } = 1;
    public int ShareDenominator { get; set; } = 1;
    /// <summary>The day the right began (the title document's day).</summary>
    public DateOnly From { get; set; }
    /// <summary>The day the right ended (exclusive); null while it lasts.</summary>
    public DateOnly? To { get; set; }
    public string? TitleDocument { get; set; }
    /// <summary>LML 18.3: the day the holder received the title documents; registration is due within one month of it.</summary>
    public DateOnly? TitleReceivedOn { get; set; }
    /// <summary>LML 18.3: the day the holder registered the object with the municipality.</summary>
    public DateOnly RegisteredOn { get; set; }
    public long Version { get; set; }
}

/// <summary>
/// A municipal rate for one rate class from a day, set by a council decision adopted by two thirds of the members (SL 43.3,
/// FL 7.2) and within the legal limit (LTP 10.1). Rates are never edited: a new decision makes a new row.
/// </summary>
public sealed class TaxRate : IMunicipalityOwned
{
    public int Id { get; set; }
    public int MunicipalityId { get; set; }
    public required string RateClass { get; set; }
    public decimal Rate { get; set; }
    /// <summary>FL 7.2: the decision stops applying the tax to this class from <see cref="ValidFrom"/>.</summary>
    public bool Abolished { get; set; }
    public DateOnly ValidFrom { get; set; }
    public int DecisionId { get; set; }
    /// <summary>"number/year" of the decision, kept for the explanations.</summary>
    public required string DecisionCode { get; set; }
    public DateTime RecordedAt { get; set; }
    public string? RecordedBy { get; set; }
}

/// <summary>LTP 10.2: a municipal relief for a category of taxpayers, by council decision.</summary>
public sealed class TaxRelief : IMunicipalityOwned
{
    public int Id { get; set; }
    public int MunicipalityId { get; set; }
    public LocalTax Tax { get; set; }
    public required string Category { get; set; }
    public required string CategoryName { get; set; }
    public ReliefKind Kind { get; set; }
    /// <summary>Percent (PercentReduction) or the reduced rate (ReducedRate); 100 for an exemption.</summary>
    public decimal Value { get; set; }
    public string? RateClass { get; set; }
    public DateOnly ValidFrom { get; set; }
    public DateOnly? ValidTo { get; set; }
    public int DecisionId { get; set; }
    public required string DecisionCode { get; set; }
    public DateTime RecordedAt { get; set; }
    public string? RecordedBy { get; set; }
}

public enum JobStatus { Queued = 0, Running = 1, Completed = 2, Failed = 3, Cancelled = 4 }

/// <summary>
/// A run of the annual assessment (LML 18.11) for one municipality or for all. It works municipality by municipality, each
/// in one transaction with its cursor, so a crash resumes at the next municipality and a re-run never duplicates.
/// </summary>
public sealed class AssessmentRun : IMaybeMunicipalityOwned, IVersioned
{
    public int Id { get; set; }
    /// <summary>Null: every municipality (administrator).</summary>
    public int? MunicipalityId { get; set; }
    public int Year { get; set; }
    public JobStatus Status { get; set; }
    public DateTime RequestedAt { get; set; }
    public required string RequestedBy { get; set; }
    public DateTime? StartedAt { get; set; }
    public DateTime? FinishedAt { get; set; }
    public int MunicipalitiesTotal { get; set; }
    public int MunicipalitiesDone { get; set; }
    /// <summary>The last taxpayer (in id order) whose chunk is committed: the run resumes after it.</summary>
    public int? CursorTaxpayerId { get; set; }
    public long TaxpayersTotal { get; set; }
    public long TaxpayersDone { get; set; }
    public int NoticesCreated { get; set; }
    public int NoticesRevised { get; set; }
    public int NoticesUnchanged { get; set; }
    public long LinesWritten { get; set; }
    /// <summary>The worker holding the run renews this; a run whose lease ran out is picked up again.</summary>
    public DateTime? LeaseUntil { get; set; }
    public string? Error { get; set; }
    public long Version { get; set; }
}

public enum DeliveryMethod { InPerson = 0, RegisteredMail = 1, Electronic = 2, Courier = 3 }

/// <summary>
/// The payment notice (tədiyyə bildirişi, LTP 6.0.3; TAX-REG 3.2.1) of one taxpayer for one year: one row per revision.
/// The first is the assessment; a later run that finds a different result adds a revision (and adjustment charges), and the
/// earlier one is kept, superseded. The number and payment reference stay the same across revisions.
/// </summary>
public sealed class PaymentNotice : IMunicipalityOwned
{
    public int Id { get; set; }
    public int MunicipalityId { get; set; }
    public int TaxpayerId { get; set; }
    public int Year { get; set; }
    /// <summary>Numbered per municipality and year.</summary>
    public int Number { get; set; }
    public int Revision { get; set; }
    public bool IsCurrent { get; set; }
    /// <summary>The payment reference (PaymentReference.Value).</summary>
    public required string Reference { get; set; }
    public long LandQepik { get; set; }
    public long PropertyQepik { get; set; }
    public long TotalQepik { get; set; }
    public long FirstQepik { get; set; }
    public long SecondQepik { get; set; }
    public DateOnly FirstDueOn { get; set; }
    public DateOnly SecondDueOn { get; set; }
    /// <summary>Total minus the previous revision's total (0 for the first).</summary>
    public long ChangeQepik { get; set; }
    public DateOnly IssuedOn { get; set; }
    public int RunId { get; set; }
    public required string Fingerprint { get; set; }
    /// <summary>The code in the QR link anyone can verify the notice with (AssessmentEngine.NewCode: its id, then random characters).</summary>
    public required string VerificationCode { get; set; }
    /// <summary>LML 18.11: delivered by 1 August.</summary>
    public DateOnly? DeliveredOn { get; set; }
    public DeliveryMethod? DeliveryMethod { get; set; }
    public string? DeliveredBy { get; set; }
    public int? SupersededById { get; set; }
}

/// <summary>One explained line of a notice: object, base, rate, decision, share, months, relief and article.</summary>
public sealed class AssessmentLine : IMunicipalityOwned
{
    public long Id { get; set; }
    public int MunicipalityId { get; set; }
    public int NoticeId { get; set; }
    public int TaxpayerId { get; set; }
    public LocalTax Tax { get; set; }
    public ObjectKind ObjectKind { get; set; }
    public int ObjectId { get; set; }
    public required string ObjectLabel { get; set; }
    public string? RateClass { get; set; }
    public decimal BaseValue { get; set; }
    public RateUnit Unit { get; set; }
    public decimal Rate { get; set; }
    public string? Decision { get; set; }
    public decimal Weight { get; set; }
    public required string WeightText { get; set; }
    public string? WeightNote { get; set; }
    public int Months { get; set; }
    public long GrossQepik { get; set; }
    public long ReliefQepik { get; set; }
    public long NetQepik { get; set; }
    public string? ReliefNote { get; set; }
    public required string Citation { get; set; }
    public LineOutcome Outcome { get; set; }
}

public enum ChargeKind
{
    /// <summary>An instalment of an assessed notice.</summary>
    Assessment = 0,
    /// <summary>The difference a revised notice makes.</summary>
    Adjustment = 1,
    /// <summary>A local payment's return (hotel, parking, advertising, trade).</summary>
    Return = 2,
    /// <summary>Interest on arrears, fixed when the item it accrued on is paid (FL 7.1.11).</summary>
    Interest = 3,
}

/// <summary>
/// What a taxpayer owes: one row per instalment, never edited. The open items of an account are the charges summed by
/// (tax, year, period, instalment); a reduction is a negative charge.
/// </summary>
public sealed class TaxCharge : IMunicipalityOwned
{
    public long Id { get; set; }
    public int MunicipalityId { get; set; }
    public int TaxpayerId { get; set; }
    public LocalTax Tax { get; set; }
    public int Year { get; set; }
    /// <summary>0 for an annual tax; the month (1-12) for a monthly payment.</summary>
    public int Period { get; set; }
    public int Instalment { get; set; }
    public DateOnly DueOn { get; set; }
    public long AmountQepik { get; set; }
    public ChargeKind Kind { get; set; }
    public int? NoticeId { get; set; }
    /// <summary>The return, or the interest's item, the charge comes from.</summary>
    public long? SourceId { get; set; }
    public DateTime CreatedAt { get; set; }
    public string? Note { get; set; }
}

public enum PaymentStatus { Posted = 0, Reversed = 1 }

/// <summary>
/// Money received, never in cash (SL 43.1): from a bank statement line or the payment portal. <see cref="ExternalId"/> is the
/// statement line's or the portal's idempotency key, unique, so the same money is never booked twice.
/// </summary>
public sealed class Payment : IMunicipalityOwned
{
    public long Id { get; set; }
    public int MunicipalityId { get; set; }
    /// <summary>Null only for a voluntary payment of someone not on the register.</summary>
    public int? TaxpayerId { get; set; }
    /// <summary>LTP 3.5: a voluntary one-time payment earmarked to this project.</summary>
    public int? ProjectId { get; set; }
    public long AmountQepik { get; set; }
    public DateOnly PaidOn { get; set; }
    public DateTime RecordedAt { get; set; }
    public PaymentChannel Channel { get; set; }
    public string? Reference { get; set; }
    public string? PayerName { get; set; }
    public string? Bank { get; set; }
    public required string ExternalId { get; set; }
    public int? ImportId { get; set; }
    public PaymentStatus Status { get; set; }
    public DateTime? ReversedAt { get; set; }
    public string? ReversedBy { get; set; }
    public string? ReversalReason { get; set; }
    public string? RecordedBy { get; set; }
    /// <summary>The payer's FIN or VÖEN as the bank or the portal reported it.</summary>
    public string? PayerId { get; set; }
    /// <summary>The payment portal's own transaction id (reconciliation; a statement line of the same transaction is a duplicate).</summary>
    public string? TransactionId { get; set; }
    /// <summary>The random code a receipt is opened with (never the id, which can be guessed); set for portal payments.</summary>
    public string? ReceiptCode { get; set; }
    /// <summary>SHA-256 of the portal request: the same idempotency key with another body is refused.</summary>
    public string? RequestHash { get; set; }
}

/// <summary>Money of one payment booked to one open item, or given back (negative). Append-only.</summary>
public sealed class PaymentAllocation : IMunicipalityOwned
{
    public long Id { get; set; }
    public int MunicipalityId { get; set; }
    public long PaymentId { get; set; }
    public int TaxpayerId { get; set; }
    public LocalTax Tax { get; set; }
    public int Year { get; set; }
    public int Period { get; set; }
    public int Instalment { get; set; }
    public long AmountQepik { get; set; }
    /// <summary>The day the money counts as paid for the item (the payment's day).</summary>
    public DateOnly On { get; set; }
    public DateTime At { get; set; }
}

/// <summary>
/// A bank statement being imported (format in docs/payments.md): validated line by line first; applied only when every line
/// is valid, or when the user chose to apply the valid lines. Applied in batches, each with its payments and allocations in
/// one transaction; re-importing the same lines books nothing twice.
/// </summary>
public sealed class PaymentImport : IMaybeMunicipalityOwned, IVersioned
{
    public int Id { get; set; }
    /// <summary>The municipality whose accountant imports it; null: a national statement (administrator).</summary>
    public int? MunicipalityId { get; set; }
    public required string FileName { get; set; }
    public required string FileHash { get; set; }
    public required string StoredPath { get; set; }
    public JobStatus Status { get; set; }
    public bool ApplyValidLines { get; set; }
    /// <summary>Validate only; nothing is booked.</summary>
    public bool DryRun { get; set; }
    public int Lines { get; set; }
    public int LinesRead { get; set; }
    public int ValidLines { get; set; }
    public int ErrorLines { get; set; }
    public int DuplicateLines { get; set; }
    public int AppliedLines { get; set; }
    public long AppliedQepik { get; set; }
    public DateTime CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
    public DateTime? FinishedAt { get; set; }
    public DateTime? LeaseUntil { get; set; }
    public string? Error { get; set; }
    public long Version { get; set; }
    /// <summary>When every line had been checked (the valid ones staged for booking); null while validating.</summary>
    public DateTime? ValidatedAt { get; set; }
    /// <summary>The last line whose batch is booked and committed: a resumed import continues after it.</summary>
    public int CursorLine { get; set; }
}

public enum ImportIssueKind { Error = 0, Duplicate = 1 }

/// <summary>One line of a statement that was refused or already booked, with the field and the rule.</summary>
public sealed class PaymentImportIssue : IMaybeMunicipalityOwned
{
    public long Id { get; set; }
    public int ImportId { get; set; }
    public int? MunicipalityId { get; set; }
    public int Line { get; set; }
    public ImportIssueKind Kind { get; set; }
    public required string Field { get; set; }
    public required string Message { get; set; }
    public string? Rule { get; set; }
    public string? Raw { get; set; }
}

public enum CertificateStatus { Requested = 0, Issued = 1, Refused = 2 }

public enum CertificateChannel { SelfService = 0, Written = 1 }

/// <summary>
/// SL 30.2: a certificate (arayış) of a taxpayer's debts on local taxes and payments, issued within 1 working day of the
/// written request. Once issued its content is frozen; anyone can verify it by its code.
/// </summary>
public sealed class DebtCertificate : IMunicipalityOwned, IVersioned
{
    public int Id { get; set; }
    public int MunicipalityId { get; set; }
    public int TaxpayerId { get; set; }
    public DateTime RequestedAt { get; set; }
    public DateOnly RequestedOn { get; set; }
    /// <summary>SL 30.2: 1 working day after the request.</summary>
    public DateOnly DueOn { get; set; }
    public CertificateChannel Channel { get; set; }
    public required string RequestedBy { get; set; }
    public string? Purpose { get; set; }
    public CertificateStatus Status { get; set; }
    public DateTime? IssuedAt { get; set; }
    public string? IssuedBy { get; set; }
    public int? Year { get; set; }
    public int? Number { get; set; }
    public string? VerificationCode { get; set; }
    public DateOnly? AsOf { get; set; }
    public long? PrincipalQepik { get; set; }
    public long? InterestQepik { get; set; }
    public long? CreditQepik { get; set; }
    /// <summary>The issued content (JSON), frozen.</summary>
    public string? Content { get; set; }
    public string? RefusalReason { get; set; }
    public long Version { get; set; }
}

/// <summary>
/// A return of a local payment for one month and one site (LTP 9, 11): guest-nights of a hotel, vehicle-days of a car park,
/// m² of advertising or of a trade place. Filing it charges the amount, due by the law's day.
/// </summary>
public sealed class LocalPaymentReturn : IMunicipalityOwned, IVersioned
{
    public int Id { get; set; }
    public int MunicipalityId { get; set; }
    public int TaxpayerId { get; set; }
    public LocalTax Tax { get; set; }
    public int Year { get; set; }
    public int Month { get; set; }
    /// <summary>The establishment, car park, advertising site or trade place.</summary>
    public required string Site { get; set; }
    /// <summary>LTP 9.1.3: the plot the municipality allocated for the trade (Lands).</summary>
    public int? PlotId { get; set; }
    /// <summary>Guest-nights, vehicle-days or m².</summary>
    public decimal Quantity { get; set; }
    /// <summary>Months the area is used (advertising and trade); 1 for monthly returns.</summary>
    public int Months { get; set; } = 1;
    public required string RateClass { get; set; }
    public decimal Rate { get; set; }
    public string? Decision { get; set; }
    public long AmountQepik { get; set; }
    public DateOnly DueOn { get; set; }
    public DateOnly FiledOn { get; set; }
    public DateTime RecordedAt { get; set; }
    public string? RecordedBy { get; set; }
    public string? Note { get; set; }
    /// <summary>0 for the return as first filed; each correction of the same site and month takes the next.</summary>
    public int Revision { get; set; }
    /// <summary>The correction that replaced this return; null while it is the one in force (the original stays visible).</summary>
    public int? SupersededById { get; set; }
    public long Version { get; set; }
}

/// <summary>LTP 3.3(b), 9.2: a targeted project financed by voluntary one-time payments, introduced on a local poll's result.</summary>
public sealed class VoluntaryProject : IMunicipalityOwned, IVersioned
{
    public int Id { get; set; }
    public int MunicipalityId { get; set; }
    public required string Name { get; set; }
    public required string Purpose { get; set; }
    /// <summary>LTP 3.3(b): the local opinion poll (referendum) whose result the project rests on.</summary>
    public required string PollReference { get; set; }
    public DateOnly PollHeldOn { get; set; }
    public int? DecisionId { get; set; }
    public long TargetQepik { get; set; }
    public DateOnly OpenedOn { get; set; }
    public DateOnly? ClosedOn { get; set; }
    public long Version { get; set; }
}

/// <summary>LTP 3.5: money of a voluntary project spent, only on that project.</summary>
public sealed class ProjectSpending : IMunicipalityOwned
{
    public int Id { get; set; }
    public int MunicipalityId { get; set; }
    public int ProjectId { get; set; }
    public long AmountQepik { get; set; }
    public DateOnly SpentOn { get; set; }
    public required string Purpose { get; set; }
    public required string Document { get; set; }
    public DateTime RecordedAt { get; set; }
    public string? RecordedBy { get; set; }
}

public enum AuditStatus { Planned = 0, InProgress = 1, Completed = 2 }

/// <summary>TAX-REG 5.1-5.2: a desk or on-site audit of a municipally owned legal entity, or participation in a State audit.</summary>
public sealed class TaxAudit : IMunicipalityOwned, IVersioned
{
    public int Id { get; set; }
    public int MunicipalityId { get; set; }
    public AuditKind Kind { get; set; }
    public int TaxpayerId { get; set; }
    public required string Taxes { get; set; }
    public DateOnly PeriodFrom { get; set; }
    public DateOnly PeriodTo { get; set; }
    public DateOnly StartOn { get; set; }
    public DateOnly? EndOn { get; set; }
    /// <summary>TAX-REG 5.2: the State tax authority and its audit's dates.</summary>
    public string? StateAuthority { get; set; }
    public DateOnly? StateAuditStart { get; set; }
    public DateOnly? StateAuditEnd { get; set; }
    /// <summary>TAX-REG 5.2: the municipality's decision on participation, signed by the chairman or deputy.</summary>
    public string? ParticipationDecision { get; set; }
    public string? Purpose { get; set; }
    /// <summary>TAX-REG 5.2: the officials taking part (full names).</summary>
    public required string Officials { get; set; }
    public string? Findings { get; set; }
    public AuditStatus Status { get; set; }
    /// <summary>TAX-REG 5.2: the chairman or deputy who signed the participation decision, and the day.</summary>
    public string? ParticipationSignedBy { get; set; }
    public DateOnly? ParticipationSignedOn { get; set; }
    public long Version { get; set; }
}

public enum ActStatus
{
    Drawn = 0,
    Delivered = 1,
    Objected = 2,
    HearingSet = 3,
    Heard = 4,
    Decided = 5,
    DemandSent = 6,
    PaidVoluntarily = 7,
    InCourt = 8,
    Closed = 9,
}

/// <summary>
/// TAX-REG 5.3-5.12: the act on an unpaid tax, its delivery, the payer's objection (30 days), the hearing (3 working days'
/// notice), the municipality's decision (15 days after the objection period), the demand, voluntary payment or court.
/// </summary>
public sealed class AuditAct : IMunicipalityOwned, IVersioned
{
    public int Id { get; set; }
    public int MunicipalityId { get; set; }
    public int? AuditId { get; set; }
    public int TaxpayerId { get; set; }
    public int Year { get; set; }
    public int Number { get; set; }
    public DateOnly DrawnOn { get; set; }
    public required string Place { get; set; }
    /// <summary>Position and full name of each official who drew it up.</summary>
    public required string DrawnBy { get; set; }
    public required string PayerInfo { get; set; }
    public LocalTax Tax { get; set; }
    public required string Circumstances { get; set; }
    public required string Articles { get; set; }
    public required string Proposal { get; set; }
    public long AmountQepik { get; set; }
    public DateOnly? DeliveredOn { get; set; }
    public DeliveryMethod? DeliveryMethod { get; set; }
    /// <summary>TAX-REG 5.9: the payer kept the act from being delivered; deemed delivered the day after the registered letter.</summary>
    public bool ObstructedByPayer { get; set; }
    public DateOnly? RegisteredLetterSentOn { get; set; }
    public DateOnly? ObjectionDueOn { get; set; }
    public DateOnly? DecisionDueOn { get; set; }
    public DateOnly? ObjectionReceivedOn { get; set; }
    public string? ObjectionText { get; set; }
    public DateOnly? HearingNoticeOn { get; set; }
    public DateOnly? HearingOn { get; set; }
    public bool? HeardInAbsentia { get; set; }
    public string? AbsenceReason { get; set; }
    public bool? AbsenceReasonAccepted { get; set; }
    public DateOnly? DecidedOn { get; set; }
    public ActDecision? Decision { get; set; }
    public string? DecisionReference { get; set; }
    public DateOnly? DemandSentOn { get; set; }
    public DateOnly? DemandDeliveredOn { get; set; }
    public DateOnly? PaidVoluntarilyOn { get; set; }
    public DateOnly? ReferralCancelledOn { get; set; }
    public DateOnly? CourtFiledOn { get; set; }
    public DateOnly? JudgementFinalOn { get; set; }
    public ActStatus Status { get; set; }
    /// <summary>TAX-REG 5.3: the receipt or letter that proves when the payer received the act.</summary>
    public string? DeliveryProof { get; set; }
    /// <summary>TAX-REG 5.3: the original goes to the chairman (or deputy).</summary>
    public DateOnly? OriginalToChairmanOn { get; set; }
    /// <summary>TAX-REG 5.4: the parts objected to; null when the objection is to the whole act.</summary>
    public string? ObjectionParts { get; set; }
    /// <summary>TAX-REG 5.4: received after the 30 days (recorded, calls for no hearing).</summary>
    public bool ObjectionLate { get; set; }
    /// <summary>TAX-REG 5.5: the place and time of the hearing told to the payer.</summary>
    public string? HearingPlace { get; set; }
    public TimeOnly? HearingTime { get; set; }
    /// <summary>TAX-REG 5.7-5.9: how the decision's copy and the demand reached the payer, and the proof of the day.</summary>
    public DeliveryMethod? DemandMethod { get; set; }
    public string? DemandProof { get; set; }
    public bool DemandObstructed { get; set; }
    public DateOnly? DemandLetterSentOn { get; set; }
    /// <summary>TAX-REG 5.7: the interest and financial sanctions demanded with the tax (the Tax Code sets them).</summary>
    public long? DemandInterestQepik { get; set; }
    public long? DemandSanctionsQepik { get; set; }
    /// <summary>TAX-REG 5.7: the municipality's decision cancelling the court referral after voluntary payment.</summary>
    public string? CancellationReference { get; set; }
    /// <summary>TAX-REG 5.11: the tax service's representation the municipality goes to court on, and the court case.</summary>
    public string? CourtRepresentation { get; set; }
    public string? CourtCase { get; set; }
    /// <summary>TAX-REG 5.12: what the final judgement decided, and how its enforcement ended.</summary>
    public string? Judgement { get; set; }
    public DateOnly? ClosedOn { get; set; }
    public string? ClosingNote { get; set; }
    public long Version { get; set; }
}

/// <summary>TAX-REG 6: a payer's complaint, its 3-month limit, 30-day review and 10-day reply.</summary>
public sealed class TaxComplaint : IMunicipalityOwned, IVersioned
{
    public int Id { get; set; }
    public int MunicipalityId { get; set; }
    public int TaxpayerId { get; set; }
    public int? ActId { get; set; }
    /// <summary>TAX-REG 6.2: against a municipal decision or the chairman (to the council), else against officials (to the chairman).</summary>
    public bool AgainstDecisionOrChairman { get; set; }
    public ComplaintAddressee AddressedTo { get; set; }
    public required string Subject { get; set; }
    public DateOnly LearnedOn { get; set; }
    public DateOnly ReceivedOn { get; set; }
    /// <summary>TAX-REG 6.4: 3 months from learning of the breach.</summary>
    public DateOnly FileBy { get; set; }
    public bool Late { get; set; }
    /// <summary>TAX-REG 6.4: the chairman (or deputy) restored a missed limit for a good reason.</summary>
    public string? RestoredBy { get; set; }
    public string? RestorationReason { get; set; }
    public DateOnly ReviewDueOn { get; set; }
    public DateOnly? DecidedOn { get; set; }
    public string? Outcome { get; set; }
    public DateOnly? ReplyDueOn { get; set; }
    public DateOnly? RepliedOn { get; set; }
    /// <summary>TAX-REG 6.3: the payer also went to court; nothing here blocks it.</summary>
    public bool AlsoInCourt { get; set; }
    /// <summary>TAX-REG 6.2: what exactly it is against (<see cref="AgainstDecisionOrChairman"/> follows from it).</summary>
    public ComplaintAgainst Against { get; set; }
    public DateOnly? RestoredOn { get; set; }
    /// <summary>TAX-REG 6.6: who recorded the decision, and the council's decision for a complaint to the council.</summary>
    public string? DecidedBy { get; set; }
    public string? DecisionReference { get; set; }
    public DeliveryMethod? ReplyMethod { get; set; }
    public long Version { get; set; }
}

/// <summary>
/// TAX-REG 7.2: a council decision recorded as the municipality's yearly discussion of the tax service's work. The decision
/// register has no such classification, so the tax service (or the chairman) names the decision; its number, title and day
/// are copied so the record reads on its own.
/// </summary>
public sealed class TaxServiceReview : IMunicipalityOwned
{
    public int Id { get; set; }
    public int MunicipalityId { get; set; }
    public int DecisionId { get; set; }
    public required string DecisionCode { get; set; }
    public required string Title { get; set; }
    public DateOnly AdoptedOn { get; set; }
    public DateTime RecordedAt { get; set; }
    public required string RecordedBy { get; set; }
}
