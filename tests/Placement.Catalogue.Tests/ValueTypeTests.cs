using Placement.Catalogue.Domain;

namespace Placement.Catalogue.Tests;

public class GeoPointTests
{
    [Theory]
    [InlineData(90.0001, 0, "lat")]
    [InlineData(-91, 0, "lat")]
    [InlineData(double.NaN, 0, "lat")]
    [InlineData(45, 180.5, "lon")]
    [InlineData(45, double.PositiveInfinity, "lon")]
    public void Constructor_Throws_WhenOutOfRange(double lat, double lon, string field)
    {
        var e = Assert.Throws<DomainRuleException>(() => new GeoPoint(lat, lon));
        Assert.Equal(field, e.Field);
    }

    [Fact]
    public void Constructor_Accepts_TheLimits()
    {
        _ = new GeoPoint(90, 180);
        _ = new GeoPoint(-90, -180);
    }

    [Fact]
    public void DistanceKmTo_IsTheHaversineDistance_WithTheMeanEarthRadius()
    {
        var paris = new GeoPoint(48.8566, 2.3522);
        var lyon = new GeoPoint(45.7640, 4.8357);
        Assert.Equal(391.5, paris.DistanceKmTo(lyon), 0.5);
        Assert.Equal(paris.DistanceKmTo(lyon), lyon.DistanceKmTo(paris), 9);
        Assert.Equal(0, paris.DistanceKmTo(paris));
    }

    [Fact]
    public void DistanceKmTo_OneDegreeOfLatitude_IsEarthRadiusTimesPiOver180()
    {
        var d = new GeoPoint(45, 5).DistanceKmTo(new GeoPoint(46, 5));
        Assert.Equal(GeoPoint.EarthRadiusKm * Math.PI / 180, d, 9);
    }
}

public class TimeWindowTests
{
    [Theory]
    [InlineData("12:00", "09:00")]
    [InlineData("09:00", "09:00")]
    public void Constructor_Throws_WhenEndIsNotAfterStart(string start, string end)
    {
        var e = Assert.Throws<DomainRuleException>(() => TimeWindow.Parse("mon", start, end));
        Assert.Equal("end", e.Field);
    }

    [Theory]
    [InlineData("9:00")]
    [InlineData("25:00")]
    [InlineData("09h00")]
    [InlineData(null)]
    public void Parse_Throws_OnBadTime(string? start)
    {
        var e = Assert.Throws<DomainRuleException>(() => TimeWindow.Parse("mon", start, "12:00"));
        Assert.Equal("start", e.Field);
    }

    [Fact]
    public void Parse_Throws_OnUnknownDay()
    {
        var e = Assert.Throws<DomainRuleException>(() => TimeWindow.Parse("lundi", "09:00", "12:00"));
        Assert.Equal("day", e.Field);
    }

    [Fact]
    public void Hours_IsTheLength()
    {
        Assert.Equal(3.5, TimeWindow.Parse("sat", "08:30", "12:00").Hours);
        Assert.Equal("sat 08:30-12:00", TimeWindow.Parse("SAT", "08:30", "12:00").ToString());
    }
}

public class WeeklyScheduleTests
{
    [Fact]
    public void Constructor_MergesOverlappingAndTouchingWindows_AndSortsMondayFirst()
    {
        var schedule = WeeklySchedule.Parse("sun 10:00-12:00; mon 09:00-11:00; mon 10:30-12:00; mon 12:00-13:00; mon 14:00-15:00");
        Assert.Equal("mon 09:00-13:00; mon 14:00-15:00; sun 10:00-12:00", schedule.ToString());
        Assert.Equal(7, schedule.TotalHours);
    }

    [Fact]
    public void Equals_ComparesTheTimeCovered()
    {
        Assert.Equal(WeeklySchedule.Parse("mon 09:00-12:00"), WeeklySchedule.Parse("mon 09:00-10:00; mon 10:00-12:00"));
        Assert.NotEqual(WeeklySchedule.Parse("mon 09:00-12:00"), WeeklySchedule.Parse("tue 09:00-12:00"));
    }

    [Fact]
    public void Parse_RoundTripsToString()
    {
        var text = "tue 08:00-12:00; sat 13:30-17:00";
        Assert.Equal(text, WeeklySchedule.Parse(text).ToString());
    }
}

public class DateRangeTests
{
    [Fact]
    public void Constructor_Throws_WhenBackwards()
    {
        var e = Assert.Throws<DomainRuleException>(() => new DateRange(new(2026, 5, 2), new(2026, 5, 1), "openUntil"));
        Assert.Equal("openUntil", e.Field);
    }

    [Fact]
    public void Days_CountsBothEnds()
    {
        var range = new DateRange(new(2026, 5, 1), new(2026, 5, 1));
        Assert.Equal(1, range.Days);
        Assert.True(range.Contains(new(2026, 5, 1)));
        Assert.False(range.Contains(new(2026, 5, 2)));
    }
}

public class CodeTests
{
    [Theory]
    [InlineData("73282932000074")]
    [InlineData("732 829 320 00074")]
    public void Siret_Accepts_ValidLuhn(string value) => Assert.Equal("73282932000074", new Siret(value).Value);

    [Theory]
    [InlineData("73282932000075")]
    [InlineData("7328293200007")]
    [InlineData("ABCDEFGHIJKLMN")]
    [InlineData(null)]
    public void Siret_Refuses_Invalid(string? value) => Assert.Equal("siret", Assert.Throws<DomainRuleException>(() => new Siret(value)).Field);

    [Theory]
    [InlineData("69123")]
    [InlineData("2A004")]
    [InlineData("97411")]
    public void InseeCommune_Accepts(string code) => Assert.Equal(code, InseeCodes.Commune(code));

    [Theory]
    [InlineData("6912")]
    [InlineData("2C004")]
    public void InseeCommune_Refuses(string code) => Assert.Throws<DomainRuleException>(() => InseeCodes.Commune(code));

    [Theory]
    [InlineData("01")]
    [InlineData("2B")]
    [InlineData("974")]
    public void Departement_Accepts(string code) => Assert.Equal(code, InseeCodes.Departement(code));

    [Theory]
    [InlineData("20")]
    [InlineData("96")]
    [InlineData("977")]
    [InlineData("00")]
    public void Departement_Refuses(string code) => Assert.Throws<DomainRuleException>(() => InseeCodes.Departement(code));
}

public class BoundingBoxTests
{
    [Theory]
    [InlineData(45.75, 4.85, 20)]
    [InlineData(48.85, 2.35, 5)]
    [InlineData(-21.1, 55.5, 40)]
    public void BoundingBox_ContainsEveryPointOfTheCircle(double lat, double lon, double km)
    {
        var centre = new GeoPoint(lat, lon);
        var (minLat, maxLat, minLon, maxLon) = centre.BoundingBox(km);
        for (var bearing = 0; bearing < 360; bearing += 5)
        {
            // The point at exactly km along this bearing (spherical destination formula).
            var d = km / GeoPoint.EarthRadiusKm;
            var φ1 = lat * Math.PI / 180;
            var θ = bearing * Math.PI / 180;
            var φ2 = Math.Asin(Math.Sin(φ1) * Math.Cos(d) + Math.Cos(φ1) * Math.Sin(d) * Math.Cos(θ));
            var λ2 = lon * Math.PI / 180 + Math.Atan2(Math.Sin(θ) * Math.Sin(d) * Math.Cos(φ1), Math.Cos(d) - Math.Sin(φ1) * Math.Sin(φ2));
            var p = new GeoPoint(φ2 * 180 / Math.PI, λ2 * 180 / Math.PI);
            Assert.Equal(km, centre.DistanceKmTo(p), 6);
            Assert.InRange(p.Latitude, minLat, maxLat);
            Assert.InRange(p.Longitude, minLon, maxLon);
        }
    }
}
