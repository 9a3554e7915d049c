using Placement.Catalogue.Domain;

namespace Placement.Matching.Domain;

/// <summary>A recurring run: a scope and a cron expression (Hangfire's, UTC).</summary>
public sealed class AssignmentSchedule
{
    private AssignmentSchedule() { }

    public AssignmentSchedule(Guid id, IEnumerable<string> departements, string cron, double timeLimitSeconds, bool keepProposed, string createdBy, DateTimeOffset now)
    {
        Departements = departements.Select(d => InseeCodes.Departement(d, "departements")).Distinct().Order(StringComparer.Ordinal).ToList();
        Ensure.That(Departements.Count > 0, "departements", "Au moins un département.");
        Cron = Ensure.NotBlank(cron, "cron", 100);
        Ensure.That(CronExpressionAttribute.IsValid(Cron), "cron", $"Expression cron invalide : {CronExpressionAttribute.Hint}.");
        Ensure.That(double.IsFinite(timeLimitSeconds) && timeLimitSeconds is > 0 and <= 600, "timeLimitSeconds", "Le temps limite est compris entre 0 (exclu) et 600 secondes.");
        Id = id;
        TimeLimitSeconds = timeLimitSeconds;
        KeepProposed = keepProposed;
        CreatedBy = createdBy;
        CreatedAt = now;
    }

    public Guid Id { get; private set; }
    public List<string> Departements { get; private set; } = [];
    public string Cron { get; private set; } = "";
    public double TimeLimitSeconds { get; private set; }
    public bool KeepProposed { get; private set; }
    public string CreatedBy { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }

    public string RecurringJobId => $"assignment-schedule-{Id:N}";
}
