using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Placement.Web.Data;
using Placement.Web.Tests.Model.Oracle;

namespace Placement.Web.Tests.Model;

/// <summary>A host body as the model reads it: may it host today (by right, or habilitated for a period holding today)?</summary>
public sealed record HostRow(Guid Id, string Departement, string HabilitationStatus, DateOnly? ValidFrom, DateOnly? ValidUntil)
{
    public bool CanHostOn(DateOnly day) => HabilitationStatus switch
    {
        "byright" => true,
        "habilitated" => ValidFrom is { } from && ValidUntil is { } until && from <= day && day <= until,
        _ => false,
    };
}

public sealed record PostRow(Guid Id, Guid HostBodyId, string Status, OraclePost Oracle)
{
    public bool Published => Status == "Published";
}

public sealed record PersonRow(Guid Id, string Departement, string? CaseNumber, OraclePerson Oracle);

public sealed record PlacementRow(Guid Id, Guid PersonId, Guid PostId, string Status, double HoursTarget)
{
    public static readonly IReadOnlySet<string> ActiveStatuses = new HashSet<string>(StringComparer.Ordinal) { "Proposed", "Confirmed", "InProgress" };
    public bool Active => ActiveStatuses.Contains(Status);
}

public sealed record ProposalRow(Guid Id, Guid RunId, Guid PersonId, Guid PostId, string Status);

/// <summary>The whole database as the oracle sees it at one moment: every host body, post, person and placement.</summary>
public sealed class WorldSnapshot(DateOnly today, IReadOnlyDictionary<Guid, HostRow> hosts, IReadOnlyDictionary<Guid, PostRow> posts,
    IReadOnlyDictionary<Guid, PersonRow> persons, IReadOnlyList<PlacementRow> placements, IReadOnlySet<Guid> world)
{
    /// <summary>The current world's ids (its persons, posts, host bodies).</summary>
    public IReadOnlySet<Guid> World { get; } = world;

    public DateOnly Today { get; } = today;
    public IReadOnlyDictionary<Guid, HostRow> Hosts { get; } = hosts;
    public IReadOnlyDictionary<Guid, PostRow> Posts { get; } = posts;
    public IReadOnlyDictionary<Guid, PersonRow> Persons { get; } = persons;
    public IReadOnlyList<PlacementRow> Placements { get; } = placements;

    private List<PlacementRow>? _active;
    public IReadOnlyList<PlacementRow> Active => _active ??= [.. Placements.Where(p => p.Active)];

    private Dictionary<Guid, int>? _taken;
    public int Taken(Guid post) => (_taken ??= Active.GroupBy(p => p.PostId).ToDictionary(g => g.Key, g => g.Count())).GetValueOrDefault(post);

    public int FreePlaces(Guid post) => Math.Max(0, Posts[post].Oracle.Capacity - Taken(post));

    /// <summary>(person, host body) of every active placement, as the oracle's rule 13 reads them.</summary>
    public IReadOnlyList<(string PersonId, string PartnerId)> ActivePairs =>
        [.. Active.Where(p => Posts.ContainsKey(p.PostId)).Select(p => (Id(p.PersonId), Id(Posts[p.PostId].HostBodyId)))];

    private HashSet<Guid>? _placed;
    public bool HasActivePlacement(Guid person) => (_placed ??= [.. Active.Select(p => p.PersonId)]).Contains(person);

    /// <summary>A post can take someone: published, its host body may host today, a free place.</summary>
    public bool CanTakeSomeone(Guid post) =>
        Posts.TryGetValue(post, out var q) && q.Published && Hosts.TryGetValue(q.HostBodyId, out var h) && h.CanHostOn(Today) && FreePlaces(post) > 0;

    private List<OraclePerson>? _linkable;

    /// <summary>
    /// The persons rule 13 can concern: the world's and every person with an active placement (persons of earlier worlds, whose
    /// placements were cancelled, and demo persons not placed are linked to nobody who is).
    /// </summary>
    public IReadOnlyList<OraclePerson> Linkable => _linkable ??=
        [.. Persons.Values.Where(p => World.Contains(p.Id) || HasActivePlacement(p.Id)).Select(p => p.Oracle)];

    private readonly Dictionary<Guid, IReadOnlySet<string>> _coDefendants = [];
    private List<(string PersonId, string PartnerId)>? _pairs;

    public IReadOnlySet<string> CoDefendantPartners(Guid person) =>
        _coDefendants.TryGetValue(person, out var known) ? known
            : _coDefendants[person] = SpecOracle.CoDefendantPartnerIds(Id(person), _pairs ??= [.. ActivePairs], Linkable);

    /// <summary>The rules of matching.md the pair breaks now (rule 13 against the active placements of others).</summary>
    public IReadOnlySet<string> BrokenRules(Guid person, Guid post) =>
        SpecOracle.BrokenRules(Persons[person].Oracle, Posts[post].Oracle, Today, CoDefendantPartners(person));

    public static string Id(Guid id) => id.ToString("D");

    /// <summary>The same world with one more active placement (to judge the next acceptance of a bulk).</summary>
    public WorldSnapshot With(PlacementRow placement) => new(Today, Hosts, Posts, Persons, [.. Placements, placement], World);
}

/// <summary>
/// Reads the database into the oracle's records, straight from the stored JSON documents (persons, posts, host bodies) and
/// the placements' rows, never through the production mappings or rules. The one place that knows the stored shapes:
/// adapt it when they change (a version field, co-defendants named by case number…).
/// <para>
/// Rows of the current world (<see cref="Watch"/>) are read afresh at every snapshot (a write that forgot its <c>UpdatedAt</c>
/// is seen too); the others (the demo data, the worlds of earlier sequences) are cached and read again only when stamped
/// since the last snapshot. Rows are never deleted by the service.
/// </para>
/// </summary>
public sealed class ModelDatabase(PlacementApp app)
{
    private readonly Dictionary<Guid, (DateTimeOffset At, HostRow Row)> _hosts = [];
    private readonly Dictionary<Guid, (DateTimeOffset At, PostRow Row)> _posts = [];
    private readonly Dictionary<Guid, (DateTimeOffset At, PersonRow Row)> _persons = [];
    private readonly HashSet<Guid> _watched = [];

    /// <summary>Rows always read afresh (the current world's persons, posts and host bodies).</summary>
    public void Watch(IEnumerable<Guid> ids)
    {
        foreach (var id in ids) _watched.Add(id);
    }

    public void Unwatch() => _watched.Clear();

    private sealed record DocRow(Guid Id, string Document);

    private sealed record PlacementSql(Guid Id, Guid PersonId, Guid PostId, string Status, double HoursTarget);

    private sealed record ProposalSql(Guid Id, Guid RunId, Guid PersonId, Guid PostId, string Status);

    public DateOnly Today => DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime);

    private DateTimeOffset _readAt = DateTimeOffset.MinValue;

    public async Task<WorldSnapshot> ReadAsync()
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlacementDbContext>();
        // Rows stamped since the last read (the clock only moves forward; a write during the last read is read again).
        var since = _readAt;
        _readAt = app.Clock.GetUtcNow();
        var watched = _watched.ToList();

        // Two queries each: what was stamped since (an index on UpdatedAt), then the documents of those and of the world by id.
        var hostKeys = await db.HostBodies.AsNoTracking().Where(h => h.UpdatedAt >= since).Select(h => new { h.Id, h.UpdatedAt }).ToListAsync();
        if (hostKeys.Count > 0 || watched.Count > 0)
        {
            var ids = hostKeys.Select(k => k.Id).Union(watched).ToList();
            var at = hostKeys.ToDictionary(k => k.Id, k => k.UpdatedAt);
            foreach (var row in await db.Database.SqlQueryRaw<DocRow>("SELECT \"Id\", \"Document\" FROM \"HostBodies\"").Where(r => ids.Contains(r.Id)).ToListAsync())
                _hosts[row.Id] = (at.GetValueOrDefault(row.Id), ReadHost(row.Id, row.Document));
        }

        var postKeys = await db.Posts.AsNoTracking().Where(p => p.UpdatedAt >= since).Select(p => new { p.Id, p.UpdatedAt }).ToListAsync();
        if (postKeys.Count > 0 || watched.Count > 0)
        {
            var ids = postKeys.Select(k => k.Id).Union(watched).ToList();
            var at = postKeys.ToDictionary(k => k.Id, k => k.UpdatedAt);
            var rows = await db.Database.SqlQueryRaw<PostSql>("SELECT \"Id\", \"HostBodyId\", \"Status\", \"Document\" FROM \"Posts\"")
                .Where(r => ids.Contains(r.Id)).ToListAsync();
            foreach (var row in rows) _posts[row.Id] = (at.GetValueOrDefault(row.Id), new PostRow(row.Id, row.HostBodyId, row.Status, ReadPost(row.Id, row.HostBodyId, row.Document)));
        }

        var personKeys = await db.Persons.AsNoTracking().Where(p => p.UpdatedAt >= since).Select(p => new { p.Id, p.UpdatedAt }).ToListAsync();
        if (personKeys.Count > 0 || watched.Count > 0)
        {
            var ids = personKeys.Select(k => k.Id).Union(watched).ToList();
            var at = personKeys.ToDictionary(k => k.Id, k => k.UpdatedAt);
            var rows = await db.Database.SqlQueryRaw<PersonSql>("SELECT \"Id\", \"Departement\", \"CaseNumber\", \"Document\" FROM \"Persons\"")
                .Where(r => ids.Contains(r.Id)).ToListAsync();
            foreach (var row in rows) _persons[row.Id] = (at.GetValueOrDefault(row.Id), new PersonRow(row.Id, row.Departement, row.CaseNumber, ReadPerson(row.Id, row.Document)));
        }

        // The active placements, and every placement of the world's persons.
        var active = PlacementRow.ActiveStatuses.ToList();
        var placements = await db.Database.SqlQueryRaw<PlacementSql>("SELECT \"Id\", \"PersonId\", \"PostId\", \"Status\", \"HoursTarget\" FROM \"Placements\"")
            .Where(p => active.Contains(p.Status) || watched.Contains(p.PersonId)).ToListAsync();
        return new WorldSnapshot(Today,
            _hosts.ToDictionary(h => h.Key, h => h.Value.Row),
            _posts.ToDictionary(p => p.Key, p => p.Value.Row),
            _persons.ToDictionary(p => p.Key, p => p.Value.Row),
            [.. placements.Select(p => new PlacementRow(p.Id, p.PersonId, p.PostId, p.Status, p.HoursTarget))], new HashSet<Guid>(_watched));
    }

    /// <summary>The proposals of a run, as stored.</summary>
    public async Task<IReadOnlyList<ProposalRow>> ProposalsAsync(Guid runId)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlacementDbContext>();
        var rows = await db.Database.SqlQueryRaw<ProposalSql>("SELECT \"Id\", \"RunId\", \"PersonId\", \"PostId\", \"Status\" FROM \"AssignmentProposals\"")
            .Where(p => p.RunId == runId).ToListAsync();
        return [.. rows.Select(r => new ProposalRow(r.Id, r.RunId, r.PersonId, r.PostId, r.Status))];
    }

    /// <summary>Ids of persons by case number and of posts by (host body, reference): how a world finds what its imports created.</summary>
    public async Task<Dictionary<string, Guid>> PersonIdsByCaseNumberAsync(IReadOnlyCollection<string> caseNumbers)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlacementDbContext>();
        var list = caseNumbers.ToList();
        return await db.Persons.AsNoTracking().Where(p => p.CaseNumber != null && list.Contains(p.CaseNumber)).ToDictionaryAsync(p => p.CaseNumber!, p => p.Id);
    }

    public async Task<Dictionary<string, Guid>> HostIdsBySiretAsync(IReadOnlyCollection<string> sirets)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlacementDbContext>();
        var list = sirets.ToList();
        return await db.HostBodies.AsNoTracking().Where(h => list.Contains(h.Siret)).ToDictionaryAsync(h => h.Siret, h => h.Id);
    }

    public async Task<Dictionary<string, Guid>> PostIdsByReferenceAsync(IReadOnlyCollection<Guid> hostBodies, string prefix)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlacementDbContext>();
        var hosts = hostBodies.ToList();
        return await db.Posts.AsNoTracking().Where(p => hosts.Contains(p.HostBodyId) && p.Reference != null && p.Reference.StartsWith(prefix))
            .ToDictionaryAsync(p => p.Reference!, p => p.Id);
    }

    private sealed record PostSql(Guid Id, Guid HostBodyId, string Status, string Document);

    private sealed record PersonSql(Guid Id, string Departement, string? CaseNumber, string Document);

    // ---- the stored documents, read by hand

    private static HostRow ReadHost(Guid id, string document)
    {
        using var json = JsonDocument.Parse(document);
        var root = json.RootElement;
        var habilitation = root.GetProperty("habilitation");
        return new HostRow(id, Str(root.GetProperty("address"), "departement") ?? "",
            (Str(habilitation, "status") ?? "").Replace("-", "", StringComparison.Ordinal).ToLowerInvariant(),
            Date(habilitation, "validFrom"), Date(habilitation, "validUntil"));
    }

    private static OraclePost ReadPost(Guid id, Guid hostBodyId, string document)
    {
        using var json = JsonDocument.Parse(document);
        var r = json.RootElement;
        var location = r.GetProperty("address").GetProperty("location");
        return new OraclePost(WorldSnapshot.Id(id), WorldSnapshot.Id(hostBodyId), location.GetProperty("lat").GetDouble(), location.GetProperty("lon").GetDouble(),
            r.GetProperty("capacity").GetInt32(), r.GetProperty("maxWeeklyHoursPerPerson").GetDouble(), Slots(r, "schedule"),
            Date(r, "openFrom")!.Value, Date(r, "openUntil")!.Value,
            Bool(r, "acceptsMinors"), Bool(r, "contactWithMinors"), Bool(r, "vulnerablePublic"), Bool(r, "requiresDrivingLicence"),
            (Str(r, "physicalDemand") ?? "").ToLowerInvariant(), Bool(r, "nightWork"), Bool(r, "wheelchairAccessible"), Bool(r, "nearPublicTransport"))
        {
            ParticularRisks = Bool(r, "medicalRisk") || Bool(r, "particularRisks"), // the stored document keeps the flag's former key
            CareSetting = Bool(r, "careSetting"),
        };
    }

    private static OraclePerson ReadPerson(Guid id, string document)
    {
        using var json = JsonDocument.Parse(document);
        var r = json.RootElement;
        var location = r.GetProperty("home").GetProperty("location");
        var deadline = Date(r, "deadline")!.Value;
        // The deadline pushed back by each suspension, both ends inclusive (domain.md: the clock can be suspended).
        if (r.TryGetProperty("suspensions", out var suspensions) && suspensions.ValueKind == JsonValueKind.Array)
            foreach (var s in suspensions.EnumerateArray())
                deadline = deadline.AddDays(Date(s, "end")!.Value.DayNumber - Date(s, "start")!.Value.DayNumber + 1);
        var restrictions = r.TryGetProperty("restrictions", out var x) && x.ValueKind == JsonValueKind.Object ? x : default;
        return new OraclePerson(WorldSnapshot.Id(id), Date(r, "birthDate")!.Value, location.GetProperty("lat").GetDouble(), location.GetProperty("lon").GetDouble(),
            r.GetProperty("maxTravelKm").GetDouble(), Bool(r, "hasDrivingLicence"), Bool(r, "publicTransportOnly"),
            r.GetProperty("hoursOrdered").GetDouble() - (r.TryGetProperty("hoursDone", out var done) ? done.GetDouble() : 0), deadline,
            Slots(r, "availability"), (Str(r, "maxPhysicalDemand") ?? "").ToLowerInvariant(), Bool(r, "needsWheelchairAccess"),
            Bool(restrictions, "noContactWithMinors"), Bool(restrictions, "noContactWithVulnerablePublic"),
            Ids(restrictions, "excludedHostBodyIds"), Ids(restrictions, "noContactWithPersonIds"), Zones(restrictions))
        {
            WeeklyWorkHours = r.TryGetProperty("weeklyWorkHours", out var job) && job.ValueKind == JsonValueKind.Number ? job.GetDouble() : null,
            MedicalExaminationRequired = Bool(r, "medicalMarker") || Bool(r, "medicalExaminationRequired"),
            MedicallyFit = r.TryGetProperty("medicalFitness", out var fit) && fit.ValueKind == JsonValueKind.Object,
        };
    }

    private static string? Str(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static bool Bool(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.True;

    private static DateOnly? Date(JsonElement e, string name) =>
        Str(e, name) is { } s ? DateOnly.ParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null;

    private static List<OracleSlot> Slots(JsonElement e, string name) =>
        e.TryGetProperty(name, out var list) && list.ValueKind == JsonValueKind.Array
            ? [.. list.EnumerateArray().Select(w => new OracleSlot(Str(w, "day")!, TimeOnly.ParseExact(Str(w, "start")!, "HH:mm", CultureInfo.InvariantCulture),
                TimeOnly.ParseExact(Str(w, "end")!, "HH:mm", CultureInfo.InvariantCulture)))]
            : [];

    private static List<string> Ids(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var list) && list.ValueKind == JsonValueKind.Array
            ? [.. list.EnumerateArray().Select(i => Guid.Parse(i.GetString()!).ToString("D"))]
            : [];

    /// <summary>GeoJSON Polygon and MultiPolygon, [lon, lat]: a MultiPolygon is several polygons.</summary>
    private static List<OraclePolygon> Zones(JsonElement restrictions)
    {
        var zones = new List<OraclePolygon>();
        if (restrictions.ValueKind != JsonValueKind.Object || !restrictions.TryGetProperty("exclusionZones", out var list) || list.ValueKind != JsonValueKind.Array) return zones;
        static OraclePolygon Polygon(JsonElement rings) =>
            new([.. rings.EnumerateArray().Select(ring => (IReadOnlyList<(double Lon, double Lat)>)[.. ring.EnumerateArray().Select(p => (p[0].GetDouble(), p[1].GetDouble()))])]);
        foreach (var zone in list.EnumerateArray())
        {
            var coordinates = zone.GetProperty("coordinates");
            if (Str(zone, "type") == "MultiPolygon") zones.AddRange(coordinates.EnumerateArray().Select(Polygon));
            else zones.Add(Polygon(coordinates));
        }
        return zones;
    }
}
