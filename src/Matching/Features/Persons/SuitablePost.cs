using Placement.Catalogue.Domain;
using Placement.Matching.Engine;

namespace Placement.Matching.Features.Persons;

/// <summary>A post that suits the person: its score, its parts explained in French, and where it is.</summary>
public sealed record SuitablePost(Post Post, HostBody HostBody, int Score, double DistanceKm, int FreePlaces, IReadOnlyList<ScorePart> Parts)
{
    /// <summary>
    /// The medical examination to plan before the person starts there (R.623-14), « visite médicale à prévoir (travail de nuit) »
    /// (<see cref="Engine.MedicalExamination.Note"/>); null when none is.
    /// </summary>
    public string? MedicalExamination { get; init; }
}
