namespace Placement.Matching.Domain;

/// <summary>The documents of a measure Placement issues, as PDF.</summary>
public enum DocumentKind
{
    /// <summary>« Décision d'affectation », for the person: the post, where, when, the hours, the deadline, the obligations.</summary>
    DecisionAffectation,
    /// <summary>« Fiche de liaison », for the host body: first name and initial, schedule, sessions, the officer — no judicial data.</summary>
    FicheLiaison,
    /// <summary>« Relevé d'heures et attestation d'exécution »: the sessions attended, and the tutor's acknowledgement when given.</summary>
    ReleveHeures,
    /// <summary>« Rapport de fin de mesure », to the judge (JAP): hours done, dates, placements, incidents and decisions.</summary>
    RapportFinMesure,
    /// <summary>« Rapport d'incident », to the judge (JAP): an incident and the officer's decision to report it.</summary>
    RapportIncident,
}

/// <summary>The SPIP's letterhead printed on its documents: its name and address, and who signs.</summary>
public sealed record Letterhead(string Name, IReadOnlyList<string> AddressLines, string? Phone, string? Email, string SignatoryName, string SignatoryTitle);

/// <summary>What a document is about: always a person; a placement for the three placement documents; an incident for its report.</summary>
public sealed record DocumentSubject(Guid PersonId, Guid? PlacementId = null, Guid? IncidentId = null);
