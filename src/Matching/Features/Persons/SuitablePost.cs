using Placement.Catalogue.Domain;
using Placement.Matching.Engine;

namespace Placement.Matching.Features.Persons;

/// <summary>A post that suits the person: its score, its parts explained in French, and where it is.</summary>
public sealed record SuitablePost(Post Post, HostBody HostBody, int Score, double DistanceKm, int FreePlaces, IReadOnlyList<ScorePart> Parts);
