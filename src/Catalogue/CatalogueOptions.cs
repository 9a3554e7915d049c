using System.ComponentModel.DataAnnotations;

namespace Placement.Catalogue;

/// <summary>Configuration section <c>Placement:Catalogue</c>.</summary>
public sealed class CatalogueOptions : IValidatableObject
{
    public const string Section = "Placement:Catalogue";

    /// <summary>The activity vocabulary (domain.md) an empty database is seeded with; then the administrator's edits prevail (<see cref="Features.Activities.ActivityVocabulary"/>).</summary>
    [MinLength(1, ErrorMessage = "au moins une activité.")]
    public List<string> Activities { get; set; } = [.. Features.Activities.ActivityVocabulary.DefaultCodes];

    /// <summary>How long a habilitation granted on an accepted application lasts, in years.</summary>
    [Range(1, 10, ErrorMessage = "entre 1 et 10 ans.")]
    public int HabilitationYears { get; set; } = 5;

    /// <summary>Folder holding <c>geo/communes.json</c>, <c>geo/departements.json</c> and <c>demo/</c>; defaults to the <c>seed</c> folder beside the executable.</summary>
    public string? SeedDirectory { get; set; }

    public string ResolvedSeedDirectory => SeedDirectory is { Length: > 0 } s ? s : Path.Combine(AppContext.BaseDirectory, "seed");

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (SeedDirectory is { Length: > 0 } folder && !Directory.Exists(Path.Combine(folder, "geo")))
            yield return new ValidationResult("dossier introuvable ou sans sous-dossier geo/ (communes et départements).", [nameof(SeedDirectory)]);
        if (Activities.Any(string.IsNullOrWhiteSpace))
            yield return new ValidationResult("une activité ne peut pas être vide.", [nameof(Activities)]);
    }
}
