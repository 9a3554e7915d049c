using System.Text.Json;
using System.Text.Json.Serialization;
using NetTopologySuite.Geometries;
using Placement.Catalogue.Contracts;
using Placement.Catalogue.Domain;
using Placement.Matching.Domain;
using Placement.Matching.Engine;

namespace Placement.Matching.Engine;

/// <summary>A point of a matching instance: both coordinates required (a missing one is not 0).</summary>
public sealed record InstancePointDto
{
    public double? Lat { get; init; }
    public double? Lon { get; init; }
}

/// <summary>
/// A post of a matching instance, as matching.md writes it. Every member is required but <c>skills</c>, <c>particularRisks</c>
/// and <c>careSetting</c>: the value types are nullable so that a missing one is named, never read as 0 or false. The two
/// optional flags (R.623-14's medical examination) default to false; a <c>null</c> is malformed, as for <c>restrictions</c>'
/// flags, and false is not written back.
/// </summary>
public sealed record InstancePostDto
{
    public string? Id { get; init; }
    public string? PartnerId { get; init; }
    public string? Activity { get; init; }
    public IReadOnlyList<string>? Skills { get; init; }
    public InstancePointDto? Location { get; init; }
    public int? Capacity { get; init; }
    public double? MaxWeeklyHoursPerPerson { get; init; }
    public IReadOnlyList<TimeWindowDto>? Schedule { get; init; }
    public DateOnly? OpenFrom { get; init; }
    public DateOnly? OpenUntil { get; init; }
    public bool? AcceptsMinors { get; init; }
    public bool? ContactWithMinors { get; init; }
    public bool? VulnerablePublic { get; init; }
    public bool? RequiresDrivingLicence { get; init; }
    public string? PhysicalDemand { get; init; }
    public bool? NightWork { get; init; }
    public bool? WheelchairAccessible { get; init; }
    public bool? NearPublicTransport { get; init; }

    /// <summary>The work exposes to particular risks (<see cref="MatchPost.ParticularRisks"/>); optional, false by default.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool ParticularRisks { get; init; }

    /// <summary>The post is in a care establishment (<see cref="MatchPost.CareSetting"/>); optional, false by default.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool CareSetting { get; init; }
}

public sealed record InstanceRestrictionsDto
{
    public bool NoContactWithMinors { get; init; }
    public bool NoContactWithVulnerablePublic { get; init; }
    public IReadOnlyList<string>? ExcludedPartnerIds { get; init; }
    public IReadOnlyList<string>? NoContactWithPersonIds { get; init; }
    /// <summary>Rule 13 outside the instance: partners where a co-defendant already holds an active placement.</summary>
    public IReadOnlyList<string>? CoDefendantPartnerIds { get; init; }
    public IReadOnlyList<JsonElement>? ExclusionZones { get; init; }
}

/// <summary>
/// A person of a matching instance, as matching.md writes it; every member required but <c>skills</c>, <c>restrictions</c> and the
/// three of issue 29: <c>weeklyWorkHours</c> (absent: no job; a <c>null</c> is malformed), <c>medicalExaminationRequired</c> and
/// <c>medicallyFit</c> (false by default, not written back when false; a <c>null</c> is malformed).
/// </summary>
public sealed record InstancePersonDto
{
    /// <summary>The most hours a week a job may be given: every hour of the week.</summary>
    public const double MaxWeeklyWorkHours = 7 * 24;

    private readonly double? _weeklyWorkHours;

    public string? Id { get; init; }
    public DateOnly? BirthDate { get; init; }
    public InstancePointDto? Location { get; init; }
    public double? MaxTravelKm { get; init; }
    public bool? HasDrivingLicence { get; init; }
    public bool? PublicTransportOnly { get; init; }
    public double? HoursRemaining { get; init; }
    public DateOnly? Deadline { get; init; }
    public IReadOnlyList<TimeWindowDto>? Availability { get; init; }
    public IReadOnlyList<string>? Skills { get; init; }
    public string? MaxPhysicalDemand { get; init; }
    public bool? NeedsWheelchairAccess { get; init; }
    public InstanceRestrictionsDto? Restrictions { get; init; }

    /// <summary>
    /// Hours a week of the person's job (<see cref="MatchPerson.WeeklyWorkHours"/>, rule 16), 0 to <see cref="MaxWeeklyWorkHours"/>;
    /// absent: no job. An explicit <c>null</c> is told from an absent one (<see cref="WeeklyWorkHoursGiven"/>) and is malformed.
    /// </summary>
    public double? WeeklyWorkHours
    {
        get => _weeklyWorkHours;
        init
        {
            _weeklyWorkHours = value;
            WeeklyWorkHoursGiven = true;
        }
    }

    /// <summary>The instance named <c>weeklyWorkHours</c>, with a value or <c>null</c>.</summary>
    [JsonIgnore]
    public bool WeeklyWorkHoursGiven { get; private init; }

    /// <summary>A medical examination is required whatever the post (<see cref="MatchPerson.MedicalExaminationRequired"/>); optional, false by default.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool MedicalExaminationRequired { get; init; }

    /// <summary>The person is recorded fit after the examination (<see cref="MatchPerson.MedicallyFit"/>); optional, false by default.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool MedicallyFit { get; init; }
}

public sealed record PinnedDto
{
    public string? PersonId { get; init; }
    public string? PostId { get; init; }
}

public sealed record InstanceOptionsDto
{
    public double? TimeLimitSeconds { get; init; }
}

/// <summary>
/// The matching instance of matching.md. <see cref="ToInstance"/> checks it and names every bad field
/// (<c>persons[3].availability[0].end</c>); unknown properties are ignored.
/// </summary>
public sealed record InstanceDto
{
    public const double MaxTimeLimitSeconds = 3600;

    public DateOnly? ReferenceDate { get; init; }
    public IReadOnlyList<InstancePostDto>? Posts { get; init; }
    public IReadOnlyList<InstancePersonDto>? Persons { get; init; }
    public IReadOnlyList<PinnedDto>? Pinned { get; init; }
    public InstanceOptionsDto? Options { get; init; }

    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.Strict,
        // French explanations stay readable: « é », not « \u00E9 ».
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The instance, checked; its time limit at most <paramref name="maxTimeLimitSeconds"/> (the service's is configured: <c>Placement:Matching:MaxTimeLimitSeconds</c>).</summary>
    public MatchingInstance ToInstance(double maxTimeLimitSeconds = MaxTimeLimitSeconds)
    {
        var errors = new FieldErrors();
        if (ReferenceDate is null) errors.Add("referenceDate", "Ce champ est obligatoire.");
        if (Posts is null) errors.Add("posts", "Ce champ est obligatoire.");
        if (Persons is null) errors.Add("persons", "Ce champ est obligatoire.");
        var posts = ReadAll(Posts, "posts", ReadPost, errors);
        var persons = ReadAll(Persons, "persons", ReadPerson, errors);
        Unique(Posts?.Select(p => p?.Id), "posts", errors);
        Unique(Persons?.Select(p => p?.Id), "persons", errors);

        var postIds = (Posts ?? []).Select(p => p?.Id).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var personIds = (Persons ?? []).Select(p => p?.Id).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var pinnedPersons = new HashSet<string>(StringComparer.Ordinal);
        var pinned = new List<PinnedPair>();
        for (var i = 0; i < (Pinned?.Count ?? 0); i++)
        {
            var pin = Pinned![i];
            if (pin is null)
            {
                errors.Add($"pinned[{i}]", "Ce champ est obligatoire.");
                continue;
            }
            if (pin.PersonId is null || !personIds.Contains(pin.PersonId)) errors.Add($"pinned[{i}].personId", "Personne inconnue dans l'instance.");
            else if (!pinnedPersons.Add(pin.PersonId)) errors.Add($"pinned[{i}].personId", "Cette personne est déjà maintenue sur un autre poste.");
            if (pin.PostId is null || !postIds.Contains(pin.PostId)) errors.Add($"pinned[{i}].postId", "Poste inconnu dans l'instance.");
            if (pin.PersonId is not null && pin.PostId is not null) pinned.Add(new PinnedPair(pin.PersonId, pin.PostId));
        }
        var limit = Options?.TimeLimitSeconds ?? 10;
        if (!(limit > 0 && limit <= maxTimeLimitSeconds)) errors.Add("options.timeLimitSeconds", $"Le temps limite est compris entre 0 (exclu) et {maxTimeLimitSeconds} secondes.");
        errors.ThrowIfAny();
        return new MatchingInstance(ReferenceDate!.Value, posts!, persons!, pinned, new MatchingOptions(limit));
    }

    /// <summary>
    /// What bounds the work of a solve, counted on the instance as sent (before anything is built): persons, posts, their
    /// pairs and the vertices of all the zones; null when within <paramref name="limits"/>, else the French sentence saying the bound.
    /// </summary>
    public string? OverBound(MatchingLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        long persons = Persons?.Count ?? 0, posts = Posts?.Count ?? 0;
        if (persons > limits.MaxPersons) return $"Une instance a au plus {limits.MaxPersons} personnes (ici {persons}).";
        if (posts > limits.MaxPosts) return $"Une instance a au plus {limits.MaxPosts} postes (ici {posts}).";
        if (persons * posts > limits.MaxPairs) return $"Une instance a au plus {limits.MaxPairs} couples personne × poste (ici {persons * posts}).";
        var vertices = (Persons ?? []).Sum(p => (long)(p?.Restrictions?.ExclusionZones ?? []).Sum(ZoneBounds.Vertices));
        return vertices > limits.MaxInstanceVertices ? $"Les zones d'exclusion d'une instance ont au plus {limits.MaxInstanceVertices} sommets en tout (ici {vertices})." : null;
    }

    /// <summary>
    /// Reads every item, on every core (tens of thousands of posts, thousands of zones to check): in chunks, each with its own
    /// errors, added in the order of the items so that the answer is the same as one pass would give.
    /// </summary>
    private static List<T> ReadAll<TDto, T>(IReadOnlyList<TDto?>? dtos, string name, Func<TDto, string, FieldErrors, T> read, FieldErrors errors)
        where TDto : class where T : class
    {
        const int chunk = 512;
        var list = dtos ?? [];
        var items = new T[list.Count];
        var chunkErrors = new FieldErrors[(list.Count + chunk - 1) / chunk];
        Parallel.For(0, chunkErrors.Length, c =>
        {
            var found = chunkErrors[c] = new FieldErrors();
            for (var i = c * chunk; i < Math.Min(list.Count, (c + 1) * chunk); i++)
            {
                var at = $"{name}[{i}]";
                items[i] = list[i] is { } dto ? read(dto, at, found) : Missing<T>(at, found);
            }
        });
        foreach (var found in chunkErrors) errors.AddAll(found);
        return [.. items];
    }

    private static MatchPost ReadPost(InstancePostDto p, string at, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(p.Id)) errors.Add($"{at}.id", "Ce champ est obligatoire.");
        if (string.IsNullOrWhiteSpace(p.PartnerId)) errors.Add($"{at}.partnerId", "Ce champ est obligatoire.");
        if (string.IsNullOrWhiteSpace(p.Activity)) errors.Add($"{at}.activity", "Ce champ est obligatoire.");
        var location = Location(p.Location, $"{at}.location", errors);
        var capacity = Required(p.Capacity, $"{at}.capacity", errors);
        if (capacity < 0) errors.Add($"{at}.capacity", "Le nombre de places ne peut pas être négatif.");
        var weekly = Required(p.MaxWeeklyHoursPerPerson, $"{at}.maxWeeklyHoursPerPerson", errors);
        if (p.MaxWeeklyHoursPerPerson is not null && !(double.IsFinite(weekly) && weekly > 0)) errors.Add($"{at}.maxWeeklyHoursPerPerson", "Les heures hebdomadaires doivent être positives.");
        if (p.Schedule is null) errors.Add($"{at}.schedule", "Ce champ est obligatoire.");
        var schedule = p.Schedule.ToSchedule(errors, $"{at}.schedule");
        var flags = new[]
        {
            Required(p.AcceptsMinors, $"{at}.acceptsMinors", errors), Required(p.ContactWithMinors, $"{at}.contactWithMinors", errors),
            Required(p.VulnerablePublic, $"{at}.vulnerablePublic", errors), Required(p.RequiresDrivingLicence, $"{at}.requiresDrivingLicence", errors),
            Required(p.NightWork, $"{at}.nightWork", errors), Required(p.WheelchairAccessible, $"{at}.wheelchairAccessible", errors),
            Required(p.NearPublicTransport, $"{at}.nearPublicTransport", errors),
        };
        var skills = Skills(p.Skills, $"{at}.skills", errors);
        if (p.OpenFrom is null) errors.Add($"{at}.openFrom", "Ce champ est obligatoire.");
        if (p.OpenUntil is null) errors.Add($"{at}.openUntil", "Ce champ est obligatoire.");
        else if (p.OpenFrom is { } from && p.OpenUntil < from) errors.Add($"{at}.openUntil", "La date de fin précède la date de début.");
        var demand = errors.TryValue($"{at}.physicalDemand", () => EnumNames.Parse<PhysicalDemand>(p.PhysicalDemand, ""));
        return errors.Any ? null! : new MatchPost(p.Id!, p.PartnerId!, p.Activity!, skills, location!.Value, capacity, weekly,
            schedule, p.OpenFrom!.Value, p.OpenUntil!.Value, flags[0], flags[1], flags[2], flags[3],
            demand!.Value, flags[4], flags[5], flags[6])
        {
            ParticularRisks = p.ParticularRisks,
            CareSetting = p.CareSetting,
        };
    }

    private static MatchPerson ReadPerson(InstancePersonDto p, string at, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(p.Id)) errors.Add($"{at}.id", "Ce champ est obligatoire.");
        if (p.BirthDate is null) errors.Add($"{at}.birthDate", "Ce champ est obligatoire.");
        var location = Location(p.Location, $"{at}.location", errors);
        var travel = Required(p.MaxTravelKm, $"{at}.maxTravelKm", errors);
        if (p.MaxTravelKm is not null && !(double.IsFinite(travel) && travel >= 0)) errors.Add($"{at}.maxTravelKm", "La distance maximale ne peut pas être négative.");
        var remaining = Required(p.HoursRemaining, $"{at}.hoursRemaining", errors);
        if (p.HoursRemaining is not null && !(double.IsFinite(remaining) && remaining >= 0 && remaining <= HoursBalance.MaxOrdered))
            errors.Add($"{at}.hoursRemaining", $"Les heures restantes sont comprises entre 0 et {HoursBalance.MaxOrdered}.");
        if (p.Deadline is null) errors.Add($"{at}.deadline", "Ce champ est obligatoire.");
        if (p.Availability is null) errors.Add($"{at}.availability", "Ce champ est obligatoire.");
        var availability = p.Availability.ToSchedule(errors, $"{at}.availability");
        var licence = Required(p.HasDrivingLicence, $"{at}.hasDrivingLicence", errors);
        var transportOnly = Required(p.PublicTransportOnly, $"{at}.publicTransportOnly", errors);
        var wheelchair = Required(p.NeedsWheelchairAccess, $"{at}.needsWheelchairAccess", errors);
        var skills = Skills(p.Skills, $"{at}.skills", errors);
        var demand = errors.TryValue($"{at}.maxPhysicalDemand", () => EnumNames.Parse<PhysicalDemand>(p.MaxPhysicalDemand, ""));
        var zones = new List<Geometry>();
        var list = p.Restrictions?.ExclusionZones ?? [];
        for (var i = 0; i < list.Count; i++)
        {
            var geometry = list[i].ValueKind is JsonValueKind.Null or JsonValueKind.Undefined ? null : GeoJson.TryRead(list[i], out var error);
            if (geometry is null) errors.Add($"{at}.restrictions.exclusionZones[{i}]", list[i].ValueKind is JsonValueKind.Null or JsonValueKind.Undefined ? "Ce champ est obligatoire." : "GeoJSON invalide.");
            else zones.Add(geometry);
        }
        var exclusion = errors.Try("", () => new ExclusionZones(zones, $"{at}.restrictions.exclusionZones"));
        var r = p.Restrictions ?? new InstanceRestrictionsDto();
        var excludedPartners = Ids(r.ExcludedPartnerIds, $"{at}.restrictions.excludedPartnerIds", errors);
        var noContact = Ids(r.NoContactWithPersonIds, $"{at}.restrictions.noContactWithPersonIds", errors);
        var coDefendantPartners = Ids(r.CoDefendantPartnerIds, $"{at}.restrictions.coDefendantPartnerIds", errors);
        if (p.WeeklyWorkHoursGiven && p.WeeklyWorkHours is null) errors.Add($"{at}.weeklyWorkHours", "Ce champ ne peut pas être nul : l'omettre quand la personne n'a pas d'emploi.");
        else if (p.WeeklyWorkHours is { } job && !(double.IsFinite(job) && job >= 0 && job <= InstancePersonDto.MaxWeeklyWorkHours))
            errors.Add($"{at}.weeklyWorkHours", $"Les heures d'emploi par semaine sont comprises entre 0 et {InstancePersonDto.MaxWeeklyWorkHours}.");
        return errors.Any ? null! : new MatchPerson(p.Id!, p.BirthDate!.Value, location!.Value, travel, licence, transportOnly,
            remaining, p.Deadline!.Value, availability, skills, demand!.Value, wheelchair,
            r.NoContactWithMinors, r.NoContactWithVulnerablePublic, excludedPartners, noContact, exclusion!)
        {
            CoDefendantPartnerIds = coDefendantPartners,
            WeeklyWorkHours = p.WeeklyWorkHours,
            MedicalExaminationRequired = p.MedicalExaminationRequired,
            MedicallyFit = p.MedicallyFit,
        };
    }

    private static GeoPoint? Location(InstancePointDto? dto, string at, FieldErrors errors)
    {
        if (dto is null)
        {
            errors.Add(at, "Ce champ est obligatoire.");
            return null;
        }
        var lat = Required(dto.Lat, $"{at}.lat", errors);
        var lon = Required(dto.Lon, $"{at}.lon", errors);
        return dto.Lat is null || dto.Lon is null ? null : errors.TryValue(at, () => new GeoPoint(lat, lon));
    }

    /// <summary>A required value: named when missing (the default returned is never used: the instance is refused).</summary>
    private static T Required<T>(T? value, string at, FieldErrors errors) where T : struct
    {
        if (value is null) errors.Add(at, "Ce champ est obligatoire.");
        return value ?? default;
    }

    /// <summary>A <c>null</c> where an object is expected (<c>[null]</c>): named; the instance is refused.</summary>
    private static T Missing<T>(string at, FieldErrors errors) where T : class
    {
        errors.Add(at, "Ce champ est obligatoire.");
        return null!;
    }

    /// <summary>An optional list of ids; a <c>null</c> inside it is malformed (matching.md).</summary>
    private static HashSet<string> Ids(IReadOnlyList<string?>? ids, string at, FieldErrors errors)
    {
        var list = ids ?? [];
        for (var i = 0; i < list.Count; i++)
            if (list[i] is null) errors.Add($"{at}[{i}]", "Ce champ est obligatoire.");
        return list.OfType<string>().ToHashSet(StringComparer.Ordinal);
    }

    private static string[] Skills(IReadOnlyList<string?>? skills, string at, FieldErrors errors)
    {
        var list = skills ?? [];
        for (var i = 0; i < list.Count; i++)
            if (list[i] is null) errors.Add($"{at}[{i}]", "Ce champ est obligatoire.");
        return [.. list.OfType<string>().Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s.Trim().ToLowerInvariant()).Distinct().Order(StringComparer.Ordinal)];
    }

    private static void Unique(IEnumerable<string?>? ids, string at, FieldErrors errors)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var i = 0;
        foreach (var id in ids ?? [])
        {
            if (id is not null && !seen.Add(id)) errors.Add($"{at}[{i}].id", $"Identifiant « {id} » en double.");
            i++;
        }
    }
}
