namespace Placement.Matching.Domain;

/// <summary>A person a run could not place, and why (matching.md reasons).</summary>
public sealed class UnplacedPerson
{
    private UnplacedPerson() { }

    public UnplacedPerson(Guid runId, Guid personId, string reason, IReadOnlyDictionary<string, int>? blockingRules)
    {
        RunId = runId;
        PersonId = personId;
        Reason = reason;
        BlockingRules = blockingRules is null ? null : new Dictionary<string, int>(blockingRules);
    }

    public long Id { get; private set; }
    public Guid RunId { get; private set; }
    public Guid PersonId { get; private set; }
    public string Reason { get; private set; } = "";
    public Dictionary<string, int>? BlockingRules { get; private set; }
}
