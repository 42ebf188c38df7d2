using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Html;

namespace OpenBams.Pages.Taxes.Reports;

/// <summary>
/// Bar charts drawn on the server as inline SVG, in the style of the register's statistics: they need no JavaScript, print,
/// and every bar carries its value as a tooltip and a label.
/// </summary>
public static class TaxCharts
{
    public static readonly string[] Colors = ["#0b5cad", "#2e7d32", "#b26a00", "#8e24aa", "#c62828"];

    /// <summary>Groups of bars (one bar per series in each group), with a legend; values in qəpik, labelled in manat.</summary>
    public static IHtmlContent Bars(string id, string title, IReadOnlyList<string> series, IReadOnlyList<(string Label, long[] Values)> groups,
        Func<long, string> format, int height = 180)
    {
        const int bar = 22, inner = 4, gap = 18, top = 24, bottom = 40, legend = 22;
        var groupWidth = series.Count * bar + (series.Count - 1) * inner;
        var width = Math.Max(260, gap + groups.Count * (groupWidth + gap));
        var max = Math.Max(1, groups.SelectMany(g => g.Values).DefaultIfEmpty(0).Max());
        var sb = new StringBuilder();
        string E(string s) => WebUtility.HtmlEncode(s);
        string N(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);
        sb.Append($"<figure class=\"chart\" id=\"{E(id)}\"><svg viewBox=\"0 0 {width} {height + top + bottom + legend}\" role=\"img\" aria-label=\"{E(title)}\">");
        sb.Append($"<line x1=\"{gap / 2}\" y1=\"{top + height}\" x2=\"{width - gap / 2}\" y2=\"{top + height}\" stroke=\"#777\" stroke-width=\"1\"/>");
        for (var g = 0; g < groups.Count; g++)
        {
            var x0 = gap + g * (groupWidth + gap);
            for (var s = 0; s < series.Count; s++)
            {
                var v = Math.Max(0, groups[g].Values[s]);
                var h = (double)v / max * height;
                var x = x0 + s * (bar + inner);
                sb.Append($"<rect x=\"{x}\" y=\"{N(top + height - h)}\" width=\"{bar}\" height=\"{N(h)}\" fill=\"{Colors[s % Colors.Length]}\" class=\"bar s{s}\">")
                  .Append($"<title>{E(groups[g].Label)} — {E(series[s])}: {E(format(groups[g].Values[s]))}</title></rect>");
            }
            sb.Append($"<text x=\"{x0 + groupWidth / 2}\" y=\"{top + height + 16}\" text-anchor=\"middle\" font-size=\"12\">{E(groups[g].Label)}</text>");
        }
        var lx = gap;
        for (var s = 0; s < series.Count; s++)
        {
            var y = top + height + bottom;
            sb.Append($"<rect x=\"{lx}\" y=\"{y}\" width=\"12\" height=\"12\" fill=\"{Colors[s % Colors.Length]}\"/>")
              .Append($"<text x=\"{lx + 16}\" y=\"{y + 11}\" font-size=\"12\">{E(series[s])}</text>");
            lx += 30 + series[s].Length * 7;
        }
        sb.Append($"<text x=\"{gap}\" y=\"14\" font-size=\"12\" fill=\"#555\">max {E(format(max))}</text>");
        sb.Append("</svg></figure>");
        return new HtmlString(sb.ToString());
    }
}
