using Placement.Catalogue.Domain;
using Placement.Matching.Domain;
using Placement.Matching.Engine;
using Placement.Matching.Features.Incidents;

namespace Placement.Web.Demo;

/// <summary>
/// The carrying out of the demo's placements, derived from its data so that it stays deterministic: each day of hours logged
/// becomes a session with its attendance (present from 09:00), a few sessions had another outcome (an excused absence, a
/// host's cancellation), the coming sessions are planned by the <see cref="SessionPlanner"/> from tomorrow, and the first two
/// placements of the partner's host body each have an open incident — a lateness its tutor reported, and one the service
/// opened after two unexcused absences —, and every other completed placement elsewhere is closed by its tutor's attestation.
/// </summary>
internal static class DemoCarryingOut
{
    public sealed record Result(List<WorkSession> Sessions, List<Incident> Incidents);

    public static Result For(IReadOnlyList<(TigPlacement Placement, IReadOnlyList<DemoHoursLog> Hours)> placements, IReadOnlyDictionary<Guid, Post> posts,
        IReadOnlyDictionary<Guid, Person> persons, Guid partnerHost, DateOnly today, DateTimeOffset now)
    {
        var sessions = new List<WorkSession>();
        var incidents = new List<Incident>();
        var index = 0;
        var withIncident = 0;
        foreach (var (placement, hours) in placements)
        {
            if (placement.Status == PlacementStatus.Proposed) continue;
            var post = posts[placement.PostId];
            var person = persons[placement.PersonId];
            var tutor = post.Details.Tutor.Email ?? post.Details.Tutor.Name;
            foreach (var log in hours)
            {
                var start = new TimeOnly(9, 0);
                var end = start.AddMinutes(Math.Round(log.Hours * 60));
                var session = new WorkSession(Guid.NewGuid(), placement.Id, log.Date, start, end, "démonstration", now);
                session.Record(new Attendance(AttendanceOutcome.Present, start, end, 0, null, log.Note, null, tutor, now), now);
                placement.CreditSession(session.Id, new HoursLog(log.Date, log.Hours, log.Note, post.Details.Tutor.Name, tutor, session.Id), now);
                sessions.Add(session);
            }
            // Every other placement whose hours are all done was attested by its tutor the evening of its last session: closed. The
            // partner's are left to attest (« Attester les heures » is theirs to see).
            if (placement.Status == PlacementStatus.Completed && index % 2 == 0 && hours.Count > 0 && post.HostBodyId != partnerHost)
            {
                var at = new DateTimeOffset(hours[^1].Date.ToDateTime(new TimeOnly(18, 0)), TimeSpan.Zero);
                placement.Attest(new PlacementAttestation(post.Details.Tutor.Name, tutor, at, "démonstration", placement.HoursLogged), at);
            }
            var first = hours.Count > 0 ? hours[0].Date : today.AddDays(-7);
            if (index % 4 == 1) sessions.Add(Missed(placement, first.AddDays(-3), AttendanceOutcome.ExcusedAbsence, "Rendez-vous médical (justificatif reçu).", tutor, now));
            if (index % 4 == 2) sessions.Add(Missed(placement, first.AddDays(-2), AttendanceOutcome.CancelledByHost, "Fermeture exceptionnelle du site.", tutor, now));
            index++;

            if (post.HostBodyId == partnerHost && withIncident < 2 && placement.IsUnderway)
            {
                if (withIncident == 0)
                    incidents.Add(new Incident(Guid.NewGuid(), placement.Id, placement.PersonId, IncidentKind.Lateness,
                        "Arrivé à 10 h 15 au lieu de 9 h, sans prévenir, pour la deuxième fois.", false, null, tutor, automatic: false, now.AddDays(-2)));
                else
                {
                    sessions.Add(Missed(placement, today.AddDays(-9), AttendanceOutcome.UnexcusedAbsence, null, tutor, now));
                    sessions.Add(Missed(placement, today.AddDays(-2), AttendanceOutcome.UnexcusedAbsence, null, tutor, now));
                    incidents.Add(new Incident(Guid.NewGuid(), placement.Id, placement.PersonId, IncidentKind.Absence,
                        $"2 absences injustifiées en 30 jours : {French.Date(today.AddDays(-9))}, {French.Date(today.AddDays(-2))}.", false, null,
                        RepeatedAbsences.Author, automatic: true, now.AddDays(-2)));
                }
                withIncident++;
            }

            if (!placement.IsUnderway) continue;
            var from = today.AddDays(1);
            var plan = SessionPlanner.Plan(new PlanningRequest(post.Details.Schedule, post.Details.MaxWeeklyHoursPerPerson, post.Details.OpenPeriod,
                person.Profile.Availability, person.Profile.BirthDate, post.Departement, from, person.Profile.Term.EffectiveDeadline,
                placement.HoursTarget - placement.HoursLogged, []));
            sessions.AddRange(plan.Slots.Select(s => new WorkSession(Guid.NewGuid(), placement.Id, s.Date, s.Start, s.End, "planification", now)));
        }
        return new Result(sessions, incidents);
    }

    private static WorkSession Missed(TigPlacement placement, DateOnly date, AttendanceOutcome outcome, string? reason, string tutor, DateTimeOffset now)
    {
        var session = new WorkSession(Guid.NewGuid(), placement.Id, date, new TimeOnly(9, 0), new TimeOnly(12, 0), "démonstration", now);
        session.Record(new Attendance(outcome, null, null, 0, reason, null, outcome == AttendanceOutcome.ExcusedAbsence ? date.AddDays(7) : null, tutor, now), now);
        return session;
    }
}
