using PdfSharp;
using PdfSharp.Fonts;

namespace OpenBams.Platform.Pdf;

/// <summary>
/// PDFsharp's process-wide settings, made once before the first document: the AGPL licence
/// (PDFsharp 6.5 refuses to work without it; OpenBAMS is AGPL-3.0-or-later) and the font resolver
/// (PDFsharp keeps the first resolver it is given and ignores later ones, so it is set exactly once).
/// </summary>
internal static class PdfSetup
{
    private static readonly Lazy<bool> Done = new(Apply, LazyThreadSafetyMode.ExecutionAndPublication);

    public static void EnsureDone() => _ = Done.Value;

    private static bool Apply()
    {
        PdfSharpLicense.SetAgplLicense();
        var current = GlobalFontSettings.FontResolver;
        if (current is null)
            GlobalFontSettings.FontResolver = NotoFontResolver.Instance;
        else if (current is not NotoFontResolver)
            throw new InvalidOperationException(
                $"Another PDFsharp font resolver ({current.GetType().FullName}) was set; OpenBAMS documents need {nameof(NotoFontResolver)}.");
        return true;
    }
}
