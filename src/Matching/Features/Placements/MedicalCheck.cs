using Placement.Catalogue.Domain;
using Placement.Matching.Domain;
using Placement.Matching.Engine;

namespace Placement.Matching.Features.Placements;

/// <summary>
/// The medical examination before the work starts (R.623-14), as the engine tells it (<see cref="MedicalExamination"/>): for a
/// minor, on night work, on a post with particular risks or in a care setting, or when the SPIP asks for one (the officer's
/// marker or the director's requirement — both read « situation signalée par le SPIP », never which). Until the SPIP records
/// the person fit, the host body cannot confirm the placement and no session is planned, added or attended; the officer's
/// proposal is not blocked, it carries the note.
/// </summary>
public static class MedicalCheck
{
    /// <summary>The name of the rule in a conflict's <c>rules</c>.</summary>
    public const string RuleName = "medicalExamination";

    private static readonly HashSet<Guid> NoHostBodies = [];

    /// <summary>Why an examination is still to come for this person on this post on <paramref name="today"/>; empty when none is (or the person is fit).</summary>
    public static IReadOnlyList<string> Reasons(Person person, Post post, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(post);
        return MedicalExamination.Reasons(person.ToMatchPerson(NoHostBodies), post.ToMatchPost(post.Details.Capacity), today);
    }

    /// <summary>True when the examination is required and the person's fitness not recorded yet (<see cref="MedicalExamination.IsRequired"/>).</summary>
    public static bool IsPending(Person person, Post post, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(post);
        return MedicalExamination.IsRequired(person.ToMatchPerson(NoHostBodies), post.ToMatchPost(post.Details.Capacity), today);
    }

    /// <summary>« Visite médicale à prévoir avant le début du travail (mineur, travail de nuit). », or null when none is pending.</summary>
    public static string? Note(Person person, Post post, DateOnly today) =>
        Reasons(person, post, today) is { Count: > 0 } reasons ? $"Visite médicale à prévoir avant le début du travail ({string.Join(", ", reasons)})." : null;

    /// <summary>Refuses (409, rule <see cref="RuleName"/>) what must wait for the fitness: the host's confirmation, a session.</summary>
    public static void EnsureCleared(Person person, Post post, DateOnly today)
    {
        if (!IsPending(person, post, today)) return;
        throw new PlacementConflictException(
            $"Visite médicale à prévoir avant le début du travail ({string.Join(", ", Reasons(person, post, today))}) : le SPIP doit enregistrer l'aptitude.",
            [RuleName]);
    }
}
