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

    /// <summary>The day the measure was recorded as ended without being carried out (the deadline passed): nothing more is placed.</summary>
    public DateOnly? EndedNotCarriedOutOn { get; private set; }

    /// <summary>The measure is still to carry out: not ended as not carried out.</summary>
    public bool IsUnderMeasure => EndedNotCarriedOutOn is null;

    /// <summary>Records the end of the measure as not carried out, once its deadline has passed with hours remaining.</summary>
    public void EndNotCarriedOut(DateOnly today, DateTimeOffset now)
    {
        if (!IsUnderMeasure) throw new IllegalTransitionException("Mesure", "close", "end");
        Ensure.That(Profile.DeadlinePassed(today), "kind", "La mesure ne se clôt comme non exécutée qu'une fois l'échéance dépassée avec des heures restantes.");
        EndedNotCarriedOutOn = today;
        UpdatedAt = now;
    }

    /// <summary>Adds hours signed on a placement to the hours done.</summary>
    public void AddHoursDone(double hours, DateTimeOffset now)
    {
        var done = Profile.Hours.Done + hours;
        // Minutes written in hours do not add up exactly (12 × 1 h 40): within half a minute of a bound is that bound.
        if (Math.Abs(done - Profile.Hours.Ordered) < TigPlacement.Tolerance) done = Profile.Hours.Ordered;
        if (Math.Abs(done) < TigPlacement.Tolerance) done = 0;
        Update(Profile.WithHoursDone(done), now);
    }

    /// <summary>The medical examination found the person fit for the work (R.623-14): « apte » and its date.</summary>
    public void RecordMedicalFitness(MedicalFitness fitness, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(fitness);
        Profile = Profile.WithMedicalFitness(fitness);
        UpdatedAt = now;
    }

    /// <summary>
    /// Replaces the profile; the medical fitness recorded is kept (it is recorded on its own, <see cref="RecordMedicalFitness"/>,
    /// never through an edit of the file or an import).
    /// </summary>
    public void Update(PersonProfile profile, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(profile);
        Profile = Profile?.MedicalFitness is { } fitness ? profile.WithMedicalFitness(fitness) : profile;
        Departement = profile.Departement;
        LastName = profile.LastName;
        CaseNumber = profile.CaseNumber;
        UpdatedAt = now;
    }
}
