using Placement.Matching.Features.Sessions;

namespace Placement.Web.Features.Sessions.Host;

/// <summary>The attendance buttons of one session (<c>_Attendance.cshtml</c>): the session, who it is for, and the form the page got back.</summary>
public sealed record AttendanceView(SessionResponse Session, string Person, SessionForm Posted)
{
    public string? SentOutcome => Posted.Form == "attendance" && Posted.SessionId == Session.Id ? Posted.Outcome : null;
}
