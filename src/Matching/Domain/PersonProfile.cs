using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;
using Placement.Catalogue.Domain;

namespace Placement.Matching.Domain;

/// <summary>
/// Hours of a TIG measure. Ordered within 20–400 h (délit; contraventions stay within it), done within
/// 0..ordered. Remaining is derived, never stored.
/// </summary>
public sealed record HoursBalance
{
    public const int MinOrdered = 20;
    public const int MaxOrdered = 400;

    public HoursBalance(double ordered, double done)
    {
        Ensure.That(double.IsFinite(ordered) && ordered is >= MinOrdered and <= MaxOrdered, "hoursOrdered", $"Les heures prononcées doivent être comprises entre {MinOrdered} et {MaxOrdered}.");
        Ensure.That(double.IsFinite(done) && done >= 0 && done <= ordered, "hoursDone", "Les heures effectuées doivent être comprises entre 0 et les heures prononcées.");
        Ordered = ordered;
        Done = done;
    }

    public double Ordered { get; }
    public double Done { get; }
    public double Remaining => Ordered - Done;
}

/// <summary>
/// The sentence's clock: decided on <see cref="SentenceDate"/>, to be completed by <see cref="Deadline"/>
/// (at most 18 months later), pushed back by each suspension (both ends inclusive).
/// </summary>
public sealed record SentenceTerm
{
    public const int MaxMonths = 18;

    public SentenceTerm(DateOnly sentenceDate, DateOnly deadline, IEnumerable<DateRange> suspensions)
    {
        Ensure.That(deadline >= sentenceDate, "deadline", "L'échéance ne peut pas précéder la date de la décision.");
        Ensure.That(deadline <= sentenceDate.AddMonths(MaxMonths), "deadline", $"L'échéance ne peut pas dépasser {MaxMonths} mois après la décision.");
        var list = suspensions.OrderBy(s => s.Start).ToList();
        for (var i = 1; i < list.Count; i++)
            Ensure.That(list[i].Start > list[i - 1].End, $"suspensions[{i}]", "Les périodes de suspension ne se chevauchent pas.");
        Ensure.That(list.All(s => s.Start >= sentenceDate), "suspensions", "Une suspension commence après la décision.");
        SentenceDate = sentenceDate;
        Deadline = deadline;
        Suspensions = list;
    }

    public DateOnly SentenceDate { get; }
    public DateOnly Deadline { get; }
    public IReadOnlyList<DateRange> Suspensions { get; }

    /// <summary>The deadline pushed back by the days of every suspension.</summary>
    public DateOnly EffectiveDeadline => Deadline.AddDays(Suspensions.Sum(s => s.Days));

    public bool Equals(SentenceTerm? other) => other is not null && SentenceDate == other.SentenceDate && Deadline == other.Deadline && Suspensions.SequenceEqual(other.Suspensions);
    public override int GetHashCode() => HashCode.Combine(SentenceDate, Deadline, Suspensions.Count);
}

/// <summary>How far and how the person can travel.</summary>
public sealed record Mobility
{
    public Mobility(double maxTravelKm, bool hasDrivingLicence, bool publicTransportOnly)
    {
        Ensure.That(double.IsFinite(maxTravelKm) && maxTravelKm is > 0 and <= 200, "maxTravelKm", "La distance maximale doit être comprise entre 0 (exclu) et 200 km.");
        MaxTravelKm = maxTravelKm;
        HasDrivingLicence = hasDrivingLicence;
        PublicTransportOnly = publicTransportOnly;
    }

    public double MaxTravelKm { get; }
    public bool HasDrivingLicence { get; }
    public bool PublicTransportOnly { get; }
}

/// <summary>
/// Zones where a person may not go (interdiction de paraître): Polygon or MultiPolygon geometries in
/// lon/lat, holes allowed. A point inside or on the boundary of a zone is excluded; a point in a hole
/// is not. Geometries are prepared once for fast repeated tests.
/// </summary>
public sealed class ExclusionZones : IEquatable<ExclusionZones>
{
    private readonly IPreparedGeometry[] _prepared;

    public ExclusionZones(IEnumerable<Geometry> zones, string field = "restrictions.exclusionZones")
    {
        var list = zones.ToList();
        for (var i = 0; i < list.Count; i++)
        {
            var at = $"{field}[{i}]";
            Ensure.That(list[i] is Polygon or MultiPolygon, at, "Une zone d'exclusion est un Polygon ou un MultiPolygon GeoJSON.");
            Ensure.That(!list[i].IsEmpty && list[i].IsValid, at, "La géométrie de la zone d'exclusion est invalide (anneaux non fermés ou qui se croisent).");
            Ensure.That(list[i].Coordinates.All(c => c.X is >= -180 and <= 180 && c.Y is >= -90 and <= 90), at,
                "Coordonnées hors limites : GeoJSON s'écrit [longitude, latitude].");
        }
        Geometries = list;
        _prepared = [.. list.Select(PreparedGeometryFactory.Prepare)];
    }

    public static ExclusionZones None { get; } = new([]);

    public IReadOnlyList<Geometry> Geometries { get; }
    public int Count => Geometries.Count;

    /// <summary>True when the point lies inside or on the boundary of a zone (holes are outside).</summary>
    public bool Contains(GeoPoint point)
    {
        if (_prepared.Length == 0) return false;
        var p = new Point(point.Longitude, point.Latitude);
        foreach (var zone in _prepared)
            if (zone.Intersects(p)) return true;
        return false;
    }

    public bool Equals(ExclusionZones? other) =>
        other is not null && Count == other.Count && Geometries.Zip(other.Geometries).All(z => z.First.EqualsExact(z.Second));
    public override bool Equals(object? obj) => Equals(obj as ExclusionZones);
    public override int GetHashCode() => Count;
}

/// <summary>
/// Judicial obligations turned into exclusions: no contact with minors or a vulnerable public,
/// excluded host bodies, co-defendants / victims never at the same host, and exclusion zones.
/// </summary>
public sealed record JudicialRestrictions(
    bool NoContactWithMinors,
    bool NoContactWithVulnerablePublic,
    IReadOnlyList<Guid> ExcludedHostBodyIds,
    IReadOnlyList<Guid> NoContactWithPersonIds,
    ExclusionZones ExclusionZones)
{
    public static JudicialRestrictions None { get; } = new(false, false, [], [], ExclusionZones.None);

    public static JudicialRestrictions Create(bool noContactWithMinors, bool noContactWithVulnerablePublic,
        IEnumerable<Guid> excludedHostBodyIds, IEnumerable<Guid> noContactWithPersonIds, IEnumerable<Geometry> exclusionZones) =>
        new(noContactWithMinors, noContactWithVulnerablePublic,
            [.. excludedHostBodyIds.Distinct().Order()], [.. noContactWithPersonIds.Distinct().Order()], new ExclusionZones(exclusionZones));

    public bool IsInExclusionZone(GeoPoint point) => ExclusionZones.Contains(point);

    public bool Equals(JudicialRestrictions? other) =>
        other is not null && NoContactWithMinors == other.NoContactWithMinors && NoContactWithVulnerablePublic == other.NoContactWithVulnerablePublic
        && ExcludedHostBodyIds.SequenceEqual(other.ExcludedHostBodyIds) && NoContactWithPersonIds.SequenceEqual(other.NoContactWithPersonIds)
        && ExclusionZones.Equals(other.ExclusionZones);
    public override int GetHashCode() => HashCode.Combine(NoContactWithMinors, NoContactWithVulnerablePublic, ExcludedHostBodyIds.Count, NoContactWithPersonIds.Count, ExclusionZones.Count);
}

/// <summary>
/// Everything the placement of one person depends on (matching.md, person attributes), with the
/// SPIP that follows them and their referent officer. Sensitive (judicial) data: never shown to partners.
/// </summary>
public sealed record PersonProfile
{
    public const int MinAgeAtSentence = 16;

    public PersonProfile(string firstName, string lastName, string departement, Contact referentOfficer, DateOnly birthDate,
        Address home, Mobility mobility, HoursBalance hours, SentenceTerm term, WeeklySchedule availability,
        IEnumerable<string> skills, PhysicalDemand maxPhysicalDemand, bool needsWheelchairAccess, JudicialRestrictions restrictions)
    {
        FirstName = Ensure.NotBlank(firstName, "firstName", 100);
        LastName = Ensure.NotBlank(lastName, "lastName", 100);
        Departement = InseeCodes.Departement(departement);
        Ensure.That(birthDate.AddYears(MinAgeAtSentence) <= term.SentenceDate, "birthDate", $"Un TIG ne peut être prononcé qu'à partir de {MinAgeAtSentence} ans.");
        Ensure.That(Enum.IsDefined(maxPhysicalDemand), "maxPhysicalDemand", "Niveau d'effort physique inconnu.");
        ReferentOfficer = referentOfficer;
        BirthDate = birthDate;
        Home = home;
        Mobility = mobility;
        Hours = hours;
        Term = term;
        Availability = availability;
        Skills = [.. skills.Select(s => Ensure.NotBlank(s, "skills", 60).ToLowerInvariant()).Distinct().Order(StringComparer.Ordinal)];
        MaxPhysicalDemand = maxPhysicalDemand;
        NeedsWheelchairAccess = needsWheelchairAccess;
        Restrictions = restrictions;
    }

    public string FirstName { get; }
    public string LastName { get; }
    /// <summary>The SPIP (département) that follows the person.</summary>
    public string Departement { get; }
    public Contact ReferentOfficer { get; }
    public DateOnly BirthDate { get; }
    public Address Home { get; }
    public Mobility Mobility { get; }
    public HoursBalance Hours { get; }
    public SentenceTerm Term { get; }
    public WeeklySchedule Availability { get; }
    public IReadOnlyList<string> Skills { get; }
    public PhysicalDemand MaxPhysicalDemand { get; }
    public bool NeedsWheelchairAccess { get; }
    public JudicialRestrictions Restrictions { get; }

    /// <summary>The same profile with more hours done (signed by a tutor).</summary>
    public PersonProfile WithHoursDone(double done) =>
        new(FirstName, LastName, Departement, ReferentOfficer, BirthDate, Home, Mobility, new HoursBalance(Hours.Ordered, done), Term, Availability,
            Skills, MaxPhysicalDemand, NeedsWheelchairAccess, Restrictions);

    /// <summary>Younger than 18 on <paramref name="date"/>.</summary>
    public bool IsMinorOn(DateOnly date) => BirthDate.AddYears(18) > date;

    public bool Equals(PersonProfile? other) =>
        other is not null && FirstName == other.FirstName && LastName == other.LastName && Departement == other.Departement
        && ReferentOfficer == other.ReferentOfficer && BirthDate == other.BirthDate && Home == other.Home && Mobility == other.Mobility
        && Hours == other.Hours && Term == other.Term && Availability.Equals(other.Availability) && Skills.SequenceEqual(other.Skills)
        && MaxPhysicalDemand == other.MaxPhysicalDemand && NeedsWheelchairAccess == other.NeedsWheelchairAccess && Restrictions.Equals(other.Restrictions);
    public override int GetHashCode() => HashCode.Combine(LastName, BirthDate, Departement);
}

/// <summary>A person under a TIG measure, followed by a SPIP.</summary>
public sealed class Person
{
    private Person() { }

    public Person(Guid id, PersonProfile profile, DateTimeOffset now)
    {
        Id = id;
        CreatedAt = now;
        Update(profile, now);
    }

    public Guid Id { get; private set; }
    public PersonProfile Profile { get; private set; } = null!;
    /// <summary>Kept beside <see cref="Profile"/> so that scope filters are plain column queries.</summary>
    public string Departement { get; private set; } = "";
    public string LastName { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Adds hours signed on a placement to the hours done.</summary>
    public void AddHoursDone(double hours, DateTimeOffset now) => Update(Profile.WithHoursDone(Profile.Hours.Done + hours), now);

    public void Update(PersonProfile profile, DateTimeOffset now)
    {
        Profile = profile;
        Departement = profile.Departement;
        LastName = profile.LastName;
        UpdatedAt = now;
    }
}
