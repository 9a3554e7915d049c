using Placement.Catalogue.Domain;
using Placement.Kernel.Notifications;
using Placement.Matching.Domain;
using Placement.Notifications.Domain;

namespace Placement.Notifications.Dispatch;

/// <summary>
/// What each kind of event says (French, short, with the page to open). A partner's text names the person by their first
/// name and initial (<see cref="PartnerName"/>) and gives the post's schedule and the officer's contact — never a last
/// name, a birth date, a restriction or the hours ordered; an officer's text names their person in full.
/// </summary>
public sealed class NotificationTexts(ServiceCalendar calendar)
{
    /// <summary>How a partner reads a person's name: « Karim B. ».</summary>
    public static string PartnerName(Person person)
    {
        ArgumentNullException.ThrowIfNull(person);
        return $"{person.Profile.FirstName} {person.Profile.LastName[..1]}.";
    }

    /// <summary>The referent officer's contact, as a partner reads it: name, address, telephone, those given.</summary>
    public static string OfficerContact(Contact officer)
    {
        ArgumentNullException.ThrowIfNull(officer);
        return string.Join(", ", new[] { officer.Name, officer.Email, officer.Phone }.Where(x => !string.IsNullOrWhiteSpace(x)));
    }

    public static NotificationMessage PostRefused(Post post, NotificationEvent e)
    {
        ArgumentNullException.ThrowIfNull(post);
        ArgumentNullException.ThrowIfNull(e);
        return new NotificationMessage(
            $"Poste non inscrit : {post.Details.Title}",
            $"Votre poste « {post.Details.Title} » n'a pas été inscrit sur la liste départementale des postes de TIG.\n" +
            (e.Detail is { Length: > 0 } ? $"Motif : {e.Detail}\n" : "") +
            "Vous pouvez le modifier et le proposer à nouveau.",
            $"/structure/postes/{post.Id}");
    }

    /// <summary>Partner: a placement proposed on one of its posts.</summary>
    public static NotificationMessage PlacementProposed(Post post, Person person)
    {
        ArgumentNullException.ThrowIfNull(post);
        ArgumentNullException.ThrowIfNull(person);
        var title = post.Details.Title;
        return new NotificationMessage(
            $"Placement proposé : {title}",
            $"Un placement est proposé sur votre poste « {title} » pour {PartnerName(person)}\n" +
            $"Horaires du poste : {Schedule(post.Details.Schedule)}.\n" +
            $"Agent référent du SPIP : {OfficerContact(person.Profile.ReferentOfficer)}.\n" +
            "Merci de confirmer ou de décliner ce placement.",
            "/structure/placements");
    }

    /// <summary>Partner: a placement cancelled, with the reason.</summary>
    public static NotificationMessage PlacementCancelled(Post post, Person person, NotificationEvent e)
    {
        ArgumentNullException.ThrowIfNull(post);
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(e);
        var title = post.Details.Title;
        return new NotificationMessage(
            $"Placement annulé : {title}",
            $"Le placement de {PartnerName(person)} sur votre poste « {title} » est annulé par le SPIP.\n" +
            (e.Detail is { Length: > 0 } ? $"Motif : {e.Detail}\n" : "") +
            $"Agent référent du SPIP : {OfficerContact(person.Profile.ReferentOfficer)}.",
            "/structure/placements");
    }

    /// <summary>Officer: the partner confirmed a placement.</summary>
    public static NotificationMessage PlacementConfirmed(Post post, Person person)
    {
        ArgumentNullException.ThrowIfNull(post);
        ArgumentNullException.ThrowIfNull(person);
        return new NotificationMessage(
            $"Placement confirmé : {person.Profile.FirstName} {person.Profile.LastName}",
            $"La structure d'accueil a confirmé le placement de {person.Profile.FirstName} {person.Profile.LastName} sur le poste « {post.Details.Title} ».",
            $"/personnes/{person.Id}");
    }

    /// <summary>Officer: the partner declined a placement, with the reason.</summary>
    public static NotificationMessage PlacementDeclined(Post post, Person person, NotificationEvent e)
    {
        ArgumentNullException.ThrowIfNull(post);
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(e);
        return new NotificationMessage(
            $"Placement décliné : {person.Profile.FirstName} {person.Profile.LastName}",
            $"La structure d'accueil a décliné le placement de {person.Profile.FirstName} {person.Profile.LastName} sur le poste « {post.Details.Title} ».\n" +
            (e.Detail is { Length: > 0 } ? $"Motif : {e.Detail}\n" : "") + "Un autre poste est à trouver.",
            $"/personnes/{person.Id}/postes");
    }

    /// <summary>Officer: hours logged that complete the measure.</summary>
    /// <summary>The incident's kind and whether the work was suspended are in the event's detail; its text stays in the application.</summary>
    public static NotificationMessage IncidentReported(Post post, Person person, NotificationEvent e)
    {
        ArgumentNullException.ThrowIfNull(post);
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(e);
        return new NotificationMessage(
            $"Incident à traiter : {person.Profile.FirstName} {person.Profile.LastName}",
            $"Un incident a été signalé pour {person.Profile.FirstName} {person.Profile.LastName} sur le poste « {post.Details.Title} » : {e.Detail}.\n" +
            "Il attend votre décision dans « À traiter ».",
            "/incidents");
    }

    public static NotificationMessage MeasureCompleted(Post post, Person person)
    {
        ArgumentNullException.ThrowIfNull(post);
        ArgumentNullException.ThrowIfNull(person);
        return new NotificationMessage(
            $"Mesure accomplie : {person.Profile.FirstName} {person.Profile.LastName}",
            $"{person.Profile.FirstName} {person.Profile.LastName} a effectué les {French.Hours(person.Profile.Hours.Ordered)} de son travail d'intérêt général " +
            $"(dernières heures déclarées sur le poste « {post.Details.Title} »).\nLe placement peut être clôturé et le juge informé.",
            $"/personnes/{person.Id}");
    }

    /// <summary>Officer: a coordinator accepted a proposal for one of their persons.</summary>
    public static NotificationMessage ProposalAccepted(Post post, Person person)
    {
        ArgumentNullException.ThrowIfNull(post);
        ArgumentNullException.ThrowIfNull(person);
        return new NotificationMessage(
            $"Proposition acceptée : {person.Profile.FirstName} {person.Profile.LastName}",
            $"Un coordinateur a accepté la proposition de placement de {person.Profile.FirstName} {person.Profile.LastName} sur le poste « {post.Details.Title} ».\n" +
            "La structure d'accueil doit maintenant confirmer l'accueil.",
            $"/personnes/{person.Id}");
    }

    /// <summary>Coordinators: a run finished (its counts) or failed (the reason).</summary>
    public NotificationMessage RunEnded(AssignmentRun run, NotificationEvent e)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(e);
        var where = run.Departements.Count == 0 ? "" : $" ({Plural.Of(run.Departements.Count, "département", "départements", zeroIsPlural: true)} {string.Join(", ", run.Departements)})";
        return e.Kind == NotificationKind.RunFinished
            ? new NotificationMessage(
                $"Affectation terminée : {run.Placed} {Plural.Of(run.Placed, "personne placée", "personnes placées")} sur {run.Persons}",
                $"L'affectation demandée le {French.DateTime(calendar.ToLocal(run.CreatedAt))}{where} est terminée : {run.Placed} {Plural.Of(run.Placed, "proposition", "propositions")} " +
                $"pour {run.Persons} {Plural.Of(run.Persons, "personne", "personnes")}, {run.Persons - run.Placed} sans poste.\nLes propositions attendent votre revue.",
                $"/affectations/{run.Id}")
            : new NotificationMessage(
                "Affectation en échec",
                $"L'affectation demandée le {French.DateTime(calendar.ToLocal(run.CreatedAt))}{where} n'a pas abouti." + (e.Detail is { Length: > 0 } ? $"\nMotif : {e.Detail}" : "") +
                "\nRelancez-la, ou signalez-le à l'administrateur si l'échec se répète.",
                $"/affectations/{run.Id}");
    }

    /// <summary>At most this many posts are listed in the weekly digest, oldest first.</summary>
    public const int ListedAwaiting = 10;

    /// <summary>A coordinator: the posts of their départements waiting for validation for more than seven days, oldest first.</summary>
    public NotificationMessage PostsAwaitingValidation(IReadOnlyList<Post> theirs, IReadOnlyDictionary<Guid, string> hostNames)
    {
        ArgumentNullException.ThrowIfNull(theirs);
        ArgumentNullException.ThrowIfNull(hostNames);
        const int listed = ListedAwaiting;
        var lines = theirs.Take(listed).Select(p =>
            $"– « {p.Details.Title} » ({hostNames.GetValueOrDefault(p.HostBodyId, "structure inconnue")}, {p.Departement}), proposé le {French.Date(calendar.ToLocal(p.StatusChangedAt))}");
        var more = theirs.Count > listed ? $"\net {theirs.Count - listed} {Plural.Of(theirs.Count - listed, "autre", "autres")}." : "";
        return new NotificationMessage(
            $"{theirs.Count} {Plural.Of(theirs.Count, "poste attend", "postes attendent")} votre validation depuis plus de 7 jours",
            $"{Plural.Of(theirs.Count, "Ce poste attend d'être inscrit", "Ces postes attendent d'être inscrits")} sur la liste départementale depuis plus de 7 jours :\n" +
            string.Join("\n", lines) + more,
            "/validation");
    }

    /// <summary>Partner: its habilitation ends (three months, then one month before).</summary>
    public static NotificationMessage HabilitationExpiring(HostBody body, DateOnly end)
    {
        ArgumentNullException.ThrowIfNull(body);
        return new NotificationMessage(
            $"Votre habilitation prend fin le {French.Date(end)}",
            $"L'habilitation de {body.Details.Name} à accueillir des personnes condamnées à un travail d'intérêt général prend fin le {French.Date(end)}.\n" +
            "Après cette date, aucun nouveau placement ne pourra vous être proposé. Demandez son renouvellement au SPIP dès maintenant.",
            "/structure");
    }

    /// <summary>Officer: a person of their caseload enters the deadline watch, with the reasons.</summary>
    public static NotificationMessage DeadlineWatchEntered(Person person, NotificationEvent e)
    {
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(e);
        var name = $"{person.Profile.FirstName} {person.Profile.LastName}";
        return new NotificationMessage(
            $"Échéance menacée : {name}",
            $"{name} entre dans la veille des échéances : {e.Detail ?? "risque de ne pas accomplir les heures avant l'échéance"}.\n" +
            $"Échéance : {French.Date(person.Profile.Term.EffectiveDeadline)}, {French.Hours(person.Profile.Hours.Remaining)} restantes.",
            $"/personnes/{person.Id}");
    }

    /// <summary>
    /// An account's owner: an application was made with its address. Nothing the applicant typed is quoted (it would carry a
    /// stranger's words in the service's e-mail).
    /// </summary>
    public static readonly NotificationMessage ApplicationWithAccountAddress = new(
        "Demande d'inscription faite avec votre adresse",
        "Une demande pour inscrire une structure d'accueil a été faite avec votre adresse électronique, qui a déjà un compte Placement TIG " +
        "(ou une demande en cours d'examen). Aucune nouvelle demande n'a été enregistrée et votre compte n'a pas changé.\n" +
        "Si c'est vous : connectez-vous avec votre mot de passe habituel ; pour inscrire une autre structure, ou si vous avez perdu votre mot de passe, contactez le SPIP de votre département.\n" +
        "Si ce n'est pas vous, vous n'avez rien à faire.",
        "/connexion");

    /// <summary>« lundi 09:00–12:00, mercredi 14:00–17:00 ».</summary>
    public static string Schedule(WeeklySchedule schedule) =>
        string.Join(", ", schedule.Select(w => $"{French.Day(TimeWindow.DayCode(w.Day))} {w.Start:HH\\:mm}–{w.End:HH\\:mm}"));
}
