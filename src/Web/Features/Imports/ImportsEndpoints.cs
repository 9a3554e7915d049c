using Placement.Catalogue.Features.Imports;
using Placement.Catalogue.Imports;
using Placement.Matching.Features.Imports;
using Placement.Web.Identity;

namespace Placement.Web.Features.Imports;

/// <summary>
/// HTTP adapter of the imports, one route per kind: the file is the request's body (CSV or JSON, as exported), its name
/// in <c>fileName</c>. <c>dryRun</c> is true unless said otherwise: a client sees the report before anything is written.
/// </summary>
public static class ImportsEndpoints
{
    private const string Modes = "rapport ligne à ligne (créée, modifiée, inchangée, rejetée avec la colonne et la raison) ; dryRun=true (par défaut) n'écrit rien ; allOrNothing=true n'écrit rien si une ligne est rejetée.";

    public static IEndpointRouteBuilder MapImportsEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/imports");
        api.MapGet("/", async ([AsParameters] ListImportsQuery query, Caller caller, ListImports handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(caller, query, ct)))
            .WithTags(ApiTags.Administration)
            .RequireAuthorization(Policies.CatalogueRead)
            .WithName("ListImports")
            .WithSummary("Les imports enregistrés, du plus récent au plus ancien : les siens (tout administrateur : tous) ; qui, quand, quel fichier, ce qu'il a fait — jamais le contenu du fichier.")
            .Problems(400, 401, 403);
        Map<ImportPersons>(api, ImportKinds.Persons, Policies.Persons, ApiTags.Persons, "ImportPersons",
            $"Importe des personnes depuis l'export de l'application de suivi (CSV aux colonnes de docs/import.md, ou JSON au format de l'API), retrouvées par leur numéro de dossier : {Modes}");
        Map<ImportHostBodies>(api, ImportKinds.HostBodies, Policies.CatalogueWrite, ApiTags.HostBodies, "ImportHostBodies",
            $"Importe des structures d'accueil (coordinateurs et administrateurs ; CSV aux colonnes de docs/import.md, ou JSON au format de l'API), retrouvées par leur SIRET : {Modes}");
        Map<ImportPosts>(api, ImportKinds.Posts, Policies.CatalogueWrite, ApiTags.Posts, "ImportPosts",
            $"Importe des postes (coordinateurs, administrateurs, une structure pour ses propres postes ; CSV aux colonnes de docs/import.md, ou JSON au format de l'API avec le siret de la structure), retrouvés par SIRET et référence : {Modes}");
        return app;
    }

    private static void Map<TImporter>(RouteGroupBuilder api, string kind, string policy, string tag, string name, string summary) where TImporter : IImporter =>
        api.MapPost($"/{kind}", async (HttpRequest request, bool? dryRun, bool? allOrNothing, string? fileName, Caller caller, TImporter handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(caller, new ImportRequest(fileName ?? "import.csv", await BodyAsync(request, ct), dryRun ?? true, allOrNothing ?? false), null, ct)))
            .WithTags(tag)
            .RequireAuthorization(policy)
            .Accepts<string>("text/csv", "application/json", "application/octet-stream")
            .Produces<ImportReport>()
            .WithName(name)
            .WithSummary(summary)
            .Problems(400, 401, 403);

    /// <summary>The body, at most <see cref="ImportFile.MaxBytes"/> (one more byte says « too large »).</summary>
    private static async Task<byte[]> BodyAsync(HttpRequest request, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > ImportFile.MaxBytes) throw ImportFile.TooLarge();
        }
        return buffer.ToArray();
    }
}
