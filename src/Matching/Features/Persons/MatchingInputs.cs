using Microsoft.Extensions.Options;
using Placement.Catalogue.Contracts;
using Placement.Catalogue.Geography;
using Placement.Matching.Domain;

namespace Placement.Matching.Features.Persons;

/// <summary>
/// Turns what an officer writes about a person into a valid <see cref="PersonProfile"/>, naming every bad field: the one
/// way in of every write of a person (API, pages, imports). Exclusion zones over the bounds of <see cref="MatchingLimits"/>
/// are refused before their geometry is read (<see cref="ZoneBounds"/>).
/// </summary>
public sealed class MatchingInputs(FranceGeography geography, IOptions<MatchingLimits> limits)
{
    public PersonProfile Person(PersonFields input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new FieldErrors();
        var completed = input with { Home = geography.Complete(input.Home, errors, "home") };
        if (input.Departement is { Length: > 0 } d && geography.Departement(d) is null)
            errors.Add("departement", "Département inconnu.");
        if (!ZoneBounds.Check(input.Restrictions?.ExclusionZones, limits.Value, "restrictions.exclusionZones", errors))
            completed = completed with { Restrictions = completed.Restrictions! with { ExclusionZones = null } }; // not read: refused already
        return errors.Build(completed.ToProfile);
    }
}
