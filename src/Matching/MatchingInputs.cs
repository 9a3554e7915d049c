using Placement.Catalogue.Contracts;
using Placement.Catalogue.Geography;
using Placement.Matching.Contracts;
using Placement.Matching.Domain;

namespace Placement.Matching;

/// <summary>Turns what an officer writes about a person into a valid <see cref="PersonProfile"/>, naming every bad field.</summary>
public sealed class MatchingInputs(FranceGeography geography)
{
    public PersonProfile Person(PersonFields input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new FieldErrors();
        var completed = input with { Home = geography.Complete(input.Home, errors, "home") };
        if (input.Departement is { Length: > 0 } d && geography.Departement(d) is null)
            errors.Add("departement", "Département inconnu.");
        return errors.Build(completed.ToProfile);
    }
}
