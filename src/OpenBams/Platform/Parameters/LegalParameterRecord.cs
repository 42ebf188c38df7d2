namespace OpenBams.Platform.Parameters;

/// <summary>
/// One effective-dated value of a legal parameter (e.g. ŞMV). Rows are never updated: a new value or a
/// correction is a new row, so the history stays visible.
/// </summary>
public sealed class LegalParameterRecord
{
    public int Id { get; set; }
    public required string Key { get; set; }
    public DateOnly ValidFrom { get; set; }
    public decimal Value { get; set; }
    public string? Citation { get; set; }
    public bool FromSeeds { get; set; }
    public string? Note { get; set; }
    /// <summary>Set when a later row corrects this one (same ValidFrom); superseded rows are not used.</summary>
    public int? SupersededById { get; set; }
    public DateTime RecordedAt { get; set; }
    public string? RecordedBy { get; set; }
}
