using System.Globalization;

namespace Placement.Web.Tests.Model;

/// <summary>
/// Draws the next step from the world as it stands (the last snapshot), so that steps act on something: placements mostly of
/// pairs the oracle finds eligible, and of others to be refused; lifecycle moves of placements that can make them; edits that
/// move a value across a rule's limit.
/// </summary>
public static class ModelGenerator
{
    public static ModelStep Next(Random random, ModelRun run)
    {
        var before = run.Before;
        var persons = run.Persons;
        int AnyPerson() => random.Next(persons.Count);
        int AnyPost() => random.Next(run.Posts.Count);
        var placed = persons.Select((id, i) => (id, i)).Where(x => before.HasActivePlacement(x.id)).ToList();
        var free = persons.Select((id, i) => (id, i)).Where(x => !before.HasActivePlacement(x.id) && before.Persons.ContainsKey(x.id)).ToList();
        var roll = random.Next(100);
        switch (roll)
        {
            case < 22:
            {
                if (free.Count == 0 || random.Next(12) == 0) return new Place(AnyPerson(), AnyPost(), random.Next(5) == 0);
                var (person, i) = free[random.Next(free.Count)];
                var eligible = run.Posts.Select((id, j) => (id, j)).Where(x => before.Posts.ContainsKey(x.id) && before.CanTakeSomeone(x.id) && before.BrokenRules(person, x.id).Count == 0).ToList();
                if (eligible.Count > 0 && random.Next(10) < 6) return new Place(i, eligible[random.Next(eligible.Count)].j, random.Next(5) == 0);
                return new Place(i, AnyPost(), random.Next(5) == 0);
            }
            case < 25:
                // A run costs a solve over every post of both départements: about one a sequence.
                return run.LastRun is null && random.Next(2) == 0 ? new RunAssignment() : new AcceptProposal(AnyPerson());
            case < 31 when run.LastRun is not null:
                return new AcceptProposal(free.Count > 0 ? free[random.Next(free.Count)].i : AnyPerson());
            case < 34 when run.LastRun is not null:
                return new AcceptProposals([.. Enumerable.Range(0, 2 + random.Next(5)).Select(_ => free.Count > 0 ? free[random.Next(free.Count)].i : AnyPerson()).Distinct()]);
            case < 46:
            {
                if (placed.Count == 0) return new Place(AnyPerson(), AnyPost(), false);
                var (id, i) = placed[random.Next(placed.Count)];
                var status = before.Active.First(p => p.PersonId == id).Status;
                var action = status == "Proposed" ? (random.Next(4) == 0 ? "decline" : "confirm") : random.Next(3) == 0 ? "cancel" : "log";
                if (random.Next(8) == 0) action = "cancel";
                return action == "log" ? Log(random, run, id, i) : new MovePlacement(i, action);
            }
            case < 52:
                return new CreatePerson(run.World.Person(random, persons.Count, run.World.PostSpecs, $"N{run.Step:00}") is var spec
                    ? spec with { NoContact = random.Next(2) == 0 ? [AnyPerson()] : [] } : null!);
            case < 55:
                return new ImportPerson(run.World.Person(random, persons.Count, run.World.PostSpecs, $"C{run.Step:00}"));
            case < 70:
            {
                var i = placed.Count > 0 && random.Next(3) == 0 ? placed[random.Next(placed.Count)].i : AnyPerson();
                var change = PersonChange(random, run, i);
                var csvable = change.Field is not ("home" or "coDefendant+" or "coDefendant-" or "excludedHost+" or "excludedHost-" or "zone+" or "zones-");
                var door = random.Next(10) switch { < 6 => EditPerson.Api, < 8 when csvable => EditPerson.Csv, _ => EditPerson.Json };
                return new EditPerson(i, change, door);
            }
            case < 76:
                return new CreatePost(run.World.Post(random, run.Posts.Count, $"Q{run.Step:00}") with { Status = "published" });
            case < 88:
                return new EditPost(AnyPost(), PostChange(random, run));
            case < 97:
                return new MovePost(AnyPost(), new[] { "suspend", "suspend", "reopen", "publish", "close", "submit" }[random.Next(6)]);
            default:
                return new SetHabilitation(6 + random.Next(4), new[] { "valid", "expired", "future", "pending", "withdrawn" }[random.Next(5)]);
        }
    }

    private static ModelStep Log(Random random, ModelRun run, Guid person, int i)
    {
        var placement = run.Before.Active.First(p => p.PersonId == person);
        var left = placement.HoursTarget - run.Logged.GetValueOrDefault(placement.Id);
        if (left <= 40 && random.Next(3) == 0) return new LogHours(i, 0, 1, Complete: true);
        var hours = random.Next(4) == 0 ? Math.Round(left + 0.5, 1) : 1 + random.Next(8); // sometimes more than is left: refused
        return new LogHours(i, Math.Min(10, hours), random.Next(15), Complete: false);
    }

    private static string Num(double v) => v.ToString("0.###", CultureInfo.InvariantCulture);

    private static Change PersonChange(Random random, ModelRun run, int i)
    {
        var before = run.Before;
        var id = run.PersonId(i);
        var person = id is { } pid && before.Persons.TryGetValue(pid, out var row) ? row.Oracle : null;
        var target = run.Posts.Count > 0 ? before.Posts.GetValueOrDefault(run.Posts[random.Next(run.Posts.Count)])?.Oracle : null;
        switch (random.Next(16))
        {
            case 0 or 1 when person is not null && target is not null:
                // Just within or just beyond a post.
                var d = Oracle.SpecOracle.DistanceKm(person.Lat, person.Lon, target.Lat, target.Lon);
                return new Change("maxTravelKm", Num(Math.Max(0.5, Math.Round(d + (random.Next(2) == 0 ? -0.01 : 0.01), 3))));
            case 2:
                return new Change("availability", string.Join(";", ModelWorld.Slots(random, 1 + random.Next(3))));
            case 3:
                return new Change("birthDate", new[] { "2008-11-28", "2008-11-29", "2009-05-01", "1990-03-15" }[random.Next(4)]);
            case 4:
                var (lat, lon) = ModelWorld.Around(random, ModelWorld.CentreLat, ModelWorld.CentreLon, 10);
                return new Change("home", $"{Num(Math.Round(lat, 6))},{Num(Math.Round(lon, 6))}");
            case 5:
                return new Change(new[] { "hasDrivingLicence", "publicTransportOnly", "needsWheelchairAccess" }[random.Next(3)], random.Next(2) == 0 ? "true" : "false");
            case 6:
                return new Change("maxPhysicalDemand", ModelWorld.Demands[random.Next(3)]);
            case 7:
                return new Change(random.Next(2) == 0 ? "noContactWithMinors" : "noContactWithVulnerablePublic", random.Next(2) == 0 ? "true" : "false");
            case 8 when person is not null && target is not null:
                // A deadline a few days either side of what this post allows.
                var w = Oracle.SpecOracle.WeeklyHours(person, target, ModelWorld.Today);
                if (w <= 0) goto default;
                var start = target.OpenFrom > ModelWorld.Today ? target.OpenFrom : ModelWorld.Today;
                var day = start.AddDays((int)Math.Ceiling(person.HoursRemaining / w * 7) + random.Next(-3, 4));
                if (day < new DateOnly(2026, 10, 1) || day > new DateOnly(2028, 4, 1)) goto default;
                return new Change("deadline", day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            case 9 or 10 or 11:
                return new Change(random.Next(4) == 0 ? "coDefendant-" : "coDefendant+", (random.Next(run.Persons.Count)).ToString(CultureInfo.InvariantCulture));
            case 12:
                return new Change(random.Next(3) == 0 ? "excludedHost-" : "excludedHost+", random.Next(ModelWorld.HostCount).ToString(CultureInfo.InvariantCulture));
            case 13 when target is not null:
                return new Change("zone+", "", new Zone(target.Lat, target.Lon, Math.Round(0.2 + random.NextDouble() * 1.5, 2), new[] { Zone.Around, Zone.Hole, Zone.Edge, Zone.Multi }[random.Next(4)]));
            case 14:
                return new Change("zones-", "");
            default:
                return new Change("hoursOrdered", (20 + random.Next(60)).ToString(CultureInfo.InvariantCulture));
        }
    }

    private static Change PostChange(Random random, ModelRun run) => random.Next(12) switch
    {
        0 or 1 => new Change("capacity", (random.Next(6) == 0 ? 0 : 1 + random.Next(2)).ToString(CultureInfo.InvariantCulture)),
        2 => new Change("maxWeeklyHoursPerPerson", new[] { "2", "3.5", "6", "12" }[random.Next(4)]),
        3 => new Change("schedule", string.Join(";", ModelWorld.Slots(random, 1 + random.Next(3)))),
        4 => new Change("openUntil", ModelWorld.Today.AddDays(random.Next(10, 300)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        5 => ModelWorld.Around(random, ModelWorld.CentreLat, ModelWorld.CentreLon, 11) is var (lat, lon) ? new Change("location", $"{Num(Math.Round(lat, 6))},{Num(Math.Round(lon, 6))}") : null!,
        6 => new Change("physicalDemand", ModelWorld.Demands[random.Next(3)]),
        _ => new Change(new[] { "acceptsMinors", "contactWithMinors", "vulnerablePublic", "requiresDrivingLicence", "nightWork", "wheelchairAccessible", "nearPublicTransport" }[random.Next(7)],
            random.Next(2) == 0 ? "true" : "false"),
    };
}
