using Placement.Matching.Domain;

namespace Placement.Matching.Tests;

/// <summary>
/// The French public holidays: eleven national days; Good Friday and 26 December in Alsace-Moselle (57, 67, 68); the
/// abolition of slavery day in Guadeloupe (971, 27 May), Martinique (972, 22 May), Guyane (973, 10 June), La Réunion
/// (974, 20 December) and Mayotte (976, 27 April). Easter Sundays, from the tables: 2024-03-31, 2025-04-20,
/// 2026-04-05, 2027-03-28, 2038-04-25.
/// </summary>
public class PublicHolidayTests
{
    private static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("2027-01-01")] // Jour de l'an
    [InlineData("2027-03-29")] // Lundi de Pâques
    [InlineData("2027-05-01")] // Fête du travail
    [InlineData("2027-05-08")] // Victoire 1945
    [InlineData("2027-05-06")] // Ascension (Easter + 39)
    [InlineData("2027-05-17")] // Lundi de Pentecôte (Easter + 50)
    [InlineData("2027-07-14")] // Fête nationale
    [InlineData("2027-08-15")] // Assomption
    [InlineData("2027-11-01")] // Toussaint
    [InlineData("2027-11-11")] // Armistice
    [InlineData("2027-12-25")] // Noël
    [InlineData("2026-04-06")] // Easter Monday 2026
    [InlineData("2026-05-14")] // Ascension 2026
    [InlineData("2026-05-25")] // Whit Monday 2026
    [InlineData("2025-06-09")] // Whit Monday 2025 (Easter 20 April)
    [InlineData("2024-04-01")] // Easter Monday 2024 (Easter 31 March)
    [InlineData("2038-06-03")] // Ascension 2038 (Easter 25 April, the latest of the century's)
    public void TheElevenNationalDays_AreHolidaysEverywhere(string date)
    {
        foreach (var departement in new[] { "75", "13", "57", "67", "68", "971", "974", "976" })
            Assert.True(PublicHolidays.IsHoliday(D(date), departement), $"{date} in {departement}");
    }

    [Fact]
    public void AYear_HasElevenNationalHolidays_ThirteenInAlsaceMoselle_TwelveOverseas()
    {
        Assert.Equal(11, PublicHolidays.Of(2027, "75").Count);
        Assert.Equal(13, PublicHolidays.Of(2027, "67").Count);
        Assert.Equal(12, PublicHolidays.Of(2027, "972").Count);
    }

    [Theory]
    [InlineData("2027-03-28")] // Easter Sunday itself is a Sunday, not a public holiday of its own
    [InlineData("2027-03-26")] // Good Friday outside Alsace-Moselle
    [InlineData("2027-12-26")] // Saint-Étienne outside Alsace-Moselle
    [InlineData("2027-05-13")] // a week after Ascension
    [InlineData("2027-05-27")] // Guadeloupe's day, not in Paris
    [InlineData("2027-07-13")]
    [InlineData("2027-01-04")]
    public void OrdinaryDays_AreNotHolidaysInParis(string date) =>
        Assert.False(PublicHolidays.IsHoliday(D(date), "75"));

    [Theory]
    [InlineData("57")]
    [InlineData("67")]
    [InlineData("68")]
    public void GoodFridayAnd26December_AreHolidaysInAlsaceMoselle(string departement)
    {
        Assert.True(PublicHolidays.IsHoliday(D("2027-03-26"), departement));
        Assert.True(PublicHolidays.IsHoliday(D("2026-04-03"), departement));
        Assert.True(PublicHolidays.IsHoliday(D("2026-12-26"), departement));
        Assert.True(PublicHolidays.IsHoliday(D("2027-12-26"), departement));
    }

    [Theory]
    [InlineData("971", "2027-05-27")]
    [InlineData("972", "2027-05-22")]
    [InlineData("973", "2027-06-10")]
    [InlineData("974", "2027-12-20")]
    [InlineData("976", "2027-04-27")]
    public void TheAbolitionOfSlaveryDay_IsAHolidayInItsDepartementOnly(string departement, string date)
    {
        Assert.True(PublicHolidays.IsHoliday(D(date), departement));
        Assert.False(PublicHolidays.IsHoliday(D(date), "75"));
        Assert.False(PublicHolidays.IsHoliday(D(date), "57"));
        foreach (var other in new[] { "971", "972", "973", "974", "976" }.Where(o => o != departement))
            Assert.False(PublicHolidays.IsHoliday(D(date), other), $"{date} in {other}");
    }

    [Fact]
    public void AlsaceMosellesDays_AreNotHolidaysOverseas()
    {
        Assert.False(PublicHolidays.IsHoliday(D("2027-03-26"), "974"));
        Assert.False(PublicHolidays.IsHoliday(D("2027-12-26"), "971"));
    }
}
