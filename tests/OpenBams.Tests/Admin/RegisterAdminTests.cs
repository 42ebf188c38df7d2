using System.Net;
using System.Net.Http.Json;
using OpenBams.Platform.Identity;
using OpenBams.Registry;
using OpenBams.Testing;
using OpenBams.Tests.Registry;
using static OpenBams.Tests.Admin.AdminHttp;

namespace OpenBams.Tests.Admin;

/// <summary>
/// Register administration: the council-size rules of EC 210.2 through the API and the edit page (shared rules of
/// RegisterEdits), mergers and dissolutions through the pages, the data-quality list, and the administration index.
/// Every test works on municipalities of its own (Masallı rayonu, by list order).
/// </summary>
public abstract class RegisterAdminTests(AppFixture fixture)
{
    private TestApp App => fixture.App;
    private const string Region = "Masallı rayonu";
    private static readonly DateOnly Census = new(2019, 10, 1);

    private async Task<(HttpClient Admin, MunicipalityDetail Detail)> PrepareAsync(int slot)
    {
        var id = (await App.ActiveWithUnitsAsync(Region, slot, 1)).Single();
        var admin = await App.LoginAdminAsync();
        return (admin, await admin.DetailAsync(id));
    }

    private static MunicipalityUpdate With(MunicipalityDetail d, int population, int? seats = null, string? justification = null) =>
        d.ToUpdate() with
        {
            Population = population, PopulationDate = Census, PopulationSource = "Dövlət Statistika Komitəsi",
            CouncilSizeOverride = seats, CouncilSizeJustification = justification,
        };

    [Fact]
    public async Task Population_350000_without_override_leaves_the_council_size_open_with_an_explanation()
    {
        var (admin, d) = await PrepareAsync(0);
        var r = await admin.PutAsync(d.Id, With(d, 350_000));
        Assert.True(r.StatusCode == HttpStatusCode.OK, await r.Content.ReadAsStringAsync());
        var en = await App.Client().DetailAsync(d.Id, "en");
        Assert.Null(en.CouncilSize.Seats);
        Assert.Equal("EC 210.2", en.CouncilSize.Reference);
        Assert.Contains("no number", en.CouncilSize.Explanation);
        // The edit page shows the same, with the override fields explained.
        var page = await admin.PageAsync($"/Admin/Register/Edit/{d.Id}?lang=en");
        Assert.Equal("—", page.QuerySelector("#council-size-now strong")!.TextContent);
        Assert.Contains("300 000", page.QuerySelector("#override")!.TextContent);
    }

    [Fact]
    public async Task An_override_of_21_with_a_justification_is_accepted_where_the_law_is_silent()
    {
        var (admin, d) = await PrepareAsync(1);
        const string why = "Milli Məclisin qərarı ilə 21 üzv müəyyən edilib (sınaq)";
        var r = await admin.PutAsync(d.Id, With(d, 350_000, 21, why));
        Assert.True(r.StatusCode == HttpStatusCode.OK, await r.Content.ReadAsStringAsync());
        var saved = await App.Client().DetailAsync(d.Id, "en");
        Assert.Equal(21, saved.CouncilSize.Seats);
        Assert.Equal("Override", saved.CouncilSize.Source);
        Assert.Equal(why, saved.CouncilSize.Justification);
        var audit = await admin.GetStringAsync($"/api/v1/audit?entity=Municipality&entityId={d.Id}");
        Assert.Contains("CouncilSizeOverride", audit);
    }

    [Fact]
    public async Task An_override_where_the_law_decides_is_refused_naming_the_field_and_EC_210_2()
    {
        var (admin, d) = await PrepareAsync(2);
        var r = await admin.PutAsync(d.Id, With(d, 1000, 21, "Böyük ərazi, əlavə üzvlər lazımdır (sınaq)"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, r.StatusCode);
        var problem = await r.ProblemAsync();
        Assert.Equal("councilSizeOverride", problem.GetProperty("field").GetString());
        Assert.StartsWith("EC 210.2", problem.GetProperty("rule").GetString()); // the sub-article that decides: EC 210.2.3
        Assert.Null((await App.Client().DetailAsync(d.Id)).Population);

        // The page applies the same rule and shows it next to the field, with the article.
        var form = await admin.PageAsync($"/Admin/Register/Edit/{d.Id}");
        var version = form.QuerySelector("input[name='Version']")!.GetAttribute("value")!;
        var fields = Fields(form);
        fields["Population"] = "1000";
        fields["PopulationDate"] = "01.10.2019";
        fields["PopulationSource"] = "DSK";
        fields["CouncilSizeOverride"] = "21";
        fields["CouncilSizeJustification"] = "Böyük ərazi, əlavə üzvlər lazımdır (sınaq)";
        var post = await admin.PostFormAsync($"/Admin/Register/Edit/{d.Id}?lang=en", fields);
        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        var doc = await post.HtmlAsync();
        Assert.Contains("EC 210.2", doc.QuerySelector("#errors")!.TextContent);
        Assert.Contains("councilSizeOverride", doc.QuerySelector("#errors")!.TextContent);
        Assert.Contains("EC 210.2", doc.QuerySelector("#override .field-error")!.TextContent);
        Assert.Equal(version, doc.QuerySelector("input[name='Version']")!.GetAttribute("value"));
    }

    [Fact]
    public async Task The_edit_page_saves_through_the_shared_rules_and_refuses_a_stale_form()
    {
        var (admin, d) = await PrepareAsync(3);
        var form = await admin.PageAsync($"/Admin/Register/Edit/{d.Id}");
        var fields = Fields(form);
        fields["Population"] = "4999";
        fields["PopulationDate"] = "01.10.2019";
        fields["PopulationSource"] = "DSK (page)";
        var post = await admin.PostFormAsync($"/Admin/Register/Edit/{d.Id}", fields);
        Assert.Equal($"/Register/{d.Id}", post.Redirected());
        var saved = await App.Client().DetailAsync(d.Id);
        Assert.Equal(4999, saved.Population);
        Assert.Equal(9, saved.CouncilSize.Seats);
        Assert.Equal(d.Version + 1, saved.Version);

        // The same form again carries the old Version: someone changed the entry meanwhile.
        fields["PopulationSource"] = "DSK (stale)";
        var stale = await admin.PostFormAsync($"/Admin/Register/Edit/{d.Id}?lang=en", fields);
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains("Someone else changed this record meanwhile", (await stale.HtmlAsync()).QuerySelector("#stale")!.TextContent);
        Assert.Equal("DSK (page)", (await App.Client().DetailAsync(d.Id)).PopulationSource);

        // The API refuses the same way.
        var api = await admin.PutAsync(d.Id, With(d, 5000));
        Assert.Equal(HttpStatusCode.Conflict, api.StatusCode);
    }

    [Fact]
    public async Task A_merger_recorded_on_the_page_marks_the_absorbed_as_merged_with_history_on_both_sides()
    {
        var ids = await App.ActiveWithUnitsAsync(Region, 10, 3);
        var (successorId, absorbed) = (ids[0], ids.Skip(1).ToArray());
        var admin = await App.LoginAdminAsync();
        var names = new List<string>();
        foreach (var id in ids) names.Add((await admin.DetailAsync(id)).Name);

        // Search for the successor, choose it; search for the others: the first choice stays chosen.
        var q1 = RegisterEdits.BaseName(names[0]);
        var first = await admin.PageAsync($"/Admin/Register/Mergers?Q={Uri.EscapeDataString(q1)}");
        Assert.NotNull(first.QuerySelector($"#matches input[name='AbsorbedIds'][value='{successorId}']"));
        var r = await admin.PostFormAsync("/Admin/Register/Mergers", [F("Q", q1)], "/Admin/Register/Mergers?handler=Search");
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.NotNull((await r.HtmlAsync()).QuerySelector($"#matches input[name='SuccessorId'][value='{successorId}']"));
        r = await admin.PostFormAsync("/Admin/Register/Mergers", [F("Q", RegisterEdits.BaseName(names[1])), F("SuccessorId", successorId)],
            "/Admin/Register/Mergers?handler=Search");
        var doc = await r.HtmlAsync();
        Assert.NotNull(doc.QuerySelector($"#chosen input[name='SuccessorId'][value='{successorId}'][checked]"));

        // Without an act the merger is refused naming the field and the law.
        var fields = new List<KeyValuePair<string, string>> { F("SuccessorId", successorId), F("EffectiveOn", "23.12.2009") };
        fields.AddRange(absorbed.Select(a => F("AbsorbedIds", a)));
        r = await admin.PostFormAsync("/Admin/Register/Mergers?lang=en", fields);
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        var errors = (await r.HtmlAsync()).QuerySelector("#errors")!.TextContent;
        Assert.Contains("actTitle", errors);
        Assert.Contains("MERGER 2", errors);

        fields.Add(F("ActTitle", "Bələdiyyələrin birləşdirilməsi haqqında Milli Məclisin Qərarı (sınaq)"));
        fields.Add(F("ActNumber", "N 1-IIIQR"));
        fields.Add(F("ActDate", "30.06.2009"));
        r = await admin.PostFormAsync("/Admin/Register/Mergers", fields);
        Assert.Equal($"/Register/{successorId}", r.Redirected());

        var successor = await App.Client().DetailAsync(successorId);
        Assert.Equal(MunicipalityStatus.Active, successor.Status);
        for (var i = 0; i < absorbed.Length; i++)
        {
            var m = await App.Client().DetailAsync(absorbed[i]);
            Assert.Equal(MunicipalityStatus.Merged, m.Status);
            Assert.Equal(new DateOnly(2009, 12, 23), m.EndedOn);
            var h = Assert.Single(m.History, x => x.Kind == MunicipalityEventKind.MergedInto);
            Assert.Equal(successorId, h.OtherMunicipalityId);
            Assert.Equal("N 1-IIIQR", h.ActNumber);
            Assert.Contains(successor.History, x => x.Kind == MunicipalityEventKind.Absorbed && x.OtherMunicipalityId == absorbed[i] && x.OtherMunicipalityName == names[i + 1]);
        }

        // A merged municipality cannot be dissolved; its dissolve page says so.
        var dissolve = await admin.PageAsync($"/Admin/Register/Dissolve/{absorbed[0]}");
        Assert.NotNull(dissolve.QuerySelector("#not-active"));
    }

    [Fact]
    public async Task A_dissolution_recorded_on_the_page_needs_its_act_and_ends_the_entry()
    {
        var (admin, d) = await PrepareAsync(5);
        var page = $"/Admin/Register/Dissolve/{d.Id}";
        var r = await admin.PostFormAsync(page, [F("EffectiveOn", "01.01.2015"), F("ActTitle", "")]);
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.Contains("MERGER 8", (await r.HtmlAsync()).QuerySelector("#errors")!.TextContent);
        Assert.Equal(MunicipalityStatus.Active, (await App.Client().DetailAsync(d.Id)).Status);

        r = await admin.PostFormAsync(page, [F("EffectiveOn", "01.01.2015"), F("ActTitle", "Milli Məclisin Qərarı (sınaq)"), F("ActNumber", "N 9")]);
        Assert.Equal($"/Register/{d.Id}", r.Redirected());
        var after = await App.Client().DetailAsync(d.Id);
        Assert.Equal(MunicipalityStatus.Dissolved, after.Status);
        Assert.Contains(after.History, h => h.Kind == MunicipalityEventKind.Dissolved && h.ActNumber == "N 9");
    }

    [Fact]
    public async Task The_data_quality_page_counts_the_defects_pages_the_rows_and_exports_them()
    {
        var admin = await App.LoginAdminAsync();
        var doc = await admin.PageAsync("/Admin/Register/DataQuality?lang=en");
        Assert.NotNull(doc.QuerySelector($"#count-{DataDefect.NoTerritoryPrinted}"));
        var rows = doc.QuerySelectorAll("#defects tbody tr");
        Assert.NotEmpty(rows);
        Assert.All(rows, tr => Assert.NotNull(tr.QuerySelector("a[href^='/Admin/Register/Edit/']")));

        var filtered = await admin.PageAsync($"/Admin/Register/DataQuality?Defect={DataDefect.KindUnknown}&lang=en");
        Assert.All(filtered.QuerySelectorAll("#defects tbody tr"), tr => Assert.Contains("kind not determined", tr.TextContent));
        var next = doc.QuerySelector("#next");
        if (next is not null)
        {
            var second = await admin.PageAsync(next.GetAttribute("href")!);
            Assert.Contains("2 /", second.QuerySelector(".pager span")!.TextContent);
        }

        var csv = await admin.GetAsync($"/Admin/Register/DataQuality?handler=Csv&Defect={DataDefect.KindUnknown}");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var lines = RegistryHttp.ParseCsv(await csv.Content.ReadAsStringAsync()).Where(l => l.Length > 1).ToList();
        var count = int.Parse(new string(doc.QuerySelector($"#count-{DataDefect.KindUnknown} strong")!.TextContent.Where(char.IsDigit).ToArray()));
        Assert.Equal(count, lines.Count - 1);
        var xlsx = await admin.GetAsync("/Admin/Register/DataQuality?handler=Xlsx");
        Assert.Equal(OpenBams.Platform.Export.Xlsx.ContentType, xlsx.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Register_administration_is_for_administrators_and_the_index_shows_each_user_what_they_may_use()
    {
        var id = (await App.ActiveWithUnitsAsync(Region, 20, 1)).Single();
        var suffix = Guid.NewGuid().ToString("N")[..6];
        await App.CreateUserAsync($"ra-m-{suffix}", Role.MunicipalAdministrator, id);
        await App.CreateUserAsync($"ra-t-{suffix}", Role.TaxOfficer, id);
        var municipalAdmin = await App.LoginAsync($"ra-m-{suffix}");
        var tax = await App.LoginAsync($"ra-t-{suffix}");
        foreach (var url in new[] { $"/Admin/Register/Edit/{id}", "/Admin/Register/Mergers", $"/Admin/Register/Dissolve/{id}", "/Admin/Register/DataQuality",
                     "/Admin/Parameters", "/Admin/Calendar", "/Admin/Audit" })
        {
            Assert.True((await App.Client().GetAsync(url)).Refused(), $"anonymous {url}");
            Assert.True((await municipalAdmin.GetAsync(url)).Refused(), $"municipal administrator {url}");
            Assert.True((await tax.GetAsync(url)).Refused(), $"tax officer {url}");
        }

        var admin = await (await App.LoginAdminAsync()).PageAsync("/Admin");
        foreach (var link in new[] { "/Admin/Users", "/Admin/Audit", "/Admin/Parameters", "/Admin/Calendar", "/Admin/Register/Mergers", "/Admin/Register/DataQuality", "/Calendar/Deadline" })
            Assert.NotNull(admin.QuerySelector($"#admin-links a[href='{link}']"));

        var mine = await municipalAdmin.PageAsync("/Admin");
        Assert.NotNull(mine.QuerySelector($"#admin-links a[href='/Admin/m/{id}/Users']"));
        Assert.NotNull(mine.QuerySelector($"#admin-links a[href='/Admin/m/{id}/Audit']"));
        Assert.Null(mine.QuerySelector("#admin-links a[href='/Admin/Parameters']"));
        Assert.Null(mine.QuerySelector("#admin-links a[href='/Admin/Audit']"));

        var staff = await tax.PageAsync("/Admin");
        Assert.NotNull(staff.QuerySelector("#admin-links a[href='/Calendar/Deadline']"));
        Assert.Null(staff.QuerySelector($"#admin-links a[href='/Admin/m/{id}/Audit']"));
        Assert.Null(staff.QuerySelector("#admin-links a[href='/Admin/Users']"));
    }

    /// <summary>The values a form would post as it stands (inputs, selects with their selected option, textareas).</summary>
    private static Dictionary<string, string> Fields(AngleSharp.Html.Dom.IHtmlDocument doc)
    {
        var form = doc.QuerySelector("#edit-form")!;
        var d = new Dictionary<string, string>();
        foreach (var i in form.QuerySelectorAll("input[name]"))
            if (i.GetAttribute("name") != "__RequestVerificationToken") d[i.GetAttribute("name")!] = i.GetAttribute("value") ?? "";
        foreach (var s in form.QuerySelectorAll("select[name]"))
            d[s.GetAttribute("name")!] = s.QuerySelector("option[selected]")?.GetAttribute("value") ?? s.QuerySelector("option")!.GetAttribute("value")!;
        foreach (var t in form.QuerySelectorAll("textarea[name]"))
            d[t.GetAttribute("name")!] = t.TextContent;
        return d;
    }
}

public sealed class RegisterAdminTests_Sqlite(SqliteFixture f) : RegisterAdminTests(f), IClassFixture<SqliteFixture>;
public sealed class RegisterAdminTests_Postgres(PostgresFixture f) : RegisterAdminTests(f), IClassFixture<PostgresFixture>;
