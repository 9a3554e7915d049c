using Microsoft.AspNetCore.Http.HttpResults;
using Placement.Matching.Features.Persons;
using Placement.Web.Hosting;
using Placement.Web.Identity;

namespace Placement.Web.Features.Persons;

/// <summary>
/// HTTP adapters of the person use cases: judicial data, officers and coordinators only, within their
/// départements; a person outside the caller's scope does not exist for them (404).
/// </summary>
public static class PersonsEndpoints
{
    public static IEndpointRouteBuilder MapPersonsEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/persons").WithTags(ApiTags.Persons).Secured(Policies.Persons);
        api.MapGet("/", async ([AsParameters] ListPersonsQuery query, Caller caller, ListPersons handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(caller, query, ct)))
            .WithName("ListPersons").WithSummary("Personnes suivies dans votre périmètre, paginées.")
            .Problems(400);
        api.MapGet("/caseload", async ([AsParameters] CaseloadQuery query, Caller caller, ListCaseload handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(caller, query, ct)))
            .WithName("Caseload").WithSummary("Vos personnes, les plus urgentes d'abord : situation, heures, échéance et risques calculés maintenant.")
            .Problems(400);
        api.MapGet("/{id:guid}/file", async (Guid id, Caller caller, GetPersonFile handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(caller, id, ct)))
            .WithName("PersonFile").WithSummary("Le dossier d'une personne : ses placements et les risques sur son échéance.")
            .Problems(404);
        api.MapGet("/at-risk", async (Caller caller, ListPersonsAtRisk handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(caller, ct)))
            .WithName("PersonsAtRisk").WithSummary("Les personnes signalées par la veille des échéances, dans votre périmètre.");
        api.MapGet("/{id:guid}", async (Guid id, Caller caller, GetPerson handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(caller, id, ct)))
            .WithName("GetPerson").WithSummary("Une personne de votre périmètre.")
            .Problems(404);
        api.MapPost("/", async Task<Created<PersonResponse>> (PersonFields input, Caller caller, CreatePerson handler, CancellationToken ct) =>
            {
                var created = await handler.HandleAsync(caller, input, ct);
                return TypedResults.Created($"/api/persons/{created.Id}", created);
            })
            .WithName("CreatePerson").WithSummary("Enregistre une personne condamnée à un TIG.")
            .Problems(400);
        api.MapPut("/{id:guid}", async (Guid id, PersonFields input, Caller caller, UpdatePerson handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(caller, id, input, ct)))
            .WithName("UpdatePerson").WithSummary("Modifie le dossier de placement d'une personne.")
            .Problems(400, 404);
        api.MapPost("/{id:guid}/co-defendants", async (Guid id, CoDefendantLinkRequest request, Caller caller, LinkCoDefendant handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(caller, id, request, ct)))
            .WithName("LinkCoDefendant")
            .WithSummary("Lie à la personne un co-auteur ou une victime, même suivi·e par un autre SPIP, par son numéro de dossier et sa date de naissance, qui doivent correspondre tous deux : ils ne sont jamais placés dans la même structure. Chaque essai est inscrit au journal d'audit.")
            .RateLimited(RateLimitKind.CoDefendantLink)
            .Problems(400, 404, 429);
        api.MapPost("/{id:guid}/medical-fitness", async (Guid id, MedicalFitnessRequest request, Caller caller, RecordMedicalFitness handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(caller, id, request, ct)))
            .WithName("RecordMedicalFitness")
            .WithSummary("Enregistre l'aptitude de la personne à l'issue de la visite médicale avant le travail (R.623-14) : « apte » et la date de la visite, rien d'autre.")
            .Problems(400, 404);
        api.MapGet("/{id:guid}/suitable-posts", async (Guid id, [AsParameters] SuitablePostsQuery query, Caller caller, FindSuitablePosts handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(caller, id, query, ct)))
            .WithName("SuitablePosts")
            .WithSummary("Les postes qui conviennent à la personne : autour de chez elle, toutes les règles appliquées, classés et expliqués.")
            .Problems(400, 404, 503);
        api.MapGet("/{id:guid}/referent-candidates", async (Guid id, Caller caller, PersonReferent handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.CandidatesAsync(caller, id, ct)))
            .WithName("ReferentCandidates").WithSummary("Les agents du SPIP de la personne qui peuvent en être le référent.")
            .Problems(404);
        api.MapPut("/{id:guid}/referent", async (Guid id, ReferentRequest request, Caller caller, PersonReferent handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.ChooseAsync(caller, id, request, ct)))
            .WithName("ChooseReferent").WithSummary("Désigne l'agent référent de la personne parmi les agents de son SPIP : il reçoit les notifications qui la concernent.")
            .Problems(400, 404);
        return app;
    }
}
