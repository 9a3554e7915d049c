using System.ComponentModel.DataAnnotations;
using Cronos;

namespace Placement.Matching.Domain;

/// <summary>A cron expression of five fields as Hangfire reads it (UTC), e.g. « 0 7 * * 1 ».</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class CronExpressionAttribute : ValidationAttribute
{
    public const string Hint = "expression cron à cinq champs (ex. « 0 7 * * 1 » : chaque lundi à 7 h UTC)";

    public CronExpressionAttribute() : base(Hint) { }

    public static bool IsValid(string? cron)
    {
        if (string.IsNullOrWhiteSpace(cron)) return false;
        try
        {
            _ = CronExpression.Parse(cron);
            return true;
        }
        catch (CronFormatException)
        {
            return false;
        }
    }

    public override bool IsValid(object? value) => value is null || (value is string s && IsValid(s));

    /// <summary>The next <paramref name="count"/> times a valid cron expression (UTC) fires after <paramref name="after"/>.</summary>
    public static IReadOnlyList<DateTimeOffset> Next(string cron, DateTimeOffset after, int count)
    {
        var expression = CronExpression.Parse(cron);
        var next = new List<DateTimeOffset>();
        var from = after.UtcDateTime;
        while (next.Count < count && expression.GetNextOccurrence(from) is { } at)
        {
            next.Add(new DateTimeOffset(at, TimeSpan.Zero));
            from = at;
        }
        return next;
    }
}
