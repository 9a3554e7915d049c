using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Placement.Catalogue.Application;
using Placement.Catalogue.Contracts;
using Placement.Matching.Features.Imports;
using Placement.Catalogue.Imports;
using Placement.Matching.Imports;
using Placement.Web.Features.Shared;

namespace Placement.Web.Features.Persons;

/// <summary>
/// Importer des personnes: upload, preview (a dry run of <see cref="ImportPersons"/>, as <c>POST /api/imports/persons</c>),
/// then confirm — the file travels back with the confirmation, so any node can apply it.
/// </summary>
[RequestSizeLimit(ImportFile.MaxBytes * 2)]
[RequestFormLimits(MultipartBodyLengthLimit = ImportFile.MaxBytes * 2, ValueLengthLimit = ImportFile.MaxBytes * 2)]
public sealed class ImportModel(Caller caller, ImportPersons import) : PageModel
{
    public sealed class ImportForm
    {
        public IFormFile? File { get; set; }
        public bool AllOrNothing { get; set; }

        /// <summary>The previewed file, on confirmation: its name and its content (base64).</summary>
        public string? FileName { get; set; }
        public string? Content { get; set; }
    }

    [BindProperty]
    public ImportForm Input { get; set; } = new();

    public ImportReport? Report { get; private set; }

    public void OnGet() { }

    /// <summary>The template: the columns the importer reads and an example line.</summary>
    public FileResult OnGetModele()
    {
        var header = string.Join(';', PersonColumns.All.Select(c => c.Name));
        var example = string.Join(';', PersonColumns.All.Select(c => c.Example.Contains(';', StringComparison.Ordinal) ? $"\"{c.Example}\"" : c.Example));
        return File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes($"{header}\r\n{example}\r\n")).ToArray(), "text/csv; charset=utf-8", "modele-personnes.csv");
    }

    public async Task<IActionResult> OnPostPreviewAsync(CancellationToken ct)
    {
        if (Input.File is not { Length: > 0 } file)
        {
            ModelState.AddModelError("Input.file", "Choisissez le fichier exporté de l'application de suivi (CSV ou JSON).");
            return Page();
        }
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        Input.FileName = Path.GetFileName(file.FileName);
        Input.Content = Convert.ToBase64String(buffer.ToArray());
        Report = await import.HandleAsync(caller, new ImportRequest(Input.FileName, buffer.ToArray(), DryRun: true, Input.AllOrNothing), null, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostConfirmAsync(CancellationToken ct)
    {
        byte[] content;
        try
        {
            content = Convert.FromBase64String(Input.Content ?? "");
        }
        catch (FormatException)
        {
            throw FieldErrors.OneField("file", "Le fichier prévisualisé n'a pas été transmis : choisissez-le à nouveau.");
        }
        Report = await import.HandleAsync(caller, new ImportRequest(Input.FileName ?? "import.csv", content, DryRun: false, Input.AllOrNothing), null, ct);
        Input.Content = null;
        return Page();
    }

    public static (string Label, string Badge) Outcome(string outcome) => outcome switch
    {
        ImportOutcomes.Created => ("Créée", "fr-badge--success"),
        ImportOutcomes.Updated => ("Modifiée", "fr-badge--info"),
        ImportOutcomes.Unchanged => ("Inchangée", ""),
        _ => ("Rejetée", "fr-badge--error"),
    };
}
