using OpenBams.Law;

namespace OpenBams.Platform.Calendar;

/// <summary>A public holiday or a transfer of a rest/working day, editable by an administrator.</summary>
public sealed class CalendarDayRecord
{
    public int Id { get; set; }
    public DateOnly Date { get; set; }
    public CalendarDayKind Kind { get; set; }
    public required string NameAz { get; set; }
    public required string NameEn { get; set; }
    public bool FromSeeds { get; set; }
    public string? Source { get; set; }
    public long Version { get; set; }
}
