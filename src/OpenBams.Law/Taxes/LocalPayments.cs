namespace OpenBams.Law.Taxes;

/// <summary>The local payments of LTP 9: what a return is computed on and when it is due.</summary>
public static class LocalPayments
{
    /// <summary>LTP 9.1.4: per person per day (night) at the municipal rate, which is at most 1 ŞMV.</summary>
    [Law("LTP 9.1.4")]
    public static Money HotelDue(int guestNights, decimal ratePerGuestNight)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(guestNights);
        return Money.Manat(guestNights * ratePerGuestNight);
    }

    /// <summary>
    /// LTP 11.2: the hotel payment collected from the registered guests is paid to the municipality "by the 5th of the
    /// following month" — the return for a month and its money are due on the 5th of the next month.
    /// </summary>
    [Law("LTP 11.2")]
    public static DateOnly HotelDueOn(int year, int month) => new DateOnly(year, month, 1).AddMonths(1).AddDays(4);

    /// <summary>LTP 9.1.5: per vehicle per day at the municipal rate, which is at most 0.1 ŞMV.</summary>
    [Law("LTP 9.1.5")]
    public static Money ParkingDue(int vehicleDays, decimal ratePerVehicleDay)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(vehicleDays);
        return Money.Manat(vehicleDays * ratePerVehicleDay);
    }

    /// <summary>
    /// LTP 11.3: parking money is paid "within the terms and procedure set by the municipality": the municipality's day of
    /// the following month (1-28).
    /// </summary>
    [Law("LTP 11.3")]
    public static DateOnly ParkingDueOn(int year, int month, int dayOfNextMonth)
    {
        if (dayOfNextMonth is < 1 or > 28) throw new ArgumentOutOfRangeException(nameof(dayOfNextMonth), "Choose a day from 1 to 28.");
        return new DateOnly(year, month, 1).AddMonths(1).AddDays(dayOfNextMonth - 1);
    }

    /// <summary>LTP 9.1.1, 9.1.3: advertising and trade on municipal sites, per m² per month.</summary>
    [Law("LTP 9.1.1")]
    [Law("LTP 9.1.3")]
    public static Money AreaMonthsDue(decimal areaSqm, int months, decimal ratePerSqmMonth)
    {
        if (areaSqm < 0) throw new ArgumentOutOfRangeException(nameof(areaSqm));
        ArgumentOutOfRangeException.ThrowIfNegative(months);
        return Money.Manat(areaSqm * months * ratePerSqmMonth);
    }

    /// <summary>
    /// LTP 3.3(b), 9.2, 3.5; SL 43.2: a voluntary one-time payment finances a targeted project introduced on the result of a
    /// local opinion poll (referendum), and its money may be used only for that project.
    /// </summary>
    /// <exception cref="LegalRuleViolation">No poll result is named.</exception>
    [Law("LTP 3.3")]
    [Law("SL 43.2")]
    public static void RequirePollResult(string? pollReference, DateOnly? pollHeldOn)
    {
        if (string.IsNullOrWhiteSpace(pollReference) || pollHeldOn is null)
            throw new LegalRuleViolation(new(Acts.LTP, "3.3"), "pollReference",
                "Könüllü birdəfəlik ödəniş yalnız yerli rəy sorğusunun nəticəsinə əsasən məqsədli layihə üçün tətbiq edilir: sorğunu göstərin",
                "A voluntary one-time payment is introduced only for a targeted project on the result of a local opinion poll: name the poll");
    }

    /// <summary>LTP 3.5, FL 7.3: money of a voluntary payment is spent only on its project.</summary>
    /// <exception cref="LegalRuleViolation">Spending on anything else, or more than was collected.</exception>
    [Law("LTP 3.5")]
    [Law("FL 7.3")]
    public static void RequireEarmarkedUse(long projectId, long spentOnProjectId, Money collected, Money alreadySpent, Money amount)
    {
        if (projectId != spentOnProjectId)
            throw new LegalRuleViolation(new(Acts.LTP, "3.5"), "projectId",
                "Könüllü birdəfəlik ödənişlərin vəsaiti yalnız təyinatı üzrə istifadə edilə bilər",
                "Money of voluntary one-time payments may be used only for its project");
        if (alreadySpent + amount > collected)
            throw new LegalRuleViolation(new(Acts.LTP, "3.5"), "amount",
                $"Layihə üçün toplanmış vəsaitdən ({collected.Format("az")}) artıq xərclənə bilməz",
                $"No more can be spent than was collected for the project ({collected.Format("en")})");
    }
}

/// <summary>LTP 5.3: the municipality values buildings for the tax "not more often than once in 3-5 years".</summary>
public static class Valuation
{
    /// <summary>
    /// LTP 5.3 ("3-5 ildə bir dəfədən çox olmamaq şərtilə"): the municipality's own interval, 3 to 5 years (choice: a setting
    /// of the municipality, default 3); a new mass valuation before the interval has passed since the last is refused.
    /// </summary>
    /// <exception cref="LegalRuleViolation">Too early, or an interval outside 3-5 years.</exception>
    [Law("LTP 5.3")]
    public static void RequireInterval(DateOnly? lastValuation, DateOnly newValuation, int cycleYears)
    {
        if (cycleYears is < 3 or > 5)
            throw new LegalRuleViolation(new(Acts.LTP, "5.3"), "revaluationCycleYears",
                "Qiymətləndirmə aralığı 3-5 il olmalıdır", "The valuation interval must be 3 to 5 years");
        if (lastValuation is { } last && newValuation < last.AddYears(cycleYears))
            throw new LegalRuleViolation(new(Acts.LTP, "5.3"), "valuedOn",
                $"Əmlak {cycleYears} ildə bir dəfədən çox qiymətləndirilə bilməz: növbəti qiymətləndirmə {last.AddYears(cycleYears):dd.MM.yyyy} tarixindən tez olmamalıdır",
                $"Property may be valued at most once in {cycleYears} years: the next valuation is not before {last.AddYears(cycleYears):dd.MM.yyyy}");
    }
}
