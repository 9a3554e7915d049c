using Placement.Matching.Notifications;
using Microsoft.EntityFrameworkCore;
using Placement.Catalogue.Domain;
using Placement.Catalogue.Notifications;
using Placement.Web.Data;
using Placement.Web.Features.Shared;

namespace Placement.Web.Notifications;

/// <summary>One recipient of an event and what they are told.</summary>
public sealed record Recipient(string Email, string? AccountId, NotificationMessage Message);

/// <summary>
/// Who is told of an event and in what words (French, short, with the page to open). Partners learn the person's first
/// name and initial, the schedule and the officer's contact — never judicial data; officers hear of their persons.
/// </summary>
public sealed class NotificationMessages(ServiceCalendar calendar)
{
    public async Task<IReadOnlyList<Recipient>> ForAsync(PlacementDbContext db, NotificationEvent e, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(e);
        if (e.Kind is NotificationKind.RunFinished or NotificationKind.RunFailed) return await RunAsync(db, e, ct);
        if (e.Kind == NotificationKind.PostsAwaitingValidation) return await AwaitingValidationAsync(db, e, ct);
        if (e.Kind == NotificationKind.HabilitationExpiring) return await HabilitationAsync(db, e, ct);
        if (e.Kind == NotificationKind.DeadlineWatchEntered) return await DeadlineWatchAsync(db, e, ct);
        if (e.Kind == NotificationKind.ApplicationWithAccountAddress) return await AccountAddressAsync(db, e, ct);
        if (e.Kind == NotificationKind.PostRefused && e.PostId is { } refused)
        {
            var refusedPost = await db.Posts.AsNoTracking().FirstAsync(p => p.Id == refused, ct);
            return await PartnerAsync(db, refusedPost.HostBodyId, refusedPost.Details.Tutor.Email, new NotificationMessage(
                $"Poste non inscrit : {refusedPost.Details.Title}",
                $"Votre poste « {refusedPost.Details.Title} » n'a pas été inscrit sur la liste départementale des postes de TIG.\n" +
                (e.Detail is { Length: > 0 } ? $"Motif : {e.Detail}\n" : "") +
                "Vous pouvez le modifier et le proposer à nouveau.",
                $"/structure/postes/{refusedPost.Id}"), ct);
        }
        var placement = e.PlacementId is { } pid ? await db.Placements.AsNoTracking().FirstOrDefaultAsync(p => p.Id == pid, ct) : null;
        if (placement is null) return [];
        var post = await db.Posts.AsNoTracking().FirstAsync(p => p.Id == placement.PostId, ct);
        var person = await db.Persons.AsNoTracking().FirstAsync(p => p.Id == placement.PersonId, ct);
        var who = $"{person.Profile.FirstName} {person.Profile.LastName[..1]}.";
        var title = post.Details.Title;
        var officer = person.Profile.ReferentOfficer;
        var officerContact = string.Join(", ", new[] { officer.Name, officer.Email, officer.Phone }.Where(x => !string.IsNullOrWhiteSpace(x)));
        switch (e.Kind)
        {
            case NotificationKind.PlacementProposed:
                return await PartnerAsync(db, post.HostBodyId, post.Details.Tutor.Email, new NotificationMessage(
                    $"Placement proposé : {title}",
                    $"Un placement est proposé sur votre poste « {title} » pour {who}\n" +
                    $"Horaires du poste : {Schedule(post.Details.Schedule)}.\n" +
                    $"Agent référent du SPIP : {officerContact}.\n" +
                    "Merci de confirmer ou de décliner ce placement.",
                    "/structure/placements"), ct);
            case NotificationKind.PlacementCancelled:
                return await PartnerAsync(db, post.HostBodyId, post.Details.Tutor.Email, new NotificationMessage(
                    $"Placement annulé : {title}",
                    $"Le placement de {who} sur votre poste « {title} » est annulé par le SPIP.\n" +
                    (e.Detail is { Length: > 0 } ? $"Motif : {e.Detail}\n" : "") +
                    $"Agent référent du SPIP : {officerContact}.",
                    "/structure/placements"), ct);
            case NotificationKind.PlacementConfirmed:
                return await OfficerAsync(db, officer, new NotificationMessage(
                    $"Placement confirmé : {person.Profile.FirstName} {person.Profile.LastName}",
                    $"La structure d'accueil a confirmé le placement de {person.Profile.FirstName} {person.Profile.LastName} sur le poste « {title} ».",
                    $"/personnes/{person.Id}"), ct);
            case NotificationKind.PlacementDeclined:
                return await OfficerAsync(db, officer, new NotificationMessage(
                    $"Placement décliné : {person.Profile.FirstName} {person.Profile.LastName}",
                    $"La structure d'accueil a décliné le placement de {person.Profile.FirstName} {person.Profile.LastName} sur le poste « {title} ».\n" +
                    (e.Detail is { Length: > 0 } ? $"Motif : {e.Detail}\n" : "") + "Un autre poste est à trouver.",
                    $"/personnes/{person.Id}/postes"), ct);
            case NotificationKind.MeasureCompleted:
                return await OfficerAsync(db, officer, new NotificationMessage(
                    $"Mesure accomplie : {person.Profile.FirstName} {person.Profile.LastName}",
                    $"{person.Profile.FirstName} {person.Profile.LastName} a effectué les {Labels.Hours(person.Profile.Hours.Ordered)} de son travail d'intérêt général " +
                    $"(dernières heures déclarées sur le poste « {title} »).\nLe placement peut être clôturé et le juge informé.",
                    $"/personnes/{person.Id}"), ct);
            case NotificationKind.ProposalAccepted:
                return await OfficerAsync(db, officer, new NotificationMessage(
                    $"Proposition acceptée : {person.Profile.FirstName} {person.Profile.LastName}",
                    $"Un coordinateur a accepté la proposition de placement de {person.Profile.FirstName} {person.Profile.LastName} sur le poste « {title} ».\n" +
                    "La structure d'accueil doit maintenant confirmer l'accueil.",
                    $"/personnes/{person.Id}"), ct);
            default:
                return [];
        }
    }

    /// <summary>A run's end: its requester (when a person asked for it) and the coordinators of its départements.</summary>
    private async Task<IReadOnlyList<Recipient>> RunAsync(PlacementDbContext db, NotificationEvent e, CancellationToken ct)
    {
        var run = e.RunId is { } id ? await db.AssignmentRuns.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct) : null;
        if (run is null) return [];
        var where = run.Departements.Count == 0 ? "" : $" ({Plural.Of(run.Departements.Count, "département", "départements", zeroIsPlural: true)} {string.Join(", ", run.Departements)})";
        var message = e.Kind == NotificationKind.RunFinished
            ? new NotificationMessage(
                $"Affectation terminée : {run.Placed} {Plural.Of(run.Placed, "personne placée", "personnes placées")} sur {run.Persons}",
                $"L'affectation demandée le {Labels.DateTime(calendar.ToLocal(run.CreatedAt))}{where} est terminée : {run.Placed} {Plural.Of(run.Placed, "proposition", "propositions")} " +
                $"pour {run.Persons} {Plural.Of(run.Persons, "personne", "personnes")}, {run.Persons - run.Placed} sans poste.\nLes propositions attendent votre revue.",
                $"/affectations/{run.Id}")
            : new NotificationMessage(
                "Affectation en échec",
                $"L'affectation demandée le {Labels.DateTime(calendar.ToLocal(run.CreatedAt))}{where} n'a pas abouti." + (e.Detail is { Length: > 0 } ? $"\nMotif : {e.Detail}" : "") +
                "\nRelancez-la, ou signalez-le à l'administrateur si l'échec se répète.",
                $"/affectations/{run.Id}");
        var recipients = (await CoordinatorsAsync(db, ct))
            .Where(c => c.Departements.Intersect(run.Departements).Any())
            .Select(c => new Recipient(c.Email, c.Id, message)).ToList();
        if (run.RequestedBy.Contains('@', StringComparison.Ordinal) && !recipients.Any(r => string.Equals(r.Email, run.RequestedBy, StringComparison.OrdinalIgnoreCase)))
            recipients.Add(new Recipient(run.RequestedBy, await AccountOfAsync(db, run.RequestedBy, ct), message));
        return recipients;
    }

    /// <summary>The coordinators' accounts and their départements.</summary>
    private static async Task<IReadOnlyList<(string Id, string Email, string[] Departements)>> CoordinatorsAsync(PlacementDbContext db, CancellationToken ct)
    {
        var rows = await (from u in db.Users
                          join ur in db.UserRoles on u.Id equals ur.UserId
                          join r in db.Roles on ur.RoleId equals r.Id
                          where r.Name == Identity.Roles.Coordinator && u.Email != null
                          select new { u.Id, u.Email, u.Departements }).AsNoTracking().ToListAsync(ct);
        return rows.Select(c => (c.Id, c.Email!, c.Departements.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))).ToList();
    }

    /// <summary>
    /// The weekly digest: each coordinator is told of the posts of their départements waiting for validation for more
    /// than seven days, oldest first; a coordinator with none is not told.
    /// </summary>
    private async Task<IReadOnlyList<Recipient>> AwaitingValidationAsync(PlacementDbContext db, NotificationEvent e, CancellationToken ct)
    {
        var since = e.OccurredAt - CatalogueReminders.ValidationWait;
        var waiting = (await db.Posts.AsNoTracking().Where(p => p.Status == PostStatus.PendingValidation).ToListAsync(ct))
            .Where(p => p.StatusChangedAt < since).OrderBy(p => p.StatusChangedAt).ToList();
        var hostIds = waiting.Select(p => p.HostBodyId).Distinct().ToList();
        var hostNames = await db.HostBodies.AsNoTracking().Where(h => hostIds.Contains(h.Id)).ToDictionaryAsync(h => h.Id, h => h.Details.Name, ct);
        var recipients = new List<Recipient>();
        foreach (var coordinator in await CoordinatorsAsync(db, ct))
        {
            var theirs = waiting.Where(p => coordinator.Departements.Contains(p.Departement)).ToList();
            if (theirs.Count == 0) continue;
            const int listed = 10;
            var lines = theirs.Take(listed).Select(p =>
                $"– « {p.Details.Title} » ({hostNames.GetValueOrDefault(p.HostBodyId, "structure inconnue")}, {p.Departement}), proposé le {Labels.Date(calendar.ToLocal(p.StatusChangedAt))}");
            var more = theirs.Count > listed ? $"\net {theirs.Count - listed} {Plural.Of(theirs.Count - listed, "autre", "autres")}." : "";
            recipients.Add(new Recipient(coordinator.Email, coordinator.Id, new NotificationMessage(
                $"{theirs.Count} {Plural.Of(theirs.Count, "poste attend", "postes attendent")} votre validation depuis plus de 7 jours",
                $"{Plural.Of(theirs.Count, "Ce poste attend d'être inscrit", "Ces postes attendent d'être inscrits")} sur la liste départementale depuis plus de 7 jours :\n" +
                string.Join("\n", lines) + more,
                "/validation")));
        }
        return recipients;
    }

    /// <summary>A habilitation ending: the host body's partner accounts, three months then one month before its end.</summary>
    private static async Task<IReadOnlyList<Recipient>> HabilitationAsync(PlacementDbContext db, NotificationEvent e, CancellationToken ct)
    {
        var body = e.HostBodyId is { } id ? await db.HostBodies.AsNoTracking().FirstOrDefaultAsync(h => h.Id == id, ct) : null;
        if (body?.Details.Habilitation.Period is not { } period) return [];
        return await PartnerAsync(db, body.Id, null, new NotificationMessage(
            $"Votre habilitation prend fin le {Labels.Date(period.End)}",
            $"L'habilitation de {body.Details.Name} à accueillir des personnes condamnées à un travail d'intérêt général prend fin le {Labels.Date(period.End)}.\n" +
            "Après cette date, aucun nouveau placement ne pourra vous être proposé. Demandez son renouvellement au SPIP dès maintenant.",
            "/structure"), ct);
    }

    /// <summary>A person entering the deadline watch: their referent officer, with the reasons.</summary>
    private static async Task<IReadOnlyList<Recipient>> DeadlineWatchAsync(PlacementDbContext db, NotificationEvent e, CancellationToken ct)
    {
        var person = e.PersonId is { } id ? await db.Persons.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct) : null;
        if (person is null) return [];
        var name = $"{person.Profile.FirstName} {person.Profile.LastName}";
        return await OfficerAsync(db, person.Profile.ReferentOfficer, new NotificationMessage(
            $"Échéance menacée : {name}",
            $"{name} entre dans la veille des échéances : {e.Detail ?? "risque de ne pas accomplir les heures avant l'échéance"}.\n" +
            $"Échéance : {Labels.Date(person.Profile.Term.EffectiveDeadline)}, {Labels.Hours(person.Profile.Hours.Remaining)} restantes.",
            $"/personnes/{person.Id}"), ct);
    }

    /// <summary>
    /// An application made with an account's address: its owner, who alone may learn that the address has an account.
    /// Nothing the applicant typed is quoted (it would carry a stranger's words in the service's e-mail).
    /// </summary>
    private static async Task<IReadOnlyList<Recipient>> AccountAddressAsync(PlacementDbContext db, NotificationEvent e, CancellationToken ct)
    {
        var owner = e.AccountId is { } id ? await db.Users.AsNoTracking().Where(u => u.Id == id && u.Email != null).Select(u => new { u.Id, u.Email }).FirstOrDefaultAsync(ct) : null;
        if (owner is null) return [];
        return [new Recipient(owner.Email!, owner.Id, new NotificationMessage(
            "Demande d'inscription faite avec votre adresse",
            "Une demande pour inscrire une structure d'accueil a été faite avec votre adresse électronique, qui a déjà un compte Placement TIG " +
            "(ou une demande en cours d'examen). Aucune nouvelle demande n'a été enregistrée et votre compte n'a pas changé.\n" +
            "Si c'est vous : connectez-vous avec votre mot de passe habituel ; pour inscrire une autre structure, ou si vous avez perdu votre mot de passe, contactez le SPIP de votre département.\n" +
            "Si ce n'est pas vous, vous n'avez rien à faire.",
            "/connexion"))];
    }

    /// <summary>The host body's partner accounts and, for a post, its tutor.</summary>
    private static async Task<IReadOnlyList<Recipient>> PartnerAsync(PlacementDbContext db, Guid hostBodyId, string? tutor, NotificationMessage message, CancellationToken ct)
    {
        var accounts = await db.Users.AsNoTracking().Where(u => u.HostBodyId == hostBodyId && u.Email != null).Select(u => new { u.Id, u.Email }).ToListAsync(ct);
        var recipients = accounts.Select(a => new Recipient(a.Email!, a.Id, message)).ToList();
        if (tutor is not null && !recipients.Any(r => string.Equals(r.Email, tutor, StringComparison.OrdinalIgnoreCase)))
            recipients.Add(new Recipient(tutor, await AccountOfAsync(db, tutor, ct), message));
        return recipients;
    }

    /// <summary>The person's referent officer, linked to their account when one has the same address.</summary>
    private static async Task<IReadOnlyList<Recipient>> OfficerAsync(PlacementDbContext db, Contact officer, NotificationMessage message, CancellationToken ct) =>
        officer.Email is { } email ? [new Recipient(email, await AccountOfAsync(db, email, ct), message)] : [];

    private static async Task<string?> AccountOfAsync(PlacementDbContext db, string email, CancellationToken ct)
    {
        var normalized = email.Trim().ToUpperInvariant();
        return await db.Users.AsNoTracking().Where(u => u.NormalizedEmail == normalized).Select(u => u.Id).FirstOrDefaultAsync(ct);
    }

    /// <summary>« lundi 09:00–12:00, mercredi 14:00–17:00 ».</summary>
    public static string Schedule(WeeklySchedule schedule) =>
        string.Join(", ", schedule.Select(w => $"{Labels.Day(TimeWindow.DayCode(w.Day))} {w.Start:HH\\:mm}–{w.End:HH\\:mm}"));
}
