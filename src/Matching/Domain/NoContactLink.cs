namespace Placement.Matching.Domain;

/// <summary>
/// One co-defendant or victim a person must never meet (<see cref="JudicialRestrictions.NoContactWithPersonIds"/>),
/// kept as a row beside the person so that rule 13's reverse direction — « who lists this person? » — is an
/// indexed query.
/// </summary>
public sealed record NoContactLink(Guid OtherPersonId);
