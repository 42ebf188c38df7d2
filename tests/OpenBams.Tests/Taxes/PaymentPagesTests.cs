using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using OpenBams.Platform.Identity;
using OpenBams.Taxes;
using OpenBams.Testing;

namespace OpenBams.Tests.Taxes;

/// <summary>
/// The payments pages over real HTTP, as a browser without JavaScript uses them: a statement uploaded twice (the second time
/// every line is a duplicate and the page says the file was seen), its problems line by line, the register's search and a
/// reversal through its form; residents refused.
/// </summary>
public abstract class PaymentPagesTests(AppFixture fixture)
{
    private TestApp App => fixture.App;

    private static async Task<string> TokenAsync(HttpClient client, string url)
    {
        var html = await client.GetStringAsync(url);
        var m = Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"");
        Assert.True(m.Success, "no antiforgery token on " + url);
        return m.Groups[1].Value;
    }

    private static async Task<int> UploadAsync(HttpClient client, string page, string csv, bool apply = false)
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent(await TokenAsync(client, page)), "__RequestVerificationToken" },
            { new StringContent(apply ? "true" : "false"), "ApplyValidLines" },
        };
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "File", "statement.csv");
        var r = await client.PostAsync(page + "?handler=Upload", form);
        Assert.True(r.StatusCode == HttpStatusCode.Redirect, $"{(int)r.StatusCode}: {await r.Content.ReadAsStringAsync()}");
        var location = r.Headers.Location!.OriginalString;
        return int.Parse(Regex.Match(location, @"importId=(\d+)").Groups[1].Value);
    }

    /// <summary>Reloads the import's page as its meta refresh does, until the job has finished.</summary>
    private static async Task<string> FinishedPageAsync(HttpClient client, string page, int importId)
    {
        var until = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var html = await client.GetStringAsync($"{page}?importId={importId}&lang=en");
            if (!html.Contains("http-equiv=\"refresh\"", StringComparison.Ordinal)) return html;
            Assert.Contains("id=\"import-refresh\"", html);
            if (DateTime.UtcNow > until) throw new TimeoutException(html);
            await Task.Delay(100);
        }
    }

    [Fact]
    public async Task A_statement_uploaded_twice_on_the_page_is_booked_once_and_its_problems_are_listed_line_by_line()
    {
        var a = (await PaymentsSetup.AssessedAsync(App)).Single();
        var s = a.S;
        var page = $"/Taxes/{s.MunicipalityId}/Payments/Imports";
        var tag = Guid.NewGuid().ToString("N")[..8];
        var csv = new Statement().Line($"{tag}-1", a.Notice.Reference, "15,00").Line($"{tag}-2", a.Notice.Reference, "5.00", channel: "cash").ToString();

        var first = await UploadAsync(s.Accountant, page, csv, apply: true);
        var html = await FinishedPageAsync(s.Accountant, page, first);
        Assert.Matches("id=\"import-status\" data-status=\"Completed\"", html);
        Assert.Matches("id=\"import-applied\">1 ", html);
        Assert.Matches("id=\"import-errors\">1<", html);
        Assert.Matches("data-line=\"3\" data-kind=\"Error\" data-field=\"channel\"", html);
        Assert.Contains("SL 43.1", html);
        Assert.DoesNotContain("id=\"import-same-file\"", html);

        var second = await UploadAsync(s.Accountant, page, csv, apply: true);
        html = await FinishedPageAsync(s.Accountant, page, second);
        Assert.Contains("id=\"import-same-file\"", html);
        Assert.Matches("id=\"import-duplicates\">1<", html);
        Assert.Matches("id=\"import-applied\">0 ", html);
        Assert.Matches("data-line=\"2\" data-kind=\"Duplicate\"", html);
        Assert.Single(await s.PaymentsOfAsync(a.Taxpayer.Id));
        // The list of imports shows both; the issues export link works.
        Assert.Contains($"id=\"import-{first}\"", html);
        Assert.Contains($"id=\"import-{second}\"", html);
        var export = await s.Accountant.GetStringAsync($"{s.Api}/imports/{second}/issues/export.csv");
        Assert.Contains(tag, export);

        // No file: the page says which field.
        var empty = new MultipartFormDataContent { { new StringContent(await TokenAsync(s.Accountant, page)), "__RequestVerificationToken" } };
        var refused = await (await s.Accountant.PostAsync(page + "?handler=Upload&lang=en", empty)).Content.ReadAsStringAsync();
        Assert.Contains("<code>file</code>", refused);
    }

    [Fact]
    public async Task The_register_page_finds_a_payment_and_its_reversal_form_reverses_it_with_a_reason()
    {
        var a = (await PaymentsSetup.AssessedAsync(App)).Single();
        var s = a.S;
        var tag = Guid.NewGuid().ToString("N")[..8];
        await s.ImportAsync(new Statement().Line($"{tag}-1", a.Notice.Reference, "15.00", payerName: "Ödəyən " + tag).ToString());
        var payment = Assert.Single(await s.PaymentsOfAsync(a.Taxpayer.Id));
        var page = $"/Taxes/{s.MunicipalityId}/Payments";

        var list = await s.Accountant.GetStringAsync($"{page}?q={tag}&lang=en");
        Assert.Contains($"id=\"payment-{payment.Id}\"", list);
        Assert.Contains("id=\"payments-export-csv\"", list);
        Assert.Contains("id=\"payments-export-xlsx\"", list);
        var none = await s.Accountant.GetStringAsync($"{page}?q=nobody-{tag}");
        Assert.Contains("id=\"no-payments\"", none);

        var detailUrl = $"{page}?paymentId={payment.Id}&lang=en";
        var detail = await s.Accountant.GetStringAsync(detailUrl);
        Assert.Contains("id=\"reversal-form\"", detail);
        var token = await TokenAsync(s.Accountant, detailUrl);
        var tooShort = await s.Accountant.PostAsync($"{page}?handler=Reverse&paymentId={payment.Id}&lang=en",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["Reason"] = "x" }));
        Assert.Contains("<code>reason</code>", await tooShort.Content.ReadAsStringAsync());
        var done = await s.Accountant.PostAsync($"{page}?handler=Reverse&paymentId={payment.Id}",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["Reason"] = "Bank recalled the transfer" }));
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        var after = await s.Accountant.GetStringAsync(done.Headers.Location!.OriginalString + "&lang=en");
        Assert.Contains("id=\"reversal-done\"", after);
        Assert.Contains("Bank recalled the transfer", after);
        Assert.DoesNotContain("id=\"reversal-form\"", after);
        Assert.Equal(PaymentStatus.Reversed, (await s.PaymentAsync(payment.Id)).Payment.Status);
    }

    [Fact]
    public async Task Residents_and_the_portal_account_are_refused_the_payments_pages()
    {
        var a = (await PaymentsSetup.AssessedAsync(App)).Single();
        var tag = Guid.NewGuid().ToString("N")[..6];
        await App.CreateUserAsync($"res-pp-{tag}", Role.Resident, a.S.MunicipalityId);
        await App.CreateUserAsync($"hop-pp-{tag}", Role.PaymentPortal, null);
        foreach (var user in new[] { $"res-pp-{tag}", $"hop-pp-{tag}" })
        {
            var client = await App.LoginAsync(user);
            foreach (var url in new[] { $"/Taxes/{a.S.MunicipalityId}/Payments", $"/Taxes/{a.S.MunicipalityId}/Payments/Imports" })
            {
                var r = await client.GetAsync(url);
                Assert.True(!r.IsSuccessStatusCode, $"{user}: {url} → {(int)r.StatusCode}");
            }
        }
    }
}

public sealed class PaymentPagesTests_Sqlite(SqliteFixture f) : PaymentPagesTests(f), IClassFixture<SqliteFixture>;
public sealed class PaymentPagesTests_Postgres(PostgresFixture f) : PaymentPagesTests(f), IClassFixture<PostgresFixture>;
