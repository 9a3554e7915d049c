using Placement.Catalogue.Domain;
using Placement.Kernel.Notifications;
using Placement.Notifications.Domain;
using Placement.Notifications.Reminders;

namespace Placement.Notifications.Dispatch;

/// <summary>One recipient of an event and what they are told.</summary>
public sealed record Recipient(string Email, string? AccountId, NotificationMessage Message);

/// <summary>
/// Who is told of each kind of event (the rule of issue 14), with the text of <see cref="NotificationTexts"/>:
/// <list type="bullet">
/// <item>partner kinds (a placement proposed or cancelled, a post refused, a habilitation ending): the host body's accounts
/// and, for a post, its tutor — who read the partner's texts, never judicial data;</item>
/// <item>officer kinds (a placement confirmed or declined, a measure completed, a proposal accepted, a person entering the
/// watch): the person's referent officer, linked to the account with the same address;</item>
/// <item>coordinator kinds: the coordinators whose départements meet the run's, and its requester when a person asked for
/// it; for the weekly digest, each coordinator with posts of their départements waiting;</item>
/// <item>an application made with an account's address: that account's owner alone.</item>
/// </list>
/// </summary>
public sealed class NotificationRecipients(NotificationQuery query, INotificationAccounts accounts, NotificationTexts texts)
{
    public async Task<IReadOnlyList<Recipient>> ForAsync(NotificationEvent e, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (e.Kind is NotificationKind.RunFinished or NotificationKind.RunFailed) return await RunAsync(e, ct);
        if (e.Kind == NotificationKind.PostsAwaitingValidation) return await AwaitingValidationAsync(e, ct);
        if (e.Kind == NotificationKind.HabilitationExpiring) return await HabilitationAsync(e, ct);
        if (e.Kind == NotificationKind.DeadlineWatchEntered) return await DeadlineWatchAsync(e, ct);
        if (e.Kind == NotificationKind.ApplicationWithAccountAddress) return await AccountAddressAsync(e, ct);
        if (e.Kind == NotificationKind.PostRefused && e.PostId is { } refused)
        {
            var refusedPost = await query.PostAsync(refused, ct);
            return await PartnerAsync(refusedPost.HostBodyId, refusedPost.Details.Tutor.Email, NotificationTexts.PostRefused(refusedPost, e), ct);
        }
        if (await query.PlacementAsync(e.PlacementId, ct) is not { } placement) return [];
        var (post, person) = placement;
        var officer = person.Profile.ReferentOfficer;
        return e.Kind switch
        {
            NotificationKind.PlacementProposed => await PartnerAsync(post.HostBodyId, post.Details.Tutor.Email, NotificationTexts.PlacementProposed(post, person), ct),
            NotificationKind.PlacementCancelled => await PartnerAsync(post.HostBodyId, post.Details.Tutor.Email, NotificationTexts.PlacementCancelled(post, person, e), ct),
            NotificationKind.PlacementConfirmed => await OfficerAsync(officer, NotificationTexts.PlacementConfirmed(post, person), ct),
            NotificationKind.PlacementDeclined => await OfficerAsync(officer, NotificationTexts.PlacementDeclined(post, person, e), ct),
            NotificationKind.MeasureCompleted => await OfficerAsync(officer, NotificationTexts.MeasureCompleted(post, person), ct),
            NotificationKind.ProposalAccepted => await OfficerAsync(officer, NotificationTexts.ProposalAccepted(post, person), ct),
            NotificationKind.IncidentReported => await OfficerAsync(officer, NotificationTexts.IncidentReported(post, person, e), ct),
            _ => [],
        };
    }

    /// <summary>A run's end: its requester (when a person asked for it) and the coordinators of its départements.</summary>
    private async Task<IReadOnlyList<Recipient>> RunAsync(NotificationEvent e, CancellationToken ct)
    {
        var run = await query.RunAsync(e.RunId, ct);
        if (run is null) return [];
        var message = texts.RunEnded(run, e);
        var recipients = (await accounts.CoordinatorsAsync(ct))
            .Where(c => c.Departements.Intersect(run.Departements).Any())
            .Select(c => new Recipient(c.Email, c.Id, message)).ToList();
        if (run.RequestedBy.Contains('@', StringComparison.Ordinal) && !recipients.Any(r => string.Equals(r.Email, run.RequestedBy, StringComparison.OrdinalIgnoreCase)))
            recipients.Add(new Recipient(run.RequestedBy, await accounts.IdOfAsync(run.RequestedBy, ct), message));
        return recipients;
    }

    /// <summary>
    /// The weekly digest: each coordinator is told of the posts of their départements waiting for validation for more
    /// than seven days, oldest first; a coordinator with none is not told.
    /// </summary>
    private async Task<IReadOnlyList<Recipient>> AwaitingValidationAsync(NotificationEvent e, CancellationToken ct)
    {
        var (waiting, hostNames) = await query.AwaitingValidationAsync(e.OccurredAt - CatalogueReminders.ValidationWait, ct);
        var recipients = new List<Recipient>();
        foreach (var coordinator in await accounts.CoordinatorsAsync(ct))
        {
            var theirs = waiting.Where(p => coordinator.Departements.Contains(p.Departement)).ToList();
            if (theirs.Count == 0) continue;
            recipients.Add(new Recipient(coordinator.Email, coordinator.Id, texts.PostsAwaitingValidation(theirs, hostNames)));
        }
        return recipients;
    }

    /// <summary>A habilitation ending: the host body's partner accounts, three months then one month before its end.</summary>
    private async Task<IReadOnlyList<Recipient>> HabilitationAsync(NotificationEvent e, CancellationToken ct)
    {
        var body = await query.HostBodyAsync(e.HostBodyId, ct);
        if (body?.Details.Habilitation.Period is not { } period) return [];
        return await PartnerAsync(body.Id, null, NotificationTexts.HabilitationExpiring(body, period.End), ct);
    }

    /// <summary>A person entering the deadline watch: their referent officer, with the reasons.</summary>
    private async Task<IReadOnlyList<Recipient>> DeadlineWatchAsync(NotificationEvent e, CancellationToken ct)
    {
        var person = await query.PersonAsync(e.PersonId, ct);
        if (person is null) return [];
        return await OfficerAsync(person.Profile.ReferentOfficer, NotificationTexts.DeadlineWatchEntered(person, e), ct);
    }

    /// <summary>An application made with an account's address: its owner, who alone may learn that the address has an account.</summary>
    private async Task<IReadOnlyList<Recipient>> AccountAddressAsync(NotificationEvent e, CancellationToken ct)
    {
        var owner = e.AccountId is { } id ? await accounts.ByIdAsync(id, ct) : null;
        if (owner is null) return [];
        return [new Recipient(owner.Email, owner.Id, NotificationTexts.ApplicationWithAccountAddress)];
    }

    /// <summary>The host body's partner accounts and, for a post, its tutor.</summary>
    private async Task<IReadOnlyList<Recipient>> PartnerAsync(Guid hostBodyId, string? tutor, NotificationMessage message, CancellationToken ct)
    {
        var recipients = (await accounts.OfHostBodyAsync(hostBodyId, ct)).Select(a => new Recipient(a.Email, a.Id, message)).ToList();
        if (tutor is not null && !recipients.Any(r => string.Equals(r.Email, tutor, StringComparison.OrdinalIgnoreCase)))
            recipients.Add(new Recipient(tutor, await accounts.IdOfAsync(tutor, ct), message));
        return recipients;
    }

    /// <summary>The person's referent officer, linked to their account when one has the same address.</summary>
    private async Task<IReadOnlyList<Recipient>> OfficerAsync(Contact officer, NotificationMessage message, CancellationToken ct) =>
        officer.Email is { } email ? [new Recipient(email, await accounts.IdOfAsync(email, ct), message)] : [];
}
