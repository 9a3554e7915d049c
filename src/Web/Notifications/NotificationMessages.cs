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
public sealed class NotificationMessages
{
    public async Task<IReadOnlyList<Recipient>> ForAsync(PlacementDbContext db, NotificationEvent e, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(e);
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
                return await PartnerAsync(db, post, new NotificationMessage(
                    $"Placement proposé : {title}",
                    $"Un placement est proposé sur votre poste « {title} » pour {who}\n" +
                    $"Horaires du poste : {Schedule(post.Details.Schedule)}.\n" +
                    $"Agent référent du SPIP : {officerContact}.\n" +
                    "Merci de confirmer ou de décliner ce placement.",
                    "/structure/placements"), ct);
            case NotificationKind.PlacementCancelled:
                return await PartnerAsync(db, post, new NotificationMessage(
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
            default:
                return [];
        }
    }

    /// <summary>The host body's partner accounts and the post's tutor.</summary>
    private static async Task<IReadOnlyList<Recipient>> PartnerAsync(PlacementDbContext db, Post post, NotificationMessage message, CancellationToken ct)
    {
        var accounts = await db.Users.AsNoTracking().Where(u => u.HostBodyId == post.HostBodyId && u.Email != null).Select(u => new { u.Id, u.Email }).ToListAsync(ct);
        var recipients = accounts.Select(a => new Recipient(a.Email!, a.Id, message)).ToList();
        if (post.Details.Tutor.Email is { } tutor && !recipients.Any(r => string.Equals(r.Email, tutor, StringComparison.OrdinalIgnoreCase)))
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
