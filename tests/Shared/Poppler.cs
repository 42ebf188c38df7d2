using System.Diagnostics;

namespace OpenBams.Testing;

/// <summary>Reads a PDF as a person or a search tool would: the text poppler's pdftotext extracts (./test.sh installs it).</summary>
public static class Poppler
{
    public static string Text(byte[] pdf)
    {
        var file = Path.Combine(Path.GetTempPath(), $"openbams-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(file, pdf);
        try
        {
            using var p = Process.Start(new ProcessStartInfo("pdftotext", ["-layout", "-enc", "UTF-8", file, "-"]) { RedirectStandardOutput = true })!;
            var text = p.StandardOutput.ReadToEnd();
            p.WaitForExit();
            if (p.ExitCode != 0) throw new InvalidOperationException($"pdftotext exited with {p.ExitCode}");
            return text;
        }
        finally { File.Delete(file); }
    }
}
