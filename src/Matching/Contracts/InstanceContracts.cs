using System.Text.Json;
using System.Text.Json.Serialization;
using NetTopologySuite.Geometries;
using Placement.Catalogue.Contracts;
using Placement.Catalogue.Domain;
using Placement.Matching.Domain;
using Placement.Matching.Engine;

namespace Placement.Matching.Contracts;

/// <summary>A post of a matching instance, as matching.md writes it.</summary>
public sealed record InstancePostDto
{
    public string? Id { get; init; }
    public string? PartnerId { get; init; }
    public string? Activity { get; init; }
    public IReadOnlyList<string>? Skills { get; init; }
    public PointDto? Location { get; init; }
    public int Capacity { get; init; }
    public double MaxWeeklyHoursPerPerson { get; init; }
    public IReadOnlyList<TimeWindowDto>? Schedule { get; init; }
    public DateOnly? OpenFrom { get; init; }
    public DateOnly? OpenUntil { get; init; }
    public bool AcceptsMinors { get; init; }
    public bool ContactWithMinors { get; init; }
    public bool VulnerablePublic { get; init; }
    public bool RequiresDrivingLicence { get; init; }
    public string? PhysicalDemand { get; init; }
    public bool NightWork { get; init; }
    public bool WheelchairAccessible { get; init; }
    public bool NearPublicTransport { get; init; }
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

/// <summary>A person of a matching instance, as matching.md writes it.</summary>
public sealed record InstancePersonDto
{
    public string? Id { get; init; }
    public DateOnly? BirthDate { get; init; }
    public PointDto? Location { get; init; }
    public double MaxTravelKm { get; init; }
    public bool HasDrivingLicence { get; init; }
    public bool PublicTransportOnly { get; init; }
    public double HoursRemaining { get; init; }
    public DateOnly? Deadline { get; init; }
    public IReadOnlyList<TimeWindowDto>? Availability { get; init; }
    public IReadOnlyList<string>? Skills { get; init; }
    public string? MaxPhysicalDemand { get; init; }
    public bool NeedsWheelchairAccess { get; init; }
    public InstanceRestrictionsDto? Restrictions { get; init; }
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

    public MatchingInstance ToInstance()
    {
        var errors = new FieldErrors();
        if (ReferenceDate is null) errors.Add("referenceDate", "Ce champ est obligatoire.");
        if (Posts is null) errors.Add("posts", "Ce champ est obligatoire.");
        if (Persons is null) errors.Add("persons", "Ce champ est obligatoire.");
        var posts = (Posts ?? []).Select((p, i) => ReadPost(p, $"posts[{i}]", errors)).ToList();
        var persons = (Persons ?? []).Select((p, i) => ReadPerson(p, $"persons[{i}]", errors)).ToList();
        Unique(Posts?.Select(p => p.Id), "posts", errors);
        Unique(Persons?.Select(p => p.Id), "persons", errors);

        var postIds = (Posts ?? []).Select(p => p.Id).Where(id => id is not null).ToHashSet(StringComparer.Ordinal);
        var personIds = (Persons ?? []).Select(p => p.Id).Where(id => id is not null).ToHashSet(StringComparer.Ordinal);
        var pinnedPersons = new HashSet<string>(StringComparer.Ordinal);
        var pinned = new List<PinnedPair>();
        for (var i = 0; i < (Pinned?.Count ?? 0); i++)
        {
            var pin = Pinned![i];
            if (pin.PersonId is null || !personIds.Contains(pin.PersonId)) errors.Add($"pinned[{i}].personId", "Personne inconnue dans l'instance.");
            else if (!pinnedPersons.Add(pin.PersonId)) errors.Add($"pinned[{i}].personId", "Cette personne est déjà maintenue sur un autre poste.");
            if (pin.PostId is null || !postIds.Contains(pin.PostId)) errors.Add($"pinned[{i}].postId", "Poste inconnu dans l'instance.");
            if (pin.PersonId is not null && pin.PostId is not null) pinned.Add(new PinnedPair(pin.PersonId, pin.PostId));
        }
        var limit = Options?.TimeLimitSeconds ?? 10;
        if (!(limit > 0 && limit <= MaxTimeLimitSeconds)) errors.Add("options.timeLimitSeconds", $"Le temps limite est compris entre 0 (exclu) et {MaxTimeLimitSeconds} secondes.");
        errors.ThrowIfAny();
        return new MatchingInstance(ReferenceDate!.Value, posts!, persons!, pinned, new MatchingOptions(limit));
    }

    private static MatchPost ReadPost(InstancePostDto p, string at, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(p.Id)) errors.Add($"{at}.id", "Ce champ est obligatoire.");
        if (string.IsNullOrWhiteSpace(p.PartnerId)) errors.Add($"{at}.partnerId", "Ce champ est obligatoire.");
        var location = Location(p.Location, $"{at}.location", errors);
        if (p.Capacity < 0) errors.Add($"{at}.capacity", "Le nombre de places ne peut pas être négatif.");
        if (!(double.IsFinite(p.MaxWeeklyHoursPerPerson) && p.MaxWeeklyHoursPerPerson > 0)) errors.Add($"{at}.maxWeeklyHoursPerPerson", "Les heures hebdomadaires doivent être positives.");
        var schedule = p.Schedule.ToSchedule(errors, $"{at}.schedule");
        if (p.OpenFrom is null) errors.Add($"{at}.openFrom", "Ce champ est obligatoire.");
        if (p.OpenUntil is null) errors.Add($"{at}.openUntil", "Ce champ est obligatoire.");
        else if (p.OpenFrom is { } from && p.OpenUntil < from) errors.Add($"{at}.openUntil", "La date de fin précède la date de début.");
        var demand = errors.TryValue($"{at}.physicalDemand", () => EnumNames.Parse<PhysicalDemand>(p.PhysicalDemand, ""));
        return errors.Any ? null! : new MatchPost(p.Id!, p.PartnerId!, p.Activity ?? "", Skills(p.Skills), location!.Value, p.Capacity, p.MaxWeeklyHoursPerPerson,
            schedule, p.OpenFrom!.Value, p.OpenUntil!.Value, p.AcceptsMinors, p.ContactWithMinors, p.VulnerablePublic, p.RequiresDrivingLicence,
            demand!.Value, p.NightWork, p.WheelchairAccessible, p.NearPublicTransport);
    }

    private static MatchPerson ReadPerson(InstancePersonDto p, string at, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(p.Id)) errors.Add($"{at}.id", "Ce champ est obligatoire.");
        if (p.BirthDate is null) errors.Add($"{at}.birthDate", "Ce champ est obligatoire.");
        var location = Location(p.Location, $"{at}.location", errors);
        if (!(double.IsFinite(p.MaxTravelKm) && p.MaxTravelKm >= 0)) errors.Add($"{at}.maxTravelKm", "La distance maximale ne peut pas être négative.");
        if (!(double.IsFinite(p.HoursRemaining) && p.HoursRemaining >= 0 && p.HoursRemaining <= HoursBalance.MaxOrdered))
            errors.Add($"{at}.hoursRemaining", $"Les heures restantes sont comprises entre 0 et {HoursBalance.MaxOrdered}.");
        if (p.Deadline is null) errors.Add($"{at}.deadline", "Ce champ est obligatoire.");
        var availability = p.Availability.ToSchedule(errors, $"{at}.availability");
        var demand = errors.TryValue($"{at}.maxPhysicalDemand", () => EnumNames.Parse<PhysicalDemand>(p.MaxPhysicalDemand, ""));
        var zones = new List<Geometry>();
        var list = p.Restrictions?.ExclusionZones ?? [];
        for (var i = 0; i < list.Count; i++)
        {
            var geometry = GeoJson.TryRead(list[i], out var error);
            if (geometry is null) errors.Add($"{at}.restrictions.exclusionZones[{i}]", error!);
            else zones.Add(geometry);
        }
        var exclusion = errors.Try("", () => new ExclusionZones(zones, $"{at}.restrictions.exclusionZones"));
        var r = p.Restrictions ?? new InstanceRestrictionsDto();
        var excludedPartners = Ids(r.ExcludedPartnerIds, $"{at}.restrictions.excludedPartnerIds", errors);
        var noContact = Ids(r.NoContactWithPersonIds, $"{at}.restrictions.noContactWithPersonIds", errors);
        var coDefendantPartners = Ids(r.CoDefendantPartnerIds, $"{at}.restrictions.coDefendantPartnerIds", errors);
        return errors.Any ? null! : new MatchPerson(p.Id!, p.BirthDate!.Value, location!.Value, p.MaxTravelKm, p.HasDrivingLicence, p.PublicTransportOnly,
            p.HoursRemaining, p.Deadline!.Value, availability, Skills(p.Skills), demand!.Value, p.NeedsWheelchairAccess,
            r.NoContactWithMinors, r.NoContactWithVulnerablePublic, excludedPartners, noContact, exclusion!)
        {
            CoDefendantPartnerIds = coDefendantPartners,
        };
    }

    private static GeoPoint? Location(PointDto? dto, string at, FieldErrors errors)
    {
        if (dto is null)
        {
            errors.Add(at, "Ce champ est obligatoire.");
            return null;
        }
        return errors.TryValue(at, dto.ToGeoPoint);
    }

    /// <summary>An optional list of ids; a <c>null</c> inside it is malformed (matching.md).</summary>
    private static HashSet<string> Ids(IReadOnlyList<string?>? ids, string at, FieldErrors errors)
    {
        var list = ids ?? [];
        for (var i = 0; i < list.Count; i++)
            if (list[i] is null) errors.Add($"{at}[{i}]", "Ce champ est obligatoire.");
        return list.OfType<string>().ToHashSet(StringComparer.Ordinal);
    }

    private static string[] Skills(IReadOnlyList<string>? skills) =>
        [.. (skills ?? []).Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s.Trim().ToLowerInvariant()).Distinct().Order(StringComparer.Ordinal)];

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
