namespace Placement.Web.Tests;

/// <summary>
/// Every configuration section is checked at start, nested ones included, before anything is written: a bad
/// value stops the executable with one line naming the key, the value and what is allowed; exit code 2.
/// </summary>
public class ConfigurationTests
{
    private static string NewDataDirectory() => Path.Combine(Path.GetTempPath(), "placement-tests", Guid.NewGuid().ToString("N"));

    public static TheoryData<string, string, string, string> BadValues => new()
    {
        // section Placement: the service's time zone, or the former key it is read from when unset
        { "Placement:TimeZone", "Europe/Lyon", "Placement:TimeZone = « Europe/Lyon »", "fuseau horaire inconnu" },
        { "Placement:Mail:TimeZone", "Paris", "Placement:Mail:TimeZone = « Paris »", "fuseau horaire inconnu" },
        // section Placement, nested Database
        { "Placement:Database:Provider", "Oracle", "Placement:Database:Provider = « Oracle »", "valeurs permises : Sqlite" },
        // section Placement, nested Demo
        { "Placement:Demo:Password", "court", "Placement:Demo:Password = « … »", "12 caractères au moins" },
        // section Placement:Search
        { "Placement:Search:Engine", "Solr", "Placement:Search:Engine = « Solr »", "valeurs permises : Embedded, Elasticsearch" },
        // section Placement:Search, nested Elasticsearch
        { "Placement:Search:Elasticsearch:IndexName", "Index Placement", "Placement:Search:Elasticsearch:IndexName = « Index Placement »", "minuscules" },
        // section Placement:Catalogue
        { "Placement:Catalogue:SeedDirectory", "/nulle/part", "Placement:Catalogue:SeedDirectory = « /nulle/part »", "dossier introuvable" },
        // section Placement:Geocoding
        { "Placement:Geocoding:MinScore", "2", "Placement:Geocoding:MinScore = « 2 »", "entre 0 et 1" },
        { "Placement:Geocoding:BaseUrl", "geo.local", "Placement:Geocoding:BaseUrl = « geo.local »", "URL absolue" },
        // section Placement:Jobs
        { "Placement:Jobs:Workers", "0", "Placement:Jobs:Workers = « 0 »", "entre 1 et 64" },
        { "Placement:Jobs:SolverWorkers", "deux", "Placement:Jobs:SolverWorkers = « deux »", "un nombre est attendu" },
        { "Placement:Jobs:DeadlineWatchCron", "tous les jours", "Placement:Jobs:DeadlineWatchCron = « tous les jours »", "expression cron" },
    };

    [Theory]
    [MemberData(nameof(BadValues))]
    public void ABadValue_StopsTheService_WithOneLineNamingIt_BeforeAnythingIsWritten(string key, string value, string named, string allowed)
    {
        var dir = NewDataDirectory();
        var (code, _, err) = ExecutableTests.Run("--Placement:DataDirectory", dir, $"--{key}", value);
        Assert.Equal(2, code);
        var line = Assert.Single(err.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), l => l.StartsWith("Configuration invalide", StringComparison.Ordinal));
        Assert.Contains(named, line, StringComparison.Ordinal);
        Assert.Contains(allowed, line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", err, StringComparison.Ordinal);
        Assert.False(Directory.Exists(dir), "the data folder was created before the configuration was checked");
    }

    [Fact]
    public void EveryBadValue_IsReported_OneLineEach()
    {
        var dir = NewDataDirectory();
        var (code, _, err) = ExecutableTests.Run("seed", "--Placement:DataDirectory", dir, "--Placement:Database:Provider", "Oracle", "--Placement:Jobs:Workers", "0",
            "--Placement:Search:Engine", "Elasticsearch");
        Assert.Equal(2, code);
        var lines = err.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l.StartsWith("Configuration invalide", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, lines.Count);
        Assert.Contains(lines, l => l.Contains("Placement:Search:Elasticsearch:Url", StringComparison.Ordinal));
        Assert.False(Directory.Exists(dir));
    }
}
