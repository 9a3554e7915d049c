using System.Globalization;

namespace Placement.Matching.Engine;

/// <summary>One part of a quality score: its points, its maximum and what it means in French.</summary>
public sealed record ScorePart(string Name, double Points, double Max, string Explanation);

/// <summary>
/// The quality of an eligible (person, post) pair, an integer from 0 to 100, the sum of four parts:
/// <list type="bullet">
/// <item><b>distance</b> (0–35): 35 × (1 − d / maxTravelKm) — nearer is better, 0 at the limit; 35 when the limit is 0 (the post is at the door).</item>
/// <item><b>skills</b> (0–25): 25 × shared / skills the post lists; a post that lists none gives 12.5 (neutral).</item>
/// <item><b>schedule</b> (0–25): the margin before the deadline. With achievable hours A = W × N and
/// remaining hours R (A ≥ R for an eligible pair), 25 × min(1, A / R − 1): full marks when the post
/// allows twice the hours needed, none when it only just fits.</item>
/// <item><b>urgency</b> (0–15): 15 × (1 − weeks to the deadline / 78), floored at 0 — persons close to
/// their deadline weigh more when not everyone can be placed.</item>
/// </list>
/// The solver maximises the number of persons placed first, then the sum of these scores.
/// </summary>
public static class QualityScore
{
    public const int Max = 100;
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    /// <summary>The four parts with their French explanations (for proposals; <see cref="Of"/> is the cheap path).</summary>
    public static IReadOnlyList<ScorePart> Parts(MatchPerson person, MatchPost post, Evaluation evaluation, DateOnly referenceDate)
    {
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(post);
        var points = Points(person, post, evaluation, referenceDate);
        var shared = post.Skills.Where(s => person.Skills.Contains(s, StringComparer.Ordinal)).ToList();
        var weeksLeft = WeeksLeft(person, referenceDate);
        return
        [
            new("distance", points.Distance, 35, string.Format(French, "{0:0.#} km (limite {1:0.#} km)", evaluation.DistanceKm, person.MaxTravelKm)),
            new("skills", points.Skills, 25, post.Skills.Count == 0 ? "aucune compétence requise"
                : shared.Count == 0 ? "aucune compétence commune"
                : Plural.Of(shared.Count, "compétence commune : ", "compétences communes : ", zeroIsPlural: true) + string.Join(", ", shared)),
            new("schedule", points.Schedule, 25, string.Format(French, "{0:0.#} h/semaine possibles, {1:0.#} h à faire en {2:0} semaines", evaluation.WeeklyHours, person.HoursRemaining, evaluation.Weeks)),
            new("urgency", points.Urgency, 15, string.Format(French, "échéance dans {0:0} semaines", weeksLeft)),
        ];
    }

    /// <summary>The points of each part, without text: what candidate generation computes for every eligible pair.</summary>
    public static (double Distance, double Skills, double Schedule, double Urgency) Points(MatchPerson person, MatchPost post, Evaluation evaluation, DateOnly referenceDate)
    {
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(post);
        // A person who may not travel at all (limit 0) and a post at their door: the nearest there is, full marks (never 0/0).
        var distance = person.MaxTravelKm > 0 ? 35 * Math.Clamp(1 - evaluation.DistanceKm / person.MaxTravelKm, 0, 1) : 35;
        var shared = 0;
        // Indexed loops: an enumerator of an IReadOnlyList is an allocation, and this runs for every eligible pair.
        for (var i = 0; i < post.Skills.Count; i++)
            for (var j = 0; j < person.Skills.Count; j++)
                if (string.Equals(post.Skills[i], person.Skills[j], StringComparison.Ordinal)) { shared++; break; }
        var skills = post.Skills.Count == 0 ? 12.5 : 25.0 * shared / post.Skills.Count;
        var margin = person.HoursRemaining <= 0 ? 1 : evaluation.AchievableHours / person.HoursRemaining - 1;
        var schedule = 25 * Math.Clamp(margin, 0, 1);
        var urgency = 15 * Math.Clamp(1 - WeeksLeft(person, referenceDate) / 78, 0, 1);
        return (distance, skills, schedule, urgency);
    }

    private static double WeeksLeft(MatchPerson person, DateOnly referenceDate) => ServiceCalendar.Weeks(referenceDate, person.Deadline);

    /// <summary>The score, rounded to an integer in 0–100.</summary>
    public static int Total(IReadOnlyList<ScorePart> parts) => (int)Math.Round(parts.Sum(p => p.Points), MidpointRounding.AwayFromZero);

    public static int Of(MatchPerson person, MatchPost post, Evaluation evaluation, DateOnly referenceDate)
    {
        var (distance, skills, schedule, urgency) = Points(person, post, evaluation, referenceDate);
        return (int)Math.Round(distance + skills + schedule + urgency, MidpointRounding.AwayFromZero);
    }

    /// <summary>The explanation lines of a proposal: one per part, in French.</summary>
    public static IReadOnlyList<string> Explain(IReadOnlyList<ScorePart> parts) => [.. parts.Select(p => p.Explanation)];

    /// <summary>
    /// The explanation lines of a proposal, then the note of the medical examination to plan when there is one
    /// (<see cref="MedicalExamination.Note"/>, null: none).
    /// </summary>
    public static IReadOnlyList<string> Explain(IReadOnlyList<ScorePart> parts, string? medicalExamination) =>
        medicalExamination is null ? Explain(parts) : [.. parts.Select(p => p.Explanation), medicalExamination];
}
