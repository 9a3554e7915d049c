using Microsoft.Extensions.Options;
using Placement.Catalogue.Contracts;
using Placement.Catalogue.Domain;
using Placement.Catalogue.Geography;

namespace Placement.Catalogue;

/// <summary>
/// Turns what a client writes into domain values: completes addresses from the real geography,
/// checks the activity vocabulary, then builds the details — one error list naming every bad field.
/// </summary>
public sealed class CatalogueInputs(FranceGeography geography, IOptions<CatalogueOptions> options)
{
    public HostBodyDetails HostBody(HostBodyFields input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new FieldErrors();
        var completed = input with { Address = geography.Complete(input.Address, errors, "address") };
        return errors.Build(completed.ToDetails);
    }

    public PostDetails Post(PostFields input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new FieldErrors();
        var completed = input with { Address = geography.Complete(input.Address, errors, "address") };
        if (input.Activity is { Length: > 0 } a && !options.Value.Activities.Contains(a, StringComparer.Ordinal))
            errors.Add("activity", $"Activité inconnue « {a} » ; attendu : {string.Join(", ", options.Value.Activities)}.");
        return errors.Build(completed.ToDetails);
    }
}
