using Placement.Catalogue.Application;
using Placement.Catalogue.Contracts;
using Placement.Matching.Features.Imports;
using Placement.Catalogue.Imports;
using Placement.Matching.Imports;
using Placement.Web.Identity;

namespace Placement.Web.Features.Imports;

/// <summary>
/// HTTP adapter of the imports: the file is the request's body (CSV or JSON, as exported), its name in <c>fileName</c>.
/// <c>dryRun</c> is true unless said otherwise: a client sees the report before anything is written.
/// </summary>
public static class ImportsEndpoints
{
    public static IEndpointRouteBuilder MapImportsEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/imports").WithTags(ApiTags.Persons).Secured(Policies.Persons)
            .MapPost("/persons", async (HttpRequest request, bool? dryRun, bool? allOrNothing, string? fileName, Caller caller, ImportPersons handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(caller, new ImportRequest(fileName ?? "import.csv", await BodyAsync(request, ct), dryRun ?? true, allOrNothing ?? false), null, ct)))
            .Accepts<string>("text/csv", "application/json", "application/octet-stream")
            .WithName("ImportPersons")
            .WithSummary("Importe des personnes depuis l'export de l'application de suivi (CSV aux colonnes de docs/import.md, ou JSON au format de l'API) : rapport ligne à ligne (créée, modifiée, inchangée, rejetée avec la colonne et la raison) ; dryRun=true (par défaut) n'écrit rien ; allOrNothing=true n'écrit rien si une ligne est rejetée.")
            .Problems(400);
        return app;
    }

    /// <summary>The body, at most <see cref="ImportFile.MaxBytes"/> (one more byte says « too large »).</summary>
    private static async Task<byte[]> BodyAsync(HttpRequest request, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > ImportFile.MaxBytes) throw FieldErrors.OneField("file", $"Le fichier dépasse {ImportFile.MaxBytes / 1024 / 1024} Mo : découpez-le.");
        }
        return buffer.ToArray();
    }
}
