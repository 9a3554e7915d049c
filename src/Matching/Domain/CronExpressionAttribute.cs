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
}
