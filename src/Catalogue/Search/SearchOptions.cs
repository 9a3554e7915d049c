using System.ComponentModel.DataAnnotations;

namespace Placement.Catalogue.Search;

public enum SearchEngine { Embedded, Elasticsearch }

/// <summary>Configuration section <c>Placement:Search</c>.</summary>
public sealed class SearchOptions : IValidatableObject
{
    public const string Section = "Placement:Search";

    /// <summary><c>Embedded</c> (Lucene.Net on disk, default) or <c>Elasticsearch</c>.</summary>
    public SearchEngine Engine { get; set; } = SearchEngine.Embedded;

    /// <summary>Embedded index folder; by default <c>search</c> in the data folder.</summary>
    public string? IndexDirectory { get; set; }

    public ElasticsearchOptions Elasticsearch { get; set; } = new();

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Engine == SearchEngine.Elasticsearch && !Uri.TryCreate(Elasticsearch.Url, UriKind.Absolute, out _))
            yield return new ValidationResult("une URL absolue est attendue quand Placement:Search:Engine vaut Elasticsearch (ex. http://localhost:9200).", ["Elasticsearch.Url"]);
        if (Engine == SearchEngine.Embedded && string.IsNullOrWhiteSpace(IndexDirectory))
            yield return new ValidationResult("un dossier est attendu pour l'index embarqué.", [nameof(IndexDirectory)]);
    }
}

public sealed class ElasticsearchOptions
{
    public string? Url { get; set; }
    /// <summary>API key (base64 « id:key »), or <see cref="Username"/>/<see cref="Password"/> for basic authentication.</summary>
    public string? ApiKey { get; set; }
    public string? Username { get; set; }
    public string? Password { get; set; }
    /// <summary>The alias searched; each full reindex builds <c>{IndexName}-{timestamp}</c> and moves the alias.</summary>
    [Required]
    [RegularExpression("^[a-z0-9][a-z0-9_-]*$", ErrorMessage = "minuscules, chiffres, - et _ seulement, en commençant par une lettre ou un chiffre.")]
    public string IndexName { get; set; } = "placement-posts";
}
