using System.Reflection;
using OpenBams.Law;

namespace OpenBams.Law.Tests;

public class LegalReferenceTests
{
    [Theory]
    [InlineData("SL 16.1", "SL", "16.1")]
    [InlineData("EC 210.2", "EC", "210.2")]
    [InlineData("LML 18.13", "LML", "18.13")]
    [InlineData("Const. 145", "Const.", "145")]
    [InlineData("TAX-REG 5.2", "TAX-REG", "5.2")]
    [InlineData("SL 15.2-4", "SL", "15.2-4")]
    [InlineData("SL 52-2.3", "SL", "52-2.3")]
    [InlineData("Const. 145.II", "Const.", "145.II")]
    public void Parse_reads_act_and_article(string text, string act, string article)
    {
        var r = LegalReference.Parse(text);
        Assert.Equal(act, r.Act);
        Assert.Equal(article, r.Article);
        Assert.Equal(text, r.ToString());
    }

    [Theory]
    [InlineData("sl 16.1", "SL 16.1")]
    [InlineData("  EC   210.2  ", "EC 210.2")]
    [InlineData("Const 145", "Const. 145")]
    [InlineData("const. 145", "Const. 145")]
    [InlineData("tax-reg 5.2", "TAX-REG 5.2")]
    [InlineData("D162 2", "D162 2")]
    public void Parse_canonicalises_known_codes_and_spacing(string text, string expected) =>
        Assert.Equal(expected, LegalReference.Parse(text).ToString());

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("SL")]
    [InlineData("16.1")]
    [InlineData("SL16.1")]
    [InlineData("SL 16.1 extra")]
    [InlineData("hello 1")]
    [InlineData("SL abc")]
    [InlineData("SL 16.")]
    [InlineData("SL .16")]
    [InlineData("SL 16..1")]
    [InlineData("Ş 16.1")]
    [InlineData("SL 16,1")]
    public void Parse_refuses_garbage(string text)
    {
        Assert.Throws<FormatException>(() => LegalReference.Parse(text));
        Assert.False(LegalReference.TryParse(text, out var r));
        Assert.Equal(default, r);
    }

    [Fact]
    public void TryParse_refuses_null() => Assert.False(LegalReference.TryParse(null, out _));

    [Fact]
    public void TryParse_accepts_a_citation()
    {
        Assert.True(LegalReference.TryParse("SL 48.1", out var r));
        Assert.Equal(new LegalReference("SL", "48.1"), r);
    }

    [Fact]
    public void Constructor_validates_and_canonicalises()
    {
        Assert.Equal("SL 16.1", new LegalReference("sl", "16.1").ToString());
        Assert.Throws<ArgumentException>(() => new LegalReference("", "16.1"));
        Assert.Throws<ArgumentException>(() => new LegalReference("SL", "x"));
    }

    [Fact]
    public void Equal_references_are_equal_and_deconstruct()
    {
        Assert.Equal(LegalReference.Parse("sl 16.1"), LegalReference.Parse("SL 16.1"));
        Assert.NotEqual(LegalReference.Parse("SL 16.1"), LegalReference.Parse("SL 16.2"));
        var (act, article) = LegalReference.Parse("EC 210.2");
        Assert.Equal(("EC", "210.2"), (act, article));
    }

    [Theory]
    [InlineData("SL", "Bələdiyyələrin statusu haqqında Qanun", "Law on the Status of Municipalities")]
    [InlineData("EC", "Seçki Məcəlləsi", "Election Code")]
    [InlineData("LML", "Bələdiyyə torpaqlarının idarə edilməsi haqqında Qanun", "Law on Management of Municipal Lands")]
    [InlineData("Const.", "Azərbaycan Respublikasının Konstitusiyası", "Constitution of the Republic of Azerbaijan")]
    [InlineData("Const", "Azərbaycan Respublikasının Konstitusiyası", "Constitution of the Republic of Azerbaijan")]
    [InlineData("LC", "Əmək Məcəlləsi", "Labour Code")]
    [InlineData("TAX", "Vergi Məcəlləsi", "Tax Code")]
    public void Acts_have_titles_in_both_languages(string act, string az, string en)
    {
        Assert.Equal(az, Acts.Title(act, "az"));
        Assert.Equal(en, Acts.Title(act, "en"));
    }

    [Fact]
    public void Every_act_code_has_both_titles_and_parses()
    {
        string[] expected = ["SL", "EC", "LML", "FL", "LTP", "LRL", "AOL", "MSL", "TLL", "MERGER", "Const.", "LC", "TAX", "TAX-REG", "MEMBER", "COMM", "MC", "LTP-DECREE"];
        Assert.Equal(expected.Order(), Acts.Codes.Order());
        foreach (var code in Acts.Codes)
        {
            Assert.False(string.IsNullOrWhiteSpace(Acts.Title(code, "az")));
            Assert.False(string.IsNullOrWhiteSpace(Acts.Title(code, "en")));
            Assert.NotEqual(Acts.Title(code, "az"), Acts.Title(code, "en"));
            Assert.Equal(code, LegalReference.Parse(code + " 1").Act);
        }
        Assert.Contains("771-IQ", Acts.Title(Acts.TLL, "en"));
        Assert.Contains("858-IQ", Acts.Title(Acts.MERGER, "az"));
    }

    [Fact]
    public void Title_refuses_unknown_act_or_language()
    {
        Assert.Throws<ArgumentException>(() => Acts.Title("XYZ", "en"));
        Assert.Throws<ArgumentException>(() => Acts.Title("SL", "ru"));
        Assert.False(Acts.IsKnown("XYZ"));
        Assert.True(Acts.IsKnown("tax-reg"));
    }

    [Fact]
    public void Law_attribute_exposes_the_parsed_reference()
    {
        var attribute = new LawAttribute("EC 210.2");
        Assert.Equal(new LegalReference("EC", "210.2"), attribute.Reference);
        Assert.Throws<FormatException>(() => new LawAttribute("not a citation"));
    }

    [Fact]
    public void Every_Law_attribute_in_the_kernel_cites_a_known_act()
    {
        var assembly = typeof(LegalReference).Assembly;
        var found = new List<LegalReference>();
        foreach (var type in assembly.GetTypes())
        {
            found.AddRange(type.GetCustomAttributes<LawAttribute>().Select(a => a.Reference));
            foreach (var member in type.GetMembers(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly))
                found.AddRange(member.GetCustomAttributes<LawAttribute>().Select(a => a.Reference));
        }
        Assert.NotEmpty(found);
        Assert.All(found, r => Assert.True(Acts.IsKnown(r.Act), $"{r} cites an unknown act"));
        Assert.Contains(LegalReference.Parse("EC 210.2"), found);
        Assert.Contains(LegalReference.Parse("SL 15.2-4"), found);
        Assert.Contains(LegalReference.Parse("LML 18.13"), found);
    }

    [Fact]
    public void LegalRuleViolation_carries_rule_field_and_both_messages()
    {
        var v = new LegalRuleViolation(LegalReference.Parse("SL 16.1"), "present", "Kvorum yoxdur.", "No quorum.");
        Assert.Equal("SL 16.1", v.Rule.ToString());
        Assert.Equal("present", v.Field);
        Assert.Equal("Kvorum yoxdur.", v.MessageAz);
        Assert.Equal("No quorum.", v.MessageEn);
        Assert.Equal("No quorum.", v.Message);
    }
}
