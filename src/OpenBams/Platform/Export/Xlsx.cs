using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace OpenBams.Platform.Export;

/// <summary>Streams a register to a one-sheet XLSX workbook (Open XML SDK, SAX writer: constant memory).</summary>
public static class Xlsx
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static async Task WriteAsync(Stream output, string sheetName, IReadOnlyList<string> header,
        IAsyncEnumerable<IReadOnlyList<object?>> rows, CancellationToken ct = default)
    {
        // The SDK needs a seekable stream; buffer to a temp file so large registers do not sit in memory.
        var tmp = Path.GetTempFileName();
        try
        {
            await using (var fs = new FileStream(tmp, FileMode.Create, FileAccess.ReadWrite))
            {
                using (var doc = SpreadsheetDocument.Create(fs, SpreadsheetDocumentType.Workbook))
                {
                    var wb = doc.AddWorkbookPart();
                    wb.Workbook = new Workbook();
                    var styles = wb.AddNewPart<WorkbookStylesPart>();
                    styles.Stylesheet = Stylesheet();
                    var ws = wb.AddNewPart<WorksheetPart>();
                    using (var w = OpenXmlWriter.Create(ws))
                    {
                        w.WriteStartElement(new Worksheet());
                        w.WriteStartElement(new SheetViews());
                        w.WriteStartElement(new SheetView { WorkbookViewId = 0 });
                        w.WriteElement(new Pane { VerticalSplit = 1, TopLeftCell = "A2", State = PaneStateValues.Frozen, ActivePane = PaneValues.BottomLeft });
                        w.WriteEndElement();
                        w.WriteEndElement();
                        w.WriteStartElement(new SheetData());
                        WriteRow(w, header.Cast<object?>().ToList(), styleIndex: 1);
                        await foreach (var row in rows.WithCancellation(ct))
                            WriteRow(w, row, styleIndex: 0);
                        w.WriteEndElement();
                        w.WriteEndElement();
                    }
                    wb.Workbook.AppendChild(new Sheets(new Sheet
                    {
                        Id = wb.GetIdOfPart(ws),
                        SheetId = 1,
                        Name = sheetName.Length > 31 ? sheetName[..31] : sheetName,
                    }));
                    wb.Workbook.Save();
                }
            }
            await using var read = File.OpenRead(tmp);
            await read.CopyToAsync(output, ct);
        }
        finally
        {
            File.Delete(tmp);
        }
    }

    private static void WriteRow(OpenXmlWriter w, IReadOnlyList<object?> values, uint styleIndex)
    {
        w.WriteStartElement(new Row());
        foreach (var v in values)
        {
            switch (v)
            {
                case null:
                    w.WriteElement(new Cell());
                    break;
                case int or long or decimal or double:
                    w.WriteElement(new Cell { DataType = CellValues.Number, CellValue = new CellValue(Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture)!), StyleIndex = styleIndex });
                    break;
                case DateOnly d:
                    w.WriteElement(new Cell { DataType = CellValues.String, CellValue = new CellValue(d.ToString("dd.MM.yyyy")), StyleIndex = styleIndex });
                    break;
                default:
                    w.WriteElement(new Cell(new InlineString(new Text(Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture) ?? ""))) { DataType = CellValues.InlineString, StyleIndex = styleIndex });
                    break;
            }
        }
        w.WriteEndElement();
    }

    private static Stylesheet Stylesheet() => new(
        new Fonts(new Font(), new Font(new Bold())),
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })),
        new Borders(new Border()),
        new CellFormats(new CellFormat(), new CellFormat { FontId = 1, ApplyFont = true }));
}
