using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.Extensions.Time.Testing;

namespace Placement.Catalogue.Tests;

/// <summary>
/// « Today » is the day in Paris, not in UTC: in winter Paris is UTC+1, in summer UTC+2, so just after midnight in Paris
/// the UTC date is still yesterday's.
/// </summary>
public class ServiceCalendarTests
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    private static ServiceCalendar At(string utc) =>
        new(new FakeTimeProvider(DateTimeOffset.Parse(utc, CultureInfo.InvariantCulture)), Paris);

    [Theory]
    [InlineData("2026-12-15T22:30:00Z", "2026-12-15")] // winter, 23:30 in Paris
    [InlineData("2026-12-15T23:30:00Z", "2026-12-16")] // winter, 00:30 in Paris
    [InlineData("2026-07-15T21:30:00Z", "2026-07-15")] // summer, 23:30 in Paris
    [InlineData("2026-07-15T22:30:00Z", "2026-07-16")] // summer, 00:30 in Paris
    public void Today_IsTheDateInParis(string utc, string paris) =>
        Assert.Equal(DateOnly.Parse(paris, CultureInfo.InvariantCulture), At(utc).Today);

    [Theory]
    [InlineData("2026-12-15T22:30:00Z", "2026-12-22", 1)] // 23:30 in Paris on the 15th: seven days
    [InlineData("2026-12-15T23:30:00Z", "2026-12-22", 0)] // 00:30 in Paris on the 16th: six days, this week
    [InlineData("2026-07-15T21:30:00Z", "2026-07-22", 1)]
    [InlineData("2026-07-15T22:30:00Z", "2026-07-22", 0)]
    [InlineData("2026-07-15T22:30:00Z", "2026-07-15", -1)] // yesterday in Paris: past
    public void WeeksUntil_CountsWholeWeeksFromTodayInParis(string utc, string deadline, int weeks) =>
        Assert.Equal(weeks, At(utc).WeeksUntil(DateOnly.Parse(deadline, CultureInfo.InvariantCulture)));

    [Fact]
    public void Times_AreShownOnParisClocks_AndDaysStartAtMidnightThere()
    {
        var calendar = At("2026-07-15T22:30:00Z");
        Assert.Equal(new DateTime(2026, 7, 16, 0, 30, 0), calendar.ToLocal(calendar.UtcNow));
        Assert.Equal(new DateTime(2026, 12, 16, 0, 30, 0), calendar.ToLocal(new DateTimeOffset(2026, 12, 15, 23, 30, 0, TimeSpan.Zero)));
        Assert.Equal(new DateTimeOffset(2026, 7, 15, 22, 0, 0, TimeSpan.Zero), calendar.StartOf(new DateOnly(2026, 7, 16)));
        Assert.Equal(new DateTimeOffset(2026, 12, 15, 23, 0, 0, TimeSpan.Zero), calendar.StartOf(new DateOnly(2026, 12, 16)));
    }

    [Theory]
    [InlineData(null, null, "Europe/Paris")]
    [InlineData(null, "America/Cayenne", "America/Cayenne")] // the former key, alone
    [InlineData("Indian/Reunion", "America/Cayenne", "Indian/Reunion")] // both: Placement:TimeZone wins
    public void TheZone_IsPlacementTimeZone_ElseTheFormerMailKey_ElseParis(string? zone, string? mailZone, string expected) =>
        Assert.Equal(expected, new CalendarOptions { TimeZone = zone, Mail = new() { TimeZone = mailZone } }.ZoneId);

    [Theory]
    [InlineData("Europe/Lyon", null, "TimeZone")]
    [InlineData(null, "Paris", "Mail.TimeZone")]
    public void AnUnknownZone_IsRefused_OnTheKeyItWasReadFrom(string? zone, string? mailZone, string member)
    {
        var options = new CalendarOptions { TimeZone = zone, Mail = new() { TimeZone = mailZone } };
        var error = Assert.Single(options.Validate(new ValidationContext(options)));
        Assert.Equal([member], error.MemberNames);
        Assert.Contains("fuseau horaire inconnu", error.ErrorMessage, StringComparison.Ordinal);
    }
}
