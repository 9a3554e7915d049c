using Placement.Catalogue.Imports;

namespace Placement.Web.Features.Imports;

/// <summary>
/// An import's outcomes in French, agreed with what the kind imports — a person, a host body (« créée »), a post
/// (« créé ») — for the page and the command line alike.
/// </summary>
public static class ImportWords
{
    private static string Ending(string kind) => kind == ImportKinds.Posts ? "" : "e";

    /// <summary>« Créée », « Modifié »… for one line.</summary>
    public static string Outcome(string kind, string outcome) => outcome switch
    {
        ImportOutcomes.Created => $"Créé{Ending(kind)}",
        ImportOutcomes.Updated => $"Modifié{Ending(kind)}",
        ImportOutcomes.Unchanged => $"Inchangé{Ending(kind)}",
        _ => $"Rejeté{Ending(kind)}",
    };

    /// <summary>« créée(s) » or « créé(s) », from the masculine participle.</summary>
    public static string Counted(string kind, string participle) => $"{participle}{Ending(kind)}(s)";

    /// <summary>« 3 créées(s), 1 modifiée(s), 0 inchangée(s), 2 rejetée(s) » — or, for a dry run, « 3 à créer, 1 à modifier, … ».</summary>
    public static string Counts(string kind, bool dryRun, int created, int updated, int unchanged, int rejected) =>
        (dryRun ? $"{created} à créer, {updated} à modifier" : $"{created} {Counted(kind, "créé")}, {updated} {Counted(kind, "modifié")}")
        + $", {unchanged} {Counted(kind, "inchangé")}, {rejected} {Counted(kind, "rejeté")}";
}
