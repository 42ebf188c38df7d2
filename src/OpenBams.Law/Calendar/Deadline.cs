using System.Text;

namespace OpenBams.Law;

/// <summary>
/// A computed deadline that can explain itself. Only <see cref="WorkingCalendar"/> makes these.
/// </summary>
public sealed record Deadline
{
    private readonly DateOnly nominal;
    private readonly SkippedDay? dueNotWorking;

    internal Deadline(DateOnly start, DateOnly due, DeadlineUnit unit, int amount, IReadOnlyList<SkippedDay> skipped,
        DateOnly nominal, SkippedDay? dueNotWorking)
    {
        Start = start;
        Due = due;
        Unit = unit;
        Amount = amount;
        Skipped = skipped;
        this.nominal = nominal;
        this.dueNotWorking = dueNotWorking;
    }

    /// <summary>The day the period runs from (not counted itself).</summary>
    public DateOnly Start { get; }

    /// <summary>The last day of the period.</summary>
    public DateOnly Due { get; }

    /// <summary>Calendar days, working days or months.</summary>
    public DeadlineUnit Unit { get; }

    /// <summary>How many units.</summary>
    public int Amount { get; }

    /// <summary>Non-working days stepped over: while counting working days, or while rolling forward.</summary>
    public IReadOnlyList<SkippedDay> Skipped { get; }

    /// <summary>Whether a calendar-day or month deadline fell on a non-working day and was moved to the next working day.</summary>
    public bool RolledForward => Due != nominal;

    /// <summary>
    /// en: "5 working days after 13.04.2026: 20.04.2026 (skipped 18.04.2026 Saturday, 19.04.2026 Sunday)";
    /// az: "13.04.2026 tarixindən 5 iş günü sonra: 20.04.2026 (nəzərə alınmayan günlər: 18.04.2026 şənbə, 19.04.2026 bazar)".
    /// </summary>
    public string Explain(string lang)
    {
        var az = Language.IsAz(lang);
        var start = Language.Date(Start);
        var due = Language.Date(Due);
        var sb = new StringBuilder();
        if (az)
        {
            var unit = Unit switch { DeadlineUnit.WorkingDays => "iş günü", DeadlineUnit.CalendarDays => "təqvim günü", _ => "ay" };
            sb.Append($"{start} tarixindən {Amount} {unit} sonra: {due}");
        }
        else
        {
            var unit = Unit switch { DeadlineUnit.WorkingDays => "working day", DeadlineUnit.CalendarDays => "calendar day", _ => "month" };
            sb.Append($"{Amount} {unit}{(Amount == 1 ? "" : "s")} after {start}: {due}");
        }

        var notes = new List<string>();
        if (Unit == DeadlineUnit.Months && nominal.Day != Start.Day)
        {
            var month = nominal.ToString("MM.yyyy", System.Globalization.CultureInfo.InvariantCulture);
            notes.Add(az
                ? $"{month} ayında {Start.Day}-{AzOrdinalSuffix(Start.Day)} gün olmadığı üçün ayın son günü götürülür"
                : $"{month} has no day {Start.Day}: the last day of the month is used");
        }
        if (RolledForward)
            notes.Add(az
                ? $"{Language.Date(nominal)} iş günü olmadığı üçün növbəti iş gününə keçirilir"
                : $"{Language.Date(nominal)} is not a working day, so the deadline moves to the next working day");
        if (dueNotWorking is { } d)
            notes.Add(az
                ? $"{due} iş günü deyil ({d.ReasonAz}), lakin müddət keçirilmir"
                : $"{due} is not a working day ({d.ReasonEn}) but the deadline is not moved");
        if (Skipped.Count > 0)
        {
            var list = string.Join(", ", Skipped.Select(s => $"{Language.Date(s.Date)} {(az ? s.ReasonAz : s.ReasonEn)}"));
            notes.Add(az ? $"nəzərə alınmayan günlər: {list}" : $"skipped {list}");
        }
        if (notes.Count > 0) sb.Append(" (").Append(string.Join("; ", notes)).Append(')');
        return sb.ToString();
    }

    // Only days 29–31 can be missing from a month: iyirmi doqquzuncu, otuzuncu, otuz birinci.
    private static string AzOrdinalSuffix(int day) => day switch { 29 or 30 => "cu", _ => "ci" };
}
