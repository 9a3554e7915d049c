namespace Placement.Matching.Domain;

/// <summary>A person flagged by the deadline watch, with the reasons in French.</summary>
public sealed class AtRiskPerson
{
    private AtRiskPerson() { }

    public AtRiskPerson(Guid personId, string departement, IEnumerable<string> reasons, DateTimeOffset now)
    {
        PersonId = personId;
        Departement = departement;
        Reasons = [.. reasons];
        FlaggedAt = now;
    }

    public Guid PersonId { get; private set; }
    public string Departement { get; private set; } = "";
    public List<string> Reasons { get; private set; } = [];
    public DateTimeOffset FlaggedAt { get; private set; }
}
