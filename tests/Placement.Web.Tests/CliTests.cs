using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Placement.Web.Cli;

namespace Placement.Web.Tests;

public class CommandLineParseTests
{
    [Theory]
    [InlineData("")]
    [InlineData("--urls http://localhost:6000")]
    public void NoVerb_RunsTheService_WithTheHostArguments(string line)
    {
        var args = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var parsed = CommandLine.Parse(args);
        Assert.Null(parsed.Verb);
        Assert.Equal(args, parsed.HostArgs);
    }

    [Fact]
    public void Seed_TakesReset() => Assert.True(CommandLine.Parse(["seed", "--reset"]).Options.ContainsKey("reset"));

    [Fact]
    public void Seed_PassesConfigurationOverridesToTheHost() =>
        Assert.Equal(["--Placement:DataDirectory", "/tmp/x"], CommandLine.Parse(["seed", "--Placement:DataDirectory", "/tmp/x"]).HostArgs);

    [Theory]
    [InlineData("frobnicate", "Verbe inconnu")]
    [InlineData("seed --force", "Option inconnue")]
    [InlineData("generate-demo --seed", "attend une valeur")]
    [InlineData("generate-demo --seed douze", "attend un entier")]
    public void BadArguments_AreUsageErrors(string line, string message) =>
        Assert.Contains(message, Assert.Throws<UsageException>(() => CommandLine.Parse(line.Split(' '))).Message, StringComparison.Ordinal);

    [Theory]
    [InlineData("import persons --file a.csv", "demande --as")]
    [InlineData("import --file a.csv --as x@y.z", "demande --kind")]
    [InlineData("import persons --file a.csv --as x@y.z --force", "Option inconnue")]
    public void Import_NeedsAKindAFileAndAnAccount(string line, string message) =>
        Assert.Contains(message, Assert.Throws<UsageException>(() => CommandLine.Parse(line.Split(' '))).Message, StringComparison.Ordinal);

    [Fact]
    public void Help_IsRecognisedAnywhere() => Assert.True(CommandLine.Parse(["seed", "--help"]).ShowHelp);
}

/// <summary>Each verb is listed once (<see cref="CommandLine.Verbs"/>): the help, the parser and the dispatcher read that list.</summary>
public class VerbRegistryTests
{
    [Fact]
    public void EveryVerb_HasItsOwnName_AndItsLinesInTheHelp()
    {
        Assert.Equal(CommandLine.Verbs.Count, CommandLine.Verbs.Select(v => v.Name).Distinct(StringComparer.Ordinal).Count());
        Assert.All(CommandLine.Verbs, v => Assert.Contains("\n  Placement.Web " + v.Name + " ", CommandLine.Help, StringComparison.Ordinal));
    }

    [Fact]
    public void TheHelp_AlignsWhatEachVerbDoes_UnderOneColumn()
    {
        var lines = CommandLine.Help.Split('\n');
        var usage = lines.SkipWhile(l => l != "Usage :").Skip(1).TakeWhile(l => l.Length > 0).ToList();
        Assert.Equal(CommandLine.Verbs.Count + 2, usage.Count(l => l.StartsWith("  Placement.Web ", StringComparison.Ordinal)));
        Assert.All(usage, l => Assert.Matches(@"^(  Placement\.Web \S| {47}\S)", l));
    }

    [Fact]
    public void AnUnknownVerb_IsAnsweredWithEveryVerb()
    {
        var message = Assert.Throws<UsageException>(() => CommandLine.Parse(["frobnicate"])).Message;
        Assert.Contains("Verbes : " + string.Join(", ", CommandLine.Verbs.Select(v => v.Name)) + " (voir --help).", message, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryVerb_IsParsed_WithWhatItRequires()
    {
        foreach (var verb in CommandLine.Verbs)
        {
            var args = new List<string> { verb.Name };
            foreach (var name in verb.Required)
            {
                if (name == verb.Argument) args.Insert(1, "x");
                else args.AddRange(["--" + name, verb.Options.Single(o => o.Name == name).Value is OptionValue.Text ? "x" : "1"]);
            }
            Assert.Equal(verb.Name, CommandLine.Parse([.. args]).Verb);
        }
    }
}

/// <summary>The real executable: exit codes and messages.</summary>
public class ExecutableTests
{
    internal static (int ExitCode, string Out, string Err) Run(params string[] args) => RunIn(null, args);

    /// <summary>As <see cref="Run"/>, in an environment (<c>Development</c>: the demo accounts exist).</summary>
    internal static (int ExitCode, string Out, string Err) RunIn(string? environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = AppContext.BaseDirectory };
        if (environment is not null) start.Environment["ASPNETCORE_ENVIRONMENT"] = environment;
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Placement.Web.dll"));
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(60_000), "the executable did not exit");
        return (process.ExitCode, stdout.Result, stderr.Result);
    }

    [Fact]
    public void UnknownVerb_ExitsWith2_AndSaysWhy()
    {
        var (code, _, err) = Run("frobnicate");
        Assert.Equal(2, code);
        Assert.Contains("Verbe inconnu « frobnicate »", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_ExitsWith0_AndListsTheVerbs()
    {
        var (code, output, _) = Run("--help");
        Assert.Equal(0, code);
        Assert.Contains("seed [--reset]", output, StringComparison.Ordinal);
        Assert.Contains("generate-demo", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_ReportsEachRejectedLine_AndExitsWith2_ThenAppliesAGoodFile()
    {
        var dir = Path.Combine(Path.GetTempPath(), "placement-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            (int ExitCode, string Out, string Err) Run(params string[] args) => RunIn("Development", [.. args, "--Placement:Demo:Enabled", "true"]);
            Assert.Equal(0, Run("seed", "--Placement:DataDirectory", dir).ExitCode);
            const string header = "numero_dossier;nom;prenom;spip;date_naissance;adresse;commune_insee;distance_max_km;heures_prononcees;date_jugement;date_echeance;disponibilites;savoir_faire;effort_physique_max";
            var good = "CLI-0001;Benali;Karim;69;02/04/1999;;69266;15;105;15/09/2026;15/03/2028;sam 08:00-17:00;;moyen";
            var file = Path.Combine(dir, "export.csv");
            File.WriteAllLines(file, [header, good, "CLI-0002;Durand;Léo;69;31/02/1999;;69266;15;105;15/09/2026;15/03/2028;sam 08:00-17:00;;moyen"]);

            var (code, output, _) = Run("import", "persons", "--file", file, "--as", PlacementApp.Officer69, "--dry-run", "--Placement:DataDirectory", dir);
            Assert.Equal(2, code);
            Assert.Contains("ligne 3 — date_naissance : Date illisible « 31/02/1999 »", output, StringComparison.Ordinal);
            Assert.Contains("ligne 2 — à créer — CLI-0001 Karim Benali", output, StringComparison.Ordinal); // every line, with its outcome
            Assert.Contains("ligne 3 — rejetée — CLI-0002 Léo Durand", output, StringComparison.Ordinal);
            Assert.Contains("Essai (rien n'est écrit) — 1 à créer, 0 à modifier, 0 inchangée(s), 1 rejetée(s).", output, StringComparison.Ordinal);

            File.WriteAllLines(file, [header, good]);
            var applied = Run("import", "persons", "--file", file, "--as", PlacementApp.Officer69, "--Placement:DataDirectory", dir);
            Assert.True(applied.ExitCode == 0, applied.Out + applied.Err);
            Assert.Contains("Import appliqué — 1 créée(s)", applied.Out, StringComparison.Ordinal);
            using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(dir, "placement.db")};Pooling=False"))
            {
                connection.Open();
                using var command = connection.CreateCommand();
                command.CommandText = "SELECT COUNT(*) FROM AuditTrail WHERE Actor = $actor AND Action = 'create' AND What = 'Fiche de la personne'";
                command.Parameters.AddWithValue("$actor", PlacementApp.Officer69);
                Assert.Equal(1L, (long)command.ExecuteScalar()!); // the audit names the account the command line acted for
            }
            var again = Run("import", "persons", "--file", file, "--as", PlacementApp.Officer69, "--Placement:DataDirectory", dir);
            Assert.Contains("Rien à écrire — 0 créée(s), 0 modifiée(s), 1 inchangée(s), 0 rejetée(s).", again.Out, StringComparison.Ordinal);

            var stranger = Run("import", "persons", "--file", file, "--as", "personne@nulle.part", "--Placement:DataDirectory", dir);
            Assert.Equal(2, stranger.ExitCode);
            Assert.Contains("Aucun compte « personne@nulle.part »", stranger.Err, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Import_HostBodiesThenPosts_InTheScopeOfTheAccountNamed()
    {
        var dir = Path.Combine(Path.GetTempPath(), "placement-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            (int ExitCode, string Out, string Err) Run(params string[] args) => RunIn("Development", [.. args, "--Placement:Demo:Enabled", "true", "--Placement:DataDirectory", dir]);
            Assert.Equal(0, Run("seed").ExitCode);
            var siret = CatalogueImportTests.NewSiret();
            var hostBodies = Path.Combine(dir, "structures.csv");
            File.WriteAllLines(hostBodies, ["siret;nom;forme_juridique;commune_insee;contact_nom;contact_courriel", $"{siret};Commune de Feyzin;commune;69276;Mairie;accueil@feyzin.fr"]);
            var refused = Run("import", "host-bodies", "--file", hostBodies, "--as", PlacementApp.Officer69);
            Assert.Equal(2, refused.ExitCode);
            Assert.Contains("réservé aux coordinateurs", refused.Err, StringComparison.Ordinal);
            var created = Run("import", "host-bodies", "--file", hostBodies, "--as", PlacementApp.Coordinator);
            Assert.True(created.ExitCode == 0, created.Out + created.Err);
            Assert.Contains("Import appliqué — 1 créée(s)", created.Out, StringComparison.Ordinal);

            var posts = Path.Combine(dir, "postes.csv");
            const string header = "siret;reference;intitule;description;activite;places;heures_hebdo_max;creneaux;ouvert_du;ouvert_au;tuteur_nom;tuteur_telephone;effort_physique";
            File.WriteAllLines(posts, [header, $"{siret};FEY-01;Entretien des massifs;Désherbage et paillage des massifs de la ville.;espaces-verts;2;7;lun 08:00-12:00;01/01/2027;31/12/2027;Jean Roux;04 72 00 00 00;moyen",
                $"{siret};FEY-02;Sans créneau;Une ligne sans créneau.;espaces-verts;1;7;;01/01/2027;31/12/2027;Jean Roux;04 72 00 00 00;moyen"]);
            var (code, output, _) = Run("import", "posts", "--file", posts, "--as", PlacementApp.Coordinator, "--all-or-nothing");
            Assert.Equal(2, code);
            Assert.Contains("ligne 3 — creneaux : Ce champ est obligatoire.", output, StringComparison.Ordinal);
            Assert.Contains("ligne 2 — créé — ", output, StringComparison.Ordinal); // a post: « créé »
            Assert.Contains("Rien n'est écrit (tout ou rien) — 1 créé(s), 0 modifié(s), 0 inchangé(s), 1 rejeté(s).", output, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Seed_CreatesTheBootstrapAdministrator_OfARealDeployment()
    {
        var dir = Path.Combine(Path.GetTempPath(), "placement-tests", Guid.NewGuid().ToString("N"));
        try
        {
            var first = Run("seed", "--Placement:DataDirectory", dir, "--Placement:Bootstrap:AdminEmail", "admin@spip.justice.fr", "--Placement:Bootstrap:AdminPassword", "Un-Mot-De-Passe-Long-42");
            Assert.True(first.ExitCode == 0, first.Err);
            // The account exists now: a later start leaves it as it is, whatever the password setting says.
            var again = Run("seed", "--reset", "--Placement:DataDirectory", dir, "--Placement:Bootstrap:AdminEmail", "admin@spip.justice.fr", "--Placement:Bootstrap:AdminPassword", "Un-Autre-Mot-De-Passe-99");
            Assert.True(again.ExitCode == 0, again.Err);
            var bad = Run("seed", "--reset", "--Placement:DataDirectory", dir, "--Placement:Bootstrap:AdminEmail", "other@spip.justice.fr", "--Placement:Bootstrap:AdminPassword", "court");
            Assert.NotEqual(0, bad.ExitCode); // a too short password is bad configuration: the start stops with the reason
            Assert.Contains("AdminPassword", bad.Err + bad.Out, StringComparison.Ordinal);
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void TheService_RefusesToStart_WhenElasticsearchIsUnreachable()
    {
        var dir = Path.Combine(Path.GetTempPath(), "placement-tests", Guid.NewGuid().ToString("N"));
        try
        {
            var (code, _, err) = Run("--urls", "http://127.0.0.1:0", "--Placement:DataDirectory", dir, "--Placement:Demo:SeedWhenEmpty", "false",
                "--Placement:Search:Engine", "Elasticsearch", "--Placement:Search:Elasticsearch:Url", "http://127.0.0.1:9");
            Assert.Equal(1, code);
            Assert.Contains("Elasticsearch injoignable à http://127.0.0.1:9", err, StringComparison.Ordinal);
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Seed_OnANonEmptyDatabase_WithoutReset_ExitsWith2()
    {
        var dir = Path.Combine(Path.GetTempPath(), "placement-tests", Guid.NewGuid().ToString("N"));
        try
        {
            var first = Run("seed", "--Placement:DataDirectory", dir);
            Assert.True(first.ExitCode == 0, first.Err);
            Assert.True(File.Exists(Path.Combine(dir, "placement.db")));
            Assert.Contains("Index de recherche (embedded) reconstruit", first.Out, StringComparison.Ordinal);
            var second = Run("seed", "--Placement:DataDirectory", dir);
            Assert.Equal(2, second.ExitCode);
            Assert.Contains("seed --reset", second.Err, StringComparison.Ordinal);
            var reindex = Run("reindex", "--Placement:DataDirectory", dir);
            Assert.True(reindex.ExitCode == 0, reindex.Err);
            Assert.Matches(@"reconstruit : 1\d{3} postes publiés", reindex.Out);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}

/// <summary><c>seed --reset</c> puts the demo data set back, on a service of its own.</summary>
public sealed class SeedResetTests : IDisposable
{
    private readonly PlacementApp _app = new();

    [Fact]
    public async Task SeedReset_ReplacesTheCatalogueAndPersons_WithTheDemoDataSet()
    {
        var coordinator = await _app.ClientFor(PlacementApp.Coordinator);
        await CatalogueApiTests.CreateHostBody(coordinator, "Association éphémère");
        Assert.Equal(601, (await (await coordinator.GetAsync("/api/host-bodies")).Json()).GetProperty("total").GetInt32());

        var exit = await CommandLine.RunAsync(CommandLine.Parse(["seed", "--reset"]), _app.Services, TextWriter.Null);
        Assert.Equal(CommandLine.Ok, exit);

        Assert.Equal(600, (await (await coordinator.GetAsync("/api/host-bodies")).Json()).GetProperty("total").GetInt32());
        Assert.Equal(2005, (await (await coordinator.GetAsync("/api/posts")).Json()).GetProperty("total").GetInt32());
        Assert.Equal(540, (await (await coordinator.GetAsync("/api/persons")).Json()).GetProperty("total").GetInt32());
        // The partner account follows its host body through the reset.
        var partner = await _app.ClientFor(PlacementApp.Partner);
        Assert.Equal(HttpStatusCode.OK, (await partner.GetAsync("/api/host-bodies")).StatusCode);
        Assert.Equal(1, (await (await partner.GetAsync("/api/host-bodies")).Json()).GetProperty("total").GetInt32());
    }

    public void Dispose() => _app.Dispose();
}
