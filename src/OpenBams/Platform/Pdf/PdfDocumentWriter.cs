using System.Globalization;
using OpenBams.Platform.Localization;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using QRCoder;

namespace OpenBams.Platform.Pdf;

/// <summary>
/// Writes a printed document (protocol, decision, payment notice, certificate) top to bottom on A4
/// portrait with 20 mm margins: headings, paragraphs, key–value lists, tables, signature lines and a
/// verification QR code. What does not fit on a page goes on the next; table headers repeat there.
/// <see cref="ToBytes"/> adds the footer and "page X of Y" to every page and returns the PDF.
/// One writer makes one document on one thread; writers on different threads do not interfere.
/// </summary>
public sealed class PdfDocumentWriter : IDisposable
{
    private static readonly double Margin = XUnit.FromMillimeter(20).Point;
    // Kept free above the bottom margin for the footer line.
    private static readonly double FooterBand = XUnit.FromMillimeter(10).Point;
    private static readonly double CellPadX = XUnit.FromMillimeter(1.5).Point;
    private static readonly double CellPadY = XUnit.FromMillimeter(1).Point;
    private static readonly double QrSize = XUnit.FromMillimeter(30).Point;
    private static readonly XPen Rule = new(XColor.FromArgb(120, 120, 120), 0.5);
    private static readonly XBrush Ink = XBrushes.Black;
    private static readonly XBrush Muted = new XSolidBrush(XColor.FromArgb(80, 80, 80));
    private static readonly XBrush HeaderFill = new XSolidBrush(XColor.FromArgb(230, 230, 230));

    private readonly string lang;
    private readonly PdfDocument document;
    private readonly XFont body, bodyBold, heading1, heading2, cell, cellBold, small;
    private PdfPage page = null!;
    private XGraphics gfx = null!;
    private double y;
    private byte[]? result;

    /// <param name="title">Document title: shown by PDF viewers and printed by nothing else (use <see cref="Heading"/>).</param>
    /// <param name="lang">"az" or "en" (page numbers, "(imza)"); null takes the current request's language.</param>
    /// <param name="footer">Text at the foot of every page, e.g. the municipality and document number.</param>
    public PdfDocumentWriter(string title, string? lang = null, string? footer = null)
    {
        PdfSetup.EnsureDone();
        var culture = Cultures.FromLang(lang ?? Text.Lang);
        this.lang = culture == Cultures.English ? "en" : "az";
        Footer = footer;
        document = new PdfDocument();
        document.Info.Title = title;
        document.Info.Author = "OpenBAMS";
        document.Info.Creator = "OpenBAMS";
        document.Info.CreationDate = DateTime.Now;
        document.Language = culture;
        document.ViewerPreferences.DisplayDocTitle = true;

        body = Font(10);
        bodyBold = Font(10, bold: true);
        heading1 = Font(16, bold: true);
        heading2 = Font(13, bold: true);
        cell = Font(9);
        cellBold = Font(9, bold: true);
        small = Font(8);
        NewPage();
    }

    /// <summary>Printed at the foot of every page, left of the page number.</summary>
    public string? Footer { get; set; }

    private static double Left => Margin;
    private double Width => page.Width.Point - 2 * Margin;
    private static double Top => Margin;
    private double Bottom => page.Height.Point - Margin - FooterBand;

    /// <summary>A title (level 1) or section heading (level 2); never left alone at the foot of a page.</summary>
    public void Heading(string text, int level = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(level, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(level, 2);
        EnsureOpen();
        var font = level == 1 ? heading1 : heading2;
        if (y > Top) y += Mm(level == 1 ? 4 : 3);
        var lines = Wrap(text, font, Width);
        // Keep the heading with the first lines of what follows it.
        EnsureSpace(lines.Count * font.GetHeight() + 3 * body.GetHeight());
        DrawLines(lines, font, Ink, Left);
        y += Mm(2);
    }

    /// <summary>Running text, wrapped at word boundaries (over-long words are cut) and across pages; "\n" starts a new line.</summary>
    public void Paragraph(string text, bool bold = false)
    {
        EnsureOpen();
        var font = bold ? bodyBold : body;
        DrawLines(Wrap(text, font, Width), font, Ink, Left);
        y += body.GetHeight() / 2;
    }

    /// <summary>Vertical space, e.g. before a closing formula.</summary>
    public void Space(double millimetres)
    {
        EnsureOpen();
        y += Mm(millimetres);
    }

    /// <summary>Starts a new page unless the current one is still empty.</summary>
    public void PageBreak()
    {
        EnsureOpen();
        if (y > Top) NewPage();
    }

    /// <summary>Labelled values ("Tarix / Date: 23.11.2026"), labels in a column of their own.</summary>
    public void KeyValues(IEnumerable<(string Key, string Value)> items)
    {
        EnsureOpen();
        var list = items.ToList();
        if (list.Count == 0) return;
        var gap = Mm(4);
        var keyWidth = Math.Min(list.Max(i => Measure(i.Key, body)) + gap, Width * 0.4);
        var lh = body.GetHeight();
        foreach (var (key, value) in list)
        {
            var keys = Wrap(key, body, keyWidth - gap);
            var values = Wrap(value, body, Width - keyWidth);
            for (var i = 0; i < Math.Max(keys.Count, values.Count); i++)
            {
                EnsureSpace(lh);
                if (i < keys.Count) gfx.DrawString(keys[i], body, Muted, Left, y, XStringFormats.TopLeft);
                if (i < values.Count) gfx.DrawString(values[i], body, Ink, Left + keyWidth, y, XStringFormats.TopLeft);
                y += lh;
            }
            y += Mm(0.8);
        }
        y += lh / 2;
    }

    /// <summary>
    /// A ruled table. Cells wrap; a row that does not fit moves to the next page, where the header is
    /// repeated (a row taller than a whole page is split).
    /// </summary>
    /// <param name="columnWidths">Relative widths, one per column (e.g. [1, 4, 2]); equal if null.</param>
    /// <param name="rightAligned">Indexes of columns to align right, such as amounts.</param>
    public void Table(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string?>> rows,
        IReadOnlyList<double>? columnWidths = null, IReadOnlyCollection<int>? rightAligned = null)
    {
        EnsureOpen();
        if (headers.Count == 0) throw new ArgumentException("A table needs at least one column.", nameof(headers));
        var relative = columnWidths ?? Enumerable.Repeat(1.0, headers.Count).ToList();
        if (relative.Count != headers.Count || relative.Any(w => w <= 0))
            throw new ArgumentException("One positive width per column is needed.", nameof(columnWidths));
        var total = relative.Sum();
        var widths = relative.Select(w => Width * w / total).ToArray();
        var alignRight = headers.Select((_, i) => rightAligned?.Contains(i) == true).ToArray();

        var headerLines = headers.Select((h, i) => Wrap(h, cellBold, widths[i] - 2 * CellPadX)).ToArray();
        var lh = cell.GetHeight();
        var headerHeight = headerLines.Max(l => l.Count) * cellBold.GetHeight() + 2 * CellPadY;
        var pageRoom = Bottom - Top - headerHeight;

        void DrawHeader()
        {
            DrawRow(headerLines, widths, alignRight, 0, headerLines.Max(l => l.Count), cellBold, HeaderFill);
        }

        EnsureSpace(headerHeight + lh + 2 * CellPadY);
        DrawHeader();
        var rowNumber = 0;
        foreach (var row in rows)
        {
            rowNumber++;
            if (row.Count != headers.Count)
                throw new ArgumentException($"Row {rowNumber} has {row.Count} cells, the table has {headers.Count} columns.", nameof(rows));
            var cells = row.Select((c, i) => Wrap(c ?? "", cell, widths[i] - 2 * CellPadX)).ToArray();
            var lineCount = cells.Max(l => l.Count);
            var done = 0;
            while (done < lineCount)
            {
                var needed = (lineCount - done) * lh + 2 * CellPadY;
                if (y + needed <= Bottom)
                {
                    DrawRow(cells, widths, alignRight, done, lineCount, cell, null);
                    break;
                }
                var fit = (int)((Bottom - y - 2 * CellPadY) / lh);
                // Split only a row that would not fit on a fresh page either.
                if (needed > pageRoom && fit > 0)
                {
                    DrawRow(cells, widths, alignRight, done, done + fit, cell, null);
                    done += fit;
                }
                NewPage();
                DrawHeader();
            }
        }
        y += body.GetHeight() / 2;
    }

    /// <summary>
    /// Signature lines: role, a line to sign on with "(signature)" under it, and the printed name.
    /// The block is kept on one page.
    /// </summary>
    public void Signatures(IEnumerable<(string Role, string Name)> signers)
    {
        EnsureOpen();
        var list = signers.ToList();
        if (list.Count == 0) return;
        var roleWidth = Width * 0.42;
        var lineWidth = Width * 0.28;
        var nameX = Left + roleWidth + lineWidth + Mm(4);
        var nameWidth = Width - roleWidth - lineWidth - Mm(4);
        var lh = body.GetHeight();
        var signRoom = Mm(9);
        var blocks = list.Select(s => (Role: Wrap(s.Role, body, roleWidth - Mm(4)), Name: Wrap(s.Name, bodyBold, nameWidth))).ToList();
        double Height((List<string> Role, List<string> Name) b) =>
            signRoom + Math.Max(Math.Max(b.Role.Count, b.Name.Count) * lh, lh + small.GetHeight());

        y += Mm(4);
        var total = blocks.Sum(Height);
        if (total <= Bottom - Top) EnsureSpace(total);
        var signature = lang == "en" ? "(signature)" : "(imza)";
        foreach (var b in blocks)
        {
            EnsureSpace(Height(b));
            y += signRoom;
            var top = y;
            DrawLines(b.Role, body, Ink, Left);
            var end = y;
            var baseline = top + Ascent(body) + 1;
            gfx.DrawLine(Rule, Left + roleWidth, baseline, Left + roleWidth + lineWidth, baseline);
            var captionX = Left + roleWidth + (lineWidth - Measure(signature, small)) / 2;
            gfx.DrawString(signature, small, Muted, captionX, baseline + 1, XStringFormats.TopLeft);
            y = top;
            DrawLines(b.Name, bodyBold, Ink, nameX);
            y = Math.Max(Math.Max(end, y), top + lh + small.GetHeight());
        }
        y += lh / 2;
    }

    /// <summary>
    /// A QR code of the document's verification address, the caption to its right and the address
    /// printed in full under it, so it can be typed in as well as scanned or clicked.
    /// </summary>
    public void VerificationQr(string url, string? caption = null)
    {
        EnsureOpen();
        var urlLines = Wrap(url, small, Width);
        var captionX = Left + QrSize + Mm(5);
        var captionLines = caption is null ? [] : Wrap(caption, body, Width - QrSize - Mm(5));
        var height = Math.Max(QrSize, captionLines.Count * body.GetHeight()) + Mm(1) + urlLines.Count * small.GetHeight();
        y += Mm(4);
        EnsureSpace(height);

        var top = y;
        using (var generator = new QRCodeGenerator())
        using (var data = generator.CreateQrCode(url, QRCodeGenerator.ECCLevel.M))
        {
            // Explicit RGB colours make QRCoder write an indexed PNG; PDFsharp rejects its default 1-bit grey one.
            var png = new PngByteQRCode(data).GetGraphic(10, [0, 0, 0], [255, 255, 255]);
            using var image = XImage.FromStream(new MemoryStream(png));
            image.Interpolate = false; // keep module edges sharp when viewers scale the image
            gfx.DrawImage(image, Left, top, QrSize, QrSize);
        }
        Link(new XRect(Left, top, QrSize, QrSize), url);

        DrawLines(captionLines, body, Ink, captionX);
        y = Math.Max(y, top + QrSize) + Mm(1);
        var urlTop = y;
        DrawLines(urlLines, small, Ink, Left);
        Link(new XRect(Left, urlTop, Width, y - urlTop), url);
        y += body.GetHeight() / 2;
    }

    /// <summary>Finishes the document (footers and page numbers on every page) and returns the PDF file's bytes.</summary>
    public byte[] ToBytes()
    {
        if (result is not null) return result;
        gfx.Dispose();
        var count = document.PageCount;
        for (var i = 0; i < count; i++)
        {
            var p = document.Pages[i];
            using var g = XGraphics.FromPdfPage(p, XGraphicsPdfPageOptions.Append);
            var lineY = p.Height.Point - Margin - FooterBand / 2;
            g.DrawLine(Rule, Left, lineY, p.Width.Point - Margin, lineY);
            var number = string.Format(CultureInfo.InvariantCulture, T.PageOf.In(lang), i + 1, count);
            var numberWidth = g.MeasureString(number, small).Width;
            g.DrawString(number, small, Muted, p.Width.Point - Margin - numberWidth, lineY + 2, XStringFormats.TopLeft);
            if (!string.IsNullOrWhiteSpace(Footer))
            {
                var room = p.Width.Point - 2 * Margin - numberWidth - Mm(5);
                g.DrawString(Fit(g, Footer, small, room), small, Muted, Left, lineY + 2, XStringFormats.TopLeft);
            }
        }
        using var output = new MemoryStream();
        document.Save(output, closeStream: false);
        result = output.ToArray();
        return result;
    }

    public void Dispose()
    {
        if (result is null) gfx.Dispose();
        document.Dispose();
    }

    private static XFont Font(double size, bool bold = false) =>
        new(NotoFontResolver.Family, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular, new XPdfFontOptions(PdfFontEncoding.Unicode));

    private static double Mm(double millimetres) => XUnit.FromMillimeter(millimetres).Point;

    private static double Ascent(XFont font) => font.Size * font.Metrics.Ascent / font.Metrics.UnitsPerEm;

    private void EnsureOpen()
    {
        if (result is not null) throw new InvalidOperationException("The PDF is finished: ToBytes was called.");
    }

    private void NewPage()
    {
        gfx?.Dispose();
        page = document.AddPage();
        page.Size = PageSize.A4;
        page.Orientation = PageOrientation.Portrait;
        gfx = XGraphics.FromPdfPage(page);
        y = Top;
    }

    /// <summary>Goes to a new page if <paramref name="height"/> does not fit (never from an empty page, so oversize blocks cannot loop).</summary>
    private void EnsureSpace(double height)
    {
        if (y + height > Bottom && y > Top) NewPage();
    }

    private void DrawLines(List<string> lines, XFont font, XBrush brush, double x)
    {
        var lh = font.GetHeight();
        foreach (var line in lines)
        {
            EnsureSpace(lh);
            gfx.DrawString(line, font, brush, x, y, XStringFormats.TopLeft);
            y += lh;
        }
    }

    /// <summary>Draws lines [from, to) of each cell as one ruled row at <see cref="y"/> and moves below it.</summary>
    private void DrawRow(List<string>[] cells, double[] widths, bool[] alignRight, int from, int to, XFont font, XBrush? fill)
    {
        var lh = font.GetHeight();
        var height = (to - from) * lh + 2 * CellPadY;
        var x = Left;
        for (var c = 0; c < cells.Length; c++)
        {
            var box = new XRect(x, y, widths[c], height);
            if (fill is not null) gfx.DrawRectangle(Rule, fill, box);
            else gfx.DrawRectangle(Rule, box);
            for (var i = from; i < Math.Min(to, cells[c].Count); i++)
            {
                var text = cells[c][i];
                var tx = alignRight[c] ? x + widths[c] - CellPadX - Measure(text, font) : x + CellPadX;
                gfx.DrawString(text, font, Ink, tx, y + CellPadY + (i - from) * lh, XStringFormats.TopLeft);
            }
            x += widths[c];
        }
        y += height;
    }

    private void Link(XRect area, string url) =>
        page.AddWebLink(new PdfRectangle(gfx.Transformer.WorldToDefaultPage(area)), url);

    private double Measure(string text, XFont font) => gfx.MeasureString(text, font).Width;

    /// <summary>
    /// Breaks text into lines no wider than <paramref name="width"/>: at spaces (a no-break space, as in
    /// "1 234,56 ₼", holds), at "\n", and inside a word only when the word alone is too wide.
    /// </summary>
    private List<string> Wrap(string text, XFont font, double width)
    {
        var lines = new List<string>();
        foreach (var paragraph in text.ReplaceLineEndings("\n").Split('\n'))
        {
            var line = "";
            foreach (var word in paragraph.Replace('\t', ' ').Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                // The whole candidate line is measured, as it will be drawn, so sums of parts cannot drift.
                if (line.Length > 0 && Measure(line + " " + word, font) <= width)
                {
                    line += " " + word;
                    continue;
                }
                if (line.Length > 0) lines.Add(line);
                line = word;
                while (Measure(line, font) > width)
                {
                    var piece = LongestFittingPrefix(line, font, width);
                    lines.Add(piece);
                    line = line[piece.Length..];
                }
            }
            lines.Add(line);
        }
        return lines;
    }

    /// <summary>The longest run of whole characters (text elements) from the start of a word that fits; at least one.</summary>
    private string LongestFittingPrefix(string word, XFont font, double width)
    {
        var length = 0;
        var elements = StringInfo.GetTextElementEnumerator(word);
        while (elements.MoveNext())
        {
            var next = elements.ElementIndex + elements.GetTextElement().Length;
            if (length > 0 && Measure(word[..next], font) > width) break;
            length = next;
        }
        return word[..length];
    }

    private static string Fit(XGraphics g, string text, XFont font, double width)
    {
        if (g.MeasureString(text, font).Width <= width) return text;
        var cut = text;
        while (cut.Length > 1 && g.MeasureString(cut + "…", font).Width > width) cut = cut[..^1];
        return cut.TrimEnd() + "…";
    }
}
