using System.Text.Json;
using Mapster;
using NetTopologySuite.Geometries;
using Placement.Catalogue.Contracts;
using Placement.Catalogue.Domain;
using Placement.Matching.Domain;
using Placement.Matching.Persistence;
using Placement.Matching.Features.Persons;

namespace Placement.Matching.Tests;

public class HoursBalanceTests
{
    [Theory]
    [InlineData(19)]
    [InlineData(401)]
    [InlineData(double.NaN)]
    public void Constructor_Throws_WhenOrderedOutside20To400(double ordered) =>
        Assert.Equal("hoursOrdered", Assert.Throws<DomainRuleException>(() => new HoursBalance(ordered, 0)).Field);

    [Theory]
    [InlineData(-1)]
    [InlineData(120.5)]
    public void Constructor_Throws_WhenDoneOutside0ToOrdered(double done) =>
        Assert.Equal("hoursDone", Assert.Throws<DomainRuleException>(() => new HoursBalance(120, done)).Field);

    [Fact]
    public void Remaining_IsOrderedMinusDone() => Assert.Equal(85, new HoursBalance(120, 35).Remaining);
}

public class SentenceTermTests
{
    private static readonly DateOnly Sentence = new(2026, 3, 15);

    [Fact]
    public void Deadline_CanBeEighteenMonthsAfterTheSentence_NotOneDayMore()
    {
        _ = new SentenceTerm(Sentence, new(2027, 9, 15), []);
        Assert.Equal("deadline", Assert.Throws<DomainRuleException>(() => new SentenceTerm(Sentence, new(2027, 9, 16), [])).Field);
    }

    [Fact]
    public void Deadline_CannotPrecedeTheSentence() =>
        Assert.Equal("deadline", Assert.Throws<DomainRuleException>(() => new SentenceTerm(Sentence, Sentence.AddDays(-1), [])).Field);

    [Fact]
    public void EffectiveDeadline_IsPushedBackByEverySuspendedDay()
    {
        var term = new SentenceTerm(Sentence, new(2027, 9, 15),
            [new DateRange(new(2026, 6, 1), new(2026, 6, 30)), new DateRange(new(2026, 4, 1), new(2026, 4, 10))]);
        Assert.Equal(new DateOnly(2027, 9, 15).AddDays(40), term.EffectiveDeadline);
        Assert.Equal(new DateOnly(2026, 4, 1), term.Suspensions[0].Start);
    }

    [Fact]
    public void Suspensions_MayNotOverlap() =>
        Assert.Throws<DomainRuleException>(() => new SentenceTerm(Sentence, new(2027, 9, 15),
            [new DateRange(new(2026, 6, 1), new(2026, 6, 30)), new DateRange(new(2026, 6, 30), new(2026, 7, 10))]));
}

public class ExclusionZoneTests
{
    private static readonly GeometryFactory Factory = new();

    private static Polygon Square(double x0, double y0, double x1, double y1, params LinearRing[] holes) =>
        Factory.CreatePolygon(Factory.CreateLinearRing([new(x0, y0), new(x1, y0), new(x1, y1), new(x0, y1), new(x0, y0)]), holes);

    private static JudicialRestrictions With(params Geometry[] zones) => JudicialRestrictions.Create(false, false, [], [], zones);

    [Fact]
    public void APointInside_IsExcluded() =>
        Assert.True(With(Square(4.8, 45.7, 4.9, 45.8)).IsInExclusionZone(new GeoPoint(45.75, 4.85)));

    [Fact]
    public void APointOnTheBoundary_CountsAsInside()
    {
        var zones = With(Square(4.8, 45.7, 4.9, 45.8));
        Assert.True(zones.IsInExclusionZone(new GeoPoint(45.7, 4.85)));
        Assert.True(zones.IsInExclusionZone(new GeoPoint(45.8, 4.9)));
    }

    [Fact]
    public void APointInAHole_IsOutside()
    {
        var hole = Factory.CreateLinearRing([new(4.84, 45.74), new(4.86, 45.74), new(4.86, 45.76), new(4.84, 45.76), new(4.84, 45.74)]);
        var zones = With(Square(4.8, 45.7, 4.9, 45.8, hole));
        Assert.False(zones.IsInExclusionZone(new GeoPoint(45.75, 4.85)));
        Assert.True(zones.IsInExclusionZone(new GeoPoint(45.74, 4.85)), "the hole's edge belongs to the zone");
    }

    [Fact]
    public void EveryPartOfAMultiPolygon_Counts()
    {
        var zones = With(Factory.CreateMultiPolygon([Square(4.8, 45.7, 4.9, 45.8), Square(5.0, 45.0, 5.1, 45.1)]));
        Assert.True(zones.IsInExclusionZone(new GeoPoint(45.05, 5.05)));
        Assert.False(zones.IsInExclusionZone(new GeoPoint(45.5, 4.95)));
    }

    [Fact]
    public void OnlyValidPolygons_AreAccepted()
    {
        var bowtie = Factory.CreatePolygon([new(0, 0), new(1, 1), new(1, 0), new(0, 1), new(0, 0)]);
        Assert.Equal("restrictions.exclusionZones[0]", Assert.Throws<DomainRuleException>(() => With(bowtie)).Field);
        Assert.Equal("restrictions.exclusionZones[1]", Assert.Throws<DomainRuleException>(() => With(Square(0, 0, 1, 1), Factory.CreatePoint(new Coordinate(1, 1)))).Field);
        Assert.Throws<DomainRuleException>(() => With(Square(4.8, 45.7, 4.9, 95.8)));
    }
}

public class PersonFieldsTests
{
    [Fact]
    public void ToProfile_BuildsTheProfile()
    {
        var profile = PersonSamples.Fields.ToProfile();
        Assert.Equal(80, profile.Hours.Remaining);
        Assert.True(profile.Restrictions.IsInExclusionZone(new GeoPoint(45.72, 4.88)));
        Assert.False(profile.Restrictions.IsInExclusionZone(new GeoPoint(45.78, 4.82)));
        Assert.False(profile.IsMinorOn(new(2026, 12, 1)));
    }

    [Fact]
    public void ToProfile_NamesEveryBadField()
    {
        var bad = PersonSamples.Fields with
        {
            HoursOrdered = 500,
            Deadline = null,
            Availability = [new TimeWindowDto { Day = "sat", Start = "17:00", End = "08:00" }],
            MaxPhysicalDemand = "heavy",
            Home = PersonSamples.Fields.Home! with { Location = new PointDto { Lat = 45.7, Lon = 200 } },
            Restrictions = PersonSamples.Fields.Restrictions! with { ExclusionZones = [JsonDocument.Parse("""{"type":"Polygon","coordinates":"nope"}""").RootElement] },
        };
        var e = Assert.Throws<ValidationFailedException>(bad.ToProfile);
        Assert.Equal(["availability[0].end", "deadline", "home.location.lon", "hoursOrdered", "maxPhysicalDemand", "restrictions.exclusionZones[0]"],
            e.Errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void ToProfile_RefusesASentenceBeforeSixteen()
    {
        var e = Assert.Throws<ValidationFailedException>((PersonSamples.Fields with { BirthDate = new(2011, 1, 1) }).ToProfile);
        Assert.Equal(["birthDate"], e.Errors.Keys);
    }

    [Fact]
    public void Profile_RoundTripsThroughTheStoredDocument_ExactlyWithItsGeometries()
    {
        var profile = PersonSamples.Fields.ToProfile();
        var json = Catalogue.Persistence.StoredDocuments.Write<StoredPerson>(profile, StoredPerson.Config);
        var again = Catalogue.Persistence.StoredDocuments.Read<StoredPerson, PersonProfile>(json, StoredPerson.Config);
        Assert.Equal(profile, again);
        Assert.True(profile.Restrictions.ExclusionZones.Geometries[0].EqualsExact(again.Restrictions.ExclusionZones.Geometries[0]));
    }

    [Fact]
    public void AStoredDocument_IsReadWithoutTheRulesOfToday_WhichHoldAgainRightAfter()
    {
        var json = Catalogue.Persistence.StoredDocuments.Write<StoredPerson>(PersonSamples.Fields.ToProfile(), StoredPerson.Config)
            .Replace("\"maxTravelKm\":15", "\"maxTravelKm\":250", StringComparison.Ordinal);
        var read = Catalogue.Persistence.StoredDocuments.Read<StoredPerson, PersonProfile>(json, StoredPerson.Config);
        Assert.Equal(250, read.Mobility.MaxTravelKm);
        Assert.False(TrustedRead.Active);
        Assert.Throws<DomainRuleException>(() => new Mobility(250, false, false));
    }

    [Fact]
    public void AStoredDocumentOfALaterVersion_IsRefused_NotMisread()
    {
        var json = Catalogue.Persistence.StoredDocuments.Write<StoredPerson>(PersonSamples.Fields.ToProfile(), StoredPerson.Config).Replace("\"v\":1", "\"v\":2", StringComparison.Ordinal);
        var e = Assert.Throws<NotSupportedException>(() => Catalogue.Persistence.StoredDocuments.Read<StoredPerson, PersonProfile>(json, StoredPerson.Config));
        Assert.Contains("version 2", e.Message, StringComparison.Ordinal);
    }
}

internal static class PersonSamples
{
    public static readonly PersonFields Fields = new()
    {
        FirstName = "Jean",
        LastName = "Dupont",
        Departement = "69",
        ReferentOfficer = new ContactDto { Name = "Agent CPIP", Email = "cpip69@demo.placement" },
        BirthDate = new(2001, 5, 12),
        Home = new AddressDto { CommuneInsee = "69123", Departement = "69", Location = new PointDto { Lat = 45.75, Lon = 4.85 } },
        MaxTravelKm = 15,
        PublicTransportOnly = true,
        HoursOrdered = 120,
        HoursDone = 40,
        SentenceDate = new(2026, 6, 1),
        Deadline = new(2027, 10, 31),
        Availability = [new TimeWindowDto { Day = "sat", Start = "08:00", End = "17:00" }],
        Skills = ["cuisine"],
        MaxPhysicalDemand = "medium",
        Restrictions = new RestrictionsDto
        {
            NoContactWithMinors = true,
            ExcludedHostBodyIds = [Guid.Parse("11111111-1111-1111-1111-111111111111")],
            ExclusionZones = [JsonDocument.Parse("""{"type":"Polygon","coordinates":[[[4.80,45.70],[4.90,45.70],[4.90,45.80],[4.80,45.70]]]}""").RootElement],
        },
    };
}
