using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Placement.Catalogue.Contracts;
using Placement.Catalogue.Features.Imports;
using Placement.Catalogue.Imports;

namespace Placement.Web.Features.Imports;

/// <summary>
/// « Importer »: choose a kind, upload, preview (<see cref="PreviewImport"/>: the dry run of the kind's use case, as
/// <c>POST /api/imports/{kind}</c>, the file kept in the database), then confirm (<see cref="ConfirmImport"/>, on any node).
/// Only the kinds the caller may import are offered; another answers 403.
/// </summary>
// The form's own fields and multipart boundaries above the file's bound, so that a file over it is refused on its field.
[RequestSizeLimit(ImportFile.MaxBytes + IndexModel.FormOverhead)]
[RequestFormLimits(MultipartBodyLengthLimit = ImportFile.MaxBytes + IndexModel.FormOverhead, ValueLengthLimit = ImportFile.MaxBytes + IndexModel.FormOverhead)]
public sealed class IndexModel(Caller caller, IEnumerable<IImporter> importers, PreviewImport preview, ConfirmImport confirm, ListImports history) : PageModel
{
    /// <summary>What the form adds to the file: its other fields and the multipart boundaries.</summary>
    public const int FormOverhead = 1024 * 1024;

    /// <summary>
    /// What the page says of one kind: its address, its words, the columns of its report, and the page (its name) it belongs to for a
    /// user who may import this kind only (an officer's persons, a partner's posts).
    /// </summary>
    public sealed record KindPage(string Slug, string Kind, string Title, string Intro, string Source, string KeyHeader, string LabelHeader, bool Feminine,
        (string Label, string Page) Home);

    public static readonly IReadOnlyList<KindPage> Kinds =
    [
        new("personnes", ImportKinds.Persons, "Importer des personnes",
            "Importez l'export de l'application de suivi : chaque personne est retrouvée par son numéro de dossier, créée ou mise à jour.",
            "le fichier exporté de l'application de suivi", "N° de dossier", "Personne", Feminine: true, ("Personnes", "/Persons/Index")),
        new("structures", ImportKinds.HostBodies, "Importer des structures d'accueil",
            "Importez la liste des structures d'accueil de votre département : chacune est retrouvée par son SIRET, créée ou mise à jour. Adresses géocodées, habilitations comprises.",
            "le tableau des structures", "SIRET", "Structure", Feminine: true, ("Importer", "/Imports/Index")),
        new("postes", ImportKinds.Posts, "Importer des postes",
            "Importez un tableau de postes de TIG : chaque poste est retrouvé par le SIRET de sa structure et votre référence, créé ou mis à jour. Un nouveau poste est un brouillon, sauf si la colonne « etat » dit « à valider » (ou « publié », pour le SPIP).",
            "le tableau des postes", "SIRET et référence", "Poste", Feminine: false, ("Mes postes", "/Posts/Partner/Posts")),
    ];

    public sealed class ImportForm
    {
        public IFormFile? File { get; set; }
        public bool AllOrNothing { get; set; }

        /// <summary>The preview confirmed: its report's id, under which the file was kept.</summary>
        public Guid? Preview { get; set; }
    }

    [BindProperty]
    public ImportForm Input { get; set; } = new();

    /// <summary>The kind chosen (null: the page lists the kinds the caller may import).</summary>
    public KindPage? Chosen { get; private set; }

    public IReadOnlyList<KindPage> Offered { get; private set; } = [];

    public ImportReport? Report { get; private set; }

    /// <summary>The latest imports of the chosen kind: the user's own (an administrator's: everyone's).</summary>
    public IReadOnlyList<ImportRecordResponse> History { get; private set; } = [];

    /// <summary>An administrator sees everyone's imports in <see cref="History"/>.</summary>
    public bool SeesEveryone => caller.IsAdmin;

    public async Task<IActionResult> OnGetAsync(string? kind, CancellationToken ct)
    {
        if (Choose(kind) is { } refused) return refused;
        if (Chosen is null && Offered.Count == 1) return RedirectToPage(new { kind = Offered[0].Slug });
        return await PageWithHistoryAsync(ct);
    }

    /// <summary>The template of the kind: its columns and an example line.</summary>
    public IActionResult OnGetModele(string? kind)
    {
        if (Choose(kind) is { } refused) return refused;
        if (Chosen is null) return NotFound();
        return File(ImportFile.Template(Importer.Columns), "text/csv; charset=utf-8", $"modele-{Chosen.Slug}.csv");
    }

    public async Task<IActionResult> OnPostPreviewAsync(string? kind, CancellationToken ct)
    {
        if (Choose(kind) is { } refused) return refused;
        if (Chosen is null) return NotFound();
        if (Input.File is not { Length: > 0 } file)
        {
            ModelState.AddModelError("Input.file", $"Choisissez {Chosen.Source} (CSV ou JSON).");
            return await PageWithHistoryAsync(ct);
        }
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        Report = await preview.HandleAsync(caller, Chosen.Kind, new ImportRequest(Path.GetFileName(file.FileName), buffer.ToArray(), DryRun: true, Input.AllOrNothing), ct);
        Input.Preview = Report.Id;
        return await PageWithHistoryAsync(ct);
    }

    public async Task<IActionResult> OnPostConfirmAsync(string? kind, CancellationToken ct)
    {
        if (Choose(kind) is { } refused) return refused;
        if (Chosen is null) return NotFound();
        Report = await confirm.HandleAsync(caller, Chosen.Kind, Input.Preview ?? Guid.Empty, ct);
        return await PageWithHistoryAsync(ct);
    }

    private async Task<IActionResult> PageWithHistoryAsync(CancellationToken ct)
    {
        if (Chosen is not null) History = (await history.HandleAsync(caller, new ListImportsQuery(Chosen.Kind, 1, 5), ct)).Items;
        return Page();
    }

    /// <summary>What an import did, in a word: a dry run, applied, or nothing written.</summary>
    public static string Mode(ImportRecordResponse record) => record switch
    {
        { DryRun: true } => "Aperçu",
        { Applied: true } => "Appliqué",
        { AllOrNothing: true, Rejected: > 0 } => "Rien d'écrit (tout ou rien)",
        _ => "Rien à écrire",
    };

    private IImporter Importer => importers.Single(i => i.Kind == Chosen!.Kind);

    /// <summary>Sets the kinds offered and the one chosen; a kind unknown is 404, one the caller may not import 403.</summary>
    private IActionResult? Choose(string? slug)
    {
        Offered = [.. Kinds.Where(k => importers.Single(i => i.Kind == k.Kind).Allows(caller))];
        if (slug is null) return null;
        Chosen = Kinds.FirstOrDefault(k => k.Slug == slug);
        if (Chosen is null) return NotFound();
        return Offered.Contains(Chosen) ? null : Forbid();
    }

    /// <summary>The outcome's word, agreed with the kind (« Créée » for a person, « Créé » for a post), and its badge.</summary>
    public (string Label, string Badge) Outcome(string outcome) => (ImportWords.Outcome(Chosen?.Kind ?? "", outcome), outcome switch
    {
        ImportOutcomes.Created => "fr-badge--success",
        ImportOutcomes.Updated => "fr-badge--info",
        ImportOutcomes.Unchanged => "",
        _ => "fr-badge--error",
    });

    /// <summary>« créée(s) » or « créé(s) ».</summary>
    public string Counted(string participle) => ImportWords.Counted(Chosen?.Kind ?? "", participle);
}
