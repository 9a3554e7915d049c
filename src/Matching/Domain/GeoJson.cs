using System.Text.Json;
using Mapster;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;

namespace Placement.Matching.Domain;

/// <summary>GeoJSON geometries ⇄ NetTopologySuite, with a message in French when the text is not GeoJSON.</summary>
public static class GeoJson
{
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        options.Converters.Add(new GeoJsonConverterFactory());
        return options;
    }

    public static Geometry? TryRead(JsonElement element, out string? error)
    {
        try
        {
            var geometry = element.Deserialize<Geometry>(Options);
            error = geometry is null ? "GeoJSON invalide : géométrie attendue." : null;
            return geometry;
        }
        catch (JsonException e)
        {
            error = "GeoJSON invalide : " + JsonErrors.InFrench(e);
            return null;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or NotSupportedException or FormatException)
        {
            error = "GeoJSON invalide : une géométrie Polygon ou MultiPolygon est attendue, ses anneaux fermés, en [longitude, latitude].";
            return null;
        }
    }

    public static JsonElement Write(Geometry geometry) => JsonSerializer.SerializeToElement(geometry, Options);

    /// <summary>Mapster: geometries and exclusion zones written as GeoJSON, as the contracts and the stored documents write them.</summary>
    public static void RegisterZoneMappings(TypeAdapterConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        config.NewConfig<Geometry, JsonElement>().MapWith(g => Write(g));
        config.NewConfig<ExclusionZones, IReadOnlyList<JsonElement>>().MapWith(z => z.Geometries.Select(Write).ToList());
    }
}
