using Placement.Kernel.Notifications;

namespace Placement.Notifications.Domain;

/// <summary>How a user wants to hear of a kind of event: an e-mail at once, one e-mail a day gathering them, or only in the application.</summary>
public enum Delivery { Immediate, DailyDigest, ApplicationOnly }

/// <summary>A user's choice for one kind of event (by address, as the notifications are); absent, the kind's default applies.</summary>
public sealed class NotificationPreference
{
    private NotificationPreference() { }

    public NotificationPreference(string email, NotificationKind kind, Delivery delivery)
    {
        Email = Notification.Address(email);
        Kind = kind;
        Delivery = delivery;
    }

    public string Email { get; private set; } = "";
    public NotificationKind Kind { get; private set; }
    public Delivery Delivery { get; private set; }

    public void Choose(Delivery delivery) => Delivery = delivery;
}

/// <summary>What each kind of event is called, who hears of it, and how by default.</summary>
public static class NotificationKinds
{
    /// <summary>A kind <paramref name="Mandatory"/> is always sent at once by e-mail: nobody chooses otherwise (an incident: the law asks « without delay »).</summary>
    public sealed record KindInfo(NotificationKind Kind, CallerRoles Audience, string Label, Delivery Default, bool Mandatory = false);

    /// <summary>
    /// Defaults: an e-mail at once when someone must act (confirm a placement, find another post, renew a habilitation,
    /// review a run); the daily digest when it is news to read (a confirmation, a measure completed, a person entering
    /// the watch). The weekly digest of posts waiting is already a digest. A notice about one's account (an application
    /// made with its address) concerns no role: nobody can turn its e-mail off.
    /// </summary>
    public static readonly IReadOnlyList<KindInfo> All =
    [
        new(NotificationKind.PlacementProposed, CallerRoles.Partner, "Placement proposé sur l'un de vos postes", Delivery.Immediate),
        new(NotificationKind.PlacementCancelled, CallerRoles.Partner, "Placement annulé", Delivery.Immediate),
        new(NotificationKind.PostRefused, CallerRoles.Partner, "Poste refusé à la validation", Delivery.Immediate),
        new(NotificationKind.HabilitationExpiring, CallerRoles.Partner, "Habilitation arrivant à échéance", Delivery.Immediate),
        new(NotificationKind.PlacementConfirmed, CallerRoles.Officer, "Placement confirmé par la structure", Delivery.DailyDigest),
        new(NotificationKind.PlacementDeclined, CallerRoles.Officer, "Placement décliné par la structure", Delivery.Immediate),
        new(NotificationKind.MeasureCompleted, CallerRoles.Officer, "Heures accomplies : mesure terminée", Delivery.DailyDigest),
        new(NotificationKind.DeadlineWatchEntered, CallerRoles.Officer, "Personne entrant dans la veille des échéances", Delivery.DailyDigest),
        new(NotificationKind.IncidentReported, CallerRoles.Officer, "Incident signalé par une structure d'accueil", Delivery.Immediate, Mandatory: true),
        new(NotificationKind.ProposalAccepted, CallerRoles.Officer, "Proposition acceptée par un coordinateur", Delivery.DailyDigest),
        new(NotificationKind.RunFinished, CallerRoles.Coordinator, "Affectation terminée", Delivery.Immediate),
        new(NotificationKind.RunFailed, CallerRoles.Coordinator, "Affectation en échec", Delivery.Immediate),
        new(NotificationKind.PostsAwaitingValidation, CallerRoles.Coordinator, "Postes en attente de validation depuis plus de 7 jours (chaque semaine)", Delivery.Immediate),
        new(NotificationKind.ApplicationWithAccountAddress, CallerRoles.None, "Demande d'inscription faite avec l'adresse de votre compte", Delivery.Immediate),
    ];

    public static KindInfo Of(NotificationKind kind) => All.First(k => k.Kind == kind);

    /// <summary>How an account hears of an event of <paramref name="kind"/>: its choice, or the default — always at once for a mandatory kind.</summary>
    public static Delivery DeliveryFor(NotificationKind kind, Delivery? chosen)
    {
        var info = Of(kind);
        return info.Mandatory ? Delivery.Immediate : chosen ?? info.Default;
    }
}
