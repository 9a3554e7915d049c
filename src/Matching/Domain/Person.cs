namespace Placement.Matching.Domain;

/// <summary>A person under a TIG measure, followed by a SPIP.</summary>
public sealed class Person
{
    private Person() { }

    public Person(Guid id, PersonProfile profile, DateTimeOffset now)
    {
        Id = id;
        CreatedAt = now;
        Update(profile, now);
    }

    public Guid Id { get; private set; }
    public PersonProfile Profile { get; private set; } = null!;
    /// <summary>Kept beside <see cref="Profile"/> so that scope filters are plain column queries.</summary>
    public string Departement { get; private set; } = "";
    public string LastName { get; private set; } = "";
    /// <summary>The profile's case number, as a unique column: how an import finds the person again.</summary>
    public string? CaseNumber { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Adds hours signed on a placement to the hours done.</summary>
    public void AddHoursDone(double hours, DateTimeOffset now) => Update(Profile.WithHoursDone(Profile.Hours.Done + hours), now);

    public void Update(PersonProfile profile, DateTimeOffset now)
    {
        Profile = profile;
        Departement = profile.Departement;
        LastName = profile.LastName;
        CaseNumber = profile.CaseNumber;
        UpdatedAt = now;
    }
}
