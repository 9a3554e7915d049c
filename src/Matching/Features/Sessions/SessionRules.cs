using Placement.Catalogue.Domain;
using Placement.Matching.Domain;

namespace Placement.Matching.Features.Sessions;

/// <summary>Where a session added or moved by hand may go: from today on, within the post's open dates, on no other session of the placement.</summary>
internal static class SessionRules
{
    public static void CheckSlot(DateOnly today, DateRange openPeriod, IEnumerable<WorkSession> sessions, Guid? moving, DateOnly date, TimeOnly start, TimeOnly end)
    {
        Ensure.That(date >= today, "date", "Une séance se place aujourd'hui ou plus tard.");
        Ensure.That(openPeriod.Contains(date), "date", $"Le poste est ouvert du {French.Date(openPeriod.Start)} au {French.Date(openPeriod.End)}.");
        Ensure.That(end > start, "end", "L'heure de fin doit être postérieure à l'heure de début, le même jour.");
        Ensure.That(!sessions.Any(s => s.Id != moving && s.Status == SessionStatus.Planned && s.Date == date && s.Start < end && start < s.End), "start",
            "Une autre séance de ce placement occupe déjà ce créneau.");
    }
}
