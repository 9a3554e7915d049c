using System.Security.Claims;
using Mapster;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Placement.Catalogue.Contracts;
using Placement.Matching.Assignment;
using Placement.Matching.Contracts;
using Placement.Matching.Domain;
using Placement.Matching.Persistence;
using Placement.Web.Identity;

namespace Placement.Web.Apis;

public sealed record CreatePlacementRequest(Guid PersonId, Guid PostId);

public sealed record ReasonRequest(string? Reason);

public sealed record HoursRequest(DateOnly? Date, double Hours, string? Note);

/// <summary>What a partner sees of a placement at its host body: never judicial data.</summary>
public sealed record PartnerPlacementView(Guid Id, string Status, Guid PostId, string PostTitle, string PersonFirstName, string PersonInitial,
    IReadOnlyList<TimeWindowDto> PersonAvailability, ContactDto Officer, double HoursTarget, double HoursLogged);

public sealed record AtRiskResponse(Guid PersonId, string FirstName, string LastName, string Departement, DateOnly EffectiveDeadline, double HoursRemaining,
    IReadOnlyList<string> Reasons, DateTimeOffset FlaggedAt);

public static class PlacementsApi
{
    public static PlacementResponse Response(TigPlacement p) => p.Adapt<PlacementResponse>(MatchingMappings.Config);

    public static IEndpointRouteBuilder MapPlacementsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/placements").WithTags("Placements").RequireAuthorization(Policies.Placements);
        api.MapGet("/", List).WithName("ListPlacements").WithSummary("Placements de votre périmètre ; un partenaire voit ceux de sa structure, sans donnée judiciaire.");
        api.MapPost("/", Create).WithName("CreatePlacement").WithSummary("Place une personne sur un poste trouvé par la recherche (mêmes règles de capacité).");
        api.MapPost("/{id:guid}/confirm", Confirm).WithName("ConfirmPlacement").WithSummary("Le partenaire confirme l'accueil.");
        api.MapPost("/{id:guid}/decline", Decline).WithName("DeclinePlacement").WithSummary("Le partenaire décline, avec un motif.");
        api.MapPost("/{id:guid}/cancel", Cancel).WithName("CancelPlacement").WithSummary("Le CPIP annule, avec un motif.");
        api.MapPost("/{id:guid}/hours", LogHours).WithName("LogHours").WithSummary("Le partenaire déclare des heures effectuées ; le placement se termine aux heures prévues.");
        app.MapGet("/api/persons/at-risk", AtRisk).WithTags("Personnes").RequireAuthorization(Policies.Persons)
            .WithName("PersonsAtRisk").WithSummary("Les personnes signalées par la veille des échéances, dans votre périmètre.");
        return app;
    }

    private static async Task<IResult> List(string? status, HttpContext http, IMatchingStore store, CancellationToken ct)
    {
        var scope = new CallerScope(http.User);
        var query = store.Placements.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(status))
        {
            var s = EnumNames.Parse<PlacementStatus>(status, "status");
            query = query.Where(p => p.Status == s);
        }
        if (scope.IsPartner && !scope.IsCoordinator && !scope.IsOfficer)
        {
            var posts = await store.Posts.AsNoTracking().Where(p => p.HostBodyId == scope.HostBodyId).ToDictionaryAsync(p => p.Id, ct);
            var postIds = posts.Keys.ToList();
            var placements = await query.Where(p => postIds.Contains(p.PostId)).ToListAsync(ct);
            var personIds = placements.Select(p => p.PersonId).ToList();
            var persons = await store.Persons.AsNoTracking().Where(p => personIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
            return TypedResults.Ok(placements.Select(p =>
            {
                var person = persons[p.PersonId].Profile;
                return new PartnerPlacementView(p.Id, EnumNames.ToKebab(p.Status), p.PostId, posts[p.PostId].Details.Title, person.FirstName, person.LastName[..1] + ".",
                    [.. person.Availability.Select(w => w.ToDto())], person.ReferentOfficer.Adapt<ContactDto>(MatchingMappings.Config), p.HoursTarget, p.HoursLogged);
            }).ToList());
        }
        var departements = scope.Departements.ToList();
        var inScope = store.Persons.Where(p => departements.Contains(p.Departement)).Select(p => p.Id);
        var list = await query.Where(p => inScope.Contains(p.PersonId)).OrderByDescending(p => p.CreatedAt).Take(500).ToListAsync(ct);
        return TypedResults.Ok(list.Select(Response).ToList());
    }

    private static async Task<Results<Created<PlacementResponse>, ProblemHttpResult>> Create(
        CreatePlacementRequest request, HttpContext http, IMatchingStore store, PlacementWorkflow workflow, CancellationToken ct)
    {
        var person = await store.Persons.AsNoTracking().FirstOrDefaultAsync(p => p.Id == request.PersonId, ct);
        var scope = new CallerScope(http.User);
        if (person is null || !scope.CanAccessPerson(person.Departement)) return ApiSupport.NotFound("Personne");
        var placement = await workflow.PlaceAsync(request.PersonId, request.PostId, ApiSupport.Who(http), null, ct);
        return TypedResults.Created($"/api/placements/{placement.Id}", Response(placement));
    }

    /// <summary>The placement, if the caller may act on it: the host body's partner (<paramref name="asPartner"/>), or an officer or coordinator of the person.</summary>
    private static async Task<TigPlacement?> Find(Guid id, HttpContext http, IMatchingStore store, bool asPartner, CancellationToken ct)
    {
        var placement = await store.Placements.FirstOrDefaultAsync(p => p.Id == id, ct);
        if (placement is null) return null;
        var scope = new CallerScope(http.User);
        if (asPartner && scope.IsPartner)
        {
            var hostId = await store.Posts.Where(p => p.Id == placement.PostId).Select(p => p.HostBodyId).FirstAsync(ct);
            return hostId == scope.HostBodyId ? placement : null;
        }
        var departement = await store.Persons.Where(p => p.Id == placement.PersonId).Select(p => p.Departement).FirstAsync(ct);
        return scope.CanAccessPerson(departement) ? placement : null;
    }

    private static async Task<Results<Ok<PlacementResponse>, ProblemHttpResult>> Confirm(Guid id, HttpContext http, IMatchingStore store, TimeProvider clock, CancellationToken ct)
    {
        if (await Find(id, http, store, asPartner: true, ct) is not { } placement) return ApiSupport.NotFound("Placement");
        placement.Confirm(clock.GetUtcNow());
        await store.SaveChangesAsync(ct);
        return TypedResults.Ok(Response(placement));
    }

    private static async Task<Results<Ok<PlacementResponse>, ProblemHttpResult>> Decline(Guid id, ReasonRequest request, HttpContext http, IMatchingStore store, TimeProvider clock, CancellationToken ct)
    {
        if (await Find(id, http, store, asPartner: true, ct) is not { } placement) return ApiSupport.NotFound("Placement");
        placement.Decline(request.Reason ?? "", clock.GetUtcNow());
        await store.SaveChangesAsync(ct);
        return TypedResults.Ok(Response(placement));
    }

    private static async Task<Results<Ok<PlacementResponse>, ProblemHttpResult>> Cancel(Guid id, ReasonRequest request, HttpContext http, IMatchingStore store, TimeProvider clock, CancellationToken ct)
    {
        if (new CallerScope(http.User) is { IsPartner: true, IsOfficer: false, IsCoordinator: false }) return ApiSupport.Forbidden("Seul le SPIP annule un placement.");
        if (await Find(id, http, store, asPartner: false, ct) is not { } placement) return ApiSupport.NotFound("Placement");
        placement.Cancel(request.Reason ?? "", clock.GetUtcNow());
        await store.SaveChangesAsync(ct);
        return TypedResults.Ok(Response(placement));
    }

    private static async Task<Results<Ok<PlacementResponse>, ProblemHttpResult>> LogHours(
        Guid id, HoursRequest request, HttpContext http, IMatchingStore store, PlacementWorkflow workflow, CancellationToken ct)
    {
        if (new CallerScope(http.User) is not { IsPartner: true }) return ApiSupport.Forbidden("Le tuteur de la structure déclare les heures.");
        if (await Find(id, http, store, asPartner: true, ct) is not { } placement) return ApiSupport.NotFound("Placement");
        if (request.Date is null) throw FieldErrors.OneField("date", "Ce champ est obligatoire.");
        await workflow.LogHoursAsync(placement, request.Date.Value, request.Hours, request.Note, http.User.FindFirstValue("name") ?? ApiSupport.Who(http), ct);
        return TypedResults.Ok(Response(placement));
    }

    private static async Task<Ok<List<AtRiskResponse>>> AtRisk(HttpContext http, IMatchingStore store, CancellationToken ct)
    {
        var departements = new CallerScope(http.User).Departements.ToList();
        var flagged = await store.AtRisk.AsNoTracking().Where(a => departements.Contains(a.Departement)).ToListAsync(ct);
        var ids = flagged.Select(a => a.PersonId).ToList();
        var persons = await store.Persons.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        return TypedResults.Ok(flagged.Where(a => persons.ContainsKey(a.PersonId)).Select(a =>
        {
            var p = persons[a.PersonId].Profile;
            return new AtRiskResponse(a.PersonId, p.FirstName, p.LastName, a.Departement, p.Term.EffectiveDeadline, p.Hours.Remaining, a.Reasons, a.FlaggedAt);
        }).OrderBy(a => a.EffectiveDeadline).ToList());
    }
}
