using Microsoft.EntityFrameworkCore;
using Placement.Catalogue.Domain;
using Placement.Catalogue.Search;
using Placement.Matching.Assignment;
using Placement.Matching.Domain;
using Placement.Matching.Engine;
using Placement.Matching.Persistence;

namespace Placement.Matching.Suitability;

/// <summary>A post that suits the person: its score, its parts explained in French, and where it is.</summary>
public sealed record SuitablePost(Post Post, HostBody HostBody, int Score, double DistanceKm, int FreePlaces, IReadOnlyList<ScorePart> Parts);
