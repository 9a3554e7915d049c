using Placement.Catalogue.Imports;
using Placement.Matching.Features.Imports;

namespace Placement.Web.Tests;

/// <summary>
/// <c>docs/import.md</c> lists the importers' own columns: each kind's table is generated from its columns and must be the
/// one in the document (<c>PLACEMENT_WRITE_DOCS=1</c> writes it between its markers).
/// </summary>
public class ImportDocumentationTests
{
    public static TheoryData<string> Kinds => ["persons", "host-bodies", "posts"];

    private static IReadOnlyList<ImportColumn> ColumnsOf(string kind) => kind switch
    {
        "persons" => PersonColumns.All,
        "host-bodies" => HostBodyColumns.All,
        _ => PostColumns.All,
    };

    internal static string Table(IReadOnlyList<ImportColumn> columns)
    {
        static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);
        var rows = columns.Select(c =>
            $"| `{c.Name}` | {(c.Required ? "oui" : "")} | {Cell(c.Description)} | {(c.Example.Length == 0 ? "" : $"`{Cell(c.Example)}`")} | `{c.Field}` |");
        return string.Join("\n", ["| Column | Required | Meaning | Example | API field |", "|---|---|---|---|---|", .. rows]);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task TheDocumentListsTheColumnsTheImporterReads(string kind)
    {
        var path = Path.Combine(Documentation.Root, "docs", "import.md");
        var text = await File.ReadAllTextAsync(path);
        var (open, close) = ($"<!-- columns:{kind} -->", $"<!-- /columns:{kind} -->");
        var start = text.IndexOf(open, StringComparison.Ordinal) + open.Length;
        var end = text.IndexOf(close, StringComparison.Ordinal);
        Assert.True(start >= open.Length && end > start, $"markers of {kind} missing in docs/import.md");
        var expected = $"\n{Table(ColumnsOf(kind))}\n";
        if (Environment.GetEnvironmentVariable("PLACEMENT_WRITE_DOCS") == "1")
        {
            lock (typeof(ImportDocumentationTests))
            {
                text = File.ReadAllText(path);
                start = text.IndexOf(open, StringComparison.Ordinal) + open.Length;
                end = text.IndexOf(close, StringComparison.Ordinal);
                File.WriteAllText(path, text[..start] + expected + text[end..]);
            }
            return;
        }
        Assert.Equal(expected, text[start..end]);
    }
}

/// <summary>A contract's error is said on the CSV column the user wrote: the field's own, or the one its root names.</summary>
public class ImportColumnOfTests
{
    [Theory]
    [InlineData("persons", "home.street", "adresse")]
    [InlineData("persons", "home.location", "commune_insee")]
    [InlineData("persons", "availability[1].end", "disponibilites")]
    [InlineData("persons", "referentOfficer", "agent_referent_nom")]
    [InlineData("persons", "restrictions.noContactWithMinors", "interdiction_contact_mineurs")]
    [InlineData("persons", "restrictions.exclusionZones", null)]
    [InlineData("persons", "restrictions.noContactWithCaseNumbers", "ne_pas_rencontrer")]
    [InlineData("persons", "suspensions[0].from", null)]
    [InlineData("posts", "address.street", "adresse")]
    [InlineData("posts", "address.departement", "commune_insee")]
    [InlineData("posts", "schedule[1].end", "creneaux")]
    [InlineData("posts", "tutor", "tuteur_nom")]
    [InlineData("host-bodies", "contact", "contact_nom")]
    [InlineData("host-bodies", "habilitation.validUntil", "habilitation_fin")]
    public void AFieldIsSaidOnItsColumn(string kind, string field, string? column) =>
        Assert.Equal(column, kind switch
        {
            "persons" => PersonColumns.ColumnOf(field),
            "posts" => PostColumns.ColumnOf(field),
            _ => HostBodyColumns.ColumnOf(field),
        });
}
