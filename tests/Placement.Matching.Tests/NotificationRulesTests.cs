using Placement.Kernel.Notifications;
using Placement.Notifications.Reminders;
using Placement.Notifications.Domain;

namespace Placement.Matching.Tests;

/// <summary>The small rules of notifications (issue 14): who hears of each kind and how by default, when reminders fall, retries.</summary>
public class NotificationRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 9, 0, 0, TimeSpan.Zero);

    /// <summary>A notice about one's own account concerns no role: nobody can turn it off, it is mailed at once.</summary>
    [Fact]
    public void EveryKind_HasOneAudience_ALabel_AndADefault()
    {
        Assert.Equal(Enum.GetValues<NotificationKind>(), NotificationKinds.All.Select(k => k.Kind).Order());
        Assert.All(NotificationKinds.All.Where(k => k.Kind != NotificationKind.ApplicationWithAccountAddress),
            k => Assert.Contains(k.Audience, new[] { CallerRoles.Partner, CallerRoles.Officer, CallerRoles.Coordinator }));
        Assert.Equal((CallerRoles.None, Delivery.Immediate), (NotificationKinds.Of(NotificationKind.ApplicationWithAccountAddress).Audience, NotificationKinds.Of(NotificationKind.ApplicationWithAccountAddress).Default));
        Assert.All(NotificationKinds.All, k => Assert.False(string.IsNullOrWhiteSpace(k.Label)));
    }

    [Theory]
    [InlineData("2026-11-27", null)] // three months and a day before
    [InlineData("2026-11-28", 3)]
    [InlineData("2027-01-27", 3)]
    [InlineData("2027-01-28", 1)]
    [InlineData("2027-02-28", 1)] // its last day
    [InlineData("2027-03-01", null)] // ended
    public void AHabilitationEnding28February_IsRemindedThreeMonthsThenOneMonthBefore(string today, int? months) =>
        Assert.Equal(months, CatalogueReminders.MonthsBefore(new DateOnly(2027, 2, 28), DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData(Delivery.Immediate, MailStatus.Pending)]
    [InlineData(Delivery.DailyDigest, MailStatus.Digest)]
    [InlineData(Delivery.ApplicationOnly, MailStatus.None)]
    public void ANotification_IsMailedAsItsRecipientChose(Delivery delivery, MailStatus status)
    {
        var digestAt = Now.AddHours(21);
        var n = new Notification(Guid.NewGuid(), NotificationKind.PlacementConfirmed, " Agent@SPIP.example ", "a1", new NotificationMessage("s", "t", "/"), delivery, Now, digestAt);
        Assert.Equal(status, n.MailStatus);
        Assert.Equal(delivery == Delivery.DailyDigest ? digestAt : Now, n.NextAttemptAt);
        Assert.Equal("agent@spip.example", n.Email);
    }

    [Fact]
    public void AFailedMail_WaitsDoublingFromAMinute_AtMostSixHours_AndIsGivenUpAfterTenAttempts()
    {
        var n = new Notification(Guid.NewGuid(), NotificationKind.PlacementProposed, "p@x.example", null, new NotificationMessage("s", "t", "/"), Delivery.Immediate, Now, Now);
        var waits = new List<double>();
        for (var i = 0; i < Notification.MaxAttempts - 1; i++)
        {
            n.SendingFailed("refusé", Now);
            waits.Add((n.NextAttemptAt - Now).TotalMinutes);
        }
        Assert.Equal([1, 2, 4, 8, 16, 32, 64, 128, 256], waits);
        Assert.Equal(MailStatus.Pending, n.MailStatus);
        n.SendingFailed("refusé", Now);
        Assert.Equal(MailStatus.Failed, n.MailStatus);
    }

    [Fact]
    public void ADigestsMessageId_DependsOnWhatItGathers_NotOnTheirOrder()
    {
        Notification Make() => new(Guid.NewGuid(), NotificationKind.PlacementConfirmed, "a@x.example", null, new NotificationMessage("s", "t", "/"), Delivery.DailyDigest, Now, Now);
        var (a, b, c) = (Make(), Make(), Make());
        Assert.Equal(Notification.DigestMessageId([a, b], "x.example"), Notification.DigestMessageId([b, a], "x.example"));
        Assert.NotEqual(Notification.DigestMessageId([a, b], "x.example"), Notification.DigestMessageId([a, b, c], "x.example"));
    }
}
