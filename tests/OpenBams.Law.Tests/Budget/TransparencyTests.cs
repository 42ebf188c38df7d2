using OpenBams.Law.Budget;

namespace OpenBams.Law.Tests.Budget;

/// <summary>FL 10.1, 11.3, LTP 12.3, SL 52-2.3: where budget documents are published.</summary>
public class TransparencyTests
{
    [Fact]
    public void LTP_12_3_annual_reports_go_on_the_boards_in_front_of_the_municipal_building()
    {
        var d = Transparency.Duties.Single(x => x.Article.ToString() == "LTP 12.3");
        Assert.Contains(PublicationChannel.NoticeBoardAtBuilding, d.Channels);
        Assert.Contains(PublicationChannel.Bulletin, d.Channels);
        Assert.Contains("xüsusi lövhələrdə", d.TextAz);
    }

    [Fact]
    public void FL_10_1_and_FL_11_3_the_draft_and_the_annual_report_are_published_on_the_portal()
    {
        Assert.All(Transparency.Duties.Where(d => d.Article.Act == "FL"), d => Assert.Contains(PublicationChannel.Website, d.Channels));
        Assert.Equal(["draft", "annualReport", "taxCollectionAndUse", "reportToVoters"], Transparency.Duties.Select(d => d.What));
    }
}
