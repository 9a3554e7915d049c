using Placement.Catalogue.Domain;

namespace Placement.Matching.Domain;

/// <summary>
/// Hours of a TIG measure. Ordered within 20–400 h (délit; contraventions stay within it), done within
/// 0..ordered. Remaining is derived, never stored.
/// </summary>
public sealed record HoursBalance
{
    public const int MinOrdered = 20;
    public const int MaxOrdered = 400;

    public HoursBalance(double ordered, double done)
    {
        Ensure.That(double.IsFinite(ordered) && ordered is >= MinOrdered and <= MaxOrdered, "hoursOrdered", $"Les heures prononcées doivent être comprises entre {MinOrdered} et {MaxOrdered}.");
        Ensure.That(double.IsFinite(done) && done >= 0 && done <= ordered, "hoursDone", "Les heures effectuées doivent être comprises entre 0 et les heures prononcées.");
        Ordered = ordered;
        Done = done;
    }

    public double Ordered { get; }
    public double Done { get; }
    public double Remaining => Ordered - Done;
}
