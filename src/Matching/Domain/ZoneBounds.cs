using System.Text.Json;
using Placement.Catalogue.Contracts;

namespace Placement.Matching.Domain;

/// <summary>
/// The size bounds of exclusion zones (<see cref="MatchingLimits"/>), checked on the GeoJSON as written — before any
/// geometry is built or its topology checked, so that an oversized zone costs no more than reading its text.
/// </summary>
public static class ZoneBounds
{
    /// <summary>Positions in a GeoJSON geometry (every ring's, holes and parts included); 0 when it has no <c>coordinates</c>.</summary>
    public static int Vertices(JsonElement geometry) =>
        geometry.ValueKind == JsonValueKind.Object && geometry.TryGetProperty("coordinates", out var coordinates) ? Positions(coordinates) : 0;

    private static int Positions(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Array) return 0;
        var count = 0;
        foreach (var item in element.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.Number) return 1; // [lon, lat]: one position
            count += Positions(item);
        }
        return count;
    }

    /// <summary>
    /// Adds an error for each zone of <paramref name="zones"/> over <see cref="MatchingLimits.MaxVerticesPerZone"/>
    /// (<c>field[i]</c>), and on <paramref name="field"/> when there are more than <see cref="MatchingLimits.MaxZonesPerPerson"/>
    /// zones or more than <see cref="MatchingLimits.MaxVerticesPerPerson"/> vertices in all. True when within the bounds.
    /// </summary>
    public static bool Check(IReadOnlyList<JsonElement>? zones, MatchingLimits limits, string field, FieldErrors errors)
    {
        ArgumentNullException.ThrowIfNull(limits);
        ArgumentNullException.ThrowIfNull(errors);
        if (zones is null || zones.Count == 0) return true;
        var within = true;
        if (zones.Count > limits.MaxZonesPerPerson)
        {
            errors.Add(field, $"Au plus {limits.MaxZonesPerPerson} zones d'exclusion par personne (ici {zones.Count}).");
            return false; // the zones themselves are not even read
        }
        long total = 0;
        for (var i = 0; i < zones.Count; i++)
        {
            var vertices = Vertices(zones[i]);
            total += vertices;
            if (vertices <= limits.MaxVerticesPerZone) continue;
            errors.Add($"{field}[{i}]", $"Une zone d'exclusion a au plus {limits.MaxVerticesPerZone} sommets (celle-ci en a {vertices}) : simplifiez son tracé.");
            within = false;
        }
        if (within && total > limits.MaxVerticesPerPerson)
        {
            errors.Add(field, $"Les zones d'exclusion d'une personne ont au plus {limits.MaxVerticesPerPerson} sommets en tout (ici {total}) : simplifiez leur tracé.");
            within = false;
        }
        return within;
    }
}
