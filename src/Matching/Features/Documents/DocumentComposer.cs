using Microsoft.EntityFrameworkCore;
using Placement.Catalogue.Domain;
using Placement.Catalogue.Geography;
using Placement.Matching.Domain;
using Placement.Matching.Features.Documents.Templates;
using Placement.Matching.Persistence;

namespace Placement.Matching.Features.Documents;

/// <summary>One placement as its documents tell it: the post, its host, its activity's label, its sessions, where it is.</summary>
internal sealed record PlacementFile(TigPlacement Placement, Post Post, HostBody Host, string Activity, IReadOnlyList<WorkSession> Sessions,
    Commune? Commune, Departement? Departement)
{
    /// <summary>The sessions still to hold, in order.</summary>
    public IEnumerable<WorkSession> Planned => Sessions.Where(s => s.IsOpen);

    /// <summary>The hours one session credited (its attendance's log).</summary>
    public double Credited(WorkSession session) => Placement.Hours.Where(h => h.SessionId == session.Id).Sum(h => h.Hours);

    public string CommuneName => Commune?.Name ?? Post.Details.Place.CommuneInsee;

    /// <summary>Where the work is done: street, postal code and commune.</summary>
    public string PlaceLine => DocumentText.Place(Post.Details.Place, CommuneName, Commune is { PostalCodes.Count: > 0 } c ? c.PostalCodes[0] : null);
}

/// <summary>Everything a document of a measure may say: the person, the placement it is about, the incident, the measure's history.</summary>
internal sealed record DocumentData(Person Person, PlacementFile? Placement, Incident? Incident, IReadOnlyList<PlacementFile> Placements,
    IReadOnlyList<Incident> Incidents, IReadOnlyList<MeasureAction> Actions, ServiceCalendar Calendar)
{
    public PlacementFile RequiredPlacement => Placement ?? throw new InvalidOperationException("Ce document porte sur un placement.");
    public Incident RequiredIncident => Incident ?? throw new InvalidOperationException("Ce document porte sur un incident.");
}

/// <summary>
/// Composes the documents of a measure (issue 29) from what the service holds, as PDF (PDFsharp, A4, the fonts embedded):
/// it reads the person, the placement, the incident the subject names, and hands them to the kind's template. The caller
/// (the documents' storage) has checked who may ask; this checks only that the subject holds together.
/// </summary>
public sealed class DocumentComposer(IMatchingStore store, FranceGeography geography, ServiceCalendar calendar)
{
    /// <exception cref="NotFoundException">The person, the placement or the incident does not exist, or is another person's.</exception>
    /// <exception cref="DomainRuleException">The subject lacks what the kind needs (a placement, an incident).</exception>
    public async Task<ComposedDocument> ComposeAsync(DocumentKind kind, DocumentSubject subject, Letterhead letterhead, DocumentStamp stamp, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(letterhead);
        ArgumentNullException.ThrowIfNull(stamp);
        if (!Enum.IsDefined(kind)) throw new DomainRuleException("kind", "Document inconnu.");
        var title = kind.Title();
        var data = await Gather(kind, subject, ct);
        using var pdf = new PdfLayout(title, letterhead, stamp, calendar.DayOf(stamp.IssuedAt));
        switch (kind)
        {
            case DocumentKind.DecisionAffectation: DecisionAffectationTemplate.Write(pdf, data); break;
            case DocumentKind.FicheLiaison: FicheLiaisonTemplate.Write(pdf, data); break;
            case DocumentKind.ReleveHeures: ReleveHeuresTemplate.Write(pdf, data); break;
            case DocumentKind.RapportFinMesure: RapportFinMesureTemplate.Write(pdf, data); break;
            case DocumentKind.RapportIncident: RapportIncidentTemplate.Write(pdf, data); break;
        }
        return new ComposedDocument(kind, title, pdf.Finish());
    }

    /// <summary>
    /// A one-page specimen under <paramref name="letterhead"/>: its top, a sample of the body and its signature block, as the
    /// SPIP's documents print them — the administrator's preview before keeping it. Nothing is numbered nor stored.
    /// </summary>
    public byte[] Specimen(Letterhead letterhead, string departement)
    {
        ArgumentNullException.ThrowIfNull(letterhead);
        var now = calendar.UtcNow;
        using var pdf = new PdfLayout("Spécimen d'en-tête", letterhead, new DocumentStamp(MeasureDocument.NumberOf(departement, calendar.DayOf(now).Year, 0), 1, now), calendar.DayOf(now));
        pdf.Paragraph("Ce spécimen montre l'en-tête et le bloc de signature tels que les documents du SPIP les imprimeront : décisions d'affectation, fiches de liaison, relevés d'heures, rapports au juge. Il n'est ni numéroté ni archivé.");
        pdf.Heading("Exemple de contenu");
        pdf.Fields(("Personne", "Prénom N."), ("Poste", "Intitulé du poste"), ("Structure d'accueil", "Nom de la structure"));
        return pdf.Finish();
    }

    private async Task<DocumentData> Gather(DocumentKind kind, DocumentSubject subject, CancellationToken ct)
    {
        var person = await store.Persons.AsNoTracking().FirstOrDefaultAsync(p => p.Id == subject.PersonId, ct) ?? throw new NotFoundException("Personne");
        PlacementFile? placement = null;
        Incident? incident = null;
        IReadOnlyList<PlacementFile> placements = [];
        IReadOnlyList<Incident> incidents = [];
        IReadOnlyList<MeasureAction> actions = [];
        switch (kind)
        {
            case DocumentKind.DecisionAffectation or DocumentKind.FicheLiaison or DocumentKind.ReleveHeures:
                if (subject.PlacementId is not { } placementId) throw new DomainRuleException("placementId", "Ce document porte sur un placement : il manque le placement.");
                placement = await PlacementOf(person, placementId, ct);
                break;
            case DocumentKind.RapportIncident:
                if (subject.IncidentId is not { } incidentId) throw new DomainRuleException("incidentId", "Le rapport d'incident porte sur un incident : il manque l'incident.");
                incident = await store.Incidents.AsNoTracking().FirstOrDefaultAsync(i => i.Id == incidentId, ct);
                if (incident is null || incident.PersonId != person.Id) throw new NotFoundException("Incident");
                if (subject.PlacementId is { } named && named != incident.PlacementId) throw new NotFoundException("Placement");
                placement = await PlacementOf(person, incident.PlacementId, ct);
                break;
            case DocumentKind.RapportFinMesure:
                var ids = await store.Placements.AsNoTracking().Where(p => p.PersonId == person.Id).Select(p => p.Id).ToListAsync(ct);
                var files = new List<PlacementFile>();
                foreach (var id in ids) files.Add(await PlacementOf(person, id, ct));
                placements = [.. files.OrderBy(f => f.Placement.CreatedAt)];
                incidents = [.. (await store.Incidents.AsNoTracking().Where(i => i.PersonId == person.Id).ToListAsync(ct)).OrderBy(i => i.ReportedAt)];
                actions = [.. (await store.MeasureActions.AsNoTracking().Where(a => a.PersonId == person.Id).ToListAsync(ct)).OrderBy(a => a.RecordedAt)];
                break;
            default:
                throw new DomainRuleException("kind", "Document inconnu.");
        }
        return new DocumentData(person, placement, incident, placements, incidents, actions, calendar);
    }

    private async Task<PlacementFile> PlacementOf(Person person, Guid placementId, CancellationToken ct)
    {
        var placement = await store.Placements.AsNoTracking().FirstOrDefaultAsync(p => p.Id == placementId, ct);
        if (placement is null || placement.PersonId != person.Id) throw new NotFoundException("Placement");
        var post = await store.Posts.AsNoTracking().FirstOrDefaultAsync(p => p.Id == placement.PostId, ct) ?? throw new NotFoundException("Poste");
        var host = await store.HostBodies.AsNoTracking().FirstOrDefaultAsync(h => h.Id == post.HostBodyId, ct) ?? throw new NotFoundException("Structure");
        var code = post.Details.Activity;
        var activity = await store.Activities.AsNoTracking().Where(a => a.Code == code).Select(a => a.Label).FirstOrDefaultAsync(ct);
        var sessions = await store.Sessions.AsNoTracking().Where(s => s.PlacementId == placement.Id).ToListAsync(ct);
        var place = post.Details.Place;
        return new PlacementFile(placement, post, host, activity ?? post.Details.Activity, [.. sessions.OrderBy(s => s.Date).ThenBy(s => s.Start)],
            geography.Commune(place.CommuneInsee), geography.Departement(place.Departement));
    }
}
