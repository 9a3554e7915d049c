using Mapster;
using NetTopologySuite.Geometries;
using Placement.Catalogue.Contracts;
using Placement.Catalogue.Domain;
using Placement.Matching.Domain;
using Placement.Matching.Features.Persons;
using Placement.Matching.Features.Placements;

namespace Placement.Matching.Features;

/// <summary>Mapster configuration from the matching domain to its contracts (the reverse validates: <see cref="PersonFields.ToProfile"/>).</summary>
public static class MatchingMappings
{
    public static TypeAdapterConfig Config { get; } = CatalogueMappings.Compiled(Register);

    public static void Register(TypeAdapterConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        CatalogueMappings.Register(config);
        config.NewConfig<DateRange, DateRangeDto>().MapWith(r => new DateRangeDto { Start = r.Start, End = r.End });
        GeoJson.RegisterZoneMappings(config);
        config.NewConfig<PlacementStatus, string>().MapWith(e => EnumNames.ToKebab(e));
        config.NewConfig<PersonProfile, PersonFields>()
            .Map(d => d.MaxTravelKm, s => s.Mobility.MaxTravelKm)
            .Map(d => d.HasDrivingLicence, s => s.Mobility.HasDrivingLicence)
            .Map(d => d.PublicTransportOnly, s => s.Mobility.PublicTransportOnly)
            .Map(d => d.HoursOrdered, s => s.Hours.Ordered)
            .Map(d => d.HoursDone, s => s.Hours.Done)
            .Map(d => d.SentenceDate, s => s.Term.SentenceDate)
            .Map(d => d.Deadline, s => s.Term.Deadline)
            .Map(d => d.Suspensions, s => s.Term.Suspensions)
            .Map(d => d.MaxPhysicalDemand, s => EnumNames.ToKebab(s.MaxPhysicalDemand));
        config.NewConfig<MedicalFitness, MedicalFitnessResponse>();
        config.NewConfig<Person, PersonResponse>()
            .Map(d => d, s => s.Profile)
            .Map(d => d.MedicalFitness, s => s.Profile.MedicalFitness)
            .Map(d => d.HoursRemaining, s => s.Profile.Hours.Remaining)
            .Map(d => d.EffectiveDeadline, s => s.Profile.Term.EffectiveDeadline);
        config.NewConfig<TigPlacement, PlacementResponse>()
            .Map(d => d.HoursLogged, s => s.HoursLogged);
    }
}
