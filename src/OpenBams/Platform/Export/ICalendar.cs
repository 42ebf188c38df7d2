using System.Globalization;
using System.Text;

namespace OpenBams.Platform.Export;

/// <summary>
/// An iCalendar (RFC 5545) writer: CRLF line endings, TEXT values escaped (3.3.11), content lines folded at 75
/// octets of UTF-8 without splitting a character (3.1). Times are local to Asia/Baku (UTC+4 all year since 2016),
/// declared once in a VTIMEZONE.
/// </summary>
public sealed class ICalendar
{
    public const string ContentType = "text/calendar; charset=utf-8";
    public const string BakuZone = "Asia/Baku";
    private readonly StringBuilder _sb = new();

    public ICalendar(string productId, string name)
    {
        Line("BEGIN:VCALENDAR");
        Line("VERSION:2.0");
        Line("PRODID:" + productId);
        Line("CALSCALE:GREGORIAN");
        Line("METHOD:PUBLISH");
        Line("X-WR-CALNAME:" + Escape(name));
        Line("X-WR-TIMEZONE:" + BakuZone);
        // Azerbaijan has kept UTC+4 without daylight saving since 2016; older events are not exported with other offsets.
        Line("BEGIN:VTIMEZONE");
        Line("TZID:" + BakuZone);
        Line("BEGIN:STANDARD");
        Line("DTSTART:19700101T000000");
        Line("TZOFFSETFROM:+0400");
        Line("TZOFFSETTO:+0400");
        Line("TZNAME:+04");
        Line("END:STANDARD");
        Line("END:VTIMEZONE");
    }

    /// <summary>One event. <paramref name="start"/> is Baku local time; <paramref name="endUtc"/> optional.</summary>
    public void Event(string uid, DateTime stampUtc, DateTime start, DateTime? endUtc, string summary, string? location, string? description,
        bool cancelled, long sequence)
    {
        Line("BEGIN:VEVENT");
        Line("UID:" + uid);
        Line("DTSTAMP:" + Utc(stampUtc));
        Line($"DTSTART;TZID={BakuZone}:" + start.ToString("yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture));
        if (endUtc is { } end) Line("DTEND:" + Utc(end));
        Line("SEQUENCE:" + sequence.ToString(CultureInfo.InvariantCulture));
        Line("SUMMARY:" + Escape(summary));
        if (!string.IsNullOrWhiteSpace(location)) Line("LOCATION:" + Escape(location));
        if (!string.IsNullOrWhiteSpace(description)) Line("DESCRIPTION:" + Escape(description));
        Line("STATUS:" + (cancelled ? "CANCELLED" : "CONFIRMED"));
        Line("END:VEVENT");
    }

    public override string ToString() => _sb.ToString() + "END:VCALENDAR\r\n";

    private static string Utc(DateTime t) => DateTime.SpecifyKind(t, DateTimeKind.Utc).ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    /// <summary>RFC 5545 3.3.11: backslash, semicolon and comma escaped; line breaks as \n.</summary>
    public static string Escape(string value) => value
        .Replace("\\", "\\\\").Replace(";", "\\;").Replace(",", "\\,")
        .Replace("\r\n", "\\n").Replace("\n", "\\n").Replace("\r", "\\n");

    private void Line(string content)
    {
        foreach (var part in Fold(content)) _sb.Append(part).Append("\r\n");
    }

    /// <summary>
    /// RFC 5545 3.1: lines longer than 75 octets are split, each continuation starting with one space (which counts
    /// toward its 75). A UTF-8 sequence is never split.
    /// </summary>
    public static IEnumerable<string> Fold(string line)
    {
        var start = 0;
        var limit = 75;
        var first = true;
        while (start < line.Length)
        {
            var bytes = 0;
            var i = start;
            while (i < line.Length)
            {
                var len = char.IsHighSurrogate(line[i]) && i + 1 < line.Length ? 2 : 1;
                var size = Encoding.UTF8.GetByteCount(line.AsSpan(i, len));
                if (bytes + size > limit) break;
                bytes += size;
                i += len;
            }
            yield return (first ? "" : " ") + line[start..i];
            first = false;
            start = i;
            limit = 74;  // the leading space takes one octet
        }
        if (line.Length == 0) yield return "";
    }
}
