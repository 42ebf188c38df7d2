namespace OpenBams.Platform.Audit;

/// <summary>Append-only record of one change to one record: who, when, what, before and after.</summary>
public sealed class AuditEntry : OpenBams.Platform.Tenancy.IMaybeMunicipalityOwned
{
    public long Id { get; set; }
    public DateTime At { get; set; }
    public Guid? UserId { get; set; }
    public string? UserName { get; set; }
    /// <summary>The municipality whose record changed; null for national records.</summary>
    public int? MunicipalityId { get; set; }
    public required string Entity { get; set; }
    public required string EntityId { get; set; }
    public required string Action { get; set; }
    public string? Before { get; set; }
    public string? After { get; set; }
    public string? Reason { get; set; }
}
