using Placement.Catalogue.Domain;
using Placement.Matching.Engine;

namespace Placement.Matching.Tests;

/// <summary>
/// The grid finds every post within a distance, once, wherever the point is — at the poles and across ±180° too — and the
/// packed sides the scans read give the rules the same answers as a single post's side.
/// </summary>
public class PostGridTests
{
    [Theory]
    [InlineData(45.75, 4.85, 30)]
    [InlineData(89.9, 10, 50)]
    [InlineData(-89.95, -170, 80)]
    [InlineData(-17.5, 179.95, 40)]
    [InlineData(64.1, -179.9, 60)]
    [InlineData(0, 0, 0)]
    public void EveryPostWithinTheDistance_IsInTheRuns_Once(double lat, double lon, double km)
    {
        var random = new Random(7);
        var centre = new GeoPoint(lat, lon);
        // Posts around the point (a box of ±3°, wrapped) and a few anywhere.
        var posts = Enumerable.Range(0, 3000).Select(i =>
        {
            var near = i % 10 != 0;
            var plat = near ? Math.Clamp(lat + (random.NextDouble() - 0.5) * 6, -90, 90) : random.NextDouble() * 180 - 90;
            var plon = near ? lon + (random.NextDouble() - 0.5) * 6 : random.NextDouble() * 360 - 180;
            plon = plon > 180 ? plon - 360 : plon < -180 ? plon + 360 : plon;
            return Make.Post($"q{i}", with: q => q with { Location = new GeoPoint(plat, plon) });
        }).Append(Make.Post("at-the-point", with: q => q with { Location = centre })).ToList();
        var grid = new PostGrid(posts);
        var runs = new List<(int From, int To)>();
        grid.Runs(centre, km + EligibilityRules.DistanceToleranceKm, runs);

        var found = runs.SelectMany(r => Enumerable.Range(r.From, r.To - r.From)).Select(i => grid.PostIndex[i]).ToList();
        Assert.Equal(found.Count, found.Distinct().Count());
        var within = Enumerable.Range(0, posts.Count).Where(q => centre.DistanceKmTo(posts[q].Location) <= km + EligibilityRules.DistanceToleranceKm).ToList();
        Assert.Subset(found.ToHashSet(), within.ToHashSet());
        Assert.Contains(posts.Count - 1, found);
    }

    [Fact]
    public void ThePackedSides_AndASinglePostsSide_GiveEveryRuleTheSameAnswer()
    {
        var random = new Random(9);
        string[] schedules = ["mon 09:00-12:00", "mon 09:00-12:00; sat 08:00-18:00", "sun 05:00-23:00", "tue 21:00-23:30", "wed 05:00-09:15; wed 10:00-22:40; thu 13:10-17:50"];
        var posts = Enumerable.Range(0, 300).Select(i => Make.Post($"q{i}", $"org-{i % 7}", q => q with
        {
            Location = new GeoPoint(45.6 + random.NextDouble() * 0.4, 4.6 + random.NextDouble() * 0.5),
            Schedule = WeeklySchedule.Parse(schedules[random.Next(schedules.Length)]), MaxWeeklyHoursPerPerson = random.Next(2, 30),
            PhysicalDemand = (Placement.Catalogue.Domain.PhysicalDemand)random.Next(3), RequiresDrivingLicence = random.Next(3) == 0,
        })).ToList();
        var persons = Enumerable.Range(0, 60).Select(i => Make.Person($"p{i}", p => p with
        {
            BirthDate = random.Next(3) == 0 ? Make.Today.AddYears(-16) : p.BirthDate,
            Availability = WeeklySchedule.Parse(schedules[random.Next(schedules.Length)] + "; " + schedules[random.Next(schedules.Length)]),
            HasDrivingLicence = random.Next(2) == 0, MaxTravelKm = random.Next(5, 40), HoursRemaining = random.Next(10, 300),
            ExcludedPartnerIds = random.Next(4) == 0 ? Make.Set($"org-{random.Next(7)}") : p.ExcludedPartnerIds,
        })).ToList();
        var grid = new PostGrid(posts);
        var cache = new WindowOverlapCache(grid.Windows);
        foreach (var person in persons)
        {
            var shared = new PersonSide(person, Make.Today, cache);
            for (var i = 0; i < grid.Count; i++)
            {
                var alone = EligibilityRules.Evaluate(person, grid.Sides[i].Post, Make.Today);
                Assert.Equal(alone, EligibilityRules.Evaluate(shared, grid.Sides[i]));
                Assert.Equal(alone.IsEligible, EligibilityRules.IsEligible(shared, grid.Sides[i], out _) && !shared.Refuses(grid.Gates[i]));
            }
        }
    }
}
