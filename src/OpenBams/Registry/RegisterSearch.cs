using Microsoft.EntityFrameworkCore;
using OpenBams.Law;
using OpenBams.Platform.Data;
using OpenBams.Platform.Search;

namespace OpenBams.Registry;

/// <summary>What a user asks of the register list: one shape for the page, the API, the exports and the benchmark.</summary>
public sealed record RegisterQuery(string? Q = null, int? RegionId = null, int? DistrictId = null,
    MunicipalityKind? Kind = null, MunicipalityStatus? Status = null, int Page = 1, int PageSize = 50)
{
    public const int MaxPageSize = 500;
    public int SafePage => Math.Max(1, Page);
    public int SafePageSize => Math.Clamp(PageSize, 1, MaxPageSize);
}

public sealed record MunicipalityRow(int Id, string Name, MunicipalityKind Kind, MunicipalityStatus Status,
    int RegionId, string Region, int? DistrictId, string? District, int? ListNumber, string? TerritoryText,
    int? Population, int? CouncilSize, int? PermanentMembersMax);

public sealed record Paged<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

public static class RegisterSearch
{
    /// <summary>
    /// Filters and orders the register. The name search runs on the folded SearchKey column with LIKE,
    /// so it is index-friendly for prefixes and identical on SQLite and PostgreSQL; names that start
    /// with the query rank first.
    /// </summary>
    public static IQueryable<Municipality> Apply(IQueryable<Municipality> source, RegisterQuery q)
    {
        var query = source;
        if (q.RegionId is { } r) query = query.Where(m => m.RegionId == r);
        if (q.DistrictId is { } d) query = query.Where(m => m.DistrictId == d);
        if (q.Kind is { } k) query = query.Where(m => m.Kind == k);
        if (q.Status is { } s) query = query.Where(m => m.Status == s);
        var key = NameKey(q.Q);
        if (key.Length > 0)
        {
            var contains = "%" + EscapeLike(key) + "%";
            var prefix = EscapeLike(key) + "%";
            return query.Where(m => EF.Functions.Like(m.SearchKey, contains, "\\"))
                .OrderBy(m => EF.Functions.Like(m.SearchKey, prefix, "\\") ? 0 : 1)
                .ThenBy(m => m.SearchKey).ThenBy(m => m.Id);
        }
        return query.OrderBy(m => m.Region!.SortOrder).ThenBy(m => m.DistrictId).ThenBy(m => m.ListNumber).ThenBy(m => m.Id);
    }

    /// <summary>The folded search key of a typed name; "X bələdiyyəsi" as displayed finds X.</summary>
    public static string NameKey(string? q) => System.Text.RegularExpressions.Regex.Replace(SpellingFold.Fold(q), @"(^| )belediye(si)?$", "").Trim();

    public static async Task<Paged<MunicipalityRow>> PageAsync(AppDb db, RegisterQuery q, CancellationToken ct = default)
    {
        var filtered = Apply(db.Municipalities.AsNoTracking(), q);
        var total = await filtered.CountAsync(ct);
        var items = await Rows(filtered.Skip((q.SafePage - 1) * q.SafePageSize).Take(q.SafePageSize)).ToListAsync(ct);
        return new Paged<MunicipalityRow>(items.Select(Complete).ToList(), total, q.SafePage, q.SafePageSize);
    }

    public static IAsyncEnumerable<MunicipalityRow> StreamAsync(AppDb db, RegisterQuery q) =>
        Rows(Apply(db.Municipalities.AsNoTracking(), q)).AsAsyncEnumerable().Select(Complete);

    private static IQueryable<MunicipalityRow> Rows(IQueryable<Municipality> q) =>
        q.Select(m => new MunicipalityRow(m.Id, m.Name, m.Kind, m.Status, m.RegionId, m.Region!.Name, m.DistrictId,
            m.District == null ? null : m.District.Name, m.ListNumber, m.TerritoryText, m.Population,
            m.CouncilSizeOverride, null));

    /// <summary>Council size and the permanent-member cap are law, computed here rather than stored (EC 210.2, SL 15.2-4).</summary>
    private static MunicipalityRow Complete(MunicipalityRow r)
    {
        // The projection carries the administrator's override in CouncilSize; it was validated when saved.
        var size = r.CouncilSize ?? (r.Population is { } p ? Law.CouncilSize.ForPopulation(p).Seats : null);
        return r with { CouncilSize = size, PermanentMembersMax = size is null ? null : PermanentMembers.MaxFor(size.Value) };
    }

    private static string EscapeLike(string s) => s.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");
}
