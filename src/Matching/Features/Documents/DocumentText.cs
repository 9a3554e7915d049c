using Placement.Catalogue.Domain;
using Placement.Matching.Domain;
using Placement.Matching.Features.Incidents;

namespace Placement.Matching.Features.Documents;

/// <summary>How the documents write dates, hours, sessions, contacts and the person in French (on <see cref="French"/>).</summary>
internal static class DocumentText
{
    public static string Date(DateOnly date) => French.Date(date);

    public static string Short(DateOnly date) => date.ToString("dd/MM/yyyy", French.Culture);

    /// <summary>A stored instant on the service's clocks: « 28/11/2026 à 10:00 ».</summary>
    public static string At(DateTimeOffset at, ServiceCalendar calendar) => calendar.ToLocal(at).ToString("dd/MM/yyyy 'à' HH:mm", French.Culture);

    public static string Hours(double hours) => French.Hours(hours);

    public static string Time(TimeOnly time) => time.ToString("HH:mm", French.Culture);

    /// <summary>« Samedi 5 décembre 2026 ».</summary>
    public static string Day(DateOnly date) => $"{DayName(date.DayOfWeek)} {French.Date(date)}";

    public static string DayName(DayOfWeek day) => French.Days[((int)day + 6) % 7].Name;

    public static string Span(WorkSession session) => $"{Time(session.Start)} – {Time(session.End)}";

    /// <summary>The person as the host sees them: first name and the initial of the last name (« Karim B. »).</summary>
    public static string FirstNameAndInitial(PersonProfile profile) => $"{profile.FirstName} {char.ToUpperInvariant(profile.LastName.Trim()[0])}.";

    public static string FullName(PersonProfile profile) => $"{profile.FirstName} {profile.LastName.ToUpperInvariant()}";

    /// <summary>« Nom — tél. … — courriel … ».</summary>
    public static string Contact(Contact? contact)
    {
        if (contact is null) return "—";
        var parts = new List<string> { contact.Name };
        if (!string.IsNullOrWhiteSpace(contact.Phone)) parts.Add($"tél. {contact.Phone}");
        if (!string.IsNullOrWhiteSpace(contact.Email)) parts.Add(contact.Email!);
        return string.Join(" — ", parts);
    }

    /// <summary>The street and commune of an address (« 12 rue … , 69003 Lyon »).</summary>
    public static string Place(Address address, string? communeName, string? postalCode)
    {
        var commune = string.Join(' ', new[] { postalCode, communeName ?? address.CommuneInsee }.Where(s => !string.IsNullOrWhiteSpace(s)));
        return string.IsNullOrWhiteSpace(address.Street) ? commune : $"{address.Street}, {commune}";
    }

    /// <summary>The post's weekly hours: « Lundi 08:00 – 18:00 ; Samedi 08:00 – 12:00 ».</summary>
    public static string Schedule(WeeklySchedule schedule) =>
        schedule.Count == 0 ? "—" : string.Join(" ; ", schedule.OrderBy(w => ((int)w.Day + 6) % 7).ThenBy(w => w.Start).Select(w => $"{DayName(w.Day)} {Time(w.Start)} – {Time(w.End)}"));

    /// <summary>
    /// What the tutor recorded at a session, in the words of the host's pages (« Présent », « Absence excusée »…); a
    /// cancelled session, one to come and one whose attendance is awaited say so.
    /// </summary>
    public static string Outcome(WorkSession session, DateOnly today) =>
        session.Status == SessionStatus.Cancelled ? "Séance annulée"
        : session.Attendance?.Outcome switch
        {
            AttendanceOutcome.Present => "Présent",
            AttendanceOutcome.Late => "En retard",
            AttendanceOutcome.LeftEarly => "Parti plus tôt",
            AttendanceOutcome.ExcusedAbsence => "Absence excusée",
            AttendanceOutcome.UnexcusedAbsence => "Absence non excusée",
            AttendanceOutcome.CancelledByHost => "Annulée par la structure",
            _ => session.Date < today ? "Présence à déclarer" : "Prévue",
        };

    /// <summary>The placement's period: from its first session (or its creation) to its last session, or « en cours ».</summary>
    public static string Period(PlacementFile file, ServiceCalendar calendar)
    {
        var held = file.Sessions.Where(s => s.Status == SessionStatus.Planned).ToList();
        var from = held.Count > 0 ? held.Min(s => s.Date) : calendar.DayOf(file.Placement.CreatedAt);
        var ended = file.Placement.Status is PlacementStatus.Completed or PlacementStatus.Closed or PlacementStatus.Cancelled or PlacementStatus.Declined;
        if (!ended) return $"depuis le {Short(from)}";
        var to = held.Count > 0 && file.Placement.Status is PlacementStatus.Completed or PlacementStatus.Closed ? held.Max(s => s.Date) : calendar.DayOf(file.Placement.StatusChangedAt);
        return $"du {Short(from)} au {Short(to < from ? from : to)}";
    }

    /// <summary>The person's identity for the judge: full name, birth date, case number.</summary>
    public static (string, string?)[] Identity(PersonProfile profile) =>
    [
        ("Nom et prénom", FullName(profile)),
        ("Date de naissance", Date(profile.BirthDate)),
        ("N° de dossier", profile.CaseNumber ?? "non renseigné"),
    ];

    /// <summary>The hours of the measure: ordered, done, remaining.</summary>
    public static (string, string?)[] HoursOfMeasure(PersonProfile profile) =>
    [
        ("Heures prononcées", Hours(profile.Hours.Ordered)),
        ("Heures effectuées", Hours(profile.Hours.Done)),
        ("Heures restantes", Hours(profile.Hours.Remaining)),
    ];

    /// <summary>The incident's decision in a line: « Rapport au juge… ; fin du placement ».</summary>
    public static string Decision(IncidentDecision decision) => $"{decision.Action.Label()} — {decision.FollowUp.Label()}";

    public static string ReportedBy(Incident incident) => incident.Automatic ? "Le service (absences non excusées répétées)" : incident.ReportedBy;
}
