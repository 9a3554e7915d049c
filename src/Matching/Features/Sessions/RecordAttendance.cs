using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Placement.Catalogue.Contracts;
using Placement.Kernel.Notifications;
using Placement.Matching.Domain;
using Placement.Matching.Features.Incidents;
using Placement.Matching.Features.Placements;
using Placement.Matching.Persistence;

namespace Placement.Matching.Features.Sessions;

/// <summary>
/// The tutor records what happened at a session of today or before (<c>POST /api/sessions/{id}/attendance</c>): the hours worked
/// are credited to the placement and to the person's hours done, replacing what the session credited before — the same report
/// sent again changes nothing, a corrected one replaces it, so nothing acknowledged is lost or counted twice. Hours lost are
/// planned again; repeated unexcused absences open an incident; the hours complete the placement at its target.
/// </summary>
public sealed class RecordAttendance(IMatchingStore store, IPlacementGate gate, SessionPlanning planning, RepeatedAbsences absences,
    IOptions<SessionOptions> options, ServiceCalendar calendar) : IUseCase
{
    public async Task<SessionResponse> HandleAsync(Caller caller, Guid sessionId, AttendanceRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrWhiteSpace(request.Outcome)) throw FieldErrors.OneField("outcome", "Ce champ est obligatoire.");
        var errors = new FieldErrors();
        var outcome = errors.TryValue("outcome", () => EnumNames.Parse<AttendanceOutcome>(request.Outcome, "outcome"));
        var arrival = string.IsNullOrWhiteSpace(request.Arrival) ? null : errors.TryValue("arrival", () => SessionAccess.Time(request.Arrival, "arrival"));
        var departure = string.IsNullOrWhiteSpace(request.Departure) ? null : errors.TryValue("departure", () => SessionAccess.Time(request.Departure, "departure"));
        errors.ThrowIfAny();

        var now = calendar.UtcNow;
        var today = calendar.DayOf(now);
        var (found, _) = await SessionAccess.SessionAsync(store, caller, sessionId, ct);
        var postId = await store.Placements.Where(p => p.Id == found.PlacementId).Select(p => p.PostId).FirstAsync(ct);
        await using var transaction = await store.Database.BeginTransactionAsync(ct);
        using var _ = await gate.EnterAsync(store, postId, ct);
        store.ChangeTrackerClear(); // read again under the gate: a retry racing this one sees what it wrote
        var (session, placement) = await SessionAccess.SessionAsync(store, caller, sessionId, ct);
        Ensure.That(session.Date <= today, "outcome", "La présence d'une séance à venir ne se déclare pas.");
        var proofDueBy = outcome == AttendanceOutcome.ExcusedAbsence ? today.AddDays(options.Value.ProofDays) : (DateOnly?)null;
        var attendance = new Attendance(outcome!.Value, arrival, departure, request.BreakMinutes, request.Reason, request.Comment, proofDueBy, caller.Who, now);
        if (session.Attendance is { } before && before.SameAs(attendance)) return session.ToResponse(); // a retry: already recorded

        var person = await store.Persons.FirstAsync(p => p.Id == placement.PersonId, ct);
        MedicalCheck.EnsureCleared(person, await store.Posts.AsNoTracking().FirstAsync(p => p.Id == placement.PostId, ct), today); // R.623-14
        var credited = attendance.HoursCredited;
        Ensure.That(!person.Profile.IsMinorOn(session.Date) || credited * 60 <= Engine.EligibilityRules.MinorMaxDailyMinutes + 1e-6, "departure",
            "Un mineur travaille 8 heures par jour au plus.");
        var tutor = caller.DisplayName ?? (await store.Posts.AsNoTracking().Where(p => p.Id == placement.PostId).Select(p => p.Details).FirstAsync(ct)).Tutor.Name;
        var log = credited > 0 ? new HoursLog(session.Date, credited, attendance.Comment, tutor, caller.Who, session.Id) : null;
        var delta = placement.CreditSession(session.Id, log, now);
        Ensure.That(person.Profile.Hours.Done + delta <= person.Profile.Hours.Ordered + 1e-9, "departure", "Ces heures dépassent les heures prononcées.");
        if (delta != 0) person.AddHoursDone(delta, now);
        session.Record(attendance, now);

        if (delta > 0 && person.Profile.Hours.Remaining <= 1e-9)
            store.NotificationEvents.Add(new NotificationEvent(NotificationKind.MeasureCompleted, now, placement.Id, placement.PostId, personId: person.Id));
        if (placement.Status == PlacementStatus.Completed) await planning.CancelComingAsync(placement.Id, "Heures accomplies.", ct);
        else if (credited < session.PlannedHours - 1e-9) await planning.TopUpAsync(placement, caller.Who, ct);
        if (outcome == AttendanceOutcome.UnexcusedAbsence) await absences.CheckAsync(placement, ct);
        await store.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return session.ToResponse();
    }
}
