using System.Globalization;
using System.Text;
using System.Text.Json;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;
using Placement.Catalogue.Contracts;
using Placement.Catalogue.Domain;

namespace Placement.Catalogue.Geography;

/// <summary>
/// How a commune's position was obtained (see data/seed/README.md): the GeoNames point of the place, the centroid of the
/// commune's outline (IGN), the centre of its département (a handful of communes), or none (overseas collectivités).
/// </summary>
public enum CoordinatePrecision { Commune, Centroid, Departement, None }

/// <summary>
/// How precise a stored position is: at the address (geocoded to a street or a house, or given), or its commune's own
/// position put there by the fallback — the place's point, the centroid of the commune, or the département's centre.
/// </summary>
public enum PositionPrecision { Address, Commune, Centroid, Departement }

public static class PositionPrecisions
{
    /// <summary>Where an approximate position lies, in French (« au centre du territoire de sa commune »); null at the address.</summary>
    public static string? Where(PositionPrecision precision) => precision switch
    {
        PositionPrecision.Commune => "au centre de sa commune (bourg principal)",
        PositionPrecision.Centroid => "au centre du territoire de sa commune",
        PositionPrecision.Departement => "au centre de son département",
        _ => null,
    };
}

public sealed record Commune(string Insee, string Name, string Departement, IReadOnlyList<string> PostalCodes, int Population, GeoPoint? Location, CoordinatePrecision Precision);

public sealed record Departement(string Code, string Name, string Region, GeoPoint? Centre, Geometry? Outline);

/// <summary>
/// The real geography of France from <c>data/seed/geo</c>: 34,969 communes and 109 départements,
/// read once and kept in memory (reference data, never written by the service).
/// </summary>
public sealed class FranceGeography
{
    private readonly Dictionary<string, Commune> _communes;
    private readonly Dictionary<string, Departement> _departements;
    private readonly (string Key, Commune Commune)[] _byName;

    public FranceGeography(IEnumerable<Commune> communes, IEnumerable<Departement> departements)
    {
        _communes = communes.ToDictionary(c => c.Insee, StringComparer.Ordinal);
        _departements = departements.ToDictionary(d => d.Code, StringComparer.Ordinal);
        _byName = [.. _communes.Values.Select(c => (Normalise(c.Name), c)).OrderBy(x => x.Item1, StringComparer.Ordinal)];
    }

    public IReadOnlyCollection<Commune> Communes => _communes.Values;
    public IReadOnlyCollection<Departement> Departements => _departements.Values;

    public Commune? Commune(string? insee) => insee is not null && _communes.TryGetValue(insee.Trim().ToUpperInvariant(), out var c) ? c : null;
    public Departement? Departement(string? code) => code is not null && _departements.TryGetValue(code.Trim().ToUpperInvariant(), out var d) ? d : null;

    /// <summary>
    /// How precise the position of <paramref name="address"/> is: a position that is
    /// its commune's own (to the metre) was put there by the fallback when the address could not be geocoded, and is
    /// only as good as the commune's; any other is the address's.
    /// </summary>
    public PositionPrecision PrecisionOf(Address address)
    {
        ArgumentNullException.ThrowIfNull(address);
        var location = address.Location;
        if (Commune(address.CommuneInsee) is not { Location: { } at } commune
            || Math.Abs(at.Latitude - location.Latitude) > 1e-5 || Math.Abs(at.Longitude - location.Longitude) > 1e-5)
            return PositionPrecision.Address;
        return commune.Precision switch
        {
            CoordinatePrecision.Commune => PositionPrecision.Commune,
            CoordinatePrecision.Centroid => PositionPrecision.Centroid,
            _ => PositionPrecision.Departement,
        };
    }

    /// <summary>Communes of one région (INSEE region code, e.g. 84 = Auvergne-Rhône-Alpes).</summary>
    public IEnumerable<Departement> Region(string regionCode) => _departements.Values.Where(d => d.Region == regionCode).OrderBy(d => d.Code, StringComparer.Ordinal);

    /// <summary>
    /// Communes whose name starts with <paramref name="query"/> (accents, case, hyphens and « saint »/« st »
    /// ignored) or whose postal code starts with it when it is made of digits; largest population first.
    /// </summary>
    public IReadOnlyList<Commune> Search(string? query, int limit = 20)
    {
        var q = (query ?? "").Trim();
        if (q.Length == 0) return [];
        IEnumerable<Commune> hits;
        if (q.All(char.IsDigit))
            hits = _communes.Values.Where(c => c.PostalCodes.Any(p => p.StartsWith(q, StringComparison.Ordinal)) || c.Insee.StartsWith(q, StringComparison.Ordinal));
        else
        {
            var key = Normalise(q);
            var start = LowerBound(key);
            hits = _byName.Skip(start).TakeWhile(x => x.Key.StartsWith(key, StringComparison.Ordinal)).Select(x => x.Commune);
        }
        return [.. hits.OrderByDescending(c => c.Population).ThenBy(c => c.Insee, StringComparer.Ordinal).Take(Math.Clamp(limit, 1, 100))];
    }

    /// <summary>
    /// Fills what an address may omit — département and position — from its commune, and checks that
    /// the commune exists and agrees with a stated département. Errors go to <paramref name="errors"/>.
    /// </summary>
    public AddressDto? Complete(AddressDto? address, FieldErrors errors, string field)
    {
        if (address is null) return null;
        var commune = Commune(address.CommuneInsee);
        if (commune is null)
        {
            errors.Add($"{field}.communeInsee", "Commune inconnue (code INSEE).");
            return address;
        }
        if (address.Departement is { Length: > 0 } d && !string.Equals(d.Trim(), commune.Departement, StringComparison.OrdinalIgnoreCase))
            errors.Add($"{field}.departement", $"La commune {commune.Name} est dans le département {commune.Departement}.");
        var location = address.Location ?? (commune.Location is { } p ? new PointDto { Lat = p.Latitude, Lon = p.Longitude } : null);
        return address with { CommuneInsee = commune.Insee, Departement = commune.Departement, Location = location };
    }

    public static string Normalise(string text)
    {
        var words = Words(text).Select(w => w switch { "saint" => "st", "sainte" => "ste", _ => w });
        return string.Join(' ', words);
    }

    /// <summary>Lower-case words without accents: « Mairie de l'Île-d'Abeau » → mairie, de, l, ile, d, abeau.</summary>
    public static string[] Words(string? text)
    {
        var decomposed = (text ?? "").Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        foreach (var ch in decomposed)
        {
            var cat = CharUnicodeInfo.GetUnicodeCategory(ch);
            if (cat == UnicodeCategory.NonSpacingMark) continue;
            sb.Append(char.IsLetterOrDigit(ch) ? char.ToLowerInvariant(ch) : ' ');
        }
        return sb.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries);
    }

    private int LowerBound(string key)
    {
        int lo = 0, hi = _byName.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (string.CompareOrdinal(_byName[mid].Key, key) < 0) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    /// <summary>Reads <c>communes.json</c> and <c>departements.json</c> from <paramref name="directory"/>.</summary>
    public static FranceGeography Load(string directory)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        options.Converters.Add(new GeoJsonConverterFactory());
        using var communesFile = File.OpenRead(Path.Combine(directory, "communes.json"));
        var communes = JsonSerializer.Deserialize<List<CommuneRow>>(communesFile, options) ?? [];
        using var depsFile = File.OpenRead(Path.Combine(directory, "departements.json"));
        var deps = JsonSerializer.Deserialize<List<DepartementRow>>(depsFile, options) ?? [];
        return new FranceGeography(
            communes.Select(c => new Commune(c.Insee, c.Name, c.Departement, c.PostalCodes, c.Population,
                c is { Lat: { } lat, Lon: { } lon } ? new GeoPoint(lat, lon) : null,
                EnumNames.Parse<CoordinatePrecision>(c.Precision, "precision"))),
            deps.Select(d => new Departement(d.Code, d.Name, d.Region, d.Centre?.ToGeoPoint(), d.Outline)));
    }

    private sealed record CommuneRow(string Insee, string Name, string Departement, string[] PostalCodes, int Population, double? Lat, double? Lon, string Precision);
    private sealed record DepartementRow(string Code, string Name, string Region, PointDto? Centre, Geometry? Outline);
}
