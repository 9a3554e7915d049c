using Microsoft.Extensions.Options;
using Placement.Catalogue.Contracts;
using Placement.Catalogue.Domain;
using Placement.Catalogue.Geocoding;
using Placement.Catalogue.Geography;
using Placement.Catalogue.Features.HostBodies;
using Placement.Catalogue.Features.Posts;

namespace Placement.Catalogue;

/// <summary>
/// Turns what a client writes into domain values: completes addresses from the real geography,
/// checks the activity vocabulary, then builds the details — one error list naming every bad field.
/// </summary>
public sealed class CatalogueInputs(FranceGeography geography, Placement.Catalogue.Features.Activities.ActivityVocabulary activities, IGeocoder geocoder)
{
    /// <summary>An address without a position gets one from the geocoder (street if it can, else its commune).</summary>
    public async Task<AddressDto?> LocateAsync(AddressDto? address, CancellationToken ct = default)
    {
        if (address is not { Location: null, CommuneInsee: { Length: > 0 } insee }) return address;
        var found = await geocoder.GeocodeAsync(address.Street, insee, ct);
        return found is null ? address : address with { Location = new PointDto { Lat = found.Location.Latitude, Lon = found.Location.Longitude } };
    }

    public async Task<HostBodyDetails> HostBodyAsync(HostBodyFields input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        return HostBody(input with { Address = await LocateAsync(input.Address, ct) });
    }

    public async Task<PostDetails> PostAsync(PostFields input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        return Post(input with { Address = await LocateAsync(input.Address, ct) });
    }

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
        if (input.Activity is { Length: > 0 } a) activities.Check(a, errors);
        return errors.Build(completed.ToDetails);
    }
}
