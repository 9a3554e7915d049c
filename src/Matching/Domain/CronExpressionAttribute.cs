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

    /// <summary>
    /// The latest time a valid cron expression (UTC) fires at or before <paramref name="at"/> — the occurrence a recurring
    /// job started at <paramref name="at"/> stands for; null when it never fired in the year before.
    /// </summary>
    public static DateTimeOffset? Latest(string cron, DateTimeOffset at)
    {
        var expression = CronExpression.Parse(cron);
        var to = at.UtcDateTime;
        foreach (var back in new[] { TimeSpan.FromHours(1), TimeSpan.FromDays(1), TimeSpan.FromDays(32), TimeSpan.FromDays(367) })
            if (expression.GetOccurrences(to - back, to, fromInclusive: true, toInclusive: true).LastOrDefault() is var last && last != default)
                return new DateTimeOffset(last, TimeSpan.Zero);
        return null;
    }

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
