using System.Text.Json;
using Mapster;
using Placement.Catalogue.Contracts;
using Placement.Catalogue.Domain;
using Placement.Catalogue.Persistence;
using Placement.Matching.Domain;
using Placement.Matching.Features.Persons;

namespace Placement.Matching.Persistence;

/// <summary>
/// The shape a person's profile is stored in (<c>Persons.Document</c>): its own record, versioned like the catalogue's
/// (<see cref="StoredDocuments"/>), not <see cref="PersonFields"/> — what the API accepts (case numbers of co-defendants,
/// say) is not what is kept — and read back without the input validators. Version 1 is the JSON earlier versions wrote.
/// </summary>
public sealed record StoredPerson : IStoredDocument
{
    public int V { get; init; }
    public string FirstName { get; init; } = "";
    public string LastName { get; init; } = "";
    public string? CaseNumber { get; init; }
    public string Departement { get; init; } = "";
    public StoredContact ReferentOfficer { get; init; } = new();
    public DateOnly BirthDate { get; init; }
    public StoredAddress Home { get; init; } = new();
    public double MaxTravelKm { get; init; }
    public bool HasDrivingLicence { get; init; }
    public bool PublicTransportOnly { get; init; }
    public double HoursOrdered { get; init; }
    public double HoursDone { get; init; }
    public DateOnly SentenceDate { get; init; }
    public DateOnly Deadline { get; init; }
    public IReadOnlyList<StoredRange>? Suspensions { get; init; }
    public IReadOnlyList<StoredWindow>? Availability { get; init; }
    public IReadOnlyList<string>? Skills { get; init; }
    public string MaxPhysicalDemand { get; init; } = "";
    public bool NeedsWheelchairAccess { get; init; }
    public StoredRestrictions? Restrictions { get; init; }
    /// <summary>The job's hours a week; absent (null) in the documents written before, and when the person has no job.</summary>
    public double? WeeklyWorkHours { get; init; }
    public bool MedicalMarker { get; init; }
    public bool MedicalExaminationRequired { get; init; }
    public StoredMedicalFitness? MedicalFitness { get; init; }

    /// <summary>Domain → stored (Mapster), and back through <see cref="ToDomain"/>.</summary>
    public static TypeAdapterConfig Config { get; } = CatalogueMappings.Compiled(config =>
    {
        StoredDocuments.Register(config);
        config.NewConfig<DateRange, StoredRange>().MapWith(r => new StoredRange(r.Start, r.End));
        GeoJson.RegisterZoneMappings(config);
        config.NewConfig<PersonProfile, StoredPerson>()
            .Map(d => d.V, _ => StoredDocuments.Version)
            .Map(d => d, s => s.Mobility)
            .Map(d => d.HoursOrdered, s => s.Hours.Ordered)
            .Map(d => d.HoursDone, s => s.Hours.Done)
            .Map(d => d.SentenceDate, s => s.Term.SentenceDate)
            .Map(d => d.Deadline, s => s.Term.Deadline)
            .Map(d => d.Suspensions, s => s.Term.Suspensions)
            .Map(d => d.MaxPhysicalDemand, s => EnumNames.ToKebab(s.MaxPhysicalDemand))
            .Map(d => d.MedicalFitness, s => s.MedicalFitness == null ? null
                : new StoredMedicalFitness(s.MedicalFitness.ExaminedOn, s.MedicalFitness.RecordedBy, s.MedicalFitness.RecordedAt));
        config.NewConfig<StoredPerson, PersonProfile>().MapWith(s => s.ToDomain());
    });

    public PersonProfile ToDomain() => TrustedRead.Of(() => new PersonProfile(FirstName, LastName, Departement, ReferentOfficer.ToDomain("referentOfficer"),
        BirthDate, Home.ToDomain(), new Mobility(MaxTravelKm, HasDrivingLicence, PublicTransportOnly), new HoursBalance(HoursOrdered, HoursDone),
        new SentenceTerm(SentenceDate, Deadline, (Suspensions ?? []).Select(s => new DateRange(s.Start, s.End))), StoredWindow.ToDomain(Availability),
        Skills ?? [], EnumNames.Parse<PhysicalDemand>(MaxPhysicalDemand, "maxPhysicalDemand"), NeedsWheelchairAccess,
        (Restrictions ?? new StoredRestrictions()).ToDomain(), CaseNumber)
    {
        WeeklyWorkHours = WeeklyWorkHours,
        MedicalMarker = MedicalMarker,
        MedicalExaminationRequired = MedicalExaminationRequired,
        MedicalFitness = MedicalFitness is { } f ? new MedicalFitness(f.ExaminedOn, f.RecordedBy, f.RecordedAt) : null,
    });
}

public sealed record StoredRange(DateOnly Start, DateOnly End);

/// <summary>« Apte », the examination's date, who recorded it and when (<see cref="Domain.MedicalFitness"/>).</summary>
public sealed record StoredMedicalFitness(DateOnly ExaminedOn, string RecordedBy, DateTimeOffset RecordedAt);

public sealed record StoredRestrictions
{
    public bool NoContactWithMinors { get; init; }
    public bool NoContactWithVulnerablePublic { get; init; }
    public IReadOnlyList<Guid>? ExcludedHostBodyIds { get; init; }
    public IReadOnlyList<Guid>? NoContactWithPersonIds { get; init; }
    /// <summary>GeoJSON Polygon or MultiPolygon geometries, [lon, lat], as the officer drew them.</summary>
    public IReadOnlyList<JsonElement>? ExclusionZones { get; init; }

    public JudicialRestrictions ToDomain() => JudicialRestrictions.Create(NoContactWithMinors, NoContactWithVulnerablePublic,
        ExcludedHostBodyIds ?? [], NoContactWithPersonIds ?? [],
        (ExclusionZones ?? []).Select(z => GeoJson.TryRead(z, out var error) ?? throw new JsonException(error)));
}
