using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Placement.Web.Tests.Model;

/// <summary>What a placement attempt answered (direct, one proposal, or one of a bulk), judged by the oracle on the world before the step.</summary>
public sealed record Attempt(string Via, Guid Person, Guid Post, int Status, IReadOnlyList<string> Rules, string? Reason, Guid? Placement);

/// <summary>What a step did, for the invariants: the attempts to judge, the persons touched, what went wrong on the way.</summary>
public sealed class StepResult
{
    public List<Attempt> Attempts { get; } = [];
    public HashSet<Guid> Touched { get; } = [];
    public List<string> Problems { get; } = [];
    public Guid? Run { get; set; }
    /// <summary>An edit the step made (the person or post, what was changed, through which door): the rest must be kept.</summary>
    public (Guid Id, Change Change, string Door)? Edit { get; set; }

    /// <summary>The step changed posts or host bodies: the search index must catch up before suggestions are asked.</summary>
    public bool Catalogue { get; set; }

    /// <summary>A step that found nothing to act on in this replay (after shrinking, the world may differ).</summary>
    public bool Skipped { get; set; }
}

/// <summary>
/// One operation of a sequence, through the service's real use cases (its HTTP API). Steps name persons, posts and host bodies
/// by their index in the world (so that a sequence replays on a fresh world); a step whose target does not exist in a replay
/// does nothing.
/// </summary>
public abstract record ModelStep
{
    public abstract Task ExecuteAsync(ModelRun run, StepResult result);

    protected static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    protected static string Num(double v) => v.ToString(CultureInfo.InvariantCulture);
}

public sealed record Place(int Person, int Post, bool ByCoordinator) : ModelStep
{
    public override string ToString() => $"place person {Person} on post {Post}{(ByCoordinator ? " (coordinator)" : "")}";

    public override async Task ExecuteAsync(ModelRun run, StepResult result)
    {
        if (run.PersonId(Person) is not { } person || run.PostId(Post) is not { } post) { result.Skipped = true; return; }
        var client = ByCoordinator ? run.Coordinator : run.OfficerOf(person);
        var (status, body) = await ModelRun.Send(client, HttpMethod.Post, "/api/placements", new { personId = person, postId = post });
        result.Touched.Add(person);
        result.Attempts.Add(new Attempt("POST /api/placements", person, post, status, ModelRun.Rules(body), ModelRun.Detail(body),
            status == 201 ? Guid.Parse(body!.Value.GetProperty("id").GetString()!) : null));
    }
}

/// <summary>A batch assignment over the Rhône and the Isère, for the world's persons; its proposals are judged when it ends.</summary>
public sealed record RunAssignment : ModelStep
{
    public override string ToString() => "run an assignment (69, 38) for the world's persons";

    public override async Task ExecuteAsync(ModelRun run, StepResult result)
    {
        var (status, body) = await ModelRun.Send(run.Coordinator, HttpMethod.Post, "/api/assignment-runs",
            new { departements = new[] { "69", "38" }, personIds = run.Persons, timeLimitSeconds = 5 });
        if (status != 202) { result.Problems.Add($"POST /api/assignment-runs answered {status}: {body}"); return; }
        var id = body!.Value.GetProperty("id").GetString()!;
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var (_, state) = await ModelRun.Send(run.Coordinator, HttpMethod.Get, $"/api/assignment-runs/{id}", null);
            var s = state!.Value.GetProperty("state").GetString();
            if (s == "succeeded") break;
            if (s is "failed" or "cancelled" || DateTime.UtcNow > deadline) { result.Problems.Add($"the run ended {s}: {state}"); return; }
            await Task.Delay(15);
        }
        run.LastRun = Guid.Parse(id);
        result.Run = run.LastRun;
    }
}

public sealed record AcceptProposal(int Person) : ModelStep
{
    public override string ToString() => $"accept the last run's proposal for person {Person}";

    public override async Task ExecuteAsync(ModelRun run, StepResult result)
    {
        if (run.LastRun is not { } runId || run.PersonId(Person) is not { } person) { result.Skipped = true; return; }
        var proposal = (await run.Database.ProposalsAsync(runId)).FirstOrDefault(p => p.PersonId == person && p.Status == "Pending");
        if (proposal is null) { result.Skipped = true; return; }
        var (status, body) = await ModelRun.Send(run.Coordinator, HttpMethod.Post, $"/api/assignment-runs/{runId}/proposals/{proposal.Id}/accept", null);
        result.Touched.Add(person);
        result.Attempts.Add(new Attempt("accept", person, proposal.PostId, status, ModelRun.Rules(body), ModelRun.Detail(body),
            status == 200 ? Guid.Parse(body!.Value.GetProperty("id").GetString()!) : null));
    }
}

public sealed record AcceptProposals(IReadOnlyList<int> Persons) : ModelStep
{
    public override string ToString() => $"accept in bulk the last run's proposals for persons {string.Join(", ", Persons)}";

    public override async Task ExecuteAsync(ModelRun run, StepResult result)
    {
        if (run.LastRun is not { } runId) { result.Skipped = true; return; }
        var pending = (await run.Database.ProposalsAsync(runId)).Where(p => p.Status == "Pending").ToList();
        var chosen = Persons.Select(run.PersonId).OfType<Guid>().Select(id => pending.FirstOrDefault(p => p.PersonId == id)).OfType<ProposalRow>().ToList();
        if (chosen.Count == 0) { result.Skipped = true; return; }
        var (status, body) = await ModelRun.Send(run.Coordinator, HttpMethod.Post, $"/api/assignment-runs/{runId}/accept", new { proposalIds = chosen.Select(p => p.Id) });
        if (status != 200) { result.Problems.Add($"POST /api/assignment-runs/…/accept answered {status}: {body}"); return; }
        var outcomes = body!.Value.EnumerateArray().ToList();
        if (outcomes.Count != chosen.Count) result.Problems.Add($"bulk accept: {chosen.Count} proposals, {outcomes.Count} outcomes");
        foreach (var (proposal, outcome) in chosen.Zip(outcomes))
        {
            result.Touched.Add(proposal.PersonId);
            var accepted = outcome.GetProperty("accepted").GetBoolean();
            result.Attempts.Add(new Attempt("bulk accept", proposal.PersonId, proposal.PostId, accepted ? 200 : 409, [],
                outcome.TryGetProperty("reason", out var r) && r.ValueKind == JsonValueKind.String ? r.GetString() : null,
                accepted ? Guid.Parse(outcome.GetProperty("placementId").GetString()!) : null));
        }
    }
}

/// <summary>confirm, decline (the host body's partner) or cancel (the officer) the person's active placement.</summary>
public sealed record MovePlacement(int Person, string Action) : ModelStep
{
    public override string ToString() => $"{Action} the placement of person {Person}";

    public override async Task ExecuteAsync(ModelRun run, StepResult result)
    {
        if (run.PersonId(Person) is not { } person || run.Before.Active.FirstOrDefault(p => p.PersonId == person) is not { } placement) { result.Skipped = true; return; }
        var client = Action == "cancel" ? run.OfficerOf(person) : run.PartnerOf(placement.PostId) ?? run.OfficerOf(person);
        var (status, body) = await ModelRun.Send(client, HttpMethod.Post, $"/api/placements/{placement.Id}/{Action}",
            Action == "confirm" ? null : new { reason = "Motif du modèle" });
        result.Touched.Add(person);
        // R.623-14: the host cannot confirm before the SPIP records the person fit, when an examination is required.
        var examination = Action == "confirm" && run.Before.Posts.TryGetValue(placement.PostId, out var post)
            && Oracle.SpecOracle.MedicalExaminationPending(run.Before.Persons[person].Oracle, post.Oracle, run.Before.Today);
        var legal = (placement.Status, Action) switch { ("Proposed", "confirm") => !examination, ("Proposed", "decline") => true, (_, "cancel") => true, _ => false };
        if (legal != (status == 200)) result.Problems.Add($"{Action} of a {placement.Status} placement{(examination ? " (medical examination pending)" : "")} answered {status}: {body}");
        if (examination && status == 409 && !(body?.GetRawText() ?? "").Contains("medicalExamination", StringComparison.Ordinal)) result.Problems.Add($"confirm refused without naming the medical examination: {body}");
        if (status == 200) run.ExpectedStatus[placement.Id] = Action switch { "confirm" => "Confirmed", "decline" => "Declined", _ => "Cancelled" };
    }
}

/// <summary>
/// The SPIP logs hours done without a session on the person's placement, with their reason (<see cref="Complete"/>: all that is
/// left of its target, day by day); the host records attendance on sessions instead.
/// </summary>
public sealed record LogHours(int Person, double Hours, int DaysAgo, bool Complete) : ModelStep
{
    public override string ToString() => Complete ? $"complete the placement of person {Person} (hours logged day by day)" : $"log {Hours} h done {DaysAgo} day(s) ago on the placement of person {Person}";

    public override async Task ExecuteAsync(ModelRun run, StepResult result)
    {
        if (run.PersonId(Person) is not { } person || run.Before.Active.FirstOrDefault(p => p.PersonId == person) is not { } placement
            ) { result.Skipped = true; return; }
        var partner = run.OfficerOf(person);
        result.Touched.Add(person);
        var logged = run.Logged.GetValueOrDefault(placement.Id);
        var doneBefore = run.Before.Persons[person].Oracle.HoursRemaining;
        var chunks = Complete ? Chunks(placement.HoursTarget - logged) : [Hours];
        var status = placement.Status;
        var day = DaysAgo;
        foreach (var hours in chunks)
        {
            var (code, body) = await ModelRun.Send(partner, HttpMethod.Post, $"/api/placements/{placement.Id}/hours",
                new { date = Day(run.Database.Today.AddDays(-day++)), hours, note = "modèle" });
            var legal = status is "Confirmed" or "InProgress" && logged + hours <= placement.HoursTarget + 1e-9 && hours <= doneBefore + 1e-9;
            if (legal != (code == 200)) { result.Problems.Add($"logging {hours} h on a {status} placement ({logged} of {placement.HoursTarget} h logged, {doneBefore} h left to the person) answered {code}: {body}"); return; }
            if (code != 200) return;
            logged += hours;
            doneBefore -= hours;
            status = body!.Value.GetProperty("status").GetString() switch { "completed" => "Completed", "in-progress" => "InProgress", var s => s ?? "" };
            var expected = logged >= placement.HoursTarget - 1e-9 ? "Completed" : "InProgress";
            if (status != expected) result.Problems.Add($"after {logged} of {placement.HoursTarget} h the placement is {status}, not {expected}");
            run.Logged[placement.Id] = logged;
            run.ExpectedStatus[placement.Id] = expected;
        }
    }

    private static List<double> Chunks(double total)
    {
        var list = new List<double>();
        while (total > 1e-9) { var h = Math.Min(8, total); list.Add(Math.Round(h, 6)); total -= h; }
        return list;
    }
}

public sealed record CreatePerson(PersonSpec Spec) : ModelStep
{
    public override string ToString() => $"create person {Spec} (API)";

    public override async Task ExecuteAsync(ModelRun run, StepResult result)
    {
        var spec = Spec with { CaseNumber = $"{run.World.Tag}-{Spec.CaseNumber}" }; // unique to this replay's world
        // Co-defendants of the officer's SPIP are named in the file; another SPIP's are linked afterwards, by the deliberate act.
        bool Here(Guid other) => run.DepartementOf(other) == spec.Departement;
        var officer = run.Officer(spec.Departement);
        var (status, body) = await ModelRun.Send(officer, HttpMethod.Post, "/api/persons", run.PersonFields(spec, Here));
        if (status != 201) { result.Problems.Add($"POST /api/persons answered {status}: {body}"); return; }
        var id = Guid.Parse(body!.Value.GetProperty("id").GetString()!);
        run.AddPerson(id, Spec.Departement);
        result.Touched.Add(id);
        foreach (var other in Spec.NoContact.Select(run.PersonId).OfType<Guid>())
        {
            result.Touched.Add(other);
            if (Here(other)) continue;
            var (linked, answer) = await run.LinkAsync(officer, id, other);
            if (linked != 200) result.Problems.Add($"POST /api/persons/{{id}}/co-defendants answered {linked}: {answer}");
        }
    }
}

/// <summary>A change to one field of a person's or a post's document; <see cref="Value"/> names a person, post or host body by index where it refers to one.</summary>
public sealed record Change(string Field, string Value, Zone? Zone = null)
{
    public override string ToString() => Zone is null ? $"{Field} = {Value}" : $"{Field} {Zone}";
}

/// <summary>Edits a person: through the API (GET then PUT, as the person's page does), or a one-line import, CSV or JSON.</summary>
public sealed record EditPerson(int Person, Change Change, string Door) : ModelStep
{
    public const string Api = "API", Csv = "CSV import", Json = "JSON import";

    public override string ToString() => $"edit person {Person} through the {Door}: {Change}";

    public override async Task ExecuteAsync(ModelRun run, StepResult result)
    {
        if (run.PersonId(Person) is not { } person) { result.Skipped = true; return; }
        var officer = run.OfficerOf(person);
        var (status, current) = await ModelRun.Send(officer, HttpMethod.Get, $"/api/persons/{person}", null);
        if (status != 200) { result.Problems.Add($"GET /api/persons/{{id}} answered {status}"); return; }
        var node = JsonNode.Parse(current!.Value.GetRawText())!.AsObject();
        if (!run.Apply(node, Change, result)) { result.Skipped = true; return; }
        result.Touched.Add(person);
        result.Edit = (person, Change, Door);
        if (Change.Field == "coDefendant+" && run.PersonId(int.Parse(Change.Value, CultureInfo.InvariantCulture)) is { } other
            && run.DepartementOf(other) != run.DepartementOf(person))
        {
            // Another SPIP's person is named by the deliberate act only (issue 25, item 8), whatever the door.
            var (linked, answer) = await run.LinkAsync(officer, person, other);
            if (linked != 200) result.Problems.Add($"POST /api/persons/{{id}}/co-defendants answered {linked}: {answer}");
            return;
        }
        if (Door == Api)
        {
            var (code, body) = await ModelRun.Send(officer, HttpMethod.Put, $"/api/persons/{person}", node);
            if (code != 200) result.Problems.Add($"PUT /api/persons/{{id}} answered {code}: {body}");
            return;
        }
        if (node["caseNumber"] is null) node["caseNumber"] = $"{run.World.Tag}-E{Person:00}";
        var (file, name) = Door == Csv ? (ModelRun.CsvOf(node), "modele.csv") : (JsonSerializer.SerializeToUtf8Bytes(new JsonArray(ModelRun.Strip(node))), "modele.json");
        var report = await run.Import(officer, "persons", file, name);
        if (report is null || report.Value.GetProperty("rejected").GetInt32() != 0 || report.Value.GetProperty("created").GetInt32() != 0)
            result.Problems.Add($"the {Door} of one known person did not update it: {report}");
    }
}

/// <summary>A new person through a CSV import (no restrictions: a CSV line cannot say them).</summary>
public sealed record ImportPerson(PersonSpec Spec) : ModelStep
{
    public override string ToString() => $"import person {Spec with { NoContact = [], ExcludedHosts = [], Zones = [] }} (CSV, the home at its commune's position)";

    public override async Task ExecuteAsync(ModelRun run, StepResult result)
    {
        var spec = Spec with { CaseNumber = $"{run.World.Tag}-{Spec.CaseNumber}" };
        var node = JsonNode.Parse(JsonSerializer.Serialize(run.PersonFields(spec)))!.AsObject();
        var report = await run.Import(run.Officer(spec.Departement), "persons", ModelRun.CsvOf(node), "nouveau.csv");
        if (report is null || report.Value.GetProperty("created").GetInt32() != 1) { result.Problems.Add($"the CSV import of a new person did not create it: {report}"); return; }
        var ids = await run.Database.PersonIdsByCaseNumberAsync([spec.CaseNumber]);
        if (!ids.TryGetValue(spec.CaseNumber, out var id)) { result.Problems.Add("the imported person is not found by its case number"); return; }
        run.AddPerson(id, Spec.Departement);
        result.Touched.Add(id);
    }
}

public sealed record CreatePost(PostSpec Spec) : ModelStep
{
    public override string ToString() => $"create post {Spec} (API: create, submit, publish)";

    public override async Task ExecuteAsync(ModelRun run, StepResult result)
    {
        result.Catalogue = true;
        var fields = run.PostFields(Spec with { Reference = $"{run.World.Tag}-{Spec.Reference}" });
        fields["hostBodyId"] = run.Hosts[Spec.Host];
        var (status, body) = await ModelRun.Send(run.Coordinator, HttpMethod.Post, "/api/posts", fields);
        if (status != 201) { result.Problems.Add($"POST /api/posts answered {status}: {body}"); return; }
        var id = Guid.Parse(body!.Value.GetProperty("id").GetString()!);
        run.AddPost(id);
        foreach (var action in Spec.Status switch { "published" => new[] { "submit", "publish" }, "pending-validation" => ["submit"], _ => [] })
        {
            var (code, answer) = await ModelRun.Send(run.Coordinator, HttpMethod.Post, $"/api/posts/{id}/{action}", null);
            if (code != 200) result.Problems.Add($"{action} of a new post answered {code}: {answer}");
        }
        run.TouchNear(result, Spec.Lat, Spec.Lon);
    }
}

public sealed record EditPost(int Post, Change Change) : ModelStep
{
    public override string ToString() => $"edit post {Post} (coordinator, API): {Change}";

    public override async Task ExecuteAsync(ModelRun run, StepResult result)
    {
        result.Catalogue = true;
        if (run.PostId(Post) is not { } post) { result.Skipped = true; return; }
        var (status, current) = await ModelRun.Send(run.Coordinator, HttpMethod.Get, $"/api/posts/{post}", null);
        if (status != 200) { result.Problems.Add($"GET /api/posts/{{id}} answered {status}"); return; }
        var node = JsonNode.Parse(current!.Value.GetRawText())!.AsObject();
        if (node["status"]?.GetValue<string>() == "closed") { result.Skipped = true; return; }
        if (!run.Apply(node, Change, result)) { result.Skipped = true; return; }
        result.Edit = (post, Change, "post");
        var (code, body) = await ModelRun.Send(run.Coordinator, HttpMethod.Put, $"/api/posts/{post}", node);
        if (code != 200) result.Problems.Add($"PUT /api/posts/{{id}} answered {code}: {body}");
        if (Change.Field == "capacity" && run.Before.Taken(post) > int.Parse(Change.Value, CultureInfo.InvariantCulture)) run.Overbooked.Add(post);
        var location = run.Before.Posts[post].Oracle;
        run.TouchNear(result, location.Lat, location.Lon);
    }
}

/// <summary>submit, publish, suspend, reopen or close a post (the coordinator).</summary>
public sealed record MovePost(int Post, string Action) : ModelStep
{
    public override string ToString() => $"{Action} post {Post}";

    public override async Task ExecuteAsync(ModelRun run, StepResult result)
    {
        result.Catalogue = true;
        if (run.PostId(Post) is not { } post) { result.Skipped = true; return; }
        var before = run.Before.Posts[post].Status;
        var (status, body) = await ModelRun.Send(run.Coordinator, HttpMethod.Post, $"/api/posts/{post}/{Action}", null);
        var legal = (before, Action) switch
        {
            ("Draft", "submit") or ("PendingValidation", "publish") or ("Suspended", "publish") or ("Published", "suspend") or ("Suspended", "reopen") => true,
            (not "Closed", "close") => true,
            _ => false,
        };
        if (legal && status != 200) result.Problems.Add($"{Action} of a {before} post answered {status}: {body}");
        run.TouchNear(result, run.Before.Posts[post].Oracle.Lat, run.Before.Posts[post].Oracle.Lon);
    }
}

/// <summary>The coordinator changes an association's habilitation (valid, expired, future, pending, withdrawn).</summary>
public sealed record SetHabilitation(int Host, string Kind) : ModelStep
{
    public override string ToString() => $"set the habilitation of host body {Host} to {Kind}";

    public override async Task ExecuteAsync(ModelRun run, StepResult result)
    {
        result.Catalogue = true;
        var spec = run.HostSpecs[Host];
        var (status, body) = await ModelRun.Send(run.Coordinator, HttpMethod.Put, $"/api/host-bodies/{run.Hosts[Host]}", spec.Fields(Kind));
        if (status != 200) { result.Problems.Add($"PUT /api/host-bodies/{{id}} answered {status}: {body}"); return; }
        run.TouchNear(result, spec.Lat, spec.Lon);
    }
}
