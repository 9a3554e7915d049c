using Placement.Matching.Features.Documents;
using Placement.Web.Identity;
using Placement.Matching.Domain;

namespace Placement.Web.Features.Documents;

/// <summary>
/// HTTP adapters of the measure's documents: a placement's three (listed, downloaded — the first version issued on demand —,
/// issued again), a person's and the reports to the judge, one stored version by its id, the tutor's attestation, and the
/// SPIPs' letterheads (the administrator's).
/// </summary>
public static class DocumentsEndpoints
{
    public const string PdfType = "application/pdf";

    public static IEndpointRouteBuilder MapDocumentsEndpoints(this IEndpointRouteBuilder app)
    {
        var placements = app.MapGroup("/api/placements").WithTags(ApiTags.Documents).Secured(Policies.Placements);
        placements.MapGet("/{id:guid}/documents", async (Guid id, Caller caller, ListPlacementDocuments handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(caller, id, ct)))
            .WithName("ListPlacementDocuments").WithSummary("Les documents d'un placement et leurs versions (la structure : fiche de liaison et relevé d'heures).")
            .Problems(404);
        placements.MapGet("/{id:guid}/documents/{document}", async (Guid id, string document, Caller caller, DownloadPlacementDocument handler, CancellationToken ct) =>
                Pdf(await handler.HandleAsync(caller, id, document, ct)))
            .WithName("DownloadPlacementDocument").WithSummary("La dernière version d'un document du placement, en PDF (la première est émise à la demande) : decision-affectation, fiche-liaison, releve-heures.")
            .Produces(StatusCodes.Status200OK, contentType: PdfType).Problems(400, 404);
        placements.MapPost("/{id:guid}/documents/{document}", async (Guid id, string document, Caller caller, IssuePlacementDocument handler, CancellationToken ct) =>
            {
                var issued = await handler.HandleAsync(caller, id, document, ct);
                return TypedResults.Created(issued.Url, issued);
            })
            .WithName("IssuePlacementDocument").WithSummary("Le SPIP émet une nouvelle version d'un document du placement, à partir des données du jour.")
            .Problems(400, 404);
        placements.MapPost("/{id:guid}/attestation", async (Guid id, AttestationRequest request, Caller caller, AttestPlacement handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(caller, id, request, ct)))
            .WithName("AttestPlacement").WithSummary("Le tuteur atteste les heures effectuées, une fois toutes faites : le placement est clos et le relevé d'heures émis.")
            .Problems(400, 404, 409);

        var persons = app.MapGroup("/api/persons").WithTags(ApiTags.Documents).Secured(Policies.Persons);
        persons.MapGet("/{id:guid}/documents", async (Guid id, Caller caller, ListPersonDocuments handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(caller, id, ct)))
            .WithName("ListPersonDocuments").WithSummary("Toutes les versions des documents d'une personne, rapports au juge compris, les plus récentes d'abord.")
            .Problems(404);
        persons.MapPost("/{id:guid}/documents", async (Guid id, PersonDocumentRequest request, Caller caller, IssuePersonReport handler, CancellationToken ct) =>
            {
                var issued = await handler.HandleAsync(caller, id, request, ct);
                return TypedResults.Created(issued.Url, issued);
            })
            .WithName("IssuePersonReport").WithSummary("Le CPIP émet un rapport au juge : rapport-fin-mesure, ou rapport-incident d'un incident décidé ainsi.")
            .Problems(400, 404);

        var documents = app.MapGroup("/api/documents").WithTags(ApiTags.Documents).Secured(Policies.Placements);
        documents.MapGet("/{id:guid}", async (Guid id, Caller caller, DownloadDocument handler, CancellationToken ct) => Pdf(await handler.HandleAsync(caller, id, ct)))
            .WithName("DownloadDocument").WithSummary("Une version d'un document, telle qu'elle a été émise (son empreinte SHA-256 dans l'en-tête ETag).")
            .Produces(StatusCodes.Status200OK, contentType: PdfType).Problems(404);

        var spips = app.MapGroup("/api/spips").WithTags(ApiTags.Documents).Secured(Policies.Admin);
        spips.MapGet("/{departement}/letterhead", async (string departement, Caller caller, GetLetterhead handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(caller, departement, ct)))
            .WithName("GetLetterhead").WithSummary("L'en-tête des documents d'un SPIP (celui par défaut tant que l'administrateur ne l'a pas écrit).")
            .Problems(404);
        spips.MapPut("/{departement}/letterhead", async (string departement, LetterheadRequest request, Caller caller, ChangeLetterhead handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(caller, departement, request, ct)))
            .WithName("ChangeLetterhead").WithSummary("L'administrateur écrit l'en-tête d'un SPIP : nom, adresse, bloc de signature.")
            .Problems(400, 404);
        return app;
    }

    /// <summary>The PDF as issued, named by its kind, number and version, its hash as ETag; never cached by a shared proxy.</summary>
    public static IResult Pdf(MeasureDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return new PdfResult(document);
    }

    private sealed class PdfResult(MeasureDocument document) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.CacheControl = "private, no-store";
            httpContext.Response.Headers.ETag = $"\"{document.Sha256}\"";
            return TypedResults.File(document.Content, PdfType, DocumentKinds.FileName(document.Kind, document.Number, document.Version)).ExecuteAsync(httpContext);
        }
    }
}
