using OpenBams.Law.Taxes;

namespace OpenBams.Law.Tests.Taxes;

/// <summary>LML 18.11: payment notices reach the taxpayer by 1 August; revised notices after it within 30 days.</summary>
public class NoticeDeliveryTests
{
    private static readonly DateOnly Issued = new(2026, 6, 20);

    [Fact]
    public void LML_18_11_a_notice_delivered_on_1_August_is_on_time()
    {
        Assert.Equal(new DateOnly(2026, 8, 1), NoticeDelivery.DueBy(2026, 0, Issued));
        Assert.False(NoticeDelivery.IsLate(2026, 0, Issued, new DateOnly(2026, 8, 1), new DateOnly(2026, 12, 1)));
    }

    [Fact]
    public void LML_18_11_a_notice_delivered_on_2_August_is_late()
    {
        Assert.True(NoticeDelivery.IsLate(2026, 0, Issued, new DateOnly(2026, 8, 2), new DateOnly(2026, 12, 1)));
    }

    [Fact]
    public void LML_18_11_an_undelivered_notice_is_late_only_after_1_August()
    {
        Assert.False(NoticeDelivery.IsLate(2026, 0, Issued, null, new DateOnly(2026, 8, 1)));
        Assert.True(NoticeDelivery.IsLate(2026, 0, Issued, null, new DateOnly(2026, 8, 2)));
    }

    [Fact]
    public void LML_18_11_the_annual_notice_issued_after_1_August_is_still_due_by_1_August()
    {
        Assert.Equal(new DateOnly(2026, 8, 1), NoticeDelivery.DueBy(2026, 0, new DateOnly(2026, 9, 10)));
    }

    [Fact]
    public void LML_18_11_a_revision_issued_by_1_August_keeps_1_August_and_a_later_one_has_30_days()
    {
        Assert.Equal(new DateOnly(2026, 8, 1), NoticeDelivery.DueBy(2026, 1, new DateOnly(2026, 8, 1)));
        Assert.Equal(new DateOnly(2026, 9, 1), NoticeDelivery.DueBy(2026, 1, new DateOnly(2026, 8, 2)));
        Assert.False(NoticeDelivery.IsLate(2026, 1, new DateOnly(2026, 8, 2), new DateOnly(2026, 9, 1), new DateOnly(2026, 12, 1)));
        Assert.True(NoticeDelivery.IsLate(2026, 1, new DateOnly(2026, 8, 2), new DateOnly(2026, 9, 2), new DateOnly(2026, 12, 1)));
    }
}
