using System.Text.Json;
using Placement.Web.Tests.Model.Oracle;

namespace Placement.Web.Tests.Model;

/// <summary>
/// What must hold after every step, the oracle deciding: each answer to a placement (201, 200, 409) agrees with the rules on
/// the world just before; no two active placements of co-defendants at one host body; no active placement that broke rules
/// 1–12 when it was made; no post over capacity; one active placement per person; each placement where its lifecycle put it;
/// a run's proposals all eligible; and the suitable posts of the persons touched exactly those the rules allow, every other
/// post within reach counted under the rules it breaks.
/// </summary>
public static class ModelInvariants
{
    /// <summary>Suggested posts are compared only when a person's list is complete (the API gives 200 at most).</summary>
    public const int Limit = 200;

    /// <summary>How far from a travel limit a post's distance is too close to call (the index stores positions rounded).</summary>
    public const double ReachMarginKm = 1e-3;

    public static async Task<List<string>> CheckAsync(ModelRun run, Random random, StepResult result, WorldSnapshot before, WorldSnapshot after)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var violations = new List<string>(result.Problems.Select(p => "unexpected answer: " + p));
        JudgeAttempts(run, result, before, violations);
        if (result.Run is { } runId) JudgeProposals(before, await run.Database.ProposalsAsync(runId), violations);
        JudgeState(run, after, violations);
        if (result.Edit is { } edit) JudgeEdit(run, before, after, edit, violations);
        run.Service.Time("judge state", watch);
        await JudgeSuggestionsAsync(run, random, result, after, violations);
        return violations;
    }

    private static string Name(WorldSnapshot w, Guid person) => w.Persons.TryGetValue(person, out var p) ? p.CaseNumber ?? person.ToString() : person.ToString();

    public const string NoHoursLeft = "no hours left (rule 15)";

    /// <summary>Why the oracle finds that the pair cannot be placed now, beside the rules: the post, its host body, its places, the person.</summary>
    public static List<string> Obstacles(WorldSnapshot w, Guid person, Guid post)
    {
        var reasons = new List<string>();
        if (!w.Posts.TryGetValue(post, out var q)) return ["no such post"];
        if (!w.Persons.ContainsKey(person)) return ["no such person"];
        if (!q.Published) reasons.Add($"post {q.Status}");
        if (!w.Hosts.TryGetValue(q.HostBodyId, out var h) || !h.CanHostOn(w.Today)) reasons.Add("host body not habilitated today");
        if (w.FreePlaces(post) == 0) reasons.Add("post full");
        if (w.HasActivePlacement(person)) reasons.Add("person already placed");
        if (w.Persons[person].Oracle.HoursRemaining <= 0) reasons.Add(NoHoursLeft);
        return reasons;
    }

    private static void JudgeAttempts(ModelRun run, StepResult result, WorldSnapshot before, List<string> violations)
    {
        var world = before;
        foreach (var a in result.Attempts)
        {
            run.Service.Count($"attempts {a.Via} {a.Status}");
            var obstacles = Obstacles(world, a.Person, a.Post);
            var known = world.Posts.ContainsKey(a.Post) && world.Persons.ContainsKey(a.Person);
            var broken = known ? world.BrokenRules(a.Person, a.Post) : new HashSet<string>();
            var what = $"{a.Via} of {Name(world, a.Person)} on post {a.Post}";
            if (a.Status is 200 or 201)
            {
                if (obstacles.Count > 0 || broken.Count > 0)
                    violations.Add($"{what} was made ({a.Status}) although the oracle finds: {string.Join(", ", obstacles.Concat(broken.Order()))}");
                var host = world.Posts.TryGetValue(a.Post, out var q) ? q.HostBodyId : Guid.Empty;
                var linked = LinksOf(world, a.Person);
                run.Verdicts[a.Placement!.Value] = new Verdict(a.Person, a.Post, host, broken, linked, run.Step);
                run.ExpectedStatus[a.Placement.Value] = "Proposed";
                world = world.With(new PlacementRow(a.Placement.Value, a.Person, a.Post, "Proposed", 1));
            }
            else if (a.Status == 409)
            {
                var named = a.Rules.ToHashSet(StringComparer.Ordinal);
                if (obstacles.Count == 0 && broken.Count == 0)
                    violations.Add($"{what} was refused (409 {string.Join(",", named)}: {a.Reason}) although the oracle finds it eligible and the post free");
                else if (named.Count > 0 && !named.SetEquals(broken))
                    violations.Add($"{what} was refused naming [{string.Join(", ", named.Order())}] but the oracle finds [{string.Join(", ", broken.Order())}]{(obstacles.Count > 0 ? " and " + string.Join(", ", obstacles) : "")}");
                else if (named.Count == 0 && obstacles.Count == 0 && a.Via != "bulk accept")
                    violations.Add($"{what} was refused without naming the rules the oracle finds: [{string.Join(", ", broken.Order())}] ({a.Reason})");
            }
            else violations.Add($"{what} answered {a.Status}: {a.Reason}");
        }
    }

    /// <summary>The persons linked to one by a no-contact list, in either direction.</summary>
    public static IReadOnlySet<Guid> LinksOf(WorldSnapshot w, Guid person)
    {
        var id = WorldSnapshot.Id(person);
        var links = new HashSet<Guid>();
        if (w.Persons.TryGetValue(person, out var me)) foreach (var other in me.Oracle.NoContactWithPersonIds) links.Add(Guid.Parse(other));
        foreach (var p in w.Linkable) if (p.NoContactWithPersonIds.Contains(id)) links.Add(Guid.Parse(p.Id));
        links.Remove(person);
        return links;
    }

    private static void JudgeProposals(WorldSnapshot before, IReadOnlyList<ProposalRow> proposals, List<string> violations)
    {
        foreach (var p in proposals)
        {
            var obstacles = Obstacles(before, p.PersonId, p.PostId);
            var broken = obstacles.Contains("no such post") || obstacles.Contains("no such person") ? new HashSet<string>() : before.BrokenRules(p.PersonId, p.PostId);
            if (obstacles.Count > 0 || broken.Count > 0)
                violations.Add($"the run proposed {Name(before, p.PersonId)} on post {p.PostId} although the oracle finds: {string.Join(", ", obstacles.Concat(broken.Order()))}");
            if (before.Persons.TryGetValue(p.PersonId, out var person) && person.Oracle.HoursRemaining <= 0)
                violations.Add($"the run proposed {Name(before, p.PersonId)}, who has no hours left (rule 15)");
        }
        foreach (var g in proposals.GroupBy(p => p.PostId).Where(g => before.Posts.ContainsKey(g.Key) && g.Count() > before.FreePlaces(g.Key)))
            violations.Add($"the run proposed {g.Count()} persons on post {g.Key}, which had {before.FreePlaces(g.Key)} free place(s)");
        foreach (var g in proposals.GroupBy(p => p.PersonId).Where(g => g.Count() > 1))
            violations.Add($"the run proposed {Name(before, g.Key)} {g.Count()} times");
        var pairs = before.ActivePairs.Concat(proposals.Where(p => before.Posts.ContainsKey(p.PostId))
            .Select(p => (WorldSnapshot.Id(p.PersonId), WorldSnapshot.Id(before.Posts[p.PostId].HostBodyId)))).ToList();
        var already = SpecOracle.CoDefendantViolations(before.ActivePairs, before.Linkable).ToHashSet();
        foreach (var v in SpecOracle.CoDefendantViolations(pairs, before.Linkable).Where(v => !already.Contains(v)))
            violations.Add($"the run's proposals put co-defendants {v.PersonA} and {v.PersonB} with host body {v.PartnerId} (rule 13)");
    }

    private static void JudgeState(ModelRun run, WorldSnapshot after, List<string> violations)
    {
        // Rule 13: two co-defendants active at one host body, the later placed while they were linked.
        var byPersonHost = after.Active.Where(p => after.Posts.ContainsKey(p.PostId)).ToLookup(p => (p.PersonId, after.Posts[p.PostId].HostBodyId));
        foreach (var (a, b, partner) in SpecOracle.CoDefendantViolations(after.ActivePairs, after.Linkable))
        {
            var host = Guid.Parse(partner);
            var pa = byPersonHost[(Guid.Parse(a), host)].First();
            var pb = byPersonHost[(Guid.Parse(b), host)].First();
            if (run.Foreign.Contains(pa.Id) && run.Foreign.Contains(pb.Id)) continue;
            var va = run.Verdicts.GetValueOrDefault(pa.Id);
            var vb = run.Verdicts.GetValueOrDefault(pb.Id);
            var later = (va?.Step ?? -1) >= (vb?.Step ?? -1) ? (Verdict: va, Other: pb.PersonId) : (Verdict: vb, Other: pa.PersonId);
            if (later.Verdict is null || later.Verdict.LinkedThen.Contains(later.Other))
                violations.Add($"co-defendants {Name(after, pa.PersonId)} and {Name(after, pb.PersonId)} both hold an active placement with host body {host} (rule 13)");
        }
        foreach (var p in after.Active.Where(p => !run.Foreign.Contains(p.Id) && !run.Verdicts.ContainsKey(p.Id)))
            violations.Add($"active placement {p.Id} of {Name(after, p.PersonId)} on post {p.PostId} was never made by a step the model saw");
        foreach (var p in after.Placements)
            if (run.ExpectedStatus.TryGetValue(p.Id, out var expected) && expected != p.Status)
                violations.Add($"placement {p.Id} of {Name(after, p.PersonId)} is {p.Status}, the lifecycle says {expected}");
        foreach (var post in after.Active.GroupBy(p => p.PostId))
        {
            if (!after.Posts.TryGetValue(post.Key, out var q) || post.Count() <= q.Oracle.Capacity) { run.Overbooked.Remove(post.Key); continue; }
            if (!run.Overbooked.Contains(post.Key) && post.Any(p => !run.Foreign.Contains(p.Id)))
                violations.Add($"post {post.Key} holds {post.Count()} active placements for {q.Oracle.Capacity} place(s)");
        }
        foreach (var person in after.Active.GroupBy(p => p.PersonId).Where(g => g.Count() > 1))
            violations.Add($"{Name(after, person.Key)} holds {person.Count()} active placements");
    }

    /// <summary>The oracle-relevant facts of a person or a post, one string each, to see what an edit changed.</summary>
    public static Dictionary<string, string> Facts(OraclePerson p) => new(StringComparer.Ordinal)
    {
        ["birthDate"] = p.BirthDate.ToString("O"), ["home"] = $"{p.Lat:R},{p.Lon:R}", ["maxTravelKm"] = $"{p.MaxTravelKm:R}",
        ["hasDrivingLicence"] = $"{p.HasDrivingLicence}", ["publicTransportOnly"] = $"{p.PublicTransportOnly}", ["hoursOrdered"] = $"{p.HoursRemaining:R}",
        ["deadline"] = p.Deadline.ToString("O"), ["availability"] = string.Join(";", p.Availability.Select(a => $"{a.Day} {a.Start:HH:mm}-{a.End:HH:mm}")),
        ["maxPhysicalDemand"] = p.MaxPhysicalDemand, ["needsWheelchairAccess"] = $"{p.NeedsWheelchairAccess}",
        ["noContactWithMinors"] = $"{p.NoContactWithMinors}", ["noContactWithVulnerablePublic"] = $"{p.NoContactWithVulnerablePublic}",
        ["excludedHost"] = string.Join(",", p.ExcludedPartnerIds.Order(StringComparer.Ordinal)),
        ["coDefendant"] = string.Join(",", p.NoContactWithPersonIds.Order(StringComparer.Ordinal)),
        ["zone"] = string.Join(" | ", p.ExclusionZones.Select(z => string.Join(" / ", z.Rings.Select(r => string.Join(" ", r.Select(c => $"{c.Lon:R},{c.Lat:R}")))))),
    };

    public static Dictionary<string, string> Facts(OraclePost q, string status) => new(StringComparer.Ordinal)
    {
        ["status"] = status, ["location"] = $"{q.Lat:R},{q.Lon:R}", ["capacity"] = $"{q.Capacity}", ["maxWeeklyHoursPerPerson"] = $"{q.MaxWeeklyHoursPerPerson:R}",
        ["schedule"] = string.Join(";", q.Schedule.Select(a => $"{a.Day} {a.Start:HH:mm}-{a.End:HH:mm}")), ["openFrom"] = q.OpenFrom.ToString("O"),
        ["openUntil"] = q.OpenUntil.ToString("O"), ["acceptsMinors"] = $"{q.AcceptsMinors}", ["contactWithMinors"] = $"{q.ContactWithMinors}",
        ["vulnerablePublic"] = $"{q.VulnerablePublic}", ["requiresDrivingLicence"] = $"{q.RequiresDrivingLicence}", ["physicalDemand"] = q.PhysicalDemand,
        ["nightWork"] = $"{q.NightWork}", ["wheelchairAccessible"] = $"{q.WheelchairAccessible}", ["nearPublicTransport"] = $"{q.NearPublicTransport}",
    };

    /// <summary>
    /// An edit keeps every other fact: the API, a CSV line (which cannot say restrictions: they are kept) and a JSON line alike;
    /// a coordinator's edit keeps a post's status. A CSV line has no position: the home may move to its commune's.
    /// </summary>
    private static void JudgeEdit(ModelRun run, WorldSnapshot before, WorldSnapshot after, (Guid Id, Change Change, string Door) edit, List<string> violations)
    {
        var field = edit.Change.Field.TrimEnd('+', '-') switch { "zones" => "zone", var f => f };
        Dictionary<string, string> was, now;
        if (edit.Door == "post")
        {
            if (!before.Posts.TryGetValue(edit.Id, out var q0) || !after.Posts.TryGetValue(edit.Id, out var q1)) return;
            (was, now) = (Facts(q0.Oracle, q0.Status), Facts(q1.Oracle, q1.Status));
        }
        else
        {
            if (!before.Persons.TryGetValue(edit.Id, out var p0) || !after.Persons.TryGetValue(edit.Id, out var p1)) return;
            (was, now) = (Facts(p0.Oracle), Facts(p1.Oracle));
        }
        var allowed = new HashSet<string>(StringComparer.Ordinal) { field };
        if (edit.Door == EditPerson.Csv) allowed.Add("home");
        foreach (var (name, value) in was.Where(f => !allowed.Contains(f.Key) && now[f.Key] != f.Value))
            violations.Add($"the {edit.Door} edit of {(edit.Door == "post" ? "post " + edit.Id : Name(before, edit.Id))} ({edit.Change}) also changed {name}: « {value} » became « {now[name]} »");
        var expected = edit.Change.Field switch
        {
            "maxTravelKm" or "capacity" or "maxWeeklyHoursPerPerson" => double.Parse(edit.Change.Value, System.Globalization.CultureInfo.InvariantCulture).ToString("R", System.Globalization.CultureInfo.InvariantCulture),
            "hasDrivingLicence" or "publicTransportOnly" or "needsWheelchairAccess" or "noContactWithMinors" or "noContactWithVulnerablePublic" or "acceptsMinors"
                or "contactWithMinors" or "vulnerablePublic" or "requiresDrivingLicence" or "nightWork" or "wheelchairAccessible" or "nearPublicTransport"
                => bool.Parse(edit.Change.Value).ToString(),
            "maxPhysicalDemand" or "physicalDemand" => edit.Change.Value,
            "coDefendant+" or "coDefendant-" when run.PersonId(int.Parse(edit.Change.Value, System.Globalization.CultureInfo.InvariantCulture)) is { } other =>
                string.Join(",", (edit.Change.Field == "coDefendant+" ? was["coDefendant"].Split(',', StringSplitOptions.RemoveEmptyEntries).Append(WorldSnapshot.Id(other))
                    : was["coDefendant"].Split(',', StringSplitOptions.RemoveEmptyEntries).Where(x => x != WorldSnapshot.Id(other))).Distinct().Order(StringComparer.Ordinal)),
            "zones-" => "",
            _ => null,
        };
        if (expected is not null && now[field] != expected)
            violations.Add($"the {edit.Door} edit of {(edit.Door == "post" ? "post " + edit.Id : Name(before, edit.Id))} asked {edit.Change} but {field} is « {now[field]} »");
    }

    private static async Task JudgeSuggestionsAsync(ModelRun run, Random random, StepResult result, WorldSnapshot after, List<string> violations)
    {
        var world = run.Persons.ToHashSet();
        // The persons the step touched and their co-defendants, two at most, and now and then anyone of the world.
        var touched = result.Touched.Where(world.Contains).OrderBy(_ => random.Next()).Take(1).ToList();
        var sample = touched.Concat(touched.SelectMany(p => LinksOf(after, p).Where(world.Contains)).OrderBy(_ => random.Next()).Take(random.Next(2))).ToList();
        if (random.Next(4) == 0 && run.Persons.Count > 0) sample.Add(run.Persons[random.Next(run.Persons.Count)]);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        if (result.Catalogue) await run.CatchUpSearchAsync();
        run.Service.Time("judge: search caught up", watch);
        foreach (var person in sample.Distinct().Where(after.Persons.ContainsKey))
        {
            var (status, body) = await ModelRun.Send(run.OfficerOf(person), HttpMethod.Get, $"/api/persons/{person}/suitable-posts?limit={Limit}", null);
            run.Service.Time("judge: GET suitable-posts", watch);
            if (status != 200) { violations.Add($"suitable posts of {Name(after, person)} answered {status}: {body}"); continue; }
            violations.AddRange(JudgeSuggestions(after, person, body!.Value));
            run.Service.Count("suggestion lists compared");
            run.Service.Count("suggested posts checked", body!.Value.GetProperty("items").GetArrayLength());
            run.Service.Time("judge: suggestions compared", watch);
        }
    }

    /// <summary>The answer of <c>GET /api/persons/{id}/suitable-posts</c> against the oracle, over every post of the database.</summary>
    public static IEnumerable<string> JudgeSuggestions(WorldSnapshot w, Guid person, JsonElement answer)
    {
        var p = w.Persons[person].Oracle;
        var who = w.Persons[person].CaseNumber ?? person.ToString();
        var items = answer.GetProperty("items").EnumerateArray()
            .Select(i => (Id: Guid.Parse(i.GetProperty("post").GetProperty("id").GetString()!), Free: i.GetProperty("freePlaces").GetInt32())).ToList();
        if (p.HoursRemaining <= 0)
        {
            if (items.Count > 0) yield return $"{who} has no hours left (rule 15) but is offered {items.Count} post(s)";
            yield break;
        }
        var coDefendants = w.CoDefendantPartners(person);
        var must = new HashSet<Guid>();
        var may = new HashSet<Guid>();
        int fullLow = 0, fullHigh = 0, candidatesLow = 0, candidatesHigh = 0;
        var low = new Dictionary<string, int>(StringComparer.Ordinal);
        var high = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var q in w.Posts.Values.Where(q => q.Published))
        {
            var d = SpecOracle.DistanceKm(p.Lat, p.Lon, q.Oracle.Lat, q.Oracle.Lon);
            if (d > p.MaxTravelKm + ReachMarginKm) continue;
            var sure = d <= p.MaxTravelKm - ReachMarginKm;
            // Only the published posts of host bodies that may host today are searched (the index holds those).
            if (!w.Hosts.TryGetValue(q.HostBodyId, out var h) || !h.CanHostOn(w.Today)) continue;
            candidatesHigh++;
            if (sure) candidatesLow++;
            var broken = SpecOracle.BrokenRules(p, q.Oracle, w.Today, coDefendants);
            foreach (var rule in broken)
            {
                high[rule] = high.GetValueOrDefault(rule) + 1;
                if (sure) low[rule] = low.GetValueOrDefault(rule) + 1;
            }
            if (broken.Count > 0) continue;
            if (w.FreePlaces(q.Id) == 0)
            {
                fullHigh++;
                if (sure) fullLow++;
                continue;
            }
            may.Add(q.Id);
            if (sure) must.Add(q.Id);
        }
        foreach (var (id, free) in items)
        {
            if (!w.Posts.TryGetValue(id, out var q)) { yield return $"{who} is offered post {id}, which is not in the database"; continue; }
            var obstacles = new List<string>();
            if (!q.Published) obstacles.Add($"post {q.Status}");
            if (!w.Hosts.TryGetValue(q.HostBodyId, out var h) || !h.CanHostOn(w.Today)) obstacles.Add("host body not habilitated today");
            obstacles.AddRange(SpecOracle.BrokenRules(p, q.Oracle, w.Today, coDefendants).Order());
            if (w.FreePlaces(id) == 0) obstacles.Add("post full");
            if (obstacles.Count > 0) yield return $"{who} is offered post {id} although the oracle finds: {string.Join(", ", obstacles)}";
            else if (free != w.FreePlaces(id)) yield return $"{who} is offered post {id} with {free} free place(s), the oracle counts {w.FreePlaces(id)}";
        }
        var offered = items.Select(i => i.Id).ToHashSet();
        if (must.Count <= Limit)
            foreach (var id in must.Where(id => !offered.Contains(id)))
                yield return $"{who} is not offered post {id}, which the oracle finds eligible, within reach and free";
        else if (items.Count < Limit) yield return $"{who} is offered {items.Count} posts, the oracle finds {must.Count} eligible";
        var excluded = answer.GetProperty("excludedByRule").EnumerateObject().ToDictionary(e => e.Name, e => e.Value.GetInt32(), StringComparer.Ordinal);
        foreach (var rule in excluded.Keys.Union(high.Keys).Union(low.Keys))
        {
            var n = excluded.GetValueOrDefault(rule);
            if (!SpecOracle.RuleNames.Contains(rule)) yield return $"{who}: posts counted under « {rule} », not a rule of matching.md";
            else if (n < low.GetValueOrDefault(rule) || n > high.GetValueOrDefault(rule))
                yield return $"{who}: {n} post(s) counted under {rule}, the oracle counts {(low.GetValueOrDefault(rule) == high.GetValueOrDefault(rule) ? low.GetValueOrDefault(rule) : $"{low.GetValueOrDefault(rule)}–{high.GetValueOrDefault(rule)}")} within reach";
        }
        var full = answer.GetProperty("full").GetInt32();
        if (full < fullLow || full > fullHigh) yield return $"{who}: {full} post(s) counted full, the oracle counts {fullLow}–{fullHigh} eligible posts within reach without a free place";
        var candidates = answer.GetProperty("candidates").GetInt32();
        if (candidates < candidatesLow || candidates > candidatesHigh) yield return $"{who}: {candidates} candidate posts, the oracle counts {candidatesLow}–{candidatesHigh} published posts of habilitated host bodies within reach";
    }
}
