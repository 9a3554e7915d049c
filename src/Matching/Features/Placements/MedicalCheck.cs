using Placement.Catalogue.Domain;
using Placement.Matching.Domain;

namespace Placement.Matching.Features.Placements;

/// <summary>
/// The medical examination before the work starts (R.623-14): for a minor, on night work, on a post with particular risks or
/// in a care setting, or when the SPIP asks for one (the officer's marker or the director's requirement — both read
/// « situation signalée par le SPIP », never which). Until the SPIP records the person fit, the host body cannot confirm the
/// placement and no session is planned, added or attended; the officer's proposal is not blocked, it carries the note.
/// </summary>
public static class MedicalCheck
{
    /// <summary>The name of the rule in a conflict's <c>rules</c>.</summary>
    public const string RuleName = "medicalExamination";

    /// <summary>Why an examination is needed for this person on this post on <paramref name="today"/>, in French; empty when none is.</summary>
    public static IReadOnlyList<string> Reasons(PersonProfile person, PostConditions post, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(post);
        var reasons = new List<string>();
        if (person.IsMinorOn(today)) reasons.Add("mineur");
        if (post.NightWork) reasons.Add("travail de nuit");
        if (post.ParticularRisks) reasons.Add("risques particuliers");
        if (post.CareSetting) reasons.Add("établissement de soins");
        if (person.ExaminationAskedForThePerson) reasons.Add("situation signalée par le SPIP");
        return reasons;
    }

    /// <summary>True when the examination is required and the person's fitness not recorded yet (the engine's rule).</summary>
    public static bool IsPending(Person person, Post post, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(post);
        return person.Profile.MedicalFitness is null && Reasons(person.Profile, post.Details.Conditions, today).Count > 0;
    }

    /// <summary>« Visite médicale à prévoir avant le début du travail (mineur, travail de nuit). », or null when none is pending.</summary>
    public static string? Note(Person person, Post post, DateOnly today) =>
        IsPending(person, post, today) ? $"Visite médicale à prévoir avant le début du travail ({string.Join(", ", Reasons(person.Profile, post.Details.Conditions, today))})." : null;

    /// <summary>Refuses (409, rule <see cref="RuleName"/>) what must wait for the fitness: the host's confirmation, a session.</summary>
    public static void EnsureCleared(Person person, Post post, DateOnly today)
    {
        if (!IsPending(person, post, today)) return;
        throw new PlacementConflictException(
            $"Visite médicale à prévoir avant le début du travail ({string.Join(", ", Reasons(person.Profile, post.Details.Conditions, today))}) : le SPIP doit enregistrer l'aptitude.",
            [RuleName]);
    }
}
