using Placement.Kernel.Notifications;
using Microsoft.EntityFrameworkCore;
using Placement.Catalogue.Domain;
using Placement.Matching.Domain;
using Placement.Matching.Engine;
using Placement.Matching.Persistence;

namespace Placement.Matching.Features.Placements;

/// <summary>Placements: made from proposals or by an officer, then confirmed, declined, cancelled, and their hours logged.</summary>
public sealed class PlacementWorkflow(IMatchingStore store, IPlacementGate gate, ServiceCalendar calendar)
{
    /// <summary>Accepts a pending proposal: a placement proposed to the partner, if the post still has room.</summary>
    public async Task<TigPlacement> AcceptAsync(AssignmentProposal proposal, string by, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        if (proposal.Status != ProposalStatus.Pending) throw new IllegalTransitionException("Proposition", proposal.Status.ToString(), "accept");
        return await PlaceAsync(proposal.PersonId, proposal.PostId, by, proposal.Id, ct);
    }

    /// <summary>
    /// Places a person on a post, in one transaction: the post must be published, its host body
    /// habilitated, a place free, the person without another active placement and eligible by the rules.
    /// </summary>
    public async Task<TigPlacement> PlaceAsync(Guid personId, Guid postId, string by, Guid? proposalId, CancellationToken ct)
    {
        var now = calendar.UtcNow;
        var today = calendar.DayOf(now);
        await using var transaction = await store.Database.BeginTransactionAsync(ct);
        using var _ = await gate.EnterAsync(store, postId, ct);
        try
        {
            var post = await store.Posts.FirstOrDefaultAsync(p => p.Id == postId, ct) ?? throw new PlacementConflictException("Poste introuvable.");
            var host = await store.HostBodies.FirstAsync(h => h.Id == post.HostBodyId, ct);
            var person = await store.Persons.FirstOrDefaultAsync(p => p.Id == personId, ct) ?? throw new PlacementConflictException("Personne introuvable.");
            var free = ActivePlacements.FreePlaces(post, await store.Placements.TakenByPostAsync([postId], ct));
            switch (post.WhyCannotTakeSomeone(host.Details.Habilitation, today, free))
            {
                case TakingRefusal.NotPublished: throw new PlacementConflictException("Le poste n'est pas publié.");
                case TakingRefusal.HostNotHabilitated: throw new PlacementConflictException("La structure d'accueil n'est pas habilitée.");
                case TakingRefusal.Full: throw new PlacementConflictException("Le poste est complet.");
            }
            if (await store.Placements.Active().AnyAsync(p => p.PersonId == personId, ct))
                throw new PlacementConflictException("La personne a déjà un placement en cours.");
            // Rule 15: nothing left to do, nothing to place (before, a 400 on a field the request does not have).
            if (!person.IsUnderMeasure) throw new PlacementConflictException("La mesure est close : elle n'a pas été exécutée dans le délai.");
            if (person.Profile.Hours.Remaining <= 0) throw new PlacementConflictException("La personne a effectué toutes ses heures : il n'y a plus rien à placer.");
            var coDefendants = await CoDefendantPlacements.HostBodiesAsync(store, [person], ct);
            var evaluation = EligibilityRules.Evaluate(person.ToMatchPerson(coDefendants[personId]), post.ToMatchPost(free), today);
            if (!evaluation.IsEligible)
            {
                var broken = RuleNames.Each(evaluation.Broken).ToList();
                throw new PlacementConflictException("Placement contraire aux règles : " + string.Join(", ", broken.Select(RuleNames.Label)) + ".",
                    [.. broken.Select(RuleNames.Name)]);
            }

            var placement = new TigPlacement(Guid.NewGuid(), personId, postId, person.Profile.Hours.Remaining, now);
            store.Placements.Add(placement);
            store.NotificationEvents.Add(new NotificationEvent(NotificationKind.PlacementProposed, now, placement.Id, postId, host.Id, personId));
            if (proposalId is { } pid)
            {
                var proposal = await store.Proposals.FirstAsync(p => p.Id == pid, ct);
                proposal.Accept(placement.Id, by, now);
                store.NotificationEvents.Add(new NotificationEvent(NotificationKind.ProposalAccepted, now, placement.Id, postId, host.Id, personId, runId: proposal.RunId));
            }
            await store.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return placement;
        }
        catch (DbUpdateException e)
        {
            throw new PlacementConflictException("Conflit d'enregistrement : " + (e.InnerException?.Message ?? e.Message));
        }
    }

    public async Task<TigPlacement> LogHoursAsync(TigPlacement placement, DateOnly date, double hours, string? note, string tutor, string enteredBy, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(placement);
        var now = calendar.UtcNow;
        Ensure.That(date <= calendar.DayOf(now), "date", "Des heures ne se déclarent pas à l'avance.");
        var person = await store.Persons.FirstAsync(p => p.Id == placement.PersonId, ct);
        var log = new HoursLog(date, hours, note, tutor, enteredBy);
        Ensure.That(person.Profile.Hours.Done + hours <= person.Profile.Hours.Ordered + 1e-9, "hours", "Ces heures dépassent les heures prononcées.");
        placement.LogHours(log, now);
        person.AddHoursDone(hours, now);
        if (person.Profile.Hours.Remaining <= 0)
            store.NotificationEvents.Add(new NotificationEvent(NotificationKind.MeasureCompleted, now, placement.Id, placement.PostId, personId: person.Id));
        await store.SaveChangesAsync(ct); // the hours and, when they complete the measure, its notification
        return placement;
    }
}
