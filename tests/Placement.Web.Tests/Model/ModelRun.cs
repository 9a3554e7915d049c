using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Placement.Web.Identity;
using Placement.Web.Tests.Model.Oracle;
using Placement.Matching.Domain;

namespace Placement.Web.Tests.Model;

/// <summary>
/// What the sequences of one service share: the service, its demo accounts' clients, and the reader of its database.
/// </summary>
public sealed class ModelService(PlacementApp app)
{
    public PlacementApp App { get; } = app;
    public ModelDatabase Database { get; } = new(app);
    public HttpClient? Coordinator { get; private set; }
    public HttpClient Officer69 { get; private set; } = null!;
    public HttpClient Officer38 { get; private set; } = null!;
    private int _worlds;
    private ModelRun? _previous;

    public int NextTag() => Interlocked.Increment(ref _worlds);

    /// <summary>Where the time goes: per kind of step, reading the database, judging, setting worlds up.</summary>
    public Dictionary<string, (int Count, double Seconds)> Timings { get; } = [];

    public void Time(string what, System.Diagnostics.Stopwatch watch)
    {
        var (count, seconds) = Timings.GetValueOrDefault(what);
        Timings[what] = (count + 1, seconds + watch.Elapsed.TotalSeconds);
        watch.Restart();
    }

    /// <summary>What the sequences did: attempts by answer, refusals by rule, suggestions compared.</summary>
    public SortedDictionary<string, int> Counts { get; } = new(StringComparer.Ordinal);

    public void Count(string what, int n = 1) => Counts[what] = Counts.GetValueOrDefault(what) + n;

    public string CountReport() => string.Join("; ", Counts.Select(c => $"{c.Key}: {c.Value}"));

    public string TimingReport() => string.Join("; ", Timings.OrderByDescending(t => t.Value.Seconds).Select(t => $"{t.Key} {t.Value.Count}× {t.Value.Seconds:0.00} s"));

    public async Task InitialiseAsync()
    {
        if (Coordinator is not null) return;
        Coordinator = await App.ClientFor(PlacementApp.Coordinator);
        Officer69 = await App.ClientFor(PlacementApp.Officer69);
        Officer38 = await App.ClientFor(PlacementApp.Officer38);
    }

    /// <summary>A fresh world for a sequence, in host bodies of its own; the previous one is retired first (its placements cancelled, its posts closed).</summary>
    public async Task<ModelRun> StartAsync(ModelWorld world)
    {
        var w = System.Diagnostics.Stopwatch.StartNew();
        await InitialiseAsync();
        Time("world: service started", w);
        if (_previous is not null) await _previous.RetireAsync();
        Time("world: previous retired", w);
        var run = new ModelRun(this, world);
        await run.SetUpAsync();
        Time("world: set up", w);
        _previous = run;
        return run;
    }
}

/// <summary>One sequence's world as the model knows it: its persons and posts by index, and what it expects of the service.</summary>
public sealed class ModelRun(ModelService service, ModelWorld world)
{
    public ModelService Service { get; } = service;
    public ModelWorld World { get; } = world;
    public ModelDatabase Database => Service.Database;
    public HttpClient Coordinator => Service.Coordinator!;

    /// <summary>The world's own ten host bodies, each with a partner account (a partner's token names its host body).</summary>
    public IReadOnlyList<HostSpec> HostSpecs { get; } = ModelWorld.Hosts(world.Tag);
    public Guid[] Hosts { get; private set; } = [];
    public HttpClient[] Partners { get; private set; } = [];

    public List<Guid> Persons { get; } = [];
    public List<Guid> Posts { get; } = [];
    public Dictionary<Guid, string> Departements { get; } = [];
    public Guid? LastRun { get; set; }

    /// <summary>The world as read after the last step (before the next one).</summary>
    public WorldSnapshot Before { get; set; } = null!;

    /// <summary>Placements that were there before the sequence (the demo data, earlier worlds): not judged at their making.</summary>
    public HashSet<Guid> Foreign { get; } = [];

    /// <summary>The oracle's verdict on each placement the service made during the sequence, on the world just before.</summary>
    public Dictionary<Guid, Verdict> Verdicts { get; } = [];
    public Dictionary<Guid, string> ExpectedStatus { get; } = [];
    public Dictionary<Guid, double> Logged { get; } = [];

    /// <summary>Posts whose capacity an edit lowered below their active placements (rule 14: those stay, nobody else comes).</summary>
    public HashSet<Guid> Overbooked { get; } = [];
    public int Step { get; set; }

    public Guid? PersonId(int index) => index >= 0 && index < Persons.Count ? Persons[index] : null;
    public Guid? PostId(int index) => index >= 0 && index < Posts.Count ? Posts[index] : null;

    public void AddPerson(Guid id, string departement)
    {
        Persons.Add(id);
        Departements[id] = departement;
        Database.Watch([id]);
    }

    public void AddPost(Guid id)
    {
        Posts.Add(id);
        Database.Watch([id]);
    }

    public HttpClient Officer(string departement) => departement == "38" ? Service.Officer38 : Service.Officer69;
    public HttpClient OfficerOf(Guid person) => Officer(DepartementOf(person));

    /// <summary>The SPIP that follows a world person.</summary>
    public string DepartementOf(Guid person) => Departements.GetValueOrDefault(person) ?? Before.Persons[person].Departement;

    /// <summary>
    /// Links <paramref name="other"/> to <paramref name="person"/> as an officer must when the other is followed by another SPIP
    /// (issue 25, item 8): <c>POST /api/persons/{id}/co-defendants</c> with the other's case number and birth date.
    /// </summary>
    public async Task<(int Status, JsonElement? Body)> LinkAsync(HttpClient officer, Guid person, Guid other)
    {
        string? number;
        DateOnly birth;
        using (var scope = Service.App.Services.CreateScope())
        {
            var found = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(
                scope.ServiceProvider.GetRequiredService<Placement.Matching.Persistence.IMatchingStore>().Persons, p => p.Id == other);
            (number, birth) = (found.CaseNumber, found.Profile.BirthDate);
        }
        return await Send(officer, HttpMethod.Post, $"/api/persons/{person}/co-defendants", new { caseNumber = number, birthDate = D(birth) });
    }

    public HttpClient? PartnerOf(Guid post)
    {
        if (!Before.Posts.TryGetValue(post, out var q)) return null;
        var k = Array.IndexOf(Hosts, q.HostBodyId);
        return k < 0 ? null : Partners[k];
    }

    /// <summary>World persons whose reach covers a point: their suggestions may change when something there does.</summary>
    public void TouchNear(StepResult result, double lat, double lon)
    {
        foreach (var id in Persons)
            if (Before.Persons.TryGetValue(id, out var p) && SpecOracle.DistanceKm(p.Oracle.Lat, p.Oracle.Lon, lat, lon) <= p.Oracle.MaxTravelKm + 0.1)
                result.Touched.Add(id);
    }

    // ---- setting up and retiring a world

    public async Task SetUpAsync()
    {
        var w = System.Diagnostics.Stopwatch.StartNew();
        Database.Unwatch();
        var report = await Import(Coordinator, "host-bodies", JsonSerializer.SerializeToUtf8Bytes(HostSpecs.Select(h => h.Fields()).ToList()), "structures.json");
        Assert.True(report?.GetProperty("created").GetInt32() == HostSpecs.Count, $"host bodies import: {report}");
        var bySiret = await Database.HostIdsBySiretAsync([.. HostSpecs.Select(h => h.Siret)]);
        Hosts = [.. HostSpecs.Select(h => bySiret[h.Siret])];
        Database.Watch(Hosts);
        var partners = new List<HttpClient>();
        foreach (var spec in HostSpecs)
        {
            var email = $"partenaire-{World.Tag}-{spec.Index}@demo.placement".ToLowerInvariant();
            using (var scope = Service.App.Services.CreateScope())
            {
                var users = scope.ServiceProvider.GetRequiredService<UserManager<PlacementUser>>();
                var user = new PlacementUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = $"Tuteur {spec.Index}", Departements = spec.Commune.Departement, HostBodyId = Hosts[spec.Index] };
                Assert.True((await users.CreateAsync(user, PlacementApp.Password)).Succeeded);
                Assert.True((await users.AddToRoleAsync(user, Roles.Partner)).Succeeded);
            }
            partners.Add(await Service.App.ClientFor(email));
        }
        Partners = [.. partners];
        Service.Time("world: set up: host bodies and partners", w);
        var posts = World.PostSpecs.Select(spec =>
        {
            var fields = PostFields(spec);
            fields["siret"] = HostSpecs[spec.Host].Siret;
            fields["status"] = spec.Status;
            return fields;
        }).ToList();
        report = await Import(Coordinator, "posts", JsonSerializer.SerializeToUtf8Bytes(posts), "postes.json");
        Assert.True(report?.GetProperty("created").GetInt32() == posts.Count, $"posts import: {report}");
        var postIds = await Database.PostIdsByReferenceAsync(Hosts, World.Tag + "-");
        foreach (var spec in World.PostSpecs) AddPost(postIds[spec.Reference]);
        Service.Time("world: set up: posts imported", w);

        // Persons: created by one JSON import, then their co-defendants named by a second one (the ids are known only then).
        var persons = World.PersonSpecs.Select(s => PersonFields(s with { NoContact = [] })).ToList();
        report = await Import(Coordinator, "persons", JsonSerializer.SerializeToUtf8Bytes(persons), "personnes.json");
        Assert.True(report?.GetProperty("created").GetInt32() == persons.Count, $"persons import: {report}");
        var personIds = await Database.PersonIdsByCaseNumberAsync([.. World.PersonSpecs.Select(s => s.CaseNumber)]);
        foreach (var spec in World.PersonSpecs) AddPerson(personIds[spec.CaseNumber], spec.Departement);
        Service.Time("world: set up: persons imported", w);
        var linked = World.PersonSpecs.Where(s => s.NoContact.Count > 0).Select(s => PersonFields(s)).ToList();
        if (linked.Count > 0)
        {
            report = await Import(Coordinator, "persons", JsonSerializer.SerializeToUtf8Bytes(linked), "co-auteurs.json");
            Assert.True(report?.GetProperty("updated").GetInt32() == linked.Count, $"co-defendants import: {report}");
        }
        Service.Time("world: set up: co-defendants imported", w);
        await CatchUpSearchAsync();
        Service.Time("world: set up: search caught up", w);
        Before = await Database.ReadAsync();
        Service.Time("world: set up: read", w);
        foreach (var p in Before.Placements) Foreign.Add(p.Id);
    }

    /// <summary>Cancels the world's active placements and closes its posts, so that the next world starts alone with the demo data.</summary>
    public async Task RetireAsync()
    {
        var now = await Database.ReadAsync();
        var mine = Persons.ToHashSet();
        foreach (var p in now.Active.Where(p => mine.Contains(p.PersonId)))
            await Send(OfficerOf(p.PersonId), HttpMethod.Post, $"/api/placements/{p.Id}/cancel", new { reason = "Fin de la séquence du modèle" });
        foreach (var id in Posts.Where(id => now.Posts.TryGetValue(id, out var q) && q.Status != "Closed"))
            await Send(Coordinator, HttpMethod.Post, $"/api/posts/{id}/close", null);
        await CatchUpSearchAsync();
    }

    /// <summary>Waits until the background indexer has applied every change (suggestions read the index), nudging it.</summary>
    public async Task CatchUpSearchAsync()
    {
        var signal = Service.App.Services.GetRequiredService<Placement.Catalogue.Search.SearchIndexSignal>();
        var deadline = DateTime.UtcNow.AddSeconds(120); // generous: a loaded CI machine drains slowly; a stuck entry still fails
        while (true)
        {
            using (var scope = Service.App.Services.CreateScope())
            {
                var store = scope.ServiceProvider.GetRequiredService<Placement.Catalogue.Persistence.ICatalogueStore>();
                if (!await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(store.SearchOutbox)) return;
            }
            if (DateTime.UtcNow > deadline) throw new TimeoutException("the search outbox was not drained in 120 s");
            signal.Notify();
            await Task.Delay(5);
        }
    }

    // ---- payloads

    /// <summary>The person's fields; <paramref name="named"/> chooses the co-defendants named in them (all by default).</summary>
    public Dictionary<string, object?> PersonFields(PersonSpec s, Func<Guid, bool>? named = null) => new()
    {
        ["caseNumber"] = s.CaseNumber,
        ["firstName"] = "Camille",
        ["lastName"] = "Modèle " + s.CaseNumber,
        ["departement"] = s.Departement,
        ["referentOfficer"] = new { name = "Agent CPIP", email = s.Departement == "38" ? PlacementApp.Officer38 : PlacementApp.Officer69 },
        ["birthDate"] = D(s.BirthDate),
        ["home"] = new { communeInsee = s.Commune.Insee, location = new { lat = s.Lat, lon = s.Lon } },
        ["maxTravelKm"] = s.MaxTravelKm,
        ["hasDrivingLicence"] = s.Licence,
        ["publicTransportOnly"] = s.PublicTransportOnly,
        ["hoursOrdered"] = s.HoursOrdered,
        ["hoursDone"] = s.HoursDone,
        ["sentenceDate"] = D(s.SentenceDate),
        ["deadline"] = D(s.Deadline),
        ["availability"] = s.Availability.Select(a => new { day = a.Day, start = a.Start, end = a.End }).ToArray(),
        ["skills"] = Array.Empty<string>(),
        ["maxPhysicalDemand"] = s.MaxPhysical,
        ["needsWheelchairAccess"] = s.Wheelchair,
        ["restrictions"] = new
        {
            noContactWithMinors = s.NoMinors,
            noContactWithVulnerablePublic = s.NoVulnerable,
            excludedHostBodyIds = s.ExcludedHosts.Select(k => Hosts[k]).Distinct().ToArray(),
            noContactWithPersonIds = s.NoContact.Select(PersonId).OfType<Guid>().Distinct().Where(named ?? (_ => true)).ToArray(),
            exclusionZones = s.Zones.Select(z => z.GeoJson()).ToArray(),
        },
    };

    public Dictionary<string, object?> PostFields(PostSpec s) => new()
    {
        ["title"] = "Poste du modèle " + s.Reference,
        ["reference"] = s.Reference,
        ["description"] = "Un poste du modèle : entretien et aide.",
        ["activity"] = "espaces-verts",
        ["skills"] = Array.Empty<string>(),
        ["address"] = new { communeInsee = s.Commune.Insee, location = new { lat = s.Lat, lon = s.Lon } },
        ["capacity"] = s.Capacity,
        ["maxWeeklyHoursPerPerson"] = s.MaxWeekly,
        ["schedule"] = s.Schedule.Select(a => new { day = a.Day, start = a.Start, end = a.End }).ToArray(),
        ["openFrom"] = D(s.OpenFrom),
        ["openUntil"] = D(s.OpenUntil),
        ["tutor"] = new { name = "Tuteur du modèle", phone = "04 74 00 00 01" },
        ["acceptsMinors"] = s.AcceptsMinors,
        ["contactWithMinors"] = s.ContactWithMinors,
        ["vulnerablePublic"] = s.Vulnerable,
        ["requiresDrivingLicence"] = s.Licence,
        ["physicalDemand"] = s.Physical,
        ["nightWork"] = s.Night,
        ["wheelchairAccessible"] = s.Wheelchair,
        ["nearPublicTransport"] = s.NearTransport,
    };

    private static string D(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Applies a change to a person's or a post's document as read from the API; false when it does not apply.</summary>
    public bool Apply(JsonObject node, Change change, StepResult result)
    {
        JsonObject Restrictions() => node["restrictions"] as JsonObject ?? (JsonObject)(node["restrictions"] = new JsonObject());
        JsonArray List(string name) => Restrictions()[name] as JsonArray ?? (JsonArray)(Restrictions()[name] = new JsonArray());
        static JsonArray Slots(string text) =>
            [.. text.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(w => w.Trim().Split(' ', '-')).Select(p => (JsonNode)new JsonObject { ["day"] = p[0], ["start"] = p[1], ["end"] = p[2] })];
        var v = change.Value;
        switch (change.Field)
        {
            case "hoursOrdered":
                // Never below the hours already done.
                node[change.Field] = Math.Max(double.Parse(v, CultureInfo.InvariantCulture), node["hoursDone"]?.GetValue<double>() ?? 0);
                break;
            case "maxTravelKm" or "maxWeeklyHoursPerPerson":
                node[change.Field] = double.Parse(v, CultureInfo.InvariantCulture);
                break;
            case "capacity":
                node[change.Field] = int.Parse(v, CultureInfo.InvariantCulture);
                break;
            case "availability" or "schedule":
                node[change.Field] = Slots(v);
                break;
            case "openUntil":
                // Never before the opening: the change is about the end of the period.
                var from = DateOnly.Parse(node["openFrom"]!.GetValue<string>(), CultureInfo.InvariantCulture);
                var until = DateOnly.Parse(v, CultureInfo.InvariantCulture);
                node[change.Field] = (until < from ? from.AddDays(7) : until).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                break;
            case "birthDate" or "deadline" or "openFrom" or "maxPhysicalDemand" or "physicalDemand":
                node[change.Field] = v;
                break;
            case "home" or "location":
                var at = v.Split(',').Select(x => double.Parse(x, CultureInfo.InvariantCulture)).ToArray();
                var address = node[change.Field == "home" ? "home" : "address"]!.AsObject();
                address["location"] = new JsonObject { ["lat"] = at[0], ["lon"] = at[1] };
                break;
            case "noContactWithMinors" or "noContactWithVulnerablePublic":
                Restrictions()[change.Field] = bool.Parse(v);
                break;
            case "coDefendant+" or "coDefendant-":
                if (PersonId(int.Parse(v, CultureInfo.InvariantCulture)) is not { } other) return false;
                var links = List("noContactWithPersonIds");
                var present = links.Select(n => n!.GetValue<string>()).Any(s => Guid.Parse(s) == other);
                if (change.Field == "coDefendant+" == present) return false;
                if (present) links.Remove(links.First(n => Guid.Parse(n!.GetValue<string>()) == other));
                else links.Add(other.ToString());
                result.Touched.Add(other);
                break;
            case "excludedHost+" or "excludedHost-":
                var host = Hosts[int.Parse(v, CultureInfo.InvariantCulture)];
                var excluded = List("excludedHostBodyIds");
                var has = excluded.Any(n => Guid.Parse(n!.GetValue<string>()) == host);
                if (change.Field == "excludedHost+" == has) return false;
                if (has) excluded.Remove(excluded.First(n => Guid.Parse(n!.GetValue<string>()) == host));
                else excluded.Add(host.ToString());
                break;
            case "zone+":
                List("exclusionZones").Add(JsonSerializer.SerializeToNode(change.Zone!.GeoJson()));
                break;
            case "zones-":
                if (List("exclusionZones").Count == 0) return false;
                Restrictions()["exclusionZones"] = new JsonArray();
                break;
            default:
                node[change.Field] = bool.Parse(v);
                break;
        }
        return true;
    }

    /// <summary>A person's document without the API's read-only fields (an import refuses unknown ones).</summary>
    public static JsonObject Strip(JsonObject node)
    {
        var copy = JsonNode.Parse(node.ToJsonString())!.AsObject();
        foreach (var name in new[] { "id", "hoursRemaining", "effectiveDeadline", "createdAt", "updatedAt", "noContactCaseNumbers", "medicalFitness" }) copy.Remove(name);
        return copy;
    }

    private static readonly (string Column, Func<JsonObject, string> Cell)[] CsvColumns =
    [
        ("numero_dossier", n => S(n["caseNumber"])), ("nom", n => S(n["lastName"])), ("prenom", n => S(n["firstName"])), ("spip", n => S(n["departement"])),
        ("date_naissance", n => S(n["birthDate"])), ("commune_insee", n => S(n["home"]?["communeInsee"])), ("distance_max_km", n => S(n["maxTravelKm"])),
        ("permis_b", n => B(n["hasDrivingLicence"])), ("transports_en_commun_seulement", n => B(n["publicTransportOnly"])),
        ("heures_prononcees", n => S(n["hoursOrdered"])), ("heures_effectuees", n => S(n["hoursDone"])), ("date_jugement", n => S(n["sentenceDate"])),
        ("date_echeance", n => S(n["deadline"])),
        ("disponibilites", n => string.Join(" | ", (n["availability"] as JsonArray ?? []).Select(w => $"{FrenchDay(S(w!["day"]))} {S(w!["start"])}-{S(w!["end"])}"))),
        ("effort_physique_max", n => S(n["maxPhysicalDemand"]) switch { "low" => "faible", "high" => "élevé", _ => "moyen" }),
        ("fauteuil_roulant", n => B(n["needsWheelchairAccess"])), ("interdiction_contact_mineurs", n => B(n["restrictions"]?["noContactWithMinors"])),
        ("pas_de_public_vulnerable", n => B(n["restrictions"]?["noContactWithVulnerablePublic"])),
    ];

    private static string S(JsonNode? n) => n switch
    {
        null => "",
        JsonValue v when v.TryGetValue<double>(out var d) => d.ToString(CultureInfo.InvariantCulture),
        _ => n.ToString(),
    };

    private static string B(JsonNode? n) => n is JsonValue v && v.TryGetValue<bool>(out var b) && b ? "oui" : "non";

    private static string FrenchDay(string day) => day switch
    {
        "mon" => "lun", "tue" => "mar", "wed" => "mer", "thu" => "jeu", "fri" => "ven", "sat" => "sam", _ => "dim",
    };

    /// <summary>One person as a line of the SPIP's CSV export (';', French words).</summary>
    public static byte[] CsvOf(JsonObject node) =>
        Encoding.UTF8.GetBytes(string.Join(';', CsvColumns.Select(c => c.Column)) + "\n" + string.Join(';', CsvColumns.Select(c => c.Cell(node))) + "\n");

    public async Task<JsonElement?> Import(HttpClient client, string kind, byte[] file, string name)
    {
        using var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue(name.EndsWith(".json", StringComparison.Ordinal) ? "application/json" : "text/csv");
        var response = await client.PostAsync($"/api/imports/{kind}?dryRun=false&allOrNothing=false&fileName={name}", content);
        var text = await response.Content.ReadAsStringAsync();
        return response.IsSuccessStatusCode ? JsonDocument.Parse(text).RootElement.Clone() : null;
    }

    // ---- HTTP

    public static async Task<(int Status, JsonElement? Body)> Send(HttpClient client, HttpMethod method, string url, object? body)
    {
        using var request = new HttpRequestMessage(method, url);
        if (body is not null) request.Content = JsonContent.Create(body, body.GetType());
        else if (method == HttpMethod.Post) request.Content = new StringContent("", Encoding.UTF8, "application/json");
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        JsonElement? json = null;
        if (text.Length > 0)
            try { json = JsonDocument.Parse(text).RootElement.Clone(); }
            catch (JsonException) { json = JsonDocument.Parse(JsonSerializer.Serialize(text)).RootElement.Clone(); }
        return ((int)response.StatusCode, json);
    }

    public static IReadOnlyList<string> Rules(JsonElement? body) =>
        body is { ValueKind: JsonValueKind.Object } b && b.TryGetProperty("rules", out var rules) && rules.ValueKind == JsonValueKind.Array
            ? [.. rules.EnumerateArray().Select(r => r.GetString()!)]
            : [];

    public static string? Detail(JsonElement? body) =>
        body is { ValueKind: JsonValueKind.Object } b && b.TryGetProperty("detail", out var d) ? d.GetString() : null;
}

/// <summary>The oracle's verdict on a placement when the service made it: the rules broken then, and who was the person's co-defendant then.</summary>
public sealed record Verdict(Guid Person, Guid Post, Guid Host, IReadOnlySet<string> Broken, IReadOnlySet<Guid> LinkedThen, int Step);
