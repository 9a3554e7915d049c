using Microsoft.EntityFrameworkCore;
using Placement.Catalogue.Contracts;
using Placement.Matching.Persistence;

namespace Placement.Matching.Application;

/// <summary>A case number (numéro de dossier) belongs to one person: the rule shared by creating, editing and importing.</summary>
public static class PersonCaseNumbers
{
    /// <summary>Refuses (400 on <c>caseNumber</c>) a case number already carried by another person than <paramref name="personId"/>.</summary>
    public static async Task EnsureFreeAsync(this IMatchingStore store, string? caseNumber, Guid personId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(store);
        if (caseNumber is null) return;
        if (await store.Persons.AnyAsync(p => p.CaseNumber == caseNumber && p.Id != personId, ct))
            throw FieldErrors.OneField("caseNumber", $"Le numéro de dossier {caseNumber} est déjà celui d'une autre personne.");
    }
}
