using Microsoft.EntityFrameworkCore;
using Placement.Catalogue.Domain;
using Placement.Matching.Domain;
using Placement.Matching.Engine;
using Placement.Matching.Persistence;

namespace Placement.Matching.Assignment;

/// <summary>
/// Serialises the creation of placements in this process. With the transaction around the capacity check
/// and the insert, and the database's unique index on a person's active placement, two coordinators
/// accepting at the same time can never overbook a post nor give a person two active placements.
/// </summary>
public sealed class PlacementGate : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task<IDisposable> EnterAsync(CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        return new Release(_gate);
    }

    public void Dispose() => _gate.Dispose();

    private sealed class Release(SemaphoreSlim gate) : IDisposable
    {
        public void Dispose() => gate.Release();
    }
}

/// <summary>Placements: made from proposals or by an officer, then confirmed, declined, cancelled, and their hours logged.</summary>
public sealed class PlacementWorkflow(IMatchingStore store, PlacementGate gate, TimeProvider clock)
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
        using var _ = await gate.EnterAsync(ct);
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        await using var transaction = await store.Database.BeginTransactionAsync(ct);
        try
        {
            var post = await store.Posts.FirstOrDefaultAsync(p => p.Id == postId, ct) ?? throw new PlacementConflictException("Poste introuvable.");
            var host = await store.HostBodies.FirstAsync(h => h.Id == post.HostBodyId, ct);
            var person = await store.Persons.FirstOrDefaultAsync(p => p.Id == personId, ct) ?? throw new PlacementConflictException("Personne introuvable.");
            if (post.Status != PostStatus.Published) throw new PlacementConflictException("Le poste n'est pas publié.");
            if (!host.CanHostOn(today)) throw new PlacementConflictException("La structure d'accueil n'est pas habilitée.");
            var taken = await store.Placements.Active().CountAsync(p => p.PostId == postId, ct);
            if (taken >= post.Details.Capacity) throw new PlacementConflictException("Le poste est complet.");
            if (await store.Placements.Active().AnyAsync(p => p.PersonId == personId, ct))
                throw new PlacementConflictException("La personne a déjà un placement en cours.");
            var evaluation = EligibilityRules.Evaluate(person.ToMatchPerson(), post.ToMatchPost(post.Details.Capacity - taken), today);
            if (!evaluation.IsEligible)
                throw new PlacementConflictException("Placement contraire aux règles : " + string.Join(", ", RuleNames.Each(evaluation.Broken).Select(RuleNames.Label)) + ".");

            var placement = new TigPlacement(Guid.NewGuid(), personId, postId, person.Profile.Hours.Remaining, now);
            store.Placements.Add(placement);
            if (proposalId is { } pid)
            {
                var proposal = await store.Proposals.FirstAsync(p => p.Id == pid, ct);
                proposal.Accept(placement.Id, by, now);
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

    public async Task<TigPlacement> LogHoursAsync(TigPlacement placement, DateOnly date, double hours, string? note, string tutor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(placement);
        var now = clock.GetUtcNow();
        Ensure.That(date <= DateOnly.FromDateTime(now.UtcDateTime), "date", "Des heures ne se déclarent pas à l'avance.");
        var person = await store.Persons.FirstAsync(p => p.Id == placement.PersonId, ct);
        var log = new HoursLog(date, hours, note, tutor);
        Ensure.That(person.Profile.Hours.Done + hours <= person.Profile.Hours.Ordered + 1e-9, "hours", "Ces heures dépassent les heures prononcées.");
        placement.LogHours(log, now);
        person.AddHoursDone(hours, now);
        await store.SaveChangesAsync(ct);
        return placement;
    }
}

/// <summary>
/// The deadline watch: flags the persons at risk — no confirmed placement while the deadline is closer
/// than <see cref="WarningWeeks"/>, or remaining hours that the current placement's weekly hours cannot
/// reach before the deadline — and keeps that list for their officers.
/// </summary>
public sealed class DeadlineWatch(IMatchingStore store, TimeProvider clock)
{
    public int WarningWeeks { get; init; } = 12;

    public async Task<int> RunAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var persons = await store.Persons.AsNoTracking().ToListAsync(ct);
        var placements = await store.Placements.AsNoTracking().Active().ToListAsync(ct);
        var postIds = placements.Select(p => p.PostId).Distinct().ToList();
        var posts = await store.Posts.AsNoTracking().Where(p => postIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        var byPerson = placements.ToLookup(p => p.PersonId);
        var flagged = new List<AtRiskPerson>();
        foreach (var person in persons)
        {
            var remaining = person.Profile.Hours.Remaining;
            if (remaining <= 0) continue;
            var deadline = person.Profile.Term.EffectiveDeadline;
            var weeksLeft = (deadline.DayNumber - today.DayNumber) / 7.0;
            var reasons = new List<string>();
            var active = byPerson[person.Id].ToList();
            var confirmed = active.Where(p => p.Status is PlacementStatus.Confirmed or PlacementStatus.InProgress).ToList();
            if (confirmed.Count == 0 && weeksLeft < WarningWeeks)
                reasons.Add(weeksLeft < 0
                    ? $"échéance dépassée ({deadline:dd/MM/yyyy}) avec {remaining:0.#} h restantes"
                    : $"aucun placement confirmé à {Math.Floor(weeksLeft):0} semaines de l'échéance ({deadline:dd/MM/yyyy})");
            foreach (var placement in confirmed)
            {
                var post = posts[placement.PostId];
                var weekly = EligibilityRules.WeeklyHours(person.Profile.Availability, post.Details.Schedule, post.Details.MaxWeeklyHoursPerPerson, person.Profile.IsMinorOn(today));
                if (weekly * Math.Max(0, weeksLeft) < remaining - 1e-9)
                    reasons.Add($"{remaining:0.#} h restantes pour {Math.Max(0, weeksLeft):0.#} semaines à {weekly:0.#} h/semaine : rythme insuffisant");
            }
            if (reasons.Count > 0) flagged.Add(new AtRiskPerson(person.Id, person.Departement, reasons, now));
        }
        await using var transaction = await store.Database.BeginTransactionAsync(ct);
        await store.AtRisk.ExecuteDeleteAsync(ct);
        store.AtRisk.AddRange(flagged);
        await store.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return flagged.Count;
    }
}
