namespace OpenBams.Law.Taxes;

/// <summary>One instalment of an annual tax: its number, last day and amount.</summary>
public sealed record Instalment(int Number, DateOnly DueOn, Money Amount);

/// <summary>The dates the land-tax law fixes (LML 18.3, 18.11, 18.13) and the debt certificate's (SL 30.2).</summary>
public static class TaxCalendar
{
    /// <summary>
    /// LML 18.11: "Bələdiyyələr tərəfindən hər il iyulun 1-dək fiziki şəxslərə torpaq vergisi hesablanır" — the
    /// municipality computes the tax by 1 July each year.
    /// </summary>
    [Law("LML 18.11")]
    public static DateOnly AssessBy(int year) => new(year, 7, 1);

    /// <summary>LML 18.11: "tədiyyə bildirişləri avqustun 1-dən gec olmayaraq onlara çatdırılır" — notices delivered by 1 August.</summary>
    [Law("LML 18.11")]
    public static DateOnly DeliverBy(int year) => new(year, 8, 1);

    /// <summary>
    /// LML 18.13: "Torpaq vergisi bərabər məbləğlərdə 15 avqust və 15 noyabr tarixlərindən gec olmayaraq bələdiyyə büdcəsinə
    /// ödənilir." — two equal halves by 15 August and 15 November that add up exactly to the total; the odd qəpik goes in
    /// the first half (<see cref="Money.SplitEqually"/>). The property tax of natural persons is paid on the same two days
    /// (Tax Code, not in the seeds; OpenBAMS uses the one rule for both).
    /// </summary>
    [Law("LML 18.13")]
    public static IReadOnlyList<Instalment> Instalments(int year, Money total)
    {
        var halves = total.SplitEqually(2);
        return [new(1, FirstInstalment(year), halves[0]), new(2, SecondInstalment(year), halves[1])];
    }

    [Law("LML 18.13")]
    public static DateOnly FirstInstalment(int year) => new(year, 8, 15);

    [Law("LML 18.13")]
    public static DateOnly SecondInstalment(int year) => new(year, 11, 15);

    /// <summary>
    /// The last day a payment is on time: the due day, or the next working day when the due day is not one (choice: the
    /// general roll-forward of Azerbaijani procedure, as for every deadline in OpenBAMS). Interest runs from the day after.
    /// </summary>
    public static DateOnly LastDayToPay(WorkingCalendar calendar, DateOnly dueOn) => calendar.NextWorkingDayOnOrAfter(dueOn);

    /// <summary>
    /// LML 18.3: "torpaq sahələri barədə ... hüquqlarını təsdiq edən sənədləri aldıqdan sonra ... bir ay ərzində uçota
    /// durmalıdırlar" — register with the municipality within one month of receiving the title documents.
    /// </summary>
    [Law("LML 18.3")]
    public static Deadline RegisterBy(WorkingCalendar calendar, DateOnly titleReceivedOn) => calendar.AddMonths(titleReceivedOn, 1);

    /// <summary>LML 18.3: registered after the month ran out (or, when <paramref name="registeredOn"/> is null, not yet and too late on <paramref name="today"/>).</summary>
    [Law("LML 18.3")]
    public static bool IsLateRegistration(WorkingCalendar calendar, DateOnly titleReceivedOn, DateOnly? registeredOn, DateOnly today) =>
        (registeredOn ?? today) > RegisterBy(calendar, titleReceivedOn).Due;

    /// <summary>
    /// SL 30.2: "Bələdiyyələr hüquqi və fiziki şəxslərin yerli vergilər və ödənişlərlə bağlı borcları barədə onların yazılı
    /// müraciəti əsasında, 1 iş günü müddətində arayış verirlər." — the certificate of debts within 1 working day.
    /// </summary>
    [Law("SL 30.2")]
    public static Deadline CertificateDue(WorkingCalendar calendar, DateOnly requestedOn) => calendar.AddWorkingDays(requestedOn, 1);

    /// <summary>
    /// The due day of an adjustment made after the original assessment: the instalment's own day if it is still ahead,
    /// otherwise 30 days after the revised notice (choice, documented: a person is never in arrears on an amount they
    /// could not have known).
    /// </summary>
    public static DateOnly AdjustmentDue(DateOnly instalmentDue, DateOnly revisedOn) =>
        instalmentDue >= revisedOn.AddDays(30) ? instalmentDue : revisedOn.AddDays(30);
}
