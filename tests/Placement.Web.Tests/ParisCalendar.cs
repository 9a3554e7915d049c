using Microsoft.Extensions.Time.Testing;

namespace Placement.Web.Tests;

/// <summary>The service's calendar on Paris clocks (its default zone), for what a test builds by hand.</summary>
internal static class ParisCalendar
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById(CalendarOptions.DefaultTimeZone);

    /// <summary>Stopped at <paramref name="at"/>.</summary>
    public static ServiceCalendar At(DateTimeOffset at) => new(new FakeTimeProvider(at), Zone);

    public static ServiceCalendar Of(TimeProvider clock) => new(clock, Zone);
}
