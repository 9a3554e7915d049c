using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Placement.Matching.Features.Calendar;

namespace Placement.Web.Features.Calendar;

/// <summary>
/// The host side's sessions as an iCalendar document (RFC 5545, Ical.Net): one event per session, its hours on the service's
/// clocks with their zone (TZID and its VTIMEZONE), « TIG — Prénom N. — poste » and the post's address, the session's id as
/// a stable UID, a cancelled session as STATUS:CANCELLED so that the calendar app takes it away.
/// </summary>
public static class CalendarFeed
{
    public const string ContentType = "text/calendar; charset=utf-8";

    public static string Write(IReadOnlyList<CalendarSession> sessions, TimeZoneInfo zone, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(sessions);
        ArgumentNullException.ThrowIfNull(zone);
        var calendar = new Ical.Net.Calendar { ProductId = "-//SPIP//Placement TIG//FR" };
        calendar.AddProperty("X-WR-CALNAME", "Placement TIG — séances");
        calendar.AddProperty("X-WR-TIMEZONE", zone.Id);
        var earliest = sessions.Count > 0 ? sessions[0].Date.ToDateTime(TimeOnly.MinValue) : now.UtcDateTime;
        calendar.AddTimeZone(zone.Id, earliest, includeHistoricalData: false);
        var stamp = new CalDateTime(now.UtcDateTime, "UTC", hasTime: true);
        foreach (var s in sessions)
        {
            calendar.Events.Add(new CalendarEvent
            {
                Uid = Uid(s.SessionId),
                Summary = Summary(s),
                Location = s.Place,
                DtStart = new CalDateTime(s.Date, s.Start, zone.Id),
                DtEnd = new CalDateTime(s.Date, s.End, zone.Id),
                DtStamp = stamp,
                Status = s.Cancelled ? Ical.Net.EventStatus.Cancelled : Ical.Net.EventStatus.Confirmed,
            });
        }
        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }

    /// <summary>Stable across feeds: a calendar app updates the same event when the session moves.</summary>
    public static string Uid(Guid sessionId) => $"{sessionId}@placement";

    /// <summary>« TIG — Karim B. — Entretien des espaces verts »: the first name and initial only.</summary>
    public static string Summary(CalendarSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        return $"TIG — {session.FirstName} {session.Initial} — {session.PostTitle}";
    }
}
