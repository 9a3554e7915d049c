using Placement.Catalogue.Domain;
using Placement.Matching.Domain;

namespace Placement.Matching.Engine;

/// <summary>The matching engine's view of the stored domain: a person's profile and a post with its free places.</summary>
public static class MatchModelMapping
{
    /// <summary>
    /// The engine's person; the deadline is the effective one (suspensions added). <paramref name="coDefendantHostBodies"/>:
    /// where the person's co-defendants already hold an active placement (rule 13, from <c>CoDefendantPlacements</c>).
    /// </summary>
    public static MatchPerson ToMatchPerson(this Person person, IReadOnlySet<Guid> coDefendantHostBodies)
    {
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(coDefendantHostBodies);
        var p = person.Profile;
        return new MatchPerson(person.Id.ToString(), p.BirthDate, p.Home.Location, p.Mobility.MaxTravelKm, p.Mobility.HasDrivingLicence,
            p.Mobility.PublicTransportOnly, p.Hours.Remaining, p.Term.EffectiveDeadline, p.Availability, p.Skills, p.MaxPhysicalDemand,
            p.NeedsWheelchairAccess, p.Restrictions.NoContactWithMinors, p.Restrictions.NoContactWithVulnerablePublic,
            p.Restrictions.ExcludedHostBodyIds.Select(id => id.ToString()).ToHashSet(StringComparer.Ordinal),
            p.Restrictions.NoContactWithPersonIds.Select(id => id.ToString()).ToHashSet(StringComparer.Ordinal),
            p.Restrictions.ExclusionZones)
        {
            CoDefendantPartnerIds = coDefendantHostBodies.Select(id => id.ToString()).ToHashSet(StringComparer.Ordinal),
            WeeklyWorkHours = p.WeeklyWorkHours,
            // The marker (disability, pregnancy) and the director's requirement read alike by the engine: never which one.
            MedicalExaminationRequired = p.ExaminationAskedForThePerson,
            MedicallyFit = p.MedicalFitness is not null,
        };
    }

    /// <summary>The engine's post; the partner is the host body; <paramref name="freePlaces"/> replaces the capacity.</summary>
    public static MatchPost ToMatchPost(this Post post, int freePlaces)
    {
        ArgumentNullException.ThrowIfNull(post);
        var d = post.Details;
        var c = d.Conditions;
        return new MatchPost(post.Id.ToString(), post.HostBodyId.ToString(), d.Activity, d.Skills, d.Place.Location, freePlaces, d.MaxWeeklyHoursPerPerson,
            d.Schedule, d.OpenPeriod.Start, d.OpenPeriod.End, c.AcceptsMinors, c.ContactWithMinors, c.VulnerablePublic, c.RequiresDrivingLicence,
            c.PhysicalDemand, c.NightWork, c.WheelchairAccessible, c.NearPublicTransport)
        {
            ParticularRisks = c.ParticularRisks,
            CareSetting = c.CareSetting,
        };
    }
}
