namespace Placement.Matching.Domain;

/// <summary>
/// One co-defendant or victim a person must never meet, as a row beside the person so that rule 13's reverse
/// direction — « who lists this person? » — is an indexed query. The fact itself is stored once, in the profile
/// (<see cref="JudicialRestrictions.NoContactWithPersonIds"/>): these rows are derived from it at every save by
/// <c>Persistence.NoContactRows</c>, never written by a use case.
/// </summary>
public sealed class NoContactLink
{
    private NoContactLink() { }

    internal NoContactLink(Guid personId, Guid otherPersonId)
    {
        PersonId = personId;
        OtherPersonId = otherPersonId;
    }

    /// <summary>The person whose profile lists <see cref="OtherPersonId"/>.</summary>
    public Guid PersonId { get; private set; }
    public Guid OtherPersonId { get; private set; }
}
