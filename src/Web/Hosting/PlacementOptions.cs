using System.ComponentModel.DataAnnotations;

namespace Placement.Web.Hosting;

/// <summary>Configuration section <c>Placement</c>.</summary>
public sealed class PlacementOptions
{
    public const string Section = "Placement";

    /// <summary>Where the service writes everything local (the SQLite database, later the search index). Relative paths start at the content root.</summary>
    [Required(ErrorMessage = "un dossier est attendu.")]
    public string DataDirectory { get; set; } = "App_Data";

    public DatabaseOptions Database { get; set; } = new();

    public DemoOptions Demo { get; set; } = new();

    public BootstrapOptions Bootstrap { get; set; } = new();
}

/// <summary>
/// The first administrator of a real deployment (no demo accounts there): created at start when both are
/// set and the account does not exist yet. Give the password through the environment, never in a file.
/// </summary>
public sealed class BootstrapOptions
{
    [EmailAddress(ErrorMessage = "une adresse e-mail est attendue.")]
    public string? AdminEmail { get; set; }

    [MinLength(12, ErrorMessage = "12 caractères au moins.")]
    public string? AdminPassword { get; set; }
}

public sealed class DatabaseOptions : IValidatableObject
{
    public const string Sqlite = "Sqlite";
    public const string Postgres = "Postgres";

    /// <summary><c>Sqlite</c> (embedded default) or <c>Postgres</c> (production: several nodes on one database).</summary>
    [Required(ErrorMessage = "valeurs permises : Sqlite, Postgres.")]
    [AllowedValues(Sqlite, Postgres, ErrorMessage = "valeurs permises : Sqlite, Postgres.")]
    public string Provider { get; set; } = Sqlite;

    /// <summary>SQLite: overrides <c>placement.db</c> in the data folder. PostgreSQL: required (Npgsql syntax).</summary>
    public string? ConnectionString { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Provider == Postgres && string.IsNullOrWhiteSpace(ConnectionString))
            yield return new ValidationResult("obligatoire avec Provider = Postgres (par exemple « Host=db;Database=placement;Username=placement;Password=… »).", [nameof(ConnectionString)]);
    }
}

public sealed class DemoOptions
{
    /// <summary>Load the demo data set into an empty database at start.</summary>
    public bool SeedWhenEmpty { get; set; } = true;

    /// <summary>Create the demo accounts with the demo data (development settings only).</summary>
    public bool Enabled { get; set; }

    [Required(ErrorMessage = "12 caractères au moins.")]
    [MinLength(12, ErrorMessage = "12 caractères au moins.")]
    public string Password { get; set; } = "Demo-Placement-2026!";
}
