using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using OpenBams.Law;
using OpenBams.Platform.Pdf;
using PdfSharp.Fonts;

namespace OpenBams.Tests.Platform;

/// <summary>
/// The shared PDF writer, checked the way a reader sees its output: poppler's pdftotext extracts the
/// text (so every Azerbaijani letter and ₼ must survive font embedding and the ToUnicode map), pdfinfo
/// reads the document information, pdftoppm renders the QR code. No database.
/// </summary>
public sealed class PdfTests
{
    // Every letter of ə ş ğ ı ö ü ç Ə Ş Ç Ğ İ Ö Ü in words (poppler drops the spaces between lone letters).
    private const string Letters = "Ağdaş, Şəki, İsmayıllı, Göyçay, Ördəklü, Üçoğlan, Çaykənd, Ələt və QIĞILCIM";
    private const string Sentence = "Şəhər ərazisində yığıncaq keçirildi; Ömər Üzeyirov, Çingiz Ğəniyev və İlqar Şükürov çıxış etdilər.";
    private const string Url = "https://openbams.example.az/yoxla/protokol/2026-0005?kod=8f3a9c1d";
    private const string Footer = "Binəqədi bələdiyyəsi — İclas protokolu № 5";

    [Fact]
    public void A_long_Azerbaijani_protocol_keeps_its_letters_table_rows_page_numbers_and_verification_address()
    {
        var amount = Money.Manat(1234.56m).Format("az");
        var longText = string.Join(" ", Enumerable.Repeat(Sentence, 12));
        byte[] bytes;
        using (var pdf = new PdfDocumentWriter("Bələdiyyə iclasının protokolu № 5", "az", Footer))
        {
            pdf.Heading("İclasın protokolu № 5");
            pdf.Paragraph(Letters);
            pdf.KeyValues([("Tarix / Date", "23.11.2026"), ("Yer / Place", "Biləcəri qəsəbəsi, İnzibati bina"), ("Büdcə / Budget", amount), ("Borc / Debt", "1 234,56 ₼")]);
            pdf.Heading("Gündəlik", level: 2);
            pdf.Paragraph(longText);
            pdf.Table(["№", "Ödəyici / Payer", "Məbləğ / Amount"],
                Enumerable.Range(1, 120).Select(i => (IReadOnlyList<string?>)[i.ToString(CultureInfo.InvariantCulture), Payer(i), Money.Manat(i * 10.5m).Format("az")]),
                columnWidths: [1, 5, 2], rightAligned: [2]);
            pdf.Signatures([("İclasın sədri / Chair", "Əli Həsənov"), ("Katib / Secretary", "Gülşən Çələbiyeva")]);
            pdf.VerificationQr(Url, "Sənədin həqiqiliyini yoxlamaq üçün QR kodu skan edin");
            bytes = pdf.ToBytes();
        }
        var file = WriteTemp(bytes);
        try
        {
            var info = Run("pdfinfo", file);
            var pageCount = int.Parse(Regex.Match(info, @"^Pages:\s+(\d+)", RegexOptions.Multiline).Groups[1].Value, CultureInfo.InvariantCulture);
            Assert.True(pageCount > 2, $"the 120-row table spans pages, got {pageCount}");
            Assert.Matches(new Regex(@"^Title:\s+Bələdiyyə iclasının protokolu № 5$", RegexOptions.Multiline), info);
            Assert.Matches(new Regex(@"^Author:\s+OpenBAMS$", RegexOptions.Multiline), info);

            var text = Run("pdftotext", "-layout", "-enc", "UTF-8", file, "-");
            var pages = text.Split('\f')[..pageCount];

            Assert.Contains(Letters, text);
            Assert.Contains("1 234,56 ₼", text);
            Assert.Contains(amount.Replace('\u00A0', ' '), text); // pdftotext gives the no-break spaces as spaces
            Assert.Contains(Sentence, Words(text)); // wrapped across lines, no word lost or split
            Assert.Contains("Gülşən Çələbiyeva", text);
            Assert.Contains("(imza)", text);

            // Every row, in order; the header again on each page the table reaches.
            var at = 0;
            for (var i = 1; i <= 120; i++)
            {
                var next = text.IndexOf(Payer(i), at, StringComparison.Ordinal);
                Assert.True(next > at, $"row {i} follows row {i - 1}");
                at = next;
            }
            var tablePages = pages.Where(p => Regex.IsMatch(p, @"Ödəyici \d{3} Şəkili")).ToList();
            Assert.True(tablePages.Count > 1);
            Assert.All(tablePages, p => Assert.Contains("Ödəyici / Payer", p));

            for (var i = 0; i < pageCount; i++)
            {
                Assert.Contains($"Səhifə {i + 1} / {pageCount}", pages[i]);
                Assert.Contains(Footer, pages[i]);
            }

            // The address is printed in full under the QR code, which renders black and white.
            var last = pages[^1];
            Assert.True(last.IndexOf("Sənədin həqiqiliyini", StringComparison.Ordinal) < last.IndexOf(Url, StringComparison.Ordinal));
            var dark = QrDarkShare(file, pageCount);
            Assert.InRange(dark, 0.25, 0.75);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void English_documents_number_pages_page_x_of_y_and_cut_words_too_long_for_a_line()
    {
        var token = string.Concat(Enumerable.Repeat("Ə0123456789ş", 40));
        byte[] bytes;
        using (var pdf = new PdfDocumentWriter("Debt certificate", "en"))
        {
            pdf.Heading("Debt certificate");
            pdf.Paragraph(token);
            pdf.PageBreak();
            pdf.Paragraph("Second page");
            bytes = pdf.ToBytes();
        }
        var file = WriteTemp(bytes);
        try
        {
            var pages = Run("pdftotext", "-layout", "-enc", "UTF-8", file, "-").Split('\f');
            Assert.Contains("Page 1 of 2", pages[0]);
            Assert.Contains("Page 2 of 2", pages[1]);
            Assert.Contains(token, Regex.Replace(pages[0], @"\s+", ""));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Documents_written_on_parallel_threads_share_one_font_resolver()
    {
        var markers = Enumerable.Range(1, 4).Select(i => $"Qəbz {i}: Şəmkir ₼ {i}").ToArray();
        var start = new Barrier(markers.Length);
        var documents = markers.AsParallel().WithDegreeOfParallelism(markers.Length).Select(marker =>
        {
            start.SignalAndWait();
            using var pdf = new PdfDocumentWriter(marker, "az");
            pdf.Paragraph(marker);
            pdf.Table(["A", "B"], Enumerable.Range(1, 60).Select(i => (IReadOnlyList<string?>)[marker, i.ToString(CultureInfo.InvariantCulture)]));
            return (marker, bytes: pdf.ToBytes());
        }).ToList();

        Assert.IsType<NotoFontResolver>(GlobalFontSettings.FontResolver);
        foreach (var (marker, bytes) in documents)
        {
            var file = WriteTemp(bytes);
            try
            {
                Assert.Contains(marker, Run("pdftotext", "-layout", "-enc", "UTF-8", file, "-"));
            }
            finally
            {
                File.Delete(file);
            }
        }
    }

    [Fact]
    public void An_endpoint_returns_the_document_as_a_pdf_file()
    {
        using var pdf = new PdfDocumentWriter("Bildiriş", "az");
        pdf.Paragraph("Ödəniş bildirişi");
        var result = Assert.IsType<FileContentHttpResult>(Results.Extensions.Pdf(pdf, "bildiriş.pdf"));
        Assert.Equal("application/pdf", result.ContentType);
        Assert.Equal("bildiriş.pdf", result.FileDownloadName);
        Assert.Equal("%PDF-"u8.ToArray(), result.FileContents.ToArray()[..5]);
    }

    private static string Payer(int i) => $"Ödəyici {i:000} Şəkili-Ğ";

    private static string Words(string text) => Regex.Replace(text, @"\s+", " ");

    /// <summary>
    /// Share of dark pixels in the 30 mm square above the printed address, rendered at 72 dpi so
    /// pixels are points: a QR code is about half dark; a missing or blank image is not.
    /// </summary>
    private static double QrDarkShare(string file, int page)
    {
        var bbox = Run("pdftotext", "-bbox", "-f", $"{page}", "-l", $"{page}", file, "-");
        var word = Regex.Match(bbox, $"<word xMin=\"([0-9.]+)\" yMin=\"([0-9.]+)\"[^>]*>{Regex.Escape(System.Net.WebUtility.HtmlEncode(Url))}</word>");
        Assert.True(word.Success, "the address is one word on the last page");
        var x = double.Parse(word.Groups[1].Value, CultureInfo.InvariantCulture);
        var urlTop = double.Parse(word.Groups[2].Value, CultureInfo.InvariantCulture);
        var side = 30 * 72 / 25.4;
        var qrTop = urlTop - 72 / 25.4 - side;
        var prefix = Path.Combine(Path.GetTempPath(), $"openbams-qr-{Guid.NewGuid():N}");
        Run("pdftoppm", "-gray", "-r", "72", "-f", $"{page}", "-l", $"{page}", "-singlefile",
            "-x", $"{(int)(x + 3)}", "-y", $"{(int)(qrTop + 3)}", "-W", $"{(int)(side - 6)}", "-H", $"{(int)(side - 6)}", file, prefix);
        try
        {
            var pixels = PgmPixels(File.ReadAllBytes(prefix + ".pgm"));
            return pixels.Count(p => p < 128) / (double)pixels.Length;
        }
        finally
        {
            File.Delete(prefix + ".pgm");
        }
    }

    /// <summary>The pixels of a binary PGM (P5, 8-bit): a header of four whitespace-separated fields, then bytes.</summary>
    private static byte[] PgmPixels(byte[] pgm)
    {
        var fields = 0;
        var i = 0;
        while (fields < 4)
        {
            while (char.IsWhiteSpace((char)pgm[i])) i++;
            while (!char.IsWhiteSpace((char)pgm[i])) i++;
            fields++;
        }
        return pgm[(i + 1)..];
    }

    private static string WriteTemp(byte[] bytes)
    {
        var file = Path.Combine(Path.GetTempPath(), $"openbams-pdf-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(file, bytes);
        return file;
    }

    /// <summary>Runs a poppler-utils tool (test.sh installs the package) and returns its standard output.</summary>
    private static string Run(string tool, params string[] args)
    {
        var psi = new ProcessStartInfo(tool, args) { RedirectStandardOutput = true, RedirectStandardError = true };
        psi.Environment["LANG"] = "C.UTF-8";
        using var process = Process.Start(psi) ?? throw new InvalidOperationException($"{tool} did not start (poppler-utils installed?)");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(60_000), $"{tool} finished within a minute");
        Assert.True(process.ExitCode == 0, $"{tool} failed: {stderr.Result}");
        return stdout.Result;
    }
}
