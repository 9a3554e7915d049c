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

    public NodeOptions Node { get; set; } = new();
}

/// <summary>
/// What this node does (<c>Placement:Node:Roles</c>): <c>web</c> serves the pages and the API, <c>worker</c> runs the
/// jobs (assignment runs, schedules, the deadline watch). Both by default; with PostgreSQL, any number of each share
/// one database (and one Elasticsearch).
/// </summary>
public sealed class NodeOptions : IValidatableObject
{
    public const string Web = "web";
    public const string Worker = "worker";

    /// <summary>Comma-separated: <c>web</c>, <c>worker</c> or <c>web,worker</c> (a string, so that a setting replaces the default rather than adding to it).</summary>
    public string Roles { get; set; } = "web,worker";

    private IReadOnlyList<string> List => Roles.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public bool IsWeb => List.Contains(Web, StringComparer.OrdinalIgnoreCase);

    public bool IsWorker => List.Contains(Worker, StringComparer.OrdinalIgnoreCase);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (List.Count == 0 || List.Any(r => !r.Equals(Web, StringComparison.OrdinalIgnoreCase) && !r.Equals(Worker, StringComparison.OrdinalIgnoreCase)))
            yield return new ValidationResult("valeurs permises : web, worker (l'un, l'autre ou les deux).", [nameof(Roles)]);
    }
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
