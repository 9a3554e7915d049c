using Microsoft.EntityFrameworkCore;
using Placement.Catalogue.Contracts;
using Placement.Catalogue.Domain;
using Placement.Kernel.Notifications;
using Placement.Matching.Domain;
using Placement.Matching.Features.Sessions;
using Placement.Matching.Persistence;

namespace Placement.Matching.Features.MeasureActions;

/// <summary>
/// The officer acts on a measure whose deadline has passed with hours remaining (<c>POST /api/persons/{id}/measure-actions</c>):
/// records the report of non-execution sent to the JAP; records a suspension with its legal ground — the 18-month delay
/// cannot be extended, only suspended: the suspension starts on or before the deadline it pushes back; or records the end of
/// the measure as not carried out (its active placement is cancelled, the host told).
/// </summary>
public sealed class RecordMeasureAction(IMatchingStore store, SessionPlanning planning, ServiceCalendar calendar) : IUseCase
{
    public async Task<MeasureActionResponse> HandleAsync(Caller caller, Guid personId, MeasureActionRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        if (!(caller.IsOfficer || caller.IsCoordinator)) throw new ForbiddenException("L'officier de probation agit sur la mesure.");
        if (string.IsNullOrWhiteSpace(request.Kind)) throw FieldErrors.OneField("kind", "Ce champ est obligatoire.");
        var errors = new FieldErrors();
        var kind = errors.TryValue("kind", () => EnumNames.Parse<MeasureActionKind>(request.Kind, "kind"));
        SuspensionGround? ground = null;
        DateRange? period = null;
        if (kind == MeasureActionKind.Suspension)
        {
            if (string.IsNullOrWhiteSpace(request.Ground)) errors.Add("ground", "Le motif légal de la suspension est obligatoire.");
            else ground = errors.TryValue("ground", () => EnumNames.Parse<SuspensionGround>(request.Ground, "ground"));
            if (request.From is null) errors.Add("from", "Ce champ est obligatoire.");
            if (request.To is null) errors.Add("to", "Ce champ est obligatoire.");
            if (request.From is { } f && request.To is { } t) period = errors.Try("to", () => new DateRange(f, t, "to"));
        }
        errors.ThrowIfAny();

        var person = await store.VisiblePersons(caller).FirstOrDefaultAsync(p => p.Id == personId, ct) ?? throw new NotFoundException("Personne");
        if (!person.IsUnderMeasure) throw new IllegalTransitionException("Mesure", "close", "action");
        var now = calendar.UtcNow;
        var today = calendar.DayOf(now);
        var term = person.Profile.Term;
        switch (kind)
        {
            case MeasureActionKind.NonExecutionReported:
                Ensure.That(person.Profile.DeadlinePassed(today), "kind", "L'échéance n'est pas dépassée, ou toutes les heures sont faites.");
                break;
            case MeasureActionKind.Suspension:
                Ensure.That(period!.Start <= term.EffectiveDeadline, "from",
                    $"Le délai de {SentenceTerm.MaxMonths} mois ne se prolonge pas : la suspension commence au plus tard à l'échéance ({French.Date(term.EffectiveDeadline)}).");
                Ensure.That(period.Start >= term.SentenceDate, "from", "Une suspension commence après la décision.");
                Ensure.That(term.Suspensions.All(s => period.Start > s.End || period.End < s.Start), "from", "Cette période chevauche une suspension déjà enregistrée.");
                person.Update(person.Profile.WithTerm(term.WithSuspension(period)), now);
                break;
            case MeasureActionKind.EndedNotCarriedOut:
                person.EndNotCarriedOut(today, now);
                var active = await store.Placements.Active().FirstOrDefaultAsync(p => p.PersonId == person.Id, ct);
                if (active is not null)
                {
                    active.Cancel("Mesure close : non exécutée dans le délai.", now);
                    await planning.CancelComingAsync(active.Id, "Mesure close.", ct);
                    store.NotificationEvents.Add(new NotificationEvent(NotificationKind.PlacementCancelled, now, active.Id, active.PostId, personId: person.Id,
                        detail: "mesure close"));
                }
                break;
        }
        var action = new MeasureAction(Guid.NewGuid(), person.Id, kind!.Value, ground, period, request.Comment, caller.Who, now);
        store.MeasureActions.Add(action);
        await store.SaveChangesAsync(ct);
        return action.ToResponse();
    }
}
