using System.Text.Json;
using Mapster;
using Placement.Catalogue.Contracts;
using Placement.Catalogue.Domain;

namespace Placement.Catalogue.Persistence;

/// <summary>
/// The shapes host bodies and posts are stored in (the <c>Document</c> columns): their own records, versioned, not the
/// API's — a contract may change without touching the rows, and a row is read back without the input validators
/// (<see cref="TrustedRead"/>). Version 1 is the JSON every earlier version of the service wrote (rows without
/// <c>v</c> are version 1). A new version adds its reader here and keeps the old one.
/// </summary>
public static class StoredDocuments
{
    public const int Version = 1;

    /// <summary>Domain → stored shapes (Mapster); the reverse is each shape's <c>ToDomain</c>, registered here too.</summary>
    public static TypeAdapterConfig Config { get; } = CatalogueMappings.Compiled(Register);

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    public static void Register(TypeAdapterConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        CatalogueMappings.RegisterValues(config);
        config.NewConfig<GeoPoint, StoredPoint>().MapWith(p => new StoredPoint(p.Latitude, p.Longitude));
        config.NewConfig<TimeWindow, StoredWindow>().MapWith(w => StoredWindow.Of(w));
        config.NewConfig<WeeklySchedule, IReadOnlyList<StoredWindow>>().MapWith(s => s.Select(StoredWindow.Of).ToList());
        config.NewConfig<Habilitation, StoredHabilitation>()
            .Map(d => d.ValidFrom, s => s.Period == null ? (DateOnly?)null : s.Period.Start)
            .Map(d => d.ValidUntil, s => s.Period == null ? (DateOnly?)null : s.Period.End);
        config.NewConfig<HostBodyDetails, StoredHostBody>().Map(d => d.V, _ => Version);
        config.NewConfig<PostDetails, StoredPost>()
            .Map(d => d.V, _ => Version)
            .Map(d => d.Address, s => s.Place)
            .Map(d => d.OpenFrom, s => s.OpenPeriod.Start)
            .Map(d => d.OpenUntil, s => s.OpenPeriod.End)
            .Map(d => d, s => s.Conditions)
            .Map(d => d.MedicalRisk, s => s.Conditions.ParticularRisks)
            .Map(d => d.PhysicalDemand, s => EnumNames.ToKebab(s.Conditions.PhysicalDemand));
        config.NewConfig<StoredHostBody, HostBodyDetails>().MapWith(s => s.ToDomain());
        config.NewConfig<StoredPost, PostDetails>().MapWith(s => s.ToDomain());
    }

    /// <summary>The column's text of a value, in its stored shape.</summary>
    public static string Write<TStored>(object value, TypeAdapterConfig config) => JsonSerializer.Serialize(value.Adapt<TStored>(config), Json);

    /// <summary>A value from the column's text: its stored shape, checked for its version, then mapped without validation.</summary>
    public static TDomain Read<TStored, TDomain>(string json, TypeAdapterConfig config) where TStored : IStoredDocument
    {
        var stored = JsonSerializer.Deserialize<TStored>(json, Json) ?? throw new JsonException("Document vide.");
        if (stored.V > Version)
            throw new NotSupportedException($"Document de version {stored.V} : ce service lit jusqu'à la version {Version} (revenir à une version antérieure du service ?).");
        return stored.Adapt<TDomain>(config);
    }
}

/// <summary>A stored document: <see cref="V"/> is its shape's version (0 when absent: written before versions, i.e. version 1).</summary>
public interface IStoredDocument
{
    int V { get; }
}

public sealed record StoredPoint(double Lat, double Lon)
{
    public GeoPoint ToDomain() => new(Lat, Lon);
}

public sealed record StoredAddress
{
    public string? Street { get; init; }
    public string CommuneInsee { get; init; } = "";
    public string Departement { get; init; } = "";
    public StoredPoint Location { get; init; } = new(0, 0);

    public Address ToDomain() => new(Street, CommuneInsee, Departement, Location.ToDomain());

    /// <summary>An address stored alone (a host body's proposed address), read back without the input validators.</summary>
    public static Address Read(string json) =>
        TrustedRead.Of(() => (JsonSerializer.Deserialize<StoredAddress>(json, StoredDocuments.Json) ?? throw new JsonException("Adresse vide.")).ToDomain());
}

public sealed record StoredContact
{
    public string? Name { get; init; }
    public string? Email { get; init; }
    public string? Phone { get; init; }

    public Contact ToDomain(string field) => new(Name, Email, Phone, field);
}

public sealed record StoredWindow(string Day, string Start, string End)
{
    public static StoredWindow Of(TimeWindow w)
    {
        ArgumentNullException.ThrowIfNull(w);
        var dto = w.ToDto();
        return new(dto.Day!, dto.Start!, dto.End!);
    }

    public TimeWindow ToDomain() => TimeWindow.Parse(Day, Start, End);

    public static WeeklySchedule ToDomain(IReadOnlyList<StoredWindow>? windows) => new((windows ?? []).Select(w => w.ToDomain()));
}

public sealed record StoredHabilitation
{
    public string Status { get; init; } = "";
    public DateOnly? ValidFrom { get; init; }
    public DateOnly? ValidUntil { get; init; }

    public Habilitation ToDomain() => new(EnumNames.Parse<HabilitationStatus>(Status, "habilitation.status"),
        ValidFrom is { } from && ValidUntil is { } until ? new DateRange(from, until, "validUntil") : null);
}

public sealed record StoredHostBody : IStoredDocument
{
    public int V { get; init; }
    public string Name { get; init; } = "";
    public string LegalType { get; init; } = "";
    public string Siret { get; init; } = "";
    public StoredHabilitation Habilitation { get; init; } = new();
    public StoredAddress Address { get; init; } = new();
    public StoredContact Contact { get; init; } = new();

    public HostBodyDetails ToDomain() => TrustedRead.Of(() => new HostBodyDetails(Name, EnumNames.Parse<Domain.LegalType>(LegalType, "legalType"),
        new Siret(Siret), Habilitation.ToDomain(), Address.ToDomain(), Contact.ToDomain("contact")));
}

public sealed record StoredPost : IStoredDocument
{
    public int V { get; init; }
    public string Title { get; init; } = "";
    public string? Reference { get; init; }
    public string Description { get; init; } = "";
    public string Activity { get; init; } = "";
    public IReadOnlyList<string>? Skills { get; init; }
    public StoredAddress Address { get; init; } = new();
    public int Capacity { get; init; }
    public double MaxWeeklyHoursPerPerson { get; init; }
    public IReadOnlyList<StoredWindow>? Schedule { get; init; }
    public DateOnly OpenFrom { get; init; }
    public DateOnly OpenUntil { get; init; }
    public StoredContact Tutor { get; init; } = new();
    public bool AcceptsMinors { get; init; }
    public bool ContactWithMinors { get; init; }
    public bool VulnerablePublic { get; init; }
    public bool RequiresDrivingLicence { get; init; }
    public string PhysicalDemand { get; init; } = "";
    public bool NightWork { get; init; }
    public bool WheelchairAccessible { get; init; }
    public bool NearPublicTransport { get; init; }
    /// <summary>« Risques particuliers » (<see cref="PostConditions.ParticularRisks"/>), stored under its former name « medicalRisk ».</summary>
    public bool MedicalRisk { get; init; }
    /// <summary>« Établissement de soins »; false in the documents written before it existed.</summary>
    public bool CareSetting { get; init; }

    public PostDetails ToDomain() => TrustedRead.Of(() => new PostDetails(Title, Description, Activity, Skills ?? [], Address.ToDomain(), Capacity,
        MaxWeeklyHoursPerPerson, StoredWindow.ToDomain(Schedule), new DateRange(OpenFrom, OpenUntil, "openUntil"), Tutor.ToDomain("tutor"),
        new PostConditions(AcceptsMinors, ContactWithMinors, VulnerablePublic, RequiresDrivingLicence,
            EnumNames.Parse<Domain.PhysicalDemand>(PhysicalDemand, "physicalDemand"), NightWork, WheelchairAccessible, NearPublicTransport, MedicalRisk, CareSetting),
        Reference));
}
