using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Placement.Kernel.Notifications;
using Placement.Matching.Domain;
using Placement.Matching.Features.Sessions;
using Placement.Matching.Persistence;

namespace Placement.Matching.Features.Incidents;

/// <summary>
/// Unexcused absences that repeat (<see cref="SessionOptions.UnexcusedAbsencesForIncident"/> within
/// <see cref="SessionOptions.UnexcusedAbsencesWindowDays"/> days, 2 in 30 by default) open an incident by themselves, unless one
/// opened so is still open for the placement; the officer is told as for any incident.
/// </summary>
public sealed class RepeatedAbsences(IMatchingStore store, SessionPlanning planning, IOptions<SessionOptions> options, ServiceCalendar calendar)
{
    public const string Author = "Placement (automatique)";

    public async Task<Incident?> CheckAsync(TigPlacement placement, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(placement);
        var o = options.Value;
        var last = (await planning.SessionsOfAsync(placement.Id, ct))
            .Where(s => s.Attendance?.Outcome == AttendanceOutcome.UnexcusedAbsence).Select(s => s.Date).OrderDescending().ToList();
        if (last.Count == 0) return null;
        var within = last.Where(d => d > last[0].AddDays(-o.UnexcusedAbsencesWindowDays)).Order().ToList();
        if (within.Count < o.UnexcusedAbsencesForIncident) return null;
        if (await store.Incidents.AnyAsync(i => i.PlacementId == placement.Id && i.Automatic && i.Status == IncidentStatus.Open, ct)) return null;
        var now = calendar.UtcNow;
        var incident = new Incident(Guid.NewGuid(), placement.Id, placement.PersonId, IncidentKind.Absence,
            $"{within.Count} absences injustifiées en {o.UnexcusedAbsencesWindowDays} jours : " + string.Join(", ", within.Select(French.Date)) + ".",
            suspended: false, accident: null, Author, automatic: true, now);
        store.Incidents.Add(incident);
        store.NotificationEvents.Add(new NotificationEvent(NotificationKind.IncidentReported, now, placement.Id, placement.PostId, personId: placement.PersonId,
            detail: "absences injustifiées répétées"));
        return incident;
    }
}
