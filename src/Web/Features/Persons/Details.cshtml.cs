using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Placement.Matching.Domain;
using Placement.Matching.Features.Documents;
using Placement.Matching.Features.Incidents;
using Placement.Matching.Features.MeasureActions;
using Placement.Matching.Features.Persons;
using Placement.Matching.Features.Placements;
using Placement.Matching.Features.Sessions;
using Placement.Web.Features.Shared;

namespace Placement.Web.Features.Persons;

/// <summary>
/// A person's page (<see cref="GetPersonFile"/>, the use case of <c>GET /api/persons/{id}/file</c>), with the carrying out of the
/// measure: the sessions of the active placement (<see cref="ListPlacementSessions"/>), the incidents (<see cref="ListIncidents"/>),
/// hours without a session (<see cref="LogPlacementHours"/>) and, past the deadline, the actions on the measure
/// (<see cref="RecordMeasureAction"/>, <see cref="ListMeasureActions"/>); the medical examination to come before the work and the
/// fitness recorded (<see cref="RecordMedicalFitness"/>).
/// </summary>
public sealed class DetailsModel(Caller caller, GetPersonFile file, PersonReferent referent, ListPlacementSessions sessions, ListIncidents incidents,
    ListMeasureActions measureActions, RecordMeasureAction recordAction, LogPlacementHours logHours, GetPlacement placement,
    RecordMedicalFitness recordFitness, ServiceCalendar calendar,
    ListPersonDocuments documents, IssuePlacementDocument issuePlacementDocument, IssuePersonReport issueReport) : PageModel, IReloadsOnRefusal
{
    public sealed class FitnessForm
    {
        public DateOnly? ExaminedOn { get; set; }
    }

    [BindProperty(Name = "Fitness")]
    public FitnessForm Fitness { get; set; } = new();

    /// <summary>« Visite médicale à prévoir avant le début du travail (…). » for the active placement, null when none is to come.</summary>
    public string? MedicalExamination { get; private set; }

    /// <summary>The fitness form is shown: an examination is to come, or the SPIP asked for one and it is not recorded yet.</summary>
    public bool AsksForFitness => Dossier.Person.MedicalFitness is null
        && (MedicalExamination is not null || Dossier.Person.MedicalMarker || Dossier.Person.MedicalExaminationRequired);

    public sealed class MeasureForm
    {
        public string? Kind { get; set; }
        public string? Ground { get; set; }
        public DateOnly? From { get; set; }
        public DateOnly? To { get; set; }
        public string? Comment { get; set; }
        public bool Confirmed { get; set; }
    }

    public sealed class HoursForm
    {
        public DateOnly? Date { get; set; }
        public double Hours { get; set; }
        public string? Note { get; set; }
    }

    [BindProperty(Name = "Measure")]
    public MeasureForm Measure { get; set; } = new();

    [BindProperty(Name = "Hours")]
    public HoursForm Hours { get; set; } = new();

    /// <summary>The active placement (confirmed, started or suspended) and its sessions, if any.</summary>
    public PlacementSessionsResponse? Sessions { get; private set; }

    public IReadOnlyList<IncidentResponse> Incidents { get; private set; } = [];

    public IReadOnlyList<MeasureActionResponse> MeasureActions { get; private set; } = [];

    /// <summary>« Documents »: what was issued and what may be (<see cref="PersonDocumentLine"/>).</summary>
    public IReadOnlyList<PersonDocumentLine> Documents { get; private set; } = [];

    public DateOnly Today { get; private set; }

    /// <summary>The measure recorded as ended without being carried out.</summary>
    public bool NotCarriedOut => MeasureActions.Any(a => a.Kind == MeasureActionKind.EndedNotCarriedOut);

    /// <summary>The deadline passed with hours remaining (<see cref="PersonProfile.DeadlinePassed"/>), the measure still open.</summary>
    public bool DeadlinePassed => !NotCarriedOut && Dossier.Person.EffectiveDeadline < Today && Dossier.Person.HoursRemaining > 0;

    public int DaysPastDeadline => Today.DayNumber - Dossier.Person.EffectiveDeadline.DayNumber;

    /// <summary>The officers of the person's SPIP, for « Agent référent » (<see cref="PersonReferent"/>).</summary>
    public IReadOnlyList<ReferentCandidate> Referents { get; private set; } = [];

    [BindProperty(Name = "Input")]
    public ReferentRequest Input { get; set; } = new();

    public PersonFileResponse Dossier { get; private set; } = null!;

    public MapModel Map { get; private set; } = null!;

    public IReadOnlyList<string> Restrictions { get; private set; } = [];

    [TempData]
    public string? Notice { get; set; }

    public Task OnGetAsync(Guid id, CancellationToken ct) => LoadAsync(id, ct);

    /// <summary>Designates the referent officer among the officers of the person's SPIP.</summary>
    public async Task<IActionResult> OnPostReferentAsync(Guid id, CancellationToken ct)
    {
        var person = await referent.ChooseAsync(caller, id, Input, ct);
        Notice = $"{person.ReferentOfficer?.Name} est désormais l'agent référent : les notifications sur cette personne lui sont adressées.";
        return RedirectToPage(new { id });
    }

    /// <summary>Past the deadline: the report of non-execution, a suspension with its legal ground, or the measure closed not carried out.</summary>
    public async Task<IActionResult> OnPostMeasureActionAsync(Guid id, CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            await LoadAsync(id, ct);
            return Page();
        }
        if (Measure.Kind == "ended-not-carried-out" && !Measure.Confirmed)
        {
            ModelState.AddModelError("Input.confirmed", "Cochez la case pour confirmer la clôture de la mesure.");
            await LoadAsync(id, ct);
            return Page();
        }
        var done = await recordAction.HandleAsync(caller, id, new MeasureActionRequest(Measure.Kind, Measure.Ground, Measure.From, Measure.To, Measure.Comment), ct);
        var after = await file.HandleAsync(caller, id, ct);
        Notice = done.Kind switch
        {
            MeasureActionKind.Suspension => $"Suspension enregistrée ({done.Ground?.Label()}, du {Labels.Date(done.From!.Value)} au {Labels.Date(done.To!.Value)}) : nouvelle échéance le {Labels.Date(after.Person.EffectiveDeadline)}.",
            MeasureActionKind.NonExecutionReported => "Rapport de non-exécution enregistré : adressé au juge de l'application des peines.",
            _ => "Mesure close : non exécutée. Le placement en cours est annulé.",
        };
        return RedirectToPage(new { id });
    }

    /// <summary>The medical examination found the person fit: « apte » and the examination's date (R.623-14).</summary>
    public async Task<IActionResult> OnPostMedicalFitnessAsync(Guid id, CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            await LoadAsync(id, ct);
            return Page();
        }
        var person = await recordFitness.HandleAsync(caller, id, new MedicalFitnessRequest { ExaminedOn = Fitness.ExaminedOn }, ct);
        Notice = $"Aptitude enregistrée : apte — visite du {Labels.Date(person.MedicalFitness!.ExaminedOn)}. La structure d'accueil peut confirmer le placement.";
        return RedirectToPage(new { id });
    }

    /// <summary>Hours done without a session, entered by the SPIP with their reason, on the active placement.</summary>
    public async Task<IActionResult> OnPostHoursAsync(Guid id, Guid placementId, CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            await LoadAsync(id, ct);
            return Page();
        }
        await logHours.HandleAsync(caller, placementId, new HoursRequest(Hours.Date, Hours.Hours, Hours.Note), ct);
        Notice = $"{Labels.Hours(Hours.Hours)} sans séance enregistrées le {Labels.Date(Hours.Date!.Value)}.";
        return RedirectToPage(new { id });
    }

    /// <summary>Issues a document (a new version when it exists): a placement's, or a report to the judge.</summary>
    public async Task<IActionResult> OnPostDocumentAsync(Guid id, string kind, Guid? placementId, Guid? incidentId, CancellationToken ct)
    {
        var issued = placementId is { } pid && DocumentKinds.OfPlacement.Contains(DocumentKinds.Parse(kind))
            ? await issuePlacementDocument.HandleAsync(caller, pid, kind, ct)
            : await issueReport.HandleAsync(caller, id, new PersonDocumentRequest { Kind = kind, IncidentId = incidentId }, ct);
        Notice = $"{issued.Title} n° {issued.Number} émis (version {issued.Version}).";
        return RedirectToPage(null, null, new { id }, "documents");
    }

    /// <summary>The first error of a form's field, from the use case (<c>Input.x</c>) or from model binding (<c>Measure.X</c>).</summary>
    public string? Error(params string[] keys) =>
        keys.Select(k => ViewData.ModelState[k]?.Errors.FirstOrDefault()?.ErrorMessage).FirstOrDefault(m => m is not null);

    public Task ReloadAsync(CancellationToken ct) => LoadAsync(Guid.Parse((string)RouteData.Values["id"]!, System.Globalization.CultureInfo.InvariantCulture), ct);

    private async Task LoadAsync(Guid id, CancellationToken ct)
    {
        Dossier = await file.HandleAsync(caller, id, ct);
        Referents = await referent.CandidatesAsync(caller, id, ct);
        Today = calendar.Today;
        var active = Dossier.Placements.FirstOrDefault(pl => pl.Status is PlacementStatus.Confirmed or PlacementStatus.InProgress or PlacementStatus.Suspended);
        var current = Dossier.Placements.FirstOrDefault(pl => pl.Status is PlacementStatus.Proposed or PlacementStatus.Confirmed or PlacementStatus.InProgress or PlacementStatus.Suspended);
        MedicalExamination = current is null ? null : (await placement.HandleAsync(caller, current.Id, ct)).MedicalExamination;
        if (Request.Method == "GET") Fitness = new FitnessForm { ExaminedOn = Today };
        Sessions = active is null ? null : await sessions.HandleAsync(caller, active.Id, ct);
        var all = new List<IncidentResponse>();
        foreach (var pl in Dossier.Placements.Where(pl => pl.Status is not (PlacementStatus.Proposed or PlacementStatus.Declined)))
            all.AddRange(await incidents.HandleAsync(caller, null, pl.Id, ct));
        Incidents = [.. all.OrderByDescending(i => i.ReportedAt)];
        MeasureActions = [.. (await measureActions.HandleAsync(caller, id, ct)).OrderByDescending(a => a.RecordedAt)];
        Documents = PersonDocumentLine.Of(Dossier, Incidents, await documents.HandleAsync(caller, id, ct));
        if (Request.Method == "GET") Hours = new HoursForm { Date = Today };
        var p = Dossier.Person;
        var home = p.Home?.Location;
        Map = new MapModel("carte-personne", $"Carte : domicile de {p.FirstName} {p.LastName}, distance maximale et zones interdites")
        {
            Departements = [p.Home?.Departement ?? p.Departement!],
            Home = home is null ? null : new MapModel.Point(home.Lat, home.Lon, "Domicile"),
            RadiusKm = p.MaxTravelKm,
            Zones = p.Restrictions?.ExclusionZones ?? [],
        };
        Restrictions = Describe(p);
    }

    /// <summary>The judicial obligations and the practical limits, in plain French.</summary>
    public static IReadOnlyList<string> Describe(PersonResponse p)
    {
        ArgumentNullException.ThrowIfNull(p);
        var lines = new List<string>();
        var r = p.Restrictions;
        if (r?.NoContactWithMinors == true) lines.Add("Interdiction d'entrer en contact avec des mineurs.");
        if (r?.NoContactWithVulnerablePublic == true) lines.Add("Pas de contact avec un public vulnérable.");
        if (r?.ExcludedHostBodyIds is { Count: > 0 } excluded) lines.Add($"{excluded.Count} {Plural.Of(excluded.Count, "structure exclue", "structures exclues")} par la décision.");
        if (r?.NoContactWithPersonIds is { Count: > 0 } others)
            lines.Add($"Ne doit pas rencontrer {others.Count} {Plural.Of(others.Count, "co-auteur ou victime", "co-auteurs ou victimes")}"
                + (p.NoContactCaseNumbers is { Count: > 0 } numbers ? $" ({Plural.Of(numbers.Count, "dossier", "dossiers")} {string.Join(", ", numbers)})" : "")
                + " : jamais placé·e dans la même structure.");
        if (r?.ExclusionZones is { Count: > 0 } zones) lines.Add($"{zones.Count} {Plural.Of(zones.Count, "zone", "zones")} d'interdiction de paraître (en rouge sur la carte).");
        if (lines.Count == 0) lines.Add("Aucune obligation particulière.");
        lines.Add($"Se déplace jusqu'à {Labels.Km(p.MaxTravelKm)}" + (p.PublicTransportOnly ? ", en transports en commun seulement" : "")
            + (p.HasDrivingLicence ? " ; titulaire du permis B." : " ; sans permis de conduire."));
        lines.Add($"Effort physique : {Labels.Demand(p.MaxPhysicalDemand)} au plus" + (p.NeedsWheelchairAccess ? " ; se déplace en fauteuil roulant." : "."));
        lines.Add(p.WeeklyWorkHours is { } job ? $"Emploi : {Labels.Hours(job)} par semaine (travail et TIG dans la durée légale du travail)." : "Sans emploi déclaré.");
        if (p.MedicalMarker) lines.Add("Situation de handicap ou grossesse : visite médicale avant le travail (jamais communiqué à la structure d'accueil).");
        if (p.MedicalExaminationRequired) lines.Add("Visite médicale exigée par la direction du SPIP.");
        if (p.Skills is { Count: > 0 } skills) lines.Add("Savoir-faire : " + string.Join(", ", skills) + ".");
        return lines;
    }
}

/// <summary>How the person's page says a session: planned, cancelled, or what happened.</summary>
public static class SessionLabels
{
    public static (string Text, string Badge) Of(SessionResponse session, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (session.Status == SessionStatus.Cancelled) return ("Annulée", "");
        return session.Attendance?.Outcome switch
        {
            AttendanceOutcome.Present => ("Présent·e", "fr-badge--success"),
            AttendanceOutcome.Late => ("En retard", "fr-badge--warning"),
            AttendanceOutcome.LeftEarly => ("Parti·e plus tôt", "fr-badge--warning"),
            AttendanceOutcome.ExcusedAbsence => ("Absence justifiée", "fr-badge--info"),
            AttendanceOutcome.UnexcusedAbsence => ("Absence injustifiée", "fr-badge--error"),
            AttendanceOutcome.CancelledByHost => ("Annulée par la structure", ""),
            _ => session.Date < today ? ("Présence à déclarer", "fr-badge--new") : ("Prévue", "fr-badge--info"),
        };
    }
}
