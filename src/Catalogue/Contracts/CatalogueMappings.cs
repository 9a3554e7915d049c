using Mapster;
using Placement.Catalogue.Domain;
using Placement.Catalogue.Features.HostBodies;
using Placement.Catalogue.Features.Posts;

namespace Placement.Catalogue.Contracts;

/// <summary>
/// Mapster configuration from the domain to the contracts. The reverse direction goes through
/// <see cref="HostBodyFields.ToDetails"/> and <see cref="PostFields.ToDetails"/>, which validate.
/// </summary>
public static class CatalogueMappings
{
    /// <summary>A configuration with the catalogue's mappings only (persistence uses it).</summary>
    public static TypeAdapterConfig Config { get; } = Compiled(Register);

    /// <summary>A new configuration with the given registrations, compiled once (mapping errors show at start).</summary>
    public static TypeAdapterConfig Compiled(Action<TypeAdapterConfig> register)
    {
        ArgumentNullException.ThrowIfNull(register);
        var config = new TypeAdapterConfig();
        register(config);
        config.Compile();
        return config;
    }

    /// <summary>Codes and enums as the contracts and the stored documents write them (<c>etablissement-public</c>).</summary>
    public static void RegisterValues(TypeAdapterConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        config.NewConfig<Siret, string>().MapWith(s => s.Value);
        config.NewConfig<LegalType, string>().MapWith(e => EnumNames.ToKebab(e));
        config.NewConfig<HabilitationStatus, string>().MapWith(e => EnumNames.ToKebab(e));
        config.NewConfig<PhysicalDemand, string>().MapWith(e => EnumNames.ToKebab(e));
        config.NewConfig<PostStatus, string>().MapWith(e => EnumNames.ToKebab(e));
    }

    public static void Register(TypeAdapterConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        // Responses derive from the field contracts: they reuse the field mappings.
        config.AllowImplicitDestinationInheritance = true;
        config.NewConfig<GeoPoint, PointDto>().MapWith(p => new PointDto { Lat = p.Latitude, Lon = p.Longitude });
        config.NewConfig<TimeWindow, TimeWindowDto>().MapWith(w => w.ToDto());
        config.NewConfig<WeeklySchedule, IReadOnlyList<TimeWindowDto>>().MapWith(s => s.Select(w => w.ToDto()).ToList());
        RegisterValues(config);

        config.NewConfig<Habilitation, HabilitationDto>()
            .Map(d => d.ValidFrom, s => s.Period == null ? (DateOnly?)null : s.Period.Start)
            .Map(d => d.ValidUntil, s => s.Period == null ? (DateOnly?)null : s.Period.End);

        config.NewConfig<HostBodyDetails, HostBodyFields>();
        config.NewConfig<HostBody, HostBodyResponse>()
            .Map(d => d, s => s.Details);

        config.NewConfig<PostDetails, PostFields>()
            .Map(d => d.Address, s => s.Place)
            .Map(d => d.OpenFrom, s => s.OpenPeriod.Start)
            .Map(d => d.OpenUntil, s => s.OpenPeriod.End)
            .Map(d => d.AcceptsMinors, s => s.Conditions.AcceptsMinors)
            .Map(d => d.ContactWithMinors, s => s.Conditions.ContactWithMinors)
            .Map(d => d.VulnerablePublic, s => s.Conditions.VulnerablePublic)
            .Map(d => d.RequiresDrivingLicence, s => s.Conditions.RequiresDrivingLicence)
            .Map(d => d.PhysicalDemand, s => EnumNames.ToKebab(s.Conditions.PhysicalDemand))
            .Map(d => d.NightWork, s => s.Conditions.NightWork)
            .Map(d => d.WheelchairAccessible, s => s.Conditions.WheelchairAccessible)
            .Map(d => d.NearPublicTransport, s => s.Conditions.NearPublicTransport)
            .Map(d => d.ParticularRisks, s => s.Conditions.ParticularRisks)
            .Map(d => d.CareSetting, s => s.Conditions.CareSetting);
        config.NewConfig<Post, PostResponse>()
            .Map(d => d, s => s.Details)
            .Map(d => d.Status, s => s.Status);
    }
}
