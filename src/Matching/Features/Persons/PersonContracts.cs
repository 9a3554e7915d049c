using System.Text.Json;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;
using Placement.Catalogue.Contracts;
using Placement.Catalogue.Domain;
using Placement.Matching.Domain;

namespace Placement.Matching.Features.Persons;

public sealed record DateRangeDto
{
    public DateOnly Start { get; init; }
    public DateOnly End { get; init; }
}

public sealed record RestrictionsDto
{
    public bool NoContactWithMinors { get; init; }
    public bool NoContactWithVulnerablePublic { get; init; }
    public IReadOnlyList<Guid>? ExcludedHostBodyIds { get; init; }
    public IReadOnlyList<Guid>? NoContactWithPersonIds { get; init; }
    /// <summary>
    /// Input only — the same persons named by case number (a page, a CSV line): when given, it replaces those of
    /// <see cref="NoContactWithPersonIds"/> that carry a case number, and is turned into ids before anything is stored.
    /// Answers leave it out (they give <see cref="PersonResponse.NoContactCaseNumbers"/>), so that a file read, its ids
    /// changed and sent back, means exactly its ids.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? NoContactWithCaseNumbers { get; init; }
    /// <summary>GeoJSON Polygon or MultiPolygon geometries, [lon, lat].</summary>
    public IReadOnlyList<JsonElement>? ExclusionZones { get; init; }
}

/// <summary>
/// A person under a TIG measure as written by officers, stored in the database and in the demo data
/// set. <see cref="ToProfile"/> names every bad field.
/// </summary>
public record PersonFields
{
    public string? FirstName { get; init; }
    public string? LastName { get; init; }
    /// <summary>The case number (numéro de dossier) of the case-management application: optional, unique — the key of imports.</summary>
    public string? CaseNumber { get; init; }
    /// <summary>The SPIP (département code) that follows the person.</summary>
    public string? Departement { get; init; }
    public ContactDto? ReferentOfficer { get; init; }
    public DateOnly? BirthDate { get; init; }
    public AddressDto? Home { get; init; }
    public double MaxTravelKm { get; init; }
    public bool HasDrivingLicence { get; init; }
    public bool PublicTransportOnly { get; init; }
    public double HoursOrdered { get; init; }
    public double HoursDone { get; init; }
    public DateOnly? SentenceDate { get; init; }
    public DateOnly? Deadline { get; init; }
    public IReadOnlyList<DateRangeDto>? Suspensions { get; init; }
    public IReadOnlyList<TimeWindowDto>? Availability { get; init; }
    public IReadOnlyList<string>? Skills { get; init; }
    /// <summary><c>low</c>, <c>medium</c> or <c>high</c>.</summary>
    public string? MaxPhysicalDemand { get; init; }
    public bool NeedsWheelchairAccess { get; init; }
    public RestrictionsDto? Restrictions { get; init; }
    /// <summary>« Heures de travail par semaine (emploi) »: 0 to 60, decimals allowed; null when the person has no job.</summary>
    public double? WeeklyWorkHours { get; init; }
    /// <summary>« Situation de handicap ou grossesse » (the officer's entry): never shown nor sent to host bodies.</summary>
    public bool MedicalMarker { get; init; }
    /// <summary>« Visite médicale exigée par la direction du SPIP ».</summary>
    public bool MedicalExaminationRequired { get; init; }

    public PersonProfile ToProfile()
    {
        var errors = new FieldErrors();
        var officer = ReferentOfficer.ToContact(errors, "referentOfficer");
        var home = Home.ToAddress(errors, "home");
        var mobility = errors.Try("", () => new Mobility(MaxTravelKm, HasDrivingLicence, PublicTransportOnly));
        var hours = errors.Try("", () => new HoursBalance(HoursOrdered, HoursDone));
        if (BirthDate is null) errors.Add("birthDate", "Ce champ est obligatoire.");
        if (SentenceDate is null) errors.Add("sentenceDate", "Ce champ est obligatoire.");
        if (Deadline is null) errors.Add("deadline", "Ce champ est obligatoire.");
        var suspensions = (Suspensions ?? []).Select((s, i) => errors.Try($"suspensions[{i}]", () => new DateRange(s.Start, s.End))).ToList();
        var term = SentenceDate is { } sd && Deadline is { } dl && suspensions.All(s => s is not null)
            ? errors.Try("", () => new SentenceTerm(sd, dl, suspensions!))
            : null;
        var availability = Availability.ToSchedule(errors, "availability");
        var demand = errors.TryValue("maxPhysicalDemand", () => EnumNames.Parse<PhysicalDemand>(MaxPhysicalDemand, "maxPhysicalDemand"));
        var restrictions = ReadRestrictions(Restrictions, errors);
        if (WeeklyWorkHours is { } job && !(double.IsFinite(job) && job >= 0 && job <= PersonProfile.MaxWeeklyWorkHours))
            errors.Add("weeklyWorkHours", $"Les heures de travail par semaine vont de 0 à {PersonProfile.MaxWeeklyWorkHours:0}.");
        errors.ThrowIfAny();
        var profile = errors.Try("", () => new PersonProfile(FirstName ?? "", LastName ?? "", Departement ?? "", officer!, BirthDate!.Value,
            home!, mobility!, hours!, term!, availability, Skills ?? [], demand!.Value, NeedsWheelchairAccess, restrictions!, CaseNumber)
        {
            WeeklyWorkHours = WeeklyWorkHours,
            MedicalMarker = MedicalMarker,
            MedicalExaminationRequired = MedicalExaminationRequired,
        });
        errors.ThrowIfAny();
        return profile!;
    }

    private static JudicialRestrictions? ReadRestrictions(RestrictionsDto? dto, FieldErrors errors)
    {
        if (dto is null) return JudicialRestrictions.None;
        foreach (var (ids, field) in new[] { (dto.ExcludedHostBodyIds, "restrictions.excludedHostBodyIds"), (dto.NoContactWithPersonIds, "restrictions.noContactWithPersonIds") })
            foreach (var twice in (ids ?? []).GroupBy(id => id).Where(g => g.Count() > 1))
                errors.Add(field, $"Identifiant en double : {twice.Key}.");
        var zones = new List<Geometry>();
        var list = dto.ExclusionZones ?? [];
        for (var i = 0; i < list.Count; i++)
        {
            var geometry = GeoJson.TryRead(list[i], out var error);
            if (geometry is null) errors.Add($"restrictions.exclusionZones[{i}]", error!);
            else zones.Add(geometry);
        }
        return errors.Try("", () => JudicialRestrictions.Create(dto.NoContactWithMinors, dto.NoContactWithVulnerablePublic,
            dto.ExcludedHostBodyIds ?? [], dto.NoContactWithPersonIds ?? [], zones));
    }
}

public sealed record PersonResponse : PersonFields
{
    public Guid Id { get; init; }
    public double HoursRemaining { get; init; }
    public DateOnly EffectiveDeadline { get; init; }
    /// <summary>« Apte » and the examination's date once the SPIP recorded it (<c>POST /api/persons/{id}/medical-fitness</c>); null before.</summary>
    public MedicalFitnessResponse? MedicalFitness { get; init; }
    /// <summary>The case numbers of the persons of <see cref="RestrictionsDto.NoContactWithPersonIds"/> that carry one, in order.</summary>
    public IReadOnlyList<string> NoContactCaseNumbers { get; init; } = [];
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
}

/// <summary>
/// A co-defendant or victim to link to a person, named by what the officer holds from the judgment: their case number and
/// their birth date, which must both match (<c>POST /api/persons/{id}/co-defendants</c>).
/// </summary>
public sealed record CoDefendantLinkRequest
{
    public string? CaseNumber { get; init; }
    public DateOnly? BirthDate { get; init; }
}

/// <summary>The outcome of the medical examination (R.623-14): the person is fit for the work (<c>POST /api/persons/{id}/medical-fitness</c>).</summary>
public sealed record MedicalFitnessRequest
{
    public DateOnly? ExaminedOn { get; init; }
}

/// <summary>« Apte — visite du … »: the examination's date, who recorded it and when; nothing else of the examination is kept.</summary>
public sealed record MedicalFitnessResponse
{
    public DateOnly ExaminedOn { get; init; }
    public string RecordedBy { get; init; } = "";
    public DateTimeOffset RecordedAt { get; init; }
}
