using Microsoft.EntityFrameworkCore;
using Placement.Matching.Domain;
using Placement.Matching.Engine;
using Placement.Matching.Persistence;

namespace Placement.Matching.Features.Sessions;

/// <summary>
/// Keeps a placement's coming sessions enough to finish its hours: when it is confirmed or resumed, and whenever a session
/// is lost (an absence, a session cancelled, fewer hours worked than planned), the <see cref="SessionPlanner"/> plans what the
/// open sessions from today on do not cover, from tomorrow; and cancels the coming sessions when the work stops.
/// </summary>
public sealed class SessionPlanning(IMatchingStore store, ServiceCalendar calendar)
{
    /// <summary>The placement's sessions, tracked, with those added in this unit of work.</summary>
    public async Task<List<WorkSession>> SessionsOfAsync(Guid placementId, CancellationToken ct)
    {
        var saved = await store.Sessions.Where(s => s.PlacementId == placementId).ToListAsync(ct);
        return [.. saved.Union(store.Sessions.Local.Where(s => s.PlacementId == placementId)).OrderBy(s => s.Date).ThenBy(s => s.Start)];
    }

    /// <summary>Hours the open sessions from today on cover.</summary>
    public static double ComingHours(IEnumerable<WorkSession> sessions, DateOnly today) =>
        sessions.Where(s => s.IsOpen && s.Date >= today).Sum(s => s.PlannedHours);

    /// <summary>What the coming sessions do not cover of the hours left.</summary>
    public static double Shortfall(TigPlacement placement, IEnumerable<WorkSession> sessions, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(placement);
        if (!placement.IsUnderway) return 0;
        return Math.Round(Math.Max(0, placement.HoursTarget - placement.HoursLogged - ComingHours(sessions, today)), 4);
    }

    /// <summary>
    /// Plans, from tomorrow, the hours the coming sessions do not cover (a placement under way only), or cancels the last ones
    /// no longer needed; returns the shortfall left.
    /// </summary>
    public async Task<double> TopUpAsync(TigPlacement placement, string by, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(placement);
        if (!placement.IsUnderway) return 0;
        var today = calendar.Today;
        var sessions = await SessionsOfAsync(placement.Id, ct);
        var toPlan = placement.HoursTarget - placement.HoursLogged - ComingHours(sessions, today);
        if (toPlan < -1e-9) Trim(sessions, today, -toPlan);
        if (toPlan <= 1e-9) return 0;
        var post = await store.Posts.AsNoTracking().FirstAsync(p => p.Id == placement.PostId, ct);
        var person = await store.Persons.FirstAsync(p => p.Id == placement.PersonId, ct);
        Placements.MedicalCheck.EnsureCleared(person, post, today); // no session before the medical examination (R.623-14)
        var from = today.AddDays(1);
        var weekStart = SessionPlanner.WeekOf(from);
        var taken = sessions.Where(s => s.Status == SessionStatus.Planned && s.Date >= weekStart).Select(s => new WorkSlot(s.Date, s.Start, s.End)).ToList();
        var plan = SessionPlanner.Plan(new PlanningRequest(post.Details.Schedule, post.Details.MaxWeeklyHoursPerPerson, post.Details.OpenPeriod,
            person.Profile.Availability, person.Profile.BirthDate, post.Departement, from, person.Profile.Term.EffectiveDeadline, toPlan, taken)
        {
            WeeklyWorkHours = person.Profile.WeeklyWorkHours, // the job and the TIG within the legal working time (R.623-16)
        });
        var now = calendar.UtcNow;
        foreach (var slot in plan.Slots) store.Sessions.Add(new WorkSession(Guid.NewGuid(), placement.Id, slot.Date, slot.Start, slot.End, by, now));
        return Math.Round(plan.Shortfall, 4);
    }

    /// <summary>Cancels the last coming sessions the hours left no longer need (more hours worked than planned, hours added).</summary>
    private void Trim(List<WorkSession> sessions, DateOnly today, double excess)
    {
        var now = calendar.UtcNow;
        foreach (var last in sessions.Where(s => s.IsOpen && s.Date > today).OrderByDescending(s => s.Date).ThenByDescending(s => s.Start).ToList())
        {
            if (last.PlannedHours > excess + 1e-9) break;
            last.Cancel("Heures déjà couvertes par les séances précédentes.", now);
            excess -= last.PlannedHours;
        }
    }

    /// <summary>Cancels the open sessions from today on, with the reason (the work stops: suspended, ended, done).</summary>
    public async Task<int> CancelComingAsync(Guid placementId, string reason, CancellationToken ct)
    {
        var today = calendar.Today;
        var now = calendar.UtcNow;
        var coming = (await SessionsOfAsync(placementId, ct)).Where(s => s.IsOpen && s.Date >= today).ToList();
        foreach (var s in coming) s.Cancel(reason, now);
        return coming.Count;
    }
}
