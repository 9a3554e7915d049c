using System.Globalization;
using Placement.Matching.Domain;

namespace Placement.Matching.Features.Sessions;

/// <summary>Sessions and attendance as the contracts write them: times as « HH:MM ».</summary>
public static class SessionViews
{
    public static string Time(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);

    public static SessionResponse ToResponse(this WorkSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        return new SessionResponse(session.Id, session.PlacementId, session.Date, Time(session.Start), Time(session.End), session.Status, session.Reason,
            session.PlannedHours, session.Attendance is { } a
                ? new AttendanceResponse(a.Outcome, a.Arrival is { } ar ? Time(ar) : null, a.Departure is { } d ? Time(d) : null, a.BreakMinutes,
                    a.HoursCredited, a.Reason, a.Comment, a.ProofDueBy, a.RecordedBy, a.RecordedAt)
                : null);
    }

    /// <summary>The initial of a last name, as the host side reads it: « D. ».</summary>
    public static string Initial(string lastName) => string.IsNullOrEmpty(lastName) ? "" : lastName[..1].ToUpperInvariant() + ".";
}
