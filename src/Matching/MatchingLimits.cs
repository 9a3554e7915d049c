using System.ComponentModel.DataAnnotations;

namespace Placement.Matching;

/// <summary>
/// <c>Placement:Matching</c>: the work one request or one run may cause — how large a person's exclusion zones may be
/// (checked once, when a person is written), and how long, how large and how many solves run at once (the HTTP solve and
/// the assignment runs; the operator's <c>match</c> verb is bounded by its instance's own time limit only).
/// </summary>
public sealed class MatchingLimits
{
    public const string Section = "Placement:Matching";

    /// <summary>Exclusion zones per person.</summary>
    [Range(1, 100, ErrorMessage = "entre 1 et 100.")]
    public int MaxZonesPerPerson { get; set; } = 10;

    /// <summary>
    /// Vertices (positions, holes included) of one zone. Checking a ring that does not cross itself costs up to the square
    /// of its vertices when its edges all overlap (a star): measured once on 2026-12-03, 0.19 s at 4,000 vertices, 0.63 s
    /// at 8,000 (not yet a benchmark figure).
    /// </summary>
    [Range(4, 50_000, ErrorMessage = "entre 4 et 50000.")]
    public int MaxVerticesPerZone { get; set; } = 2_000;

    /// <summary>Vertices of all the zones of one person.</summary>
    [Range(4, 200_000, ErrorMessage = "entre 4 et 200000.")]
    public int MaxVerticesPerPerson { get; set; } = 5_000;

    /// <summary>Largest time limit of a solve or an assignment run, in seconds; a longer one is refused (400).</summary>
    [Range(1, 600, ErrorMessage = "entre 1 et 600 secondes.")]
    public double MaxTimeLimitSeconds { get; set; } = 120;

    /// <summary>Persons of one instance (HTTP solve, assignment run).</summary>
    [Range(1, 100_000, ErrorMessage = "entre 1 et 100000.")]
    public int MaxPersons { get; set; } = 5_000;

    /// <summary>Posts of one instance.</summary>
    [Range(1, 200_000, ErrorMessage = "entre 1 et 200000.")]
    public int MaxPosts { get; set; } = 20_000;

    /// <summary>
    /// Persons × posts of one instance: the candidate arcs (and so the flow networks and CP-SAT models, the memory of a
    /// solve) never outnumber it. A solve at this bound (2,000 × 2,000) added about 80 MiB to the service's working set
    /// (docs/benchmarks.md, « The service while solves run »).
    /// </summary>
    [Range(1, 1_000_000_000, ErrorMessage = "entre 1 et 1000000000.")]
    public long MaxPairs { get; set; } = 4_000_000;

    /// <summary>Vertices of all the exclusion zones of one instance (each zone also obeys <see cref="MaxVerticesPerZone"/>).</summary>
    [Range(4, 2_000_000, ErrorMessage = "entre 4 et 2000000.")]
    public int MaxInstanceVertices { get; set; } = 50_000;
}
