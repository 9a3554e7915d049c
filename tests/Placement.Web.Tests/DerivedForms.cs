using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Placement.Web.Data;

namespace Placement.Web.Tests;

/// <summary>
/// Each fact is stored once; what is copied for queries is derived from it. This checker reads the raw rows (SQL, not the
/// service's mapping) and compares every derived column and row with the document it comes from: Persons' Departement,
/// LastName and CaseNumber, the PersonNoContacts rows (exactly the profile's no-contact list, the person left out); host
/// bodies' Name, Departement and Siret; posts' Departement and Reference.
/// </summary>
internal static class DerivedForms
{
    private sealed record Row(Guid Id, string Document, string? Departement, string? Name, string? Key);
    private sealed record Link(Guid PersonId, Guid OtherPersonId);

    public static async Task AssertConsistentAsync(PlacementDbContext db)
    {
        var problems = new List<string>();
        var persons = await db.Database.SqlQueryRaw<Row>("""SELECT "Id", "Document", "Departement", "LastName" AS "Name", "CaseNumber" AS "Key" FROM "Persons" """).ToListAsync();
        var wanted = new HashSet<Link>();
        foreach (var p in persons)
        {
            var doc = JsonDocument.Parse(p.Document).RootElement;
            Same(problems, $"person {p.Id} Departement", Text(doc, "departement"), p.Departement);
            Same(problems, $"person {p.Id} LastName", Text(doc, "lastName")?.Trim(), p.Name);
            Same(problems, $"person {p.Id} CaseNumber", Text(doc, "caseNumber"), p.Key);
            if (doc.TryGetProperty("restrictions", out var r) && r.TryGetProperty("noContactWithPersonIds", out var ids) && ids.ValueKind == JsonValueKind.Array)
                foreach (var other in ids.EnumerateArray().Select(i => i.GetGuid()).Where(o => o != p.Id)) wanted.Add(new(p.Id, other));
        }
        var rows = (await db.Database.SqlQueryRaw<Link>("""SELECT "PersonId", "OtherPersonId" FROM "PersonNoContacts" """).ToListAsync()).ToHashSet();
        foreach (var missing in wanted.Except(rows)) problems.Add($"PersonNoContacts lacks {missing.PersonId} → {missing.OtherPersonId}, which the profile lists");
        foreach (var extra in rows.Except(wanted)) problems.Add($"PersonNoContacts holds {extra.PersonId} → {extra.OtherPersonId}, which the profile does not list");

        foreach (var h in await db.Database.SqlQueryRaw<Row>("""SELECT "Id", "Document", "Departement", "Name", "Siret" AS "Key" FROM "HostBodies" """).ToListAsync())
        {
            var doc = JsonDocument.Parse(h.Document).RootElement;
            Same(problems, $"host body {h.Id} Name", Text(doc, "name")?.Trim(), h.Name);
            Same(problems, $"host body {h.Id} Departement", Text(doc.GetProperty("address"), "departement"), h.Departement);
            Same(problems, $"host body {h.Id} Siret", Text(doc, "siret"), h.Key);
        }
        foreach (var q in await db.Database.SqlQueryRaw<Row>("""SELECT "Id", "Document", "Departement", NULL AS "Name", "Reference" AS "Key" FROM "Posts" """).ToListAsync())
        {
            var doc = JsonDocument.Parse(q.Document).RootElement;
            Same(problems, $"post {q.Id} Departement", Text(doc.GetProperty("address"), "departement"), q.Departement);
            Same(problems, $"post {q.Id} Reference", Text(doc, "reference"), q.Key);
        }
        Assert.True(problems.Count == 0, $"{problems.Count} derived form(s) differ from their source:\n" + string.Join("\n", problems.Take(20)));
    }

    private static string? Text(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static void Same(List<string> problems, string what, string? source, string? derived)
    {
        if (!string.Equals(source, derived, StringComparison.Ordinal)) problems.Add($"{what}: « {derived} » where the document says « {source} »");
    }
}
