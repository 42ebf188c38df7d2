namespace OpenBams.Law.Taxes;

/// <summary>When a payment notice must reach the taxpayer (LML 18.11) and whether it did in time.</summary>
public static class NoticeDelivery
{
    /// <summary>
    /// LML 18.11: "tədiyyə bildirişləri avqustun 1-dən gec olmayaraq onlara çatdırılır". The notice of the annual
    /// assessment (revision 0) is due by 1 August whenever it was issued. A revised notice issued on or before 1 August
    /// is due by the same day; one issued later cannot meet it, so (choice, documented in docs/decisions.md) it is due
    /// within 30 days of its issue — the day its adjustment falls due at the earliest (TaxCalendar.AdjustmentDue), so
    /// nobody owes an amount before the notice of it could reach them.
    /// </summary>
    [Law("LML 18.11")]
    public static DateOnly DueBy(int year, int revision, DateOnly issuedOn)
    {
        var by = TaxCalendar.DeliverBy(year);
        return revision == 0 || issuedOn <= by ? by : issuedOn.AddDays(RevisionDays);
    }

    /// <summary>Days a revised notice issued after 1 August has to reach the taxpayer (choice; equals the adjustment's 30 days).</summary>
    public const int RevisionDays = 30;

    /// <summary>LML 18.11: delivered after its day, or not delivered and the day has passed.</summary>
    [Law("LML 18.11")]
    public static bool IsLate(int year, int revision, DateOnly issuedOn, DateOnly? deliveredOn, DateOnly today) =>
        (deliveredOn ?? today) > DueBy(year, revision, issuedOn);
}
