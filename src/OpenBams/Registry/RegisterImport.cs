using Microsoft.EntityFrameworkCore;
using OpenBams.Platform.Audit;
using OpenBams.Platform.Data;
using OpenBams.Platform.Export;
using OpenBams.Platform.Search;

namespace OpenBams.Registry;

/// <summary>
/// Loads the 2005 official list of municipalities (TLL N 771-IQ, appendix), the 2004 formation laws
/// and the national counts of seed 000. Idempotent: every row has a stable key, existing rows are left
/// alone (an administrator's corrections survive a restart), and the whole import is one transaction.
/// </summary>
public static class RegisterImport
{
    public const string Dataset = "TLL-2005";
    public const string SourceTitle = "Bələdiyyələrin əraziləri və torpaqları haqqında Qanun (N 771-IQ), əlavə: bələdiyyələrin siyahısı (2005)";

    public sealed record Result(int MunicipalitiesAdded, int EventsAdded, int CountsAdded, IReadOnlyList<string> Unmatched);

    public static string DataDirectory()
    {
        var dir = Path.Combine(AppContext.BaseDirectory, "SeedData");
        return Directory.Exists(dir) ? dir : throw new DirectoryNotFoundException($"Seed data not found at {dir}.");
    }

    public static async Task<Result> RunAsync(AppDb db, string dataDir, CancellationToken ct = default)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.SuppressAudit = true;
        try
        {
            var added = await ImportListAsync(db, dataDir, ct);
            var (events, unmatched) = await ImportFormationsAsync(db, dataDir, ct);
            var counts = await ImportCountsAsync(db, dataDir, ct);
            if (added + events + counts > 0)
            {
                // One summary entry instead of thousands of row entries.
                db.AuditLog.Add(new AuditEntry
                {
                    At = DateTime.UtcNow, UserName = "system", Entity = "DataImport", EntityId = Dataset, Action = "import",
                    After = $"{{\"municipalities\":{added},\"historyEvents\":{events},\"nationalCounts\":{counts}}}",
                    Reason = SourceTitle,
                });
                await db.SaveChangesAsync(ct);
            }
            await tx.CommitAsync(ct);
            return new Result(added, events, counts, unmatched);
        }
        finally
        {
            db.SuppressAudit = false;
        }
    }

    private static async Task<int> ImportListAsync(AppDb db, string dataDir, CancellationToken ct)
    {
        var rows = Csv.ReadWithHeader(Path.Combine(dataDir, "municipalities-2005.csv")).ToList();
        var corrections = Csv.ReadWithHeader(Path.Combine(dataDir, "municipality-name-corrections.csv"))
            .ToDictionary(c => (c["region"], c["subregion"], c["seq"], c["printed"]), c => (c["corrected"], c["reason"]));

        var regions = await db.Regions.ToDictionaryAsync(r => r.Name, ct);
        var order = regions.Count;
        foreach (var r in rows)
        {
            if (regions.ContainsKey(r["region"])) continue;
            var region = new Region
            {
                Name = r["region"],
                NameAsPrinted = NullIfEmpty(r["region_as_written"]?.Split(" / ")[0]),
                InNakhchivan = r["parent"] == "Naxçıvan Muxtar Respublikası",
                SortOrder = ++order,
            };
            regions[region.Name] = region;
            db.Regions.Add(region);
        }
        await db.SaveChangesAsync(ct);

        var districts = await db.Districts.ToDictionaryAsync(d => (d.RegionId, d.Name), ct);
        foreach (var r in rows.Where(r => r["subregion"].Length > 0))
        {
            var key = (regions[r["region"]].Id, r["subregion"]);
            if (districts.ContainsKey(key)) continue;
            var d = new District { RegionId = key.Id, Name = r["subregion"] };
            districts[key] = d;
            db.Districts.Add(d);
        }
        await db.SaveChangesAsync(ct);

        var existing = (await db.Municipalities.IgnoreQueryFilters().Where(m => m.ImportKey != null)
            .Select(m => m.ImportKey!).ToListAsync(ct)).ToHashSet();
        var added = 0;
        foreach (var r in rows)
        {
            var key = $"{Dataset}:{r["region"]}|{r["subregion"]}|{r["seq"]}|{r["name_base"]}";
            if (!existing.Add(key)) continue;
            var printedBase = r["name_base"];
            var notes = new List<string>();
            var baseName = printedBase;
            if (corrections.TryGetValue((r["region"], r["subregion"], r["seq"], printedBase), out var fix))
            {
                baseName = fix.Item1;
                notes.Add($"Ad düzəldildi / name corrected: {printedBase} → {baseName} ({fix.Item2})");
            }
            if (r["note"].Length > 0) notes.Add(r["note"]);
            var region = regions[r["region"]];
            var m = new Municipality
            {
                Name = baseName + " bələdiyyəsi",
                NameAsPrinted = r["name"],
                SearchKey = SearchKeyFor(baseName, printedBase),
                Kind = r["kind"] switch
                {
                    "city" => MunicipalityKind.City,
                    "settlement" => MunicipalityKind.Settlement,
                    "village" => MunicipalityKind.Village,
                    _ => MunicipalityKind.Unknown,
                },
                KindBasis = NullIfEmpty(r["kind_basis"]),
                Status = MunicipalityStatus.Active,
                RegionId = region.Id,
                DistrictId = r["subregion"].Length > 0 ? districts[(region.Id, r["subregion"])].Id : null,
                ListNumber = int.TryParse(r["seq"], out var seq) ? seq : null,
                ListNumberPrinted = NullIfEmpty(r["seq_printed"]),
                TerritoryText = NullIfEmpty(r["territory"]),
                Source = SourceTitle,
                SourceLines = "002:" + r["source_lines"],
                DataNotes = notes.Count > 0 ? string.Join("\n", notes) : null,
                ImportKey = key,
            };
            foreach (var (name, kind) in TerritoryText.Parse(r["territory"]))
                m.TerritorialUnits.Add(new TerritorialUnit { Name = name == printedBase ? baseName : name, Kind = kind });
            db.Municipalities.Add(m);
            added++;
        }
        await db.SaveChangesAsync(ct);
        return added;
    }

    /// <summary>The 69 municipalities formed in 2004 by separation (digest-F appendix B): history on both sides.</summary>
    private static async Task<(int, List<string>)> ImportFormationsAsync(AppDb db, string dataDir, CancellationToken ct)
    {
        var all = await db.Municipalities.Include(m => m.Region).Include(m => m.District)
            .Select(m => new { m.Id, m.Name, m.SearchKey, Region = m.Region!.Name, District = m.District == null ? "" : m.District.Name })
            .ToListAsync(ct);
        // The import runs in one transaction, so the formations are either all recorded or none are.
        if (await db.MunicipalityEvents.AnyAsync(e => e.RecordedBy == "system", ct)) return (0, []);
        // The formation laws and the printed list spell some names differently (Anaqut / Anaqt,
        // Məşədi Həsən / Məşdi Həsən). Exact folded match first, else the unique nearest name in the
        // same district within a small edit distance; the note of the event says when it was fuzzy.
        (int Id, string? Fuzzy)? Find(string region, string district, string name)
        {
            var key = SpellingFold.Fold(name);
            var candidates = all.Where(m => m.Region == region && (district.Length == 0 || m.District == district))
                .Select(m => (m.Id, m.Name, Key: SpellingFold.Fold(RegisterEdits.BaseName(m.Name)))).ToList();
            var exact = candidates.FirstOrDefault(c => c.Key == key);
            if (exact.Name is not null) return (exact.Id, null);
            var scored = candidates.Select(c => (c, d: Distance(c.Key, key))).OrderBy(x => x.d).Take(2).ToList();
            if (scored.Count == 0) return null;
            var best = scored[0];
            var unique = scored.Count == 1 || scored[1].d > best.d;
            var close = best.d <= Math.Max(1, key.Length * 3 / 10) || key.StartsWith(best.c.Key + " ", StringComparison.Ordinal);
            return unique && close ? (best.c.Id, best.c.Name) : null;
        }
        var added = 0;
        var unmatched = new List<string>();
        foreach (var f in Csv.ReadWithHeader(Path.Combine(dataDir, "municipalities-formed-2004.csv")))
        {
            var found = Find(f["region"], f["subregion"], f["name"]);
            var parent = f["parent"].Length > 0 ? Find(f["region"], "", f["parent"]) : null;
            int? parentId = parent?.Id;
            if (found is null)
            {
                unmatched.Add($"{f["region"]}: {f["name"]}");
                // Still show the separation on the parent's history: the law formed it even if the print lost it.
                if (parentId is null) continue;
                db.MunicipalityEvents.Add(new MunicipalityEvent
                {
                    MunicipalityId = parentId.Value, Kind = MunicipalityEventKind.GaveTerritoryTo, On = DateOnly.Parse(f["in_force"]),
                    OtherMunicipalityName = f["name"] + " bələdiyyəsi", ActTitle = f["act"], ActDate = DateOnly.Parse(f["act_date"]),
                    Note = $"Ərazi vahidləri / territorial units: {f["units"]}\n2005-ci il siyahısında tapılmadı / not found in the 2005 printed list",
                    RecordedAt = DateTime.UtcNow, RecordedBy = "system",
                });
                added++;
                continue;
            }
            int? id = found.Value.Id;
            var parentName = f["parent"].Length > 0 ? (parentId is null ? f["parent"] : all.First(m => m.Id == parentId).Name) : null;
            var on = DateOnly.Parse(f["in_force"]);
            var actDate = DateOnly.Parse(f["act_date"]);
            var note = $"Ərazi vahidləri / territorial units: {f["units"]}";
            if (found.Value.Fuzzy is not null)
                note += $"\nQanunda \"{f["name"]}\" kimi yazılıb; siyahıda \"{found.Value.Fuzzy}\" / spelled \"{f["name"]}\" in the law, matched to the list row \"{found.Value.Fuzzy}\"";
            db.MunicipalityEvents.Add(new MunicipalityEvent
            {
                MunicipalityId = id.Value,
                Kind = parentName is null ? MunicipalityEventKind.Created : MunicipalityEventKind.SeparatedFrom,
                On = on, OtherMunicipalityId = parentId, OtherMunicipalityName = parentName,
                ActTitle = f["act"], ActDate = actDate, Note = note, RecordedAt = DateTime.UtcNow, RecordedBy = "system",
            });
            added++;
            if (parentId is not null)
            {
                db.MunicipalityEvents.Add(new MunicipalityEvent
                {
                    MunicipalityId = parentId.Value, Kind = MunicipalityEventKind.GaveTerritoryTo, On = on,
                    OtherMunicipalityId = id, OtherMunicipalityName = all.First(m => m.Id == id).Name,
                    ActTitle = f["act"], ActDate = actDate, Note = note, RecordedAt = DateTime.UtcNow, RecordedBy = "system",
                });
                added++;
            }
            var m = await db.Municipalities.FindAsync([id.Value], ct);
            m!.EstablishedOn ??= on;
        }
        await db.SaveChangesAsync(ct);
        return (added, unmatched);
    }

    private static async Task<int> ImportCountsAsync(AppDb db, string dataDir, CancellationToken ct)
    {
        var existing = (await db.NationalCounts.Select(n => n.Year).ToListAsync(ct)).ToHashSet();
        var added = 0;
        foreach (var r in Csv.ReadWithHeader(Path.Combine(dataDir, "national-counts.csv")))
        {
            var year = int.Parse(r["year"]);
            if (!existing.Add(year)) continue;
            db.NationalCounts.Add(new NationalCount
            {
                Year = year, Municipalities = int.Parse(r["municipalities"]),
                Members = int.TryParse(r["members"], out var mem) ? mem : null, Source = r["source"],
            });
            added++;
        }
        await db.SaveChangesAsync(ct);
        return added;
    }

    private static int Distance(string a, string b)
    {
        var d = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) d[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            var prev = d[0];
            d[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var tmp = d[j];
                d[j] = Math.Min(Math.Min(d[j] + 1, d[j - 1] + 1), prev + (a[i - 1] == b[j - 1] ? 0 : 1));
                prev = tmp;
            }
        }
        return d[b.Length];
    }

    public static string SearchKeyFor(string name, string? printedName = null)
    {
        var key = SpellingFold.Fold(name);
        var printed = SpellingFold.Fold(printedName);
        return printed.Length == 0 || printed == key ? key : key + " " + printed;
    }

    private static string? NullIfEmpty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;
}
