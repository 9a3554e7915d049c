using System.Text.Encodings.Web;
using System.Text.Json;
using Placement.Catalogue.Contracts;
using Placement.Catalogue.Features.HostBodies;
using Placement.Catalogue.Features.Posts;
using Placement.Matching.Features.Persons;

namespace Placement.Web.Demo;

public sealed record DemoHostBody : HostBodyFields
{
    public Guid Id { get; init; }
}

public sealed record DemoPost : PostFields
{
    public Guid Id { get; init; }
    public Guid HostBodyId { get; init; }
    /// <summary>Kebab-case <c>PostStatus</c>; the loader replays the lifecycle up to it.</summary>
    public string Status { get; init; } = "published";
}

public sealed record DemoPerson : PersonFields
{
    public Guid Id { get; init; }
}

public sealed record DemoHoursLog(DateOnly Date, double Hours, string? Note);

/// <summary>A placement of the demo: <c>proposed</c> (awaiting the partner), or <c>confirmed</c> on <see cref="ConfirmedOn"/> with its hours (completed when they reach the target).</summary>
public sealed record DemoPlacement(Guid Id, Guid PersonId, Guid PostId, double HoursTarget, DateOnly ConfirmedOn, IReadOnlyList<DemoHoursLog> Hours, string Status = "confirmed");

/// <summary>
/// The demo data set of <c>data/seed/demo</c>: one region at realistic proportions, in the same
/// contract shapes as the API, so that loading it goes through the same validation.
/// </summary>
public sealed record DemoDataSet(
    IReadOnlyList<DemoHostBody> HostBodies,
    IReadOnlyList<DemoPost> Posts,
    IReadOnlyList<DemoPerson> Persons,
    IReadOnlyList<DemoPlacement> Placements)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    private const string HostBodiesFile = "host-bodies.json";
    private const string PostsFile = "posts.json";
    private const string PersonsFile = "persons.json";
    private const string PlacementsFile = "placements.json";

    public void Write(string directory)
    {
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, HostBodiesFile), JsonSerializer.Serialize(HostBodies, Json) + "\n");
        File.WriteAllText(Path.Combine(directory, PostsFile), JsonSerializer.Serialize(Posts, Json) + "\n");
        File.WriteAllText(Path.Combine(directory, PersonsFile), JsonSerializer.Serialize(Persons, Json) + "\n");
        File.WriteAllText(Path.Combine(directory, PlacementsFile), JsonSerializer.Serialize(Placements, Json) + "\n");
    }

    public static DemoDataSet Read(string directory) => new(
        Load<DemoHostBody>(directory, HostBodiesFile),
        Load<DemoPost>(directory, PostsFile),
        Load<DemoPerson>(directory, PersonsFile),
        Load<DemoPlacement>(directory, PlacementsFile));

    private static List<T> Load<T>(string directory, string file)
    {
        var path = Path.Combine(directory, file);
        if (!File.Exists(path)) throw new FileNotFoundException($"Jeu de démonstration incomplet : {path} manque.", path);
        using var stream = File.OpenRead(path);
        return JsonSerializer.Deserialize<List<T>>(stream, Json) ?? [];
    }
}
