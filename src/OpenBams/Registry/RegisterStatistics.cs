using Microsoft.EntityFrameworkCore;
using OpenBams.Platform.Data;

namespace OpenBams.Registry;

public sealed record YearCount(int Year, int Municipalities, int? Members, string Source);
public sealed record KindCount(MunicipalityKind Kind, int Count);
public sealed record RegionCount(int RegionId, string Region, int Count);
public sealed record RegisterStatisticsView(IReadOnlyList<YearCount> ByElectionYear, int Active, int Merged, int Dissolved,
    IReadOnlyList<KindCount> ActiveByKind, IReadOnlyList<RegionCount> ActiveByRegion, IReadOnlyList<YearCount> RecordedChangesByYear);

public static class RegisterStatistics
{
    public static async Task<RegisterStatisticsView> ComputeAsync(AppDb db, CancellationToken ct)
    {
        var years = await db.NationalCounts.AsNoTracking().OrderBy(n => n.Year)
            .Select(n => new YearCount(n.Year, n.Municipalities, n.Members, n.Source)).ToListAsync(ct);
        var byStatus = await db.Municipalities.GroupBy(m => m.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var byKind = await db.Municipalities.Where(m => m.Status == MunicipalityStatus.Active).GroupBy(m => m.Kind)
            .Select(g => new KindCount(g.Key, g.Count())).ToListAsync(ct);
        var byRegion = await db.Municipalities.Where(m => m.Status == MunicipalityStatus.Active)
            .GroupBy(m => new { m.RegionId, m.Region!.Name, m.Region.SortOrder })
            .Select(g => new { g.Key.RegionId, g.Key.Name, g.Key.SortOrder, Count = g.Count() }).ToListAsync(ct);
        // Mergers and dissolutions recorded in the register, per year: how the national count moves
        // between elections (seed 000: 2735 → 1717 in 2009, 1717 → 1606 in 2014).
        var ended = await db.Municipalities.Where(m => m.EndedOn != null).Select(m => m.EndedOn!.Value.Year).ToListAsync(ct);
        var changes = ended.GroupBy(y => y).OrderBy(g => g.Key)
            .Select(g => new YearCount(g.Key, g.Count(), null, "register: municipalities that merged or were dissolved")).ToList();
        int Of(MunicipalityStatus s) => byStatus.FirstOrDefault(x => x.Key == s)?.Count ?? 0;
        return new RegisterStatisticsView(years, Of(MunicipalityStatus.Active), Of(MunicipalityStatus.Merged), Of(MunicipalityStatus.Dissolved),
            byKind.OrderBy(k => k.Kind).ToList(),
            byRegion.OrderBy(r => r.SortOrder).Select(r => new RegionCount(r.RegionId, r.Name, r.Count)).ToList(), changes);
    }
}
