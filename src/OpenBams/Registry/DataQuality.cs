using Microsoft.EntityFrameworkCore;
using OpenBams.Platform.Data;

namespace OpenBams.Registry;

/// <summary>The known defects of the 2005 list (digest-C §4), kept visible to administrators instead of hidden.</summary>
public enum DataDefect { NoTerritoryPrinted, KindUnknown, NumberCorrected, NumberMissing, NameCorrected, ParserNote }

public sealed record DataQualityRow(int Id, string Name, string NameAsPrinted, string Region, string? District, int? ListNumber,
    string? ListNumberPrinted, IReadOnlyList<DataDefect> Defects, string? Notes, string? SourceLines);

public sealed record DataQualitySummary(IReadOnlyDictionary<DataDefect, int> Counts, Paged<DataQualityRow> Rows);

public static class DataQuality
{
    public static IQueryable<Municipality> Having(IQueryable<Municipality> q, DataDefect? d) => d switch
    {
        DataDefect.NoTerritoryPrinted => q.Where(m => m.TerritoryText == null),
        DataDefect.KindUnknown => q.Where(m => m.Kind == MunicipalityKind.Unknown),
        DataDefect.NumberCorrected => q.Where(m => m.ListNumberPrinted != null && m.ListNumber != null && m.ListNumberPrinted != m.ListNumber.ToString()),
        DataDefect.NumberMissing => q.Where(m => m.ImportKey != null && m.ListNumber == null),
        DataDefect.NameCorrected => q.Where(m => m.DataNotes != null && m.DataNotes.Contains("name corrected")),
        DataDefect.ParserNote => q.Where(m => m.DataNotes != null),
        _ => q.Where(m => m.TerritoryText == null || m.Kind == MunicipalityKind.Unknown || m.DataNotes != null || m.ListNumber == null
                          || (m.ListNumberPrinted != null && m.ListNumberPrinted != m.ListNumber.ToString())),
    };

    public static async Task<DataQualitySummary> PageAsync(AppDb db, DataDefect? defect, int page, int pageSize, CancellationToken ct)
    {
        page = Math.Max(1, page);
        pageSize = Math.Clamp(pageSize, 1, 500);
        var all = db.Municipalities.AsNoTracking();
        var counts = new Dictionary<DataDefect, int>();
        foreach (var d in Enum.GetValues<DataDefect>())
            counts[d] = await Having(all, d).CountAsync(ct);
        var filtered = Having(all, defect).OrderBy(m => m.Region!.SortOrder).ThenBy(m => m.DistrictId).ThenBy(m => m.ListNumber).ThenBy(m => m.Id);
        var total = await filtered.CountAsync(ct);
        var rows = await filtered.Skip((page - 1) * pageSize).Take(pageSize)
            .Select(m => new { m.Id, m.Name, m.NameAsPrinted, Region = m.Region!.Name, District = m.District == null ? null : m.District.Name,
                m.ListNumber, m.ListNumberPrinted, m.TerritoryText, m.Kind, m.DataNotes, m.SourceLines, m.ImportKey })
            .ToListAsync(ct);
        var items = rows.Select(r =>
        {
            var defects = new List<DataDefect>();
            if (r.TerritoryText is null) defects.Add(DataDefect.NoTerritoryPrinted);
            if (r.Kind == MunicipalityKind.Unknown) defects.Add(DataDefect.KindUnknown);
            if (r.ListNumberPrinted is not null && r.ListNumber is not null && r.ListNumberPrinted != r.ListNumber.ToString()) defects.Add(DataDefect.NumberCorrected);
            if (r.ImportKey is not null && r.ListNumber is null) defects.Add(DataDefect.NumberMissing);
            if (r.DataNotes?.Contains("name corrected") == true) defects.Add(DataDefect.NameCorrected);
            if (r.DataNotes is not null) defects.Add(DataDefect.ParserNote);
            return new DataQualityRow(r.Id, r.Name, r.NameAsPrinted, r.Region, r.District, r.ListNumber, r.ListNumberPrinted, defects, r.DataNotes, r.SourceLines);
        }).ToList();
        return new DataQualitySummary(counts, new Paged<DataQualityRow>(items, total, page, pageSize));
    }
}
