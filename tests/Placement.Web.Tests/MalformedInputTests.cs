using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;

namespace Placement.Web.Tests;

/// <summary>
/// A generated corpus of malformed requests over every write endpoint: broken JSON, invalid UTF-8, wrong types, nulls
/// and missing required fields, over-long strings, out-of-range numbers, unknown enum values, schedules crossing
/// midnight, invalid and self-intersecting GeoJSON, duplicate ids, the wrong content type; and query-language strings
/// for the searches. Every answer is a 4xx problem naming the field (a search answers normally: the text is only text),
/// never a 5xx; and every table of the database is exactly as before (row counts and a checksum of every row).
/// </summary>
public sealed class MalformedInputTests : IClassFixture<PlacementApp>
{
    private readonly PlacementApp _app;

    public MalformedInputTests(PlacementApp app) => _app = app;

    private sealed record Case(string Category, string Method, string Path, string? Client, Func<HttpContent?> Body, string? Field);

    private static HttpContent Json(JsonNode? node) => new StringContent(node?.ToJsonString() ?? "null", Encoding.UTF8, "application/json");

    private static HttpContent Raw(byte[] bytes, string type = "application/json")
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue(type) { CharSet = type == "application/json" ? "utf-8" : null };
        return content;
    }

    private static readonly string[] BrokenJson = ["{", "{\"name\":", "[", "nul", "", "\"texte\"", "123", "{\"a\":1}}", "{'name':'x'}", "{\"name\":\"x\",}", "{\"name\" \"x\"}", "\u0000"];

    private static readonly string[] QueryLanguage =
    [
        "title:(*", "\"non terminé", "\\", "AND OR NOT", "*:*", "jardin~", "a^1000", "(((((", "[* TO *]", "/regex.*/", "' OR 1=1 --", "\"; DROP TABLE Posts; --",
        "<script>alert(1)</script>", "{\"query\":{\"match_all\":{}}}", "%00", "😀😀😀", "ｊａｒｄｉｎ", "jardin AND (cuisine OR", "+-&&||!(){}[]^\"~*?:\\/", "espaces-verts:true",
    ];

    /// <summary>The body of each write, valid as given; the corpus breaks one thing at a time.</summary>
    private sealed record Template(string Method, string Path, string Client, JsonObject Body, string[] Required, Dictionary<string, string> Enums);

    private async Task<List<Template>> Templates()
    {
        var officer = await _app.ClientFor(PlacementApp.Officer69);
        var partner = await _app.ClientFor(PlacementApp.Partner);
        var hostBody = await Scenarios.PartnerHostBody(_app);
        var post = (await (await partner.GetAsync("/api/posts?pageSize=100")).Json()).GetProperty("items").EnumerateArray()
            .First(p => p.GetProperty("status").GetString() == "published").GetProperty("id").GetString()!;
        var placement = (await (await partner.GetAsync("/api/placements")).Json()).EnumerateArray().First().GetProperty("id").GetString()!;
        var person = (await (await officer.GetAsync($"/api/placements/{placement}")).Json()).GetProperty("personId").GetString()!;
        var personBody = JsonSerializer.SerializeToNode(PersonsApiTests.Person("69", "69266"))!.AsObject();
        personBody["restrictions"] = new JsonObject { ["noContactWithMinors"] = true, ["exclusionZones"] = new JsonArray() };
        var postBody = JsonSerializer.SerializeToNode(CatalogueApiTests.Post(hostBody))!.AsObject();
        var hostBodyBody = JsonSerializer.SerializeToNode(CatalogueApiTests.HostBody())!.AsObject();
        var application = new JsonObject
        {
            ["name"] = "Ressourcerie du Plateau", ["legalType"] = "association", ["siret"] = "44306184100005",
            ["address"] = new JsonObject { ["street"] = "3 rue des Tanneurs", ["communeInsee"] = "69123" },
            ["contact"] = new JsonObject { ["name"] = "Inès Garnier", ["email"] = "contact@ressourcerie.fr" },
            ["applicant"] = new JsonObject { ["name"] = "Inès Garnier", ["email"] = "ines@ressourcerie.fr", ["password"] = "Ressourcerie-2026-solide" },
        };
        var user = new JsonObject { ["email"] = "nouvel.agent@justice.example", ["displayName"] = "Nouvel Agent", ["role"] = "officer", ["departements"] = new JsonArray("69") };
        var admin = await _app.ClientFor(PlacementApp.Admin);
        var someUser = (await (await admin.GetAsync("/api/users")).Json()).EnumerateArray().First(u => u.GetProperty("email").GetString() == PlacementApp.Officer38).GetProperty("id").GetString();
        var officer69 = (await (await admin.GetAsync("/api/users")).Json()).EnumerateArray().First(u => u.GetProperty("email").GetString() == PlacementApp.Officer69).GetProperty("id").GetString();
        var sessions = (await (await partner.GetAsync($"/api/placements/{placement}/sessions")).Json()).GetProperty("sessions").EnumerateArray().ToList();
        var pastSession = sessions.Where(x => string.CompareOrdinal(x.GetProperty("date").GetString(), "2026-11-28") <= 0).Select(x => x.GetProperty("id").GetString()).FirstOrDefault();
        var incident = (await (await officer.GetAsync("/api/incidents?status=open")).Json()).EnumerateArray().Select(i => i.GetProperty("id").GetString()).FirstOrDefault();
        var carryingOut = new Dictionary<string, string> { ["outcome"] = "present", ["kind"] = "lateness", ["action"] = "note", ["followUp"] = "resume", ["ground"] = "medical" };
        var schedules = new Dictionary<string, string> { ["legalType"] = "association", ["activity"] = "espaces-verts", ["physicalDemand"] = "medium", ["maxPhysicalDemand"] = "medium", ["role"] = "officer" };
        return
        [
            new("POST", "/api/host-bodies", PlacementApp.Coordinator, hostBodyBody, ["name", "legalType", "address", "contact"], schedules),
            new("PUT", $"/api/host-bodies/{hostBody}", PlacementApp.Coordinator, hostBodyBody, ["name", "legalType", "address", "contact"], schedules),
            new("POST", "/api/posts", PlacementApp.Coordinator, postBody, ["hostBodyId", "title", "activity", "schedule"], schedules),
            new("PUT", $"/api/posts/{post}", PlacementApp.Coordinator, Without(postBody, "hostBodyId"), ["title", "activity", "schedule"], schedules),
            new("POST", "/api/persons", PlacementApp.Officer69, personBody, ["firstName", "lastName", "departement", "birthDate", "home", "sentenceDate", "deadline", "referentOfficer"], schedules),
            new("PUT", $"/api/persons/{person}", PlacementApp.Officer69, personBody, ["firstName", "lastName", "departement", "birthDate", "home", "sentenceDate", "deadline", "referentOfficer"], schedules),
            new("PUT", $"/api/persons/{person}/referent", PlacementApp.Officer69, new JsonObject { ["accountId"] = officer69 }, ["accountId"], []),
            new("PUT", "/api/notifications/preferences", PlacementApp.Officer69, new JsonObject { ["choices"] = new JsonObject { ["placement-confirmed"] = "daily-digest" } }, ["choices"], []),
            new("POST", "/api/placements", PlacementApp.Officer69, new JsonObject { ["personId"] = person, ["postId"] = post }, ["personId", "postId"], []),
            new("POST", $"/api/placements/{placement}/hours", PlacementApp.Officer69, new JsonObject { ["date"] = "2026-11-21", ["hours"] = 3, ["note"] = "Feuille papier" }, ["date", "note"], []),
            new("POST", $"/api/placements/{placement}/sessions", PlacementApp.Partner, new JsonObject { ["date"] = "2026-12-02", ["start"] = "09:00", ["end"] = "12:00" }, ["date", "start", "end"], []),
            new("POST", $"/api/placements/{placement}/incidents", PlacementApp.Partner, new JsonObject { ["kind"] = "lateness", ["description"] = "Retard d'une heure", ["suspend"] = false }, ["kind", "description"], carryingOut),
            new("POST", $"/api/persons/{person}/medical-fitness", PlacementApp.Officer69, new JsonObject { ["examinedOn"] = "2026-11-20" }, ["examinedOn"], []),
            new("POST", $"/api/persons/{person}/measure-actions", PlacementApp.Officer69, new JsonObject { ["kind"] = "suspension", ["ground"] = "medical", ["from"] = "2026-10-01", ["to"] = "2026-10-10" }, ["kind", "ground", "from", "to"], carryingOut),
            new("POST", $"/api/placements/{placement}/attestation", PlacementApp.Partner, new JsonObject { ["name"] = "Albane Julien", ["certify"] = true }, ["name", "certify"], []),
            new("POST", $"/api/persons/{person}/documents", PlacementApp.Officer69, new JsonObject { ["kind"] = "rapport-fin-mesure" }, ["kind"],
                new Dictionary<string, string> { ["kind"] = "rapport-fin-mesure" }),
            new("PUT", "/api/spips/69/letterhead", PlacementApp.Admin, new JsonObject
            {
                ["name"] = "SPIP du Rhône", ["address"] = "2 rue de la Charité\n69002 Lyon", ["phone"] = "04 72 00 00 00", ["email"] = "spip69@justice.fr",
                ["signatoryName"] = "Claire Martin", ["signatoryTitle"] = "Directrice du SPIP",
            }, ["name", "address", "signatoryName", "signatoryTitle"], []),
            new("POST", $"/api/placements/{placement}/decline", PlacementApp.Partner, new JsonObject { ["reason"] = "Plus de place" }, ["reason"], []),
            new("POST", $"/api/placements/{placement}/cancel", PlacementApp.Officer69, new JsonObject { ["reason"] = "Déménagement" }, ["reason"], []),
            .. pastSession is null ? [] : new Template[]
            {
                new("POST", $"/api/sessions/{pastSession}/attendance", PlacementApp.Partner, new JsonObject { ["outcome"] = "present", ["arrival"] = "09:00", ["departure"] = "11:00", ["breakMinutes"] = 10 }, ["outcome"], carryingOut),
                new("PUT", $"/api/sessions/{pastSession}", PlacementApp.Partner, new JsonObject { ["date"] = "2026-12-03", ["start"] = "09:00", ["end"] = "12:00", ["reason"] = "Jour férié local" }, ["date", "start", "end", "reason"], []),
            },
            .. incident is null ? [] : new Template[]
            {
                new("POST", $"/api/incidents/{incident}/decision", PlacementApp.Officer69, new JsonObject { ["action"] = "note", ["followUp"] = "resume" }, ["action", "followUp"], carryingOut),
            },
            new("POST", "/api/host-body-applications", "", application, ["name", "legalType", "siret", "address", "contact", "applicant"], schedules),
            new("POST", "/api/users", PlacementApp.Admin, user, ["email", "displayName", "role"], schedules),
            new("PUT", $"/api/users/{someUser}", PlacementApp.Admin, Without(user, "email"), ["displayName", "role"], schedules),
            new("POST", "/api/activities", PlacementApp.Admin, new JsonObject { ["code"] = "reliure", ["label"] = "Reliure" }, ["code", "label"], []),
            new("PUT", "/api/activities/espaces-verts", PlacementApp.Admin, new JsonObject { ["label"] = "Espaces verts" }, ["label"], []),
            new("POST", "/api/assignment-runs", PlacementApp.Coordinator, new JsonObject { ["departements"] = new JsonArray("69"), ["timeLimitSeconds"] = 5 }, ["departements"], []),
            new("POST", "/api/assignment-schedules", PlacementApp.Coordinator, new JsonObject { ["departements"] = new JsonArray("69"), ["cron"] = "0 7 * * 1", ["timeLimitSeconds"] = 30 }, ["departements", "cron"], []),
            new("POST", "/api/auth/login", "", new JsonObject { ["email"] = "personne@nulle.part", ["password"] = "x" }, ["email", "password"], []),
        ];
    }

    private static JsonObject Without(JsonObject body, string field)
    {
        var copy = body.DeepClone().AsObject();
        copy.Remove(field);
        return copy;
    }

    /// <summary>Each leaf of a body (nested objects, first item of arrays) with its path.</summary>
    private static IEnumerable<(string Path, JsonNode? Value)> Leaves(JsonNode? node, string path = "")
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (key, value) in o)
                {
                    var child = path.Length == 0 ? key : $"{path}.{key}";
                    if (value is JsonObject or JsonArray) { yield return (child, value); foreach (var leaf in Leaves(value, child)) yield return leaf; }
                    else yield return (child, value);
                }
                break;
            case JsonArray a when a.Count > 0:
                foreach (var leaf in Leaves(a[0], $"{path}[0]")) yield return leaf;
                break;
        }
    }

    private static JsonObject With(JsonObject body, string path, JsonNode? value, bool remove = false)
    {
        var copy = body.DeepClone().AsObject();
        JsonNode parent = copy;
        var parts = path.Replace("[0]", ".[0]", StringComparison.Ordinal).Split('.');
        for (var i = 0; i < parts.Length - 1; i++) parent = parts[i] == "[0]" ? parent.AsArray()[0]! : parent[parts[i]]!;
        var last = parts[^1];
        if (last == "[0]") { if (remove) parent.AsArray().RemoveAt(0); else parent.AsArray()[0] = value; }
        else if (remove) parent.AsObject().Remove(last);
        else parent[last] = value;
        return copy;
    }

    private static List<Case> Corpus(List<Template> templates, string someHost)
    {
        var cases = new List<Case>();
        foreach (var t in templates)
        {
            foreach (var text in BrokenJson) cases.Add(new("JSON illisible", t.Method, t.Path, t.Client, () => Raw(Encoding.UTF8.GetBytes(text)), null));
            cases.Add(new("UTF-8 invalide", t.Method, t.Path, t.Client, () => Raw([.. "{\"name\":\""u8.ToArray(), 0xff, 0xfe, 0xc3, 0x28, .. "\"}"u8.ToArray()]), null));
            cases.Add(new("UTF-8 invalide", t.Method, t.Path, t.Client, () => Raw([0xc0, 0xaf, 0xed, 0xa0, 0x80]), null));
            cases.Add(new("Type de contenu", t.Method, t.Path, t.Client, () => Raw(Encoding.UTF8.GetBytes(t.Body.ToJsonString()), "text/plain"), null));
            cases.Add(new("Type de contenu", t.Method, t.Path, t.Client, () => new FormUrlEncodedContent([new("name", "x")]), null));
            cases.Add(new("Corps absent", t.Method, t.Path, t.Client, () => null, null));
            cases.Add(new("Corps énorme", t.Method, t.Path, t.Client, () => Json(With(t.Body, t.Body.First().Key, new string('a', 3_000_000))), t.Body.First().Key));
            foreach (var field in t.Required)
            {
                cases.Add(new("Champ manquant", t.Method, t.Path, t.Client, () => Json(With(t.Body, field, null, remove: true)), field));
                cases.Add(new("Champ manquant", t.Method, t.Path, t.Client, () => Json(With(t.Body, field, null)), field));
                // An unknown field is ignored (JSON's usual rule); with a required one missing, the request is still refused.
                cases.Add(new("Champ en trop", t.Method, t.Path, t.Client, () => { var b = With(t.Body, field, null, remove: true); b["champInconnu"] = "x"; b["id"] = Guid.NewGuid().ToString(); return Json(b); }, field));
            }
            foreach (var (path, value) in Leaves(t.Body).ToList())
            {
                JsonNode wrong = value switch
                {
                    JsonValue v when v.GetValueKind() == JsonValueKind.String => JsonValue.Create(12345),
                    JsonValue v when v.GetValueKind() is JsonValueKind.True or JsonValueKind.False => JsonValue.Create("oui"),
                    JsonValue => JsonValue.Create("douze"),
                    JsonArray => new JsonObject { ["a"] = 1 },
                    JsonObject => new JsonArray(1, 2),
                    _ => new JsonArray(),
                };
                cases.Add(new("Mauvais type", t.Method, t.Path, t.Client, () => Json(With(t.Body, path, wrong.DeepClone())), path));
                if (value is not JsonObject)
                    cases.Add(new("Mauvais type", t.Method, t.Path, t.Client, () => Json(With(t.Body, path, new JsonObject { ["$ref"] = "#" })), path));
                if (value is JsonValue s && s.GetValueKind() == JsonValueKind.String)
                {
                    var name = path.Split('.').Last();
                    cases.Add(new("Texte trop long", t.Method, t.Path, t.Client, () => Json(With(t.Body, path, new string('é', 5_000))), path));
                    if (t.Enums.ContainsKey(name) || path.EndsWith("day", StringComparison.Ordinal))
                        cases.Add(new("Valeur inconnue", t.Method, t.Path, t.Client, () => Json(With(t.Body, path, "valeur-inconnue")), path));
                }
                if (value is JsonValue n && n.GetValueKind() == JsonValueKind.Number)
                {
                    cases.Add(new("Nombre hors limites", t.Method, t.Path, t.Client, () => Json(With(t.Body, path, JsonValue.Create(-1))), path));
                    cases.Add(new("Nombre hors limites", t.Method, t.Path, t.Client, () => Json(With(t.Body, path, JsonValue.Create(1e12))), path));
                    cases.Add(new("Nombre hors limites", t.Method, t.Path, t.Client, () => Raw(Encoding.UTF8.GetBytes(With(t.Body, path, JsonValue.Create(0)).ToJsonString().Replace($"\"{path.Split('.').Last()}\":0", $"\"{path.Split('.').Last()}\":1e400", StringComparison.Ordinal))), path));
                }
            }
        }

        // Rules of the domain, broken on purpose.
        var post = templates.First(t => t.Path == "/api/posts");
        var person = templates.First(t => t.Path == "/api/persons");
        foreach (var (start, end) in new[] { ("22:00", "02:00"), ("23:30", "00:30"), ("12:00", "12:00"), ("25:00", "26:00"), ("9h", "12h"), ("09:00", "24:01") })
        {
            cases.Add(new("Horaire passant minuit", "POST", post.Path, post.Client, () => Json(With(post.Body, "schedule", new JsonArray(new JsonObject { ["day"] = "mon", ["start"] = start, ["end"] = end }))), "schedule[0]"));
            cases.Add(new("Horaire passant minuit", "POST", person.Path, person.Client, () => Json(With(person.Body, "availability", new JsonArray(new JsonObject { ["day"] = "sat", ["start"] = start, ["end"] = end }))), "availability[0]"));
        }
        JsonNode Zone(params double[][] ring) => new JsonObject { ["type"] = "Polygon", ["coordinates"] = new JsonArray(new JsonArray([.. ring.Select(p => (JsonNode)new JsonArray(p[0], p[1]))])) };
        var zones = new (string Label, JsonNode Zone)[]
        {
            ("nœud papillon", Zone([4.80, 45.70], [4.90, 45.80], [4.90, 45.70], [4.80, 45.80], [4.80, 45.70])),
            ("anneau ouvert", Zone([4.80, 45.70], [4.90, 45.70], [4.90, 45.80])),
            ("deux points", Zone([4.80, 45.70], [4.80, 45.70])),
            ("hors du monde", Zone([400, 45.70], [4.90, 95.70], [4.90, 45.80], [400, 45.70])),
            ("type inconnu", new JsonObject { ["type"] = "Cercle", ["coordinates"] = new JsonArray(4.8, 45.7) }),
            ("point", new JsonObject { ["type"] = "Point", ["coordinates"] = new JsonArray(4.8, 45.7) }),
            ("coordonnées absentes", new JsonObject { ["type"] = "Polygon" }),
            ("texte", JsonValue.Create("POLYGON((4.8 45.7, 4.9 45.7, 4.9 45.8, 4.8 45.7))")),
        };
        foreach (var (_, zone) in zones)
            foreach (var t in templates.Where(t => t.Path.StartsWith("/api/persons", StringComparison.Ordinal) && t.Body.ContainsKey("restrictions")))
                cases.Add(new("GeoJSON invalide", t.Method, t.Path, t.Client, () => { var b = t.Body.DeepClone().AsObject(); b["restrictions"]!["exclusionZones"] = new JsonArray(zone.DeepClone()); return Json(b); }, "restrictions.exclusionZones[0]"));
        var twice = Guid.NewGuid().ToString();
        cases.Add(new("Identifiants en double", "POST", person.Path, person.Client, () => { var b = person.Body.DeepClone().AsObject(); b["restrictions"]!["noContactWithPersonIds"] = new JsonArray(twice, twice); return Json(b); }, "restrictions.noContactWithPersonIds"));
        cases.Add(new("Identifiants en double", "POST", person.Path, person.Client, () => { var b = person.Body.DeepClone().AsObject(); b["restrictions"]!["excludedHostBodyIds"] = new JsonArray(someHost, someHost); return Json(b); }, "restrictions.excludedHostBodyIds"));
        cases.Add(new("Identifiants en double", "POST", "/api/assignment-runs", PlacementApp.Coordinator, () => Json(new JsonObject { ["departements"] = new JsonArray("69"), ["personIds"] = new JsonArray(twice, twice) }), "personIds"));
        cases.Add(new("Identifiants en double", "POST", "/api/assignment-runs", PlacementApp.Coordinator, () => Json(new JsonObject { ["departements"] = new JsonArray("69", "69", "99") }), "departements"));
        cases.Add(new("JSON illisible", "POST", "/api/matching/solve", PlacementApp.Coordinator, () => Raw("{\"persons\":[{\"id\":"u8.ToArray()), null));
        cases.Add(new("JSON illisible", "POST", "/api/matching/solve", PlacementApp.Coordinator, () => Json(new JsonObject { ["persons"] = "aucune" }), "persons"));
        return cases;
    }

    private async Task<Dictionary<string, (long Rows, string Hash)>> Tables()
    {
        var tables = new Dictionary<string, (long, string)>(StringComparer.Ordinal);
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(_app.DataDirectory, "placement.db")};Mode=ReadOnly");
        await connection.OpenAsync();
        var names = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync()) names.Add(reader.GetString(0));
        }
        foreach (var name in names)
        {
            await using var read = connection.CreateCommand();
            read.CommandText = $"SELECT * FROM \"{name}\" ORDER BY 1";
            await using var reader = await read.ExecuteReaderAsync();
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            long rows = 0;
            while (await reader.ReadAsync())
            {
                rows++;
                for (var i = 0; i < reader.FieldCount; i++)
                    hash.AppendData(Encoding.UTF8.GetBytes((reader.IsDBNull(i) ? "∅" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)) + "\u001f"));
            }
            tables[name] = (rows, Convert.ToHexString(hash.GetHashAndReset())[..16]);
        }
        return tables;
    }

    [Fact]
    public async Task AThousandMalformedRequests_AreRefusedWith4xxNamingTheField_NeverA5xx_AndTheDatabaseIsUnchanged()
    {
        var templates = await Templates();
        var cases = Corpus(templates, await Scenarios.PartnerHostBody(_app));
        var clients = new Dictionary<string, HttpClient>();
        foreach (var who in cases.Select(c => c.Client ?? "").Distinct())
            clients[who] = who.Length == 0 ? await _app.ClientFor(null) : await _app.ClientFor(who);
        var officer = clients[PlacementApp.Officer69];
        var person = templates.First(t => t.Method == "PUT" && t.Path.StartsWith("/api/persons", StringComparison.Ordinal)).Path.Split('/').Last();
        await _app.SearchReady();
        // Warm up what a first request writes once (the keys that protect tokens).
        await (await _app.ClientFor(null)).GetAsync("/connexion");

        var before = await Tables();
        var failures = new List<string>();
        var byCategory = new SortedDictionary<string, Dictionary<int, int>>(StringComparer.Ordinal);
        void Count(string category, int status)
        {
            var counts = byCategory.TryGetValue(category, out var c) ? c : byCategory[category] = [];
            counts[status] = counts.GetValueOrDefault(status) + 1;
        }

        foreach (var c in cases)
        {
            using var request = new HttpRequestMessage(new HttpMethod(c.Method), c.Path) { Content = c.Body() };
            using var response = await clients[c.Client ?? ""].SendAsync(request);
            var status = (int)response.StatusCode;
            Count(c.Category, status);
            var body = await response.Content.ReadAsStringAsync();
            if (status is < 400 or >= 500) { failures.Add($"{c.Category} {c.Method} {c.Path} [{c.Field}] → {status} {body[..Math.Min(300, body.Length)]}"); continue; }
            if (response.Content.Headers.ContentType?.MediaType != "application/problem+json") { failures.Add($"{c.Category} {c.Method} {c.Path} [{c.Field}] → {status} sans problème RFC 7807"); continue; }
            if (status != 400) continue;
            var problem = JsonDocument.Parse(body).RootElement;
            var fields = problem.TryGetProperty("errors", out var errors) ? errors.EnumerateObject().Select(e => e.Name).ToList() : [];
            if (fields.Count == 0) failures.Add($"{c.Category} {c.Method} {c.Path} [{c.Field}] → 400 sans champ nommé : {body[..Math.Min(300, body.Length)]}");
            else if (c.Field is { } expected && c.Category is "Mauvais type" or "Champ manquant" or "Texte trop long" or "Nombre hors limites" or "Valeur inconnue"
                && !fields.Any(f => Named(f, expected)))
                failures.Add($"{c.Category} {c.Method} {c.Path} : « {expected} » attendu, nommés : {string.Join(", ", fields)}");
        }

        var after = await Tables();
        foreach (var (name, state) in before)
            if (after[name] != state) failures.Add($"table {name} : {state.Rows} lignes {state.Hash} → {after[name].Rows} lignes {after[name].Hash}");
        // The searches write nothing but the audit line of a person-aware search (a read of that person's data).
        // Query-language text is only text (200); an over-long text or a bad parameter is refused by name.
        foreach (var q in QueryLanguage)
        {
            foreach (var path in new[] { $"/api/posts/search?q={Uri.EscapeDataString(q)}", $"/api/persons/{person}/suitable-posts?q={Uri.EscapeDataString(q)}" })
            {
                var status = (int)(await officer.GetAsync(path)).StatusCode;
                Count("Recherche (langage de requête)", status);
                if (status != 200) failures.Add($"{path} → {status}");
            }
        }
        foreach (var path in new[] { $"/api/posts/search?q={new string('x', 600)}", "/api/posts/search?radiusKm=-5&commune=69123", "/api/posts/search?lat=91&lon=0", "/api/posts/search?day=lundi", "/api/posts/search?page=0", "/api/posts/search?pageSize=100000", "/api/posts/search?commune=%00" })
        {
            var response = await officer.GetAsync(path);
            Count("Recherche (paramètres)", (int)response.StatusCode);
            if (response.StatusCode != HttpStatusCode.BadRequest || (await response.ErrorFields()).Length == 0) failures.Add($"{path} → {(int)response.StatusCode}");
        }

        var afterSearches = await Tables();
        foreach (var (name, state) in after.Where(t => t.Key != "AuditTrail"))
            if (afterSearches[name] != state) failures.Add($"table {name} changée par une recherche");
        var total = byCategory.Values.Sum(c => c.Values.Sum());
        Assert.True(total >= 1000, $"only {total} requests");
        Assert.True(failures.Count == 0, $"{failures.Count} answers out of {total} are wrong:\n" + string.Join("\n", failures.Take(80)));

        var table = new StringBuilder();
        // The rows of the migrations' history are compared too, but not counted in the documented figure: it would change with every migration.
        var rows = before.Where(t => t.Key != "__EFMigrationsHistory").Sum(t => t.Value.Rows);
        table.AppendLine($"{total} requests, {byCategory.Values.Sum(c => c.Where(s => s.Key >= 500).Sum(s => s.Value))} answered 5xx; {before.Count} tables ({rows} rows of data) identical before and after, row by row.");
        table.AppendLine();
        table.AppendLine("| Category | Requests | Answers |");
        table.AppendLine("|---|---|---|");
        foreach (var (category, counts) in byCategory)
            table.AppendLine($"| {category} | {counts.Values.Sum()} | {string.Join(", ", counts.OrderBy(s => s.Key).Select(s => $"{s.Key} × {s.Value}"))} |");
        Documentation.Section("reliability.md", "malformed-corpus", table.ToString());
    }

    /// <summary>The field named by the answer is the one broken, or holds it (« schedule » for « schedule[0].day »), or is held by it.</summary>
    private static bool Named(string named, string broken)
    {
        static string Norm(string s) => s.Replace("[0]", "", StringComparison.Ordinal).ToLowerInvariant();
        var (n, b) = (Norm(named), Norm(broken));
        return n == b || b.StartsWith(n + ".", StringComparison.Ordinal) || n.StartsWith(b + ".", StringComparison.Ordinal) || n == "body" || n.Length == 0;
    }
}
