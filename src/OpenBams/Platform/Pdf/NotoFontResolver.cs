using System.Collections.Concurrent;
using PdfSharp.Drawing;
using PdfSharp.Fonts;

namespace OpenBams.Platform.Pdf;

/// <summary>
/// Gives PDFsharp the Noto Sans faces embedded in this assembly. PDFsharp finds no system fonts on
/// Linux, and Noto Sans is one family that has every Azerbaijani letter (ə Ə ş ğ ı İ …) and the manat sign ₼.
/// </summary>
internal sealed class NotoFontResolver : IFontResolver
{
    public const string Family = "Noto Sans";
    private const string RegularFace = "NotoSans-Regular";
    private const string BoldFace = "NotoSans-Bold";

    private static readonly ConcurrentDictionary<string, byte[]> Faces = new();

    public static readonly NotoFontResolver Instance = new();

    private NotoFontResolver() { }

    // Every family request gets Noto Sans: it is the only family shipped, and a PDF that silently
    // loses ə or ₼ to a missing font is worse than one in the "wrong" typeface.
    public FontResolverInfo ResolveTypeface(string familyName, bool isBold, bool isItalic) =>
        new(isBold ? BoldFace : RegularFace, isItalic ? XStyleSimulations.ItalicSimulation : XStyleSimulations.None);

    public byte[] GetFont(string faceName) => Faces.GetOrAdd(faceName, Load);

    private static byte[] Load(string faceName)
    {
        var name = $"OpenBams.Pdf.Fonts.{faceName}.ttf";
        using var stream = typeof(NotoFontResolver).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded font {name} is missing from the assembly.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
