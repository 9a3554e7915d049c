using Microsoft.AspNetCore.Http.HttpResults;
using Placement.Catalogue.Contracts;
using Placement.Catalogue.Features.Applications;
using Placement.Web.Hosting;
using Placement.Web.Identity;
using Placement.Catalogue.Features.HostBodies;
using Placement.Catalogue.Features.Posts;

namespace Placement.Web.Features.Applications;

/// <summary>HTTP adapters of « Devenir structure d'accueil » and of the SPIP's decision on it.</summary>
public static class ApplicationsEndpoints
{
    public static IEndpointRouteBuilder MapApplicationsEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/host-body-applications").WithTags(ApiTags.HostBodies);
        api.MapPost("/", async Task<Created<HostBodyApplicationResponse>> (HostBodyApplicationRequest input, ApplyAsHostBody handler, CancellationToken ct) =>
            {
                var created = await handler.HandleAsync(input, ct);
                return TypedResults.Created($"/api/host-body-applications/{created.Id}", created);
            })
            .AllowAnonymous().RateLimited(RateLimitKind.Application)
            .WithName("ApplyAsHostBody")
            .WithSummary("« Devenir structure d'accueil » : crée la structure (habilitée de droit ou en attente), la demande, et un compte partenaire qui pourra se connecter une fois la demande acceptée. Une adresse qui a déjà un compte reçoit la même réponse, mais rien n'est créé : son titulaire est prévenu par courriel.")
            .Problems(400, 429);
        var decide = api.MapGroup("/{id:guid}").Secured(Policies.PostValidate);
        decide.MapPost("/accept", async (Guid id, Caller caller, DecideApplication handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.AcceptAsync(caller, id, ct)))
            .WithName("AcceptHostBodyApplication").WithSummary("Accepte une demande : la structure est habilitée (sauf habilitée de droit) et ses comptes peuvent se connecter.")
            .Problems(404, 409);
        decide.MapPost("/refuse", async (Guid id, RefusalRequest request, Caller caller, DecideApplication handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.RefuseAsync(caller, id, request, ct)))
            .WithName("RefuseHostBodyApplication").WithSummary("Refuse une demande, avec un motif : ses comptes sont supprimés, la demande est gardée.")
            .Problems(400, 404, 409);
        return app;
    }
}
