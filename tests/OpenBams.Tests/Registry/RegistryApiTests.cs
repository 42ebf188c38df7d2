using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OpenBams.Platform.Search;
using OpenBams.Registry;
using OpenBams.Testing;

namespace OpenBams.Tests.Registry;

/// <summary>
/// The public register over real HTTP: the official list is loaded, the spelling-tolerant search, filters,
/// paging, errors and a 2004 formation's history. Nothing in this class changes the database, so every test
/// may rely on the list exactly as imported.
/// </summary>
public abstract class RegistryApiTests(AppFixture fixture)
{
    private TestApp App => fixture.App;

    [Fact]
    public async Task The_official_list_is_loaded_with_all_2718_municipalities_in_65_regions()
    {
        var client = App.Client();
        var r = await client.GetAsync("/api/v1/municipalities");
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        using var doc = JsonDocument.Parse(await r.Content.ReadAsStringAsync());
        var root = doc.RootElement;
        // The documented shape: {items, total, page, pageSize, pages}.
        Assert.Equal(RegistryHttp.OfficialListCount, root.GetProperty("total").GetInt32());
        Assert.Equal(1, root.GetProperty("page").GetInt32());
        Assert.Equal(50, root.GetProperty("pageSize").GetInt32());
        Assert.Equal((RegistryHttp.OfficialListCount + 49) / 50, root.GetProperty("pages").GetInt32());
        Assert.Equal(50, root.GetProperty("items").GetArrayLength());

        var regions = await client.RegionsAsync();
        Assert.Equal(RegistryHttp.RegionCount, regions.Count);
        Assert.Contains(regions, x => x.Name == "Bakı şəhəri" && x.Districts.Any(d => d.Name == "Binəqədi rayonu"));
        Assert.Equal(RegistryHttp.OfficialListCount, await App.WithDbAsync(db => db.Municipalities.CountAsync()));
    }

    [Theory]
    [InlineData("Bilecari", "Biləcəri bələdiyyəsi")]
    [InlineData("Biləcəri", "Biləcəri bələdiyyəsi")]
    [InlineData("bilecari", "Biləcəri bələdiyyəsi")]
    [InlineData("Sheki", "Şəki bələdiyyəsi")]
    [InlineData("Şəki", "Şəki bələdiyyəsi")]
    [InlineData("Shaki", "Şəki bələdiyyəsi")]
    [InlineData("Gabala", "Qəbələ bələdiyyəsi")]
    [InlineData("Jalilabad", "Cəlilabad bələdiyyəsi")]
    public async Task Search_finds_the_Azerbaijani_name_from_its_ASCII_spelling_and_ranks_it_first(string q, string expected)
    {
        var page = await App.Client().ListAsync($"q={Uri.EscapeDataString(q)}");
        Assert.True(page.Total > 0, $"'{q}' found nothing");
        Assert.Equal(expected, page.Items[0].Name);
    }

    [Theory]
    [InlineData("Suduroba bələdiyyəsi", "Suduroba bələdiyyəsi")]
    [InlineData("Sheki belediyyesi", "Şəki bələdiyyəsi")]
    [InlineData("Biləcəri bələdiyyə", "Biləcəri bələdiyyəsi")]
    public async Task Search_by_the_full_name_as_the_register_shows_it_finds_the_municipality(string q, string expected)
    {
        // The register displays "X bələdiyyəsi"; a user who copies that name must find X.
        var page = await App.Client().ListAsync($"q={Uri.EscapeDataString(q)}");
        Assert.True(page.Total > 0, $"'{q}' found nothing");
        Assert.Equal(expected, page.Items[0].Name);
    }

    [Theory]
    [InlineData("Qəbələ")]
    [InlineData("Gabala")]
    [InlineData("Şəki")]
    [InlineData("bil")]
    public async Task Names_that_start_with_the_query_rank_before_names_that_only_contain_it(string q)
    {
        var page = await App.Client().ListAsync($"q={Uri.EscapeDataString(q)}&pageSize=500");
        Assert.True(page.Total <= 500, "the whole result must fit one page for this test");
        var key = SpellingFold.Fold(q);
        var starts = page.Items.Select(m => SpellingFold.Fold(RegisterEdits.BaseName(m.Name)).StartsWith(key, StringComparison.Ordinal)).ToList();
        Assert.Contains(true, starts);
        // Once a name that merely contains the query appears, no name starting with it may follow.
        var firstContains = starts.IndexOf(false);
        if (firstContains >= 0)
            Assert.DoesNotContain(true, starts.Skip(firstContains));
        // Every hit really contains the query, in the folded spelling.
        Assert.All(page.Items, m => Assert.Contains(key, SpellingFold.Fold(m.Name)));
    }

    [Fact]
    public async Task A_query_that_contains_the_name_in_the_middle_finds_it_after_the_prefix_hits()
    {
        // "Çuxur Qəbələ" contains "Qəbələ" but does not start with it: it comes after "Qəbələ" itself.
        var page = await App.Client().ListAsync("q=Gabala&pageSize=500");
        var names = page.Items.Select(m => m.Name).ToList();
        Assert.Contains("Çuxur Qəbələ bələdiyyəsi", names);
        Assert.True(names.IndexOf("Qəbələ bələdiyyəsi") < names.IndexOf("Çuxur Qəbələ bələdiyyəsi"));
    }

    [Fact]
    public async Task Filter_by_region_narrows_the_total_to_the_database_count()
    {
        var client = App.Client();
        var regionId = await client.RegionIdAsync("Qusar rayonu");
        var expected = await App.WithDbAsync(db => db.Municipalities.CountAsync(m => m.RegionId == regionId));
        Assert.Equal(70, expected);
        var page = await client.ListAsync($"regionId={regionId}&pageSize=500");
        Assert.Equal(expected, page.Total);
        Assert.Equal(expected, page.Items.Count);
        Assert.All(page.Items, m => Assert.Equal(regionId, m.RegionId));
        Assert.All(page.Items, m => Assert.Equal("Qusar rayonu", m.Region));
    }

    [Fact]
    public async Task Filter_by_city_district_narrows_the_total_to_the_database_count()
    {
        var client = App.Client();
        var baku = (await client.RegionsAsync()).Single(r => r.Name == "Bakı şəhəri");
        var districtId = baku.Districts.Single(d => d.Name == "Binəqədi rayonu").Id;
        var expected = await App.WithDbAsync(db => db.Municipalities.CountAsync(m => m.DistrictId == districtId));
        Assert.Equal(5, expected);
        var page = await client.ListAsync($"districtId={districtId}");
        Assert.Equal(expected, page.Total);
        Assert.All(page.Items, m => Assert.Equal(districtId, m.DistrictId));
        Assert.Contains(page.Items, m => m.Name == "Biləcəri bələdiyyəsi");
    }

    [Theory]
    [InlineData(MunicipalityKind.City, 46)]
    [InlineData(MunicipalityKind.Settlement, 140)]
    [InlineData(MunicipalityKind.Village, 1842)]
    [InlineData(MunicipalityKind.Unknown, 690)]
    public async Task Filter_by_kind_narrows_the_total_to_the_database_count(MunicipalityKind kind, int inTheList)
    {
        var expected = await App.WithDbAsync(db => db.Municipalities.CountAsync(m => m.Kind == kind));
        Assert.Equal(inTheList, expected);
        var page = await App.Client().ListAsync($"kind={kind}&pageSize=100");
        Assert.Equal(expected, page.Total);
        Assert.All(page.Items, m => Assert.Equal(kind, m.Kind));
    }

    [Fact]
    public async Task Filters_combine_with_each_other_and_with_the_search()
    {
        var client = App.Client();
        var regionId = await client.RegionIdAsync("Qusar rayonu");
        var villages = await App.WithDbAsync(db => db.Municipalities.CountAsync(m => m.RegionId == regionId && m.Kind == MunicipalityKind.Village));
        var page = await client.ListAsync($"regionId={regionId}&kind=Village&pageSize=500");
        Assert.Equal(villages, page.Total);
        Assert.True(villages is > 0 and < 70);

        var searched = await client.ListAsync($"q=Suduroba&regionId={regionId}&kind=Village");
        Assert.Equal("Suduroba bələdiyyəsi", Assert.Single(searched.Items).Name);
        var elsewhere = await client.ListAsync($"q=Suduroba&regionId={await client.RegionIdAsync("Şəki rayonu")}");
        Assert.Equal(0, elsewhere.Total);
        Assert.Empty(elsewhere.Items);
    }

    [Fact]
    public async Task Page_2_of_10_holds_items_11_to_20_of_the_same_ordering_and_the_total_stays()
    {
        var client = App.Client();
        var first20 = await client.ListAsync("pageSize=20");
        var page2 = await client.ListAsync("page=2&pageSize=10");
        Assert.Equal(first20.Total, page2.Total);
        Assert.Equal(RegistryHttp.OfficialListCount, page2.Total);
        Assert.Equal(2, page2.Page);
        Assert.Equal(10, page2.PageSize);
        Assert.Equal(first20.Items.Skip(10).Select(m => m.Id), page2.Items.Select(m => m.Id));

        // The same with a search and a filter.
        var s20 = await client.ListAsync("q=kend&pageSize=20");
        var s2 = await client.ListAsync("q=kend&page=2&pageSize=10");
        Assert.True(s20.Total > 20);
        Assert.Equal(s20.Total, s2.Total);
        Assert.Equal(s20.Items.Skip(10).Select(m => m.Id), s2.Items.Select(m => m.Id));

        // Walking every page of a filter visits each municipality exactly once.
        var regionId = await client.RegionIdAsync("Qusar rayonu");
        var seen = new List<int>();
        for (var p = 1; p <= 8; p++)
            seen.AddRange((await client.ListAsync($"regionId={regionId}&page={p}&pageSize=10")).Items.Select(m => m.Id));
        Assert.Equal(70, seen.Count);
        Assert.Equal(70, seen.Distinct().Count());
    }

    [Fact]
    public async Task The_register_page_shows_the_page_its_link_asks_for()
    {
        // "page" is also the Razor Pages route value: the query's page number must still win.
        var client = App.Client();
        var parser = new AngleSharp.Html.Parser.HtmlParser();
        var api = await client.ListAsync("kind=Settlement&page=2");
        var html = parser.ParseDocument(await client.GetStringAsync("/Register?kind=Settlement&page=2"));
        Assert.Contains("Səhifə 2 / 3", html.QuerySelector(".pager")!.TextContent);
        var ids = html.QuerySelectorAll("#register tbody tr td:first-child a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(api.Items.Select(m => $"/Register/{m.Id}"), ids);
        Assert.Equal("/Register?kind=Settlement&page=3", html.QuerySelector("#next")!.GetAttribute("href"));
        Assert.Equal("/Register?kind=Settlement&page=1", html.QuerySelector("#prev")!.GetAttribute("href"));
    }

    [Fact]
    public async Task An_invalid_kind_is_a_400_problem_naming_kind()
    {
        var r = await App.Client().GetAsync("/api/v1/municipalities?kind=castle&lang=en");
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        var problem = await r.ProblemAsync();
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        Assert.Equal("kind", problem.GetProperty("field").GetString());
        Assert.Contains("kind", problem.ErrorFields());
    }

    [Fact]
    public async Task An_unknown_municipality_is_a_404_problem()
    {
        var r = await App.Client().GetAsync("/api/v1/municipalities/99999999");
        Assert.Equal(HttpStatusCode.NotFound, r.StatusCode);
        var problem = await r.ProblemAsync();
        Assert.Equal(404, problem.GetProperty("status").GetInt32());
        Assert.Equal(HttpStatusCode.NotFound, (await App.Client().GetAsync("/Register/99999999")).StatusCode);
    }

    [Fact]
    public async Task Detail_without_population_says_the_council_size_cannot_be_computed()
    {
        var client = App.Client();
        var id = await client.IdOfAsync("Biləcəri bələdiyyəsi", "Bakı şəhəri");
        var d = await client.DetailAsync(id, "en");
        Assert.Equal("Biləcəri bələdiyyəsi", d.Name);
        Assert.Equal("Biləcori bələdiyyəsi", d.NameAsPrinted);
        Assert.Equal(MunicipalityKind.Settlement, d.Kind);
        Assert.Equal("Binəqədi rayonu", d.District);
        Assert.Null(d.Population);
        Assert.Null(d.CouncilSize.Seats);
        Assert.Equal("Unknown", d.CouncilSize.Source);
        Assert.Contains("Population not recorded", d.CouncilSize.Explanation);
        Assert.Null(d.PermanentMembers.Max);
        Assert.Equal("SL 15.2-4", d.PermanentMembers.Reference);
        Assert.Contains("Biləcori", d.DataNotes);
    }

    [Fact]
    public async Task A_municipality_formed_in_2004_shows_its_separation_and_the_parent_shows_the_territory_it_gave()
    {
        var client = App.Client();
        var id = await client.IdOfAsync("Suduroba bələdiyyəsi", "Qusar rayonu");
        var d = await client.DetailAsync(id);
        var inForce = new DateOnly(2005, 1, 4);
        Assert.Equal(inForce, d.EstablishedOn);
        var formed = Assert.Single(d.History);
        Assert.Equal(MunicipalityEventKind.SeparatedFrom, formed.Kind);
        Assert.Equal(inForce, formed.On);
        Assert.Equal(new DateOnly(2004, 12, 7), formed.ActDate);
        Assert.Contains("Suduroba və Laza bələdiyyələrinin təşkil edilməsi", formed.ActTitle);
        Assert.NotNull(formed.OtherMunicipalityId);
        // The law spells the parent İmamqulukənd; the printed list has it as İmamqulukönd (OCR): same folded name.
        Assert.StartsWith(SpellingFold.Fold("İmamqulukənd"), SpellingFold.Fold(formed.OtherMunicipalityName));

        var parent = await client.DetailAsync(formed.OtherMunicipalityId!.Value);
        Assert.Equal("Qusar rayonu", parent.Region);
        var gave = Assert.Single(parent.History, h => h.Kind == MunicipalityEventKind.GaveTerritoryTo);
        Assert.Equal(id, gave.OtherMunicipalityId);
        Assert.Equal("Suduroba bələdiyyəsi", gave.OtherMunicipalityName);
        Assert.Equal(inForce, gave.On);
        Assert.Equal(formed.ActTitle, gave.ActTitle);

        // The page shows the same history with the date as dd.MM.yyyy and a link to the parent.
        var html = await client.GetStringAsync($"/Register/{id}");
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);
        var history = page.QuerySelector("#history")!;
        Assert.Contains("04.01.2005", history.TextContent);
        Assert.NotNull(history.QuerySelector($"a[href='/Register/{parent.Id}']"));
    }

    [Fact]
    public async Task The_CSV_export_is_UTF8_with_BOM_a_header_and_the_same_rows_as_the_API()
    {
        var client = App.Client();
        var regionId = await client.RegionIdAsync("Qusar rayonu");
        var total = (await client.ListAsync($"regionId={regionId}")).Total;

        var r = await client.GetAsync($"/api/v1/municipalities/export.csv?regionId={regionId}");
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.Equal("text/csv", r.Content.Headers.ContentType?.MediaType);
        Assert.Contains("municipalities.csv", r.Content.Headers.ContentDisposition?.ToString());
        var bytes = await r.Content.ReadAsByteArrayAsync();
        Assert.True(bytes.Length > 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF, "UTF-8 byte order mark");
        var text = new System.Text.UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes, 3, bytes.Length - 3);

        var rows = RegistryHttp.ParseCsv(text);
        var header = rows[0];
        Assert.Equal("id", header[0]);
        Assert.Equal("Ad", header[1]);
        Assert.Equal(11, header.Length);
        Assert.Equal(total, rows.Count - 1);
        Assert.All(rows, row => Assert.Equal(header.Length, row.Length));
        Assert.All(rows.Skip(1), row => Assert.Equal("Qusar rayonu", row[4]));

        // Azerbaijani letters intact, and a field holding commas quoted.
        Assert.Contains(rows, row => row[1] == "Suduroba bələdiyyəsi" && row[7] == "Suduroba kəndi");
        const string commas = "Sudur, Quxur və Yergi kek kəndləri";
        Assert.Contains(rows, row => row[1] == "Sudur bələdiyyəsi" && row[7] == commas);
        Assert.Contains($",\"{commas}\",", text);
    }

    [Fact]
    public async Task The_CSV_export_of_the_whole_register_and_of_a_search_has_the_API_totals()
    {
        var client = App.Client();
        var all = RegistryHttp.ParseCsv((await client.GetStringAsync("/api/v1/municipalities/export.csv")).TrimStart('\uFEFF'));
        Assert.Equal(RegistryHttp.OfficialListCount, all.Count - 1);
        Assert.Equal(RegistryHttp.OfficialListCount, all.Skip(1).Select(r => r[0]).Distinct().Count());

        var total = (await client.ListAsync("q=Sheki")).Total;
        var searched = RegistryHttp.ParseCsv((await client.GetStringAsync("/api/v1/municipalities/export.csv?q=Sheki")).TrimStart('\uFEFF'));
        Assert.Equal(total, searched.Count - 1);
        Assert.Equal("Şəki bələdiyyəsi", searched[1][1]);
    }

    [Fact]
    public async Task The_XLSX_export_has_a_header_row_and_one_row_per_filtered_municipality()
    {
        var client = App.Client();
        var total = (await client.ListAsync("kind=Settlement")).Total;
        var r = await client.GetAsync("/api/v1/municipalities/export.xlsx?kind=Settlement");
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", r.Content.Headers.ContentType?.MediaType);
        var bytes = await r.Content.ReadAsByteArrayAsync();

        using var stream = new MemoryStream(bytes);
        using var doc = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(stream, false);
        var wb = doc.WorkbookPart!;
        var sheet = wb.Workbook.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().First();
        var ws = (DocumentFormat.OpenXml.Packaging.WorksheetPart)wb.GetPartById(sheet.Id!);
        var rows = ws.Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Row>()
            .Select(row => row.Elements<DocumentFormat.OpenXml.Spreadsheet.Cell>().Select(c => c.InnerText).ToList()).ToList();

        Assert.Equal(1 + total, rows.Count);
        Assert.Equal(140, total);
        Assert.Equal("id", rows[0][0]);
        Assert.Equal("Ad", rows[0][1]);
        Assert.Contains(rows, row => row[1] == "Biləcəri bələdiyyəsi");
        Assert.All(rows.Skip(1), row => Assert.Equal("qəsəbə", row[2]));
        Assert.All(rows.Skip(1), row => Assert.True(int.TryParse(row[0], out _), $"id cell '{row[0]}' is a number"));
    }

    [Fact]
    public async Task Statistics_show_the_election_years_of_seed_000_and_the_whole_list_active()
    {
        var s = await App.Client().StatisticsAsync();
        var years = s.ByElectionYear.ToDictionary(y => y.Year, y => y.Municipalities);
        Assert.Equal(new Dictionary<int, int> { [1999] = 2667, [2004] = 2731, [2009] = 1717, [2014] = 1607, [2019] = 1606 }, years);
        Assert.Equal(20454, s.ByElectionYear.Single(y => y.Year == 1999).Members);
        Assert.Equal(RegistryHttp.OfficialListCount, s.Active);
        Assert.Equal(0, s.Merged);
        Assert.Equal(0, s.Dissolved);
        Assert.Equal(RegistryHttp.OfficialListCount, s.ActiveByKind.Sum(k => k.Count));
        Assert.Equal(RegistryHttp.RegionCount, s.ActiveByRegion.Count);
        Assert.Equal(70, s.ActiveByRegion.Single(x => x.Region == "Qusar rayonu").Count);
        Assert.Empty(s.RecordedChangesByYear);
    }
}

public sealed class RegistryApiTests_Sqlite(SqliteFixture f) : RegistryApiTests(f), IClassFixture<SqliteFixture>;
public sealed class RegistryApiTests_Postgres(PostgresFixture f) : RegistryApiTests(f), IClassFixture<PostgresFixture>;
