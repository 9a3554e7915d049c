namespace Placement.Matching.Engine;

/// <summary>
/// R.623-14: the medical examination before a TIG starts, when it is still to plan — the person is not recorded fit
/// (<see cref="MatchPerson.MedicallyFit"/>) and they are a minor on the date, or the SPIP asked for one
/// (<see cref="MatchPerson.MedicalExaminationRequired"/>), or the post is night work, exposes to particular risks or lies in a
/// care establishment. Not an eligibility rule: it changes no placement, it adds one French line (<see cref="Note"/>) to the
/// explanation of every proposal where it applies. The one implementation: the solver's explanations, person-aware search,
/// the placement and session pages all ask it.
/// <para>
/// The reasons never name the person's situation itself (« handicap », « grossesse »): they may reach the host body's pages,
/// so the officer's marker reads « situation signalée par le SPIP ».
/// </para>
/// </summary>
public static class MedicalExamination
{
    /// <summary>The reason of a minor (R.623-14: always an examination for a minor).</summary>
    public const string Minor = "mineur";

    /// <summary>The reason of the officer's marker or the SPIP director's requirement (<see cref="MatchPerson.MedicalExaminationRequired"/>).</summary>
    public const string Reported = "situation signalée par le SPIP";

    /// <summary>The reason of a post with <see cref="MatchPost.NightWork"/>.</summary>
    public const string NightWork = "travail de nuit";

    /// <summary>The reason of a post with <see cref="MatchPost.ParticularRisks"/>.</summary>
    public const string ParticularRisks = "risques particuliers";

    /// <summary>The reason of a post with <see cref="MatchPost.CareSetting"/>.</summary>
    public const string CareSetting = "établissement de soins";

    /// <summary>The start of <see cref="Note"/>: « visite médicale à prévoir ».</summary>
    public const string NotePrefix = "visite médicale à prévoir";

    /// <summary>Whether an examination is still to plan before <paramref name="person"/> starts on <paramref name="post"/> (see the class).</summary>
    public static bool IsRequired(MatchPerson person, MatchPost post, DateOnly referenceDate) => Reasons(person, post, referenceDate).Count > 0;

    /// <summary>
    /// Why an examination is still to plan, in French, in this order: <see cref="Minor"/>, <see cref="Reported"/>,
    /// <see cref="NightWork"/>, <see cref="ParticularRisks"/>, <see cref="CareSetting"/>; empty when none applies or the
    /// person is recorded fit.
    /// </summary>
    public static IReadOnlyList<string> Reasons(MatchPerson person, MatchPost post, DateOnly referenceDate)
    {
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(post);
        if (person.MedicallyFit) return [];
        var reasons = new List<string>(2);
        if (person.IsMinorOn(referenceDate)) reasons.Add(Minor);
        if (person.MedicalExaminationRequired) reasons.Add(Reported);
        if (post.NightWork) reasons.Add(NightWork);
        if (post.ParticularRisks) reasons.Add(ParticularRisks);
        if (post.CareSetting) reasons.Add(CareSetting);
        return reasons;
    }

    /// <summary>
    /// The explanation line, « visite médicale à prévoir (travail de nuit) » (reasons joined by « , »), or null when no
    /// examination is to plan.
    /// </summary>
    public static string? Note(MatchPerson person, MatchPost post, DateOnly referenceDate)
    {
        var reasons = Reasons(person, post, referenceDate);
        return reasons.Count == 0 ? null : $"{NotePrefix} ({string.Join(", ", reasons)})";
    }
}
