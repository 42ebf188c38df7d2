namespace OpenBams.Platform.Pdf;

/// <summary>Returns a document from a minimal API endpoint: <c>return Results.Extensions.Pdf(pdf, "protokol-5.pdf");</c></summary>
public static class PdfResults
{
    public const string ContentType = "application/pdf";

    public static IResult Pdf(this IResultExtensions _, byte[] bytes, string fileName) =>
        Results.File(bytes, ContentType, fileName);

    public static IResult Pdf(this IResultExtensions results, PdfDocumentWriter document, string fileName) =>
        results.Pdf(document.ToBytes(), fileName);
}
