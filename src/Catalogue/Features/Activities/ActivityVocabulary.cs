using System.Collections.Frozen;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Placement.Catalogue.Contracts;
using Placement.Catalogue.Domain;
using Placement.Catalogue.Persistence;

namespace Placement.Catalogue.Features.Activities;

/// <summary>
/// The activity vocabulary, stored in the database: seeded once from <c>Placement:Catalogue:Activities</c> (with the French
/// labels below), then the administrator's edits prevail. Read through a snapshot reloaded after each edit, so that
/// validating a post or a search costs no query. One per process; a change made on another node shows after its restart
/// or the next edit here (documented).
/// </summary>
public sealed class ActivityVocabulary(IOptions<CatalogueOptions> options)
{
    /// <summary>
    /// The activities the configuration seeds by default (<see cref="CatalogueOptions.Activities"/>), in order, with their French
    /// labels: the one list of the default codes, which the configuration, the labels and the instance generator read.
    /// </summary>
    public static readonly IReadOnlyList<(string Code, string Label)> Defaults =
    [
        ("espaces-verts", "Espaces verts"),
        ("entretien-nettoyage", "Entretien et nettoyage"),
        ("manutention-logistique", "Manutention et logistique"),
        ("restauration-aide-alimentaire", "Restauration et aide alimentaire"),
        ("recyclerie-tri", "Recyclerie et tri"),
        ("accueil-administratif", "Accueil et tâches administratives"),
        ("aide-a-la-personne", "Aide à la personne"),
        ("batiment-renovation", "Bâtiment et rénovation"),
        ("environnement-nature", "Environnement et nature"),
        ("soin-animaux", "Soin des animaux"),
        ("evenementiel", "Événementiel"),
        ("module-pedagogique", "Module pédagogique"),
    ];

    /// <summary>The codes of <see cref="Defaults"/>, in order.</summary>
    public static readonly IReadOnlyList<string> DefaultCodes = [.. Defaults.Select(a => a.Code)];

    /// <summary>The French labels of the codes the configuration seeds by default.</summary>
    public static readonly IReadOnlyDictionary<string, string> DefaultLabels = Defaults.ToDictionary(a => a.Code, a => a.Label, StringComparer.Ordinal);

    private volatile FrozenDictionary<string, string>? _labels;

    /// <summary>Code → label, in the order labels sort in French. Seeded from the configuration until <see cref="LoadAsync"/> ran.</summary>
    public IReadOnlyDictionary<string, string> Labels => _labels ??= Seed().ToFrozenDictionary(a => a.Code, a => a.Label, StringComparer.Ordinal);

    public IReadOnlyList<string> Codes => [.. Labels.Keys.Order(StringComparer.Ordinal)];

    public string Label(string? code) =>
        code is null ? "" : Labels.TryGetValue(code, out var label) ? label : DefaultLabels.TryGetValue(code, out var known) ? known : Prettify(code);

    /// <summary>Records an error on <c>activity</c> when <paramref name="activity"/> is not in the vocabulary.</summary>
    public void Check(string activity, FieldErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (!Labels.ContainsKey(activity))
            errors.Add("activity", $"Activité inconnue « {activity} » ; attendu : {string.Join(", ", Codes)}.");
    }

    /// <summary>Seeds an empty table from the configuration, then reads the vocabulary (at start, and after each edit).</summary>
    public async Task LoadAsync(ICatalogueStore store, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        if (!await store.Activities.AnyAsync(ct))
        {
            store.Activities.AddRange(Seed().Select(a => new Activity(a.Code, a.Label, DateTimeOffset.UtcNow)));
            await store.SaveChangesAsync(ct);
        }
        var all = await store.Activities.AsNoTracking().ToListAsync(ct);
        _labels = all.ToFrozenDictionary(a => a.Code, a => a.Label, StringComparer.Ordinal);
    }

    private IEnumerable<(string Code, string Label)> Seed() =>
        options.Value.Activities.Distinct(StringComparer.Ordinal).Select(code => (code, DefaultLabels.TryGetValue(code, out var l) ? l : Prettify(code)));

    private static string Prettify(string code) => code.Length == 0 ? code : char.ToUpperInvariant(code[0]) + code[1..].Replace('-', ' ');
}
