using Mapster;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Placement.Catalogue.Contracts;
using Placement.Matching;
using Placement.Matching.Contracts;
using Placement.Matching.Domain;
using Placement.Matching.Persistence;
using Placement.Matching.Suitability;
using Placement.Web.Identity;

namespace Placement.Web.Apis;

/// <summary>
/// Persons under a TIG measure: judicial data. Officers and coordinators only, within their
/// départements; a person outside the caller's scope does not exist for them (404).
/// </summary>
public sealed record ScorePartResponse(string Name, double Points, double Max, string Explanation);

public sealed record SuitablePostItem(Placement.Catalogue.Contracts.PostResponse Post, HostBodySummary HostBody, double DistanceKm, int Score, int FreePlaces,
    IReadOnlyList<ScorePartResponse> ScoreParts, IReadOnlyList<string> Explanation);

public sealed record SuitablePostsResponse(IReadOnlyList<SuitablePostItem> Items, int Candidates, IReadOnlyDictionary<string, int> ExcludedByRule,
    int Full, int CoDefendant, IReadOnlyList<string> Summary);

public static class PersonsApi
{
    public static RouteGroupBuilder MapPersonsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/persons").WithTags("Personnes").RequireAuthorization(Policies.Persons);
        api.MapGet("/", List).WithName("ListPersons").WithSummary("Personnes suivies dans votre périmètre, paginées.");
        api.MapGet("/{id:guid}", Get).WithName("GetPerson").WithSummary("Une personne de votre périmètre.");
        api.MapPost("/", Create).WithName("CreatePerson").WithSummary("Enregistre une personne condamnée à un TIG.");
        api.MapPut("/{id:guid}", Update).WithName("UpdatePerson").WithSummary("Modifie le dossier de placement d'une personne.");
        api.MapGet("/{id:guid}/suitable-posts", Suitable).WithName("SuitablePosts")
            .WithSummary("Les postes qui conviennent à la personne : autour de chez elle, toutes les règles appliquées, classés et expliqués.");
        return api;
    }

    private static async Task<Ok<PagedResult<PersonResponse>>> List(int? page, int? pageSize, HttpContext http, IMatchingStore store, CancellationToken ct)
    {
        var (p, size) = ApiSupport.Paging(page, pageSize);
        var departements = new CallerScope(http.User).Departements.ToList();
        var query = store.Persons.AsNoTracking().Where(x => departements.Contains(x.Departement));
        var total = await query.CountAsync(ct);
        var items = await query.OrderBy(x => x.LastName).ThenBy(x => x.Id).Skip((p - 1) * size).Take(size).ToListAsync(ct);
        return TypedResults.Ok(new PagedResult<PersonResponse>(items.Adapt<List<PersonResponse>>(MatchingMappings.Config), total, p, size));
    }

    private static async Task<Results<Ok<PersonResponse>, ProblemHttpResult>> Get(Guid id, HttpContext http, IMatchingStore store, CancellationToken ct)
    {
        var person = await store.Persons.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (person is null || !new CallerScope(http.User).CanAccessPerson(person.Departement)) return ApiSupport.NotFound("Personne");
        return TypedResults.Ok(person.Adapt<PersonResponse>(MatchingMappings.Config));
    }

    private static async Task<Results<Ok<SuitablePostsResponse>, ProblemHttpResult>> Suitable(
        Guid id, string? q, int? limit, HttpContext http, IMatchingStore store, SuitablePosts finder, CancellationToken ct)
    {
        var person = await store.Persons.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (person is null || !new CallerScope(http.User).CanAccessPerson(person.Departement)) return ApiSupport.NotFound("Personne");
        var errors = new FieldErrors();
        if (limit is < 1 or > 200) errors.Add("limit", "La limite est comprise entre 1 et 200.");
        if (q is { Length: > 500 }) errors.Add("q", "Le texte recherché dépasse 500 caractères.");
        errors.ThrowIfAny();
        var result = await finder.FindAsync(person, q, limit ?? 20, ct);
        return TypedResults.Ok(new SuitablePostsResponse(
            [.. result.Posts.Select(s => new SuitablePostItem(s.Post.Adapt<Placement.Catalogue.Contracts.PostResponse>(MatchingMappings.Config),
                new HostBodySummary(s.HostBody.Id, s.HostBody.Name, EnumNames.ToKebab(s.HostBody.Details.LegalType)),
                Math.Round(s.DistanceKm, 2), s.Score, s.FreePlaces,
                [.. s.Parts.Select(p => new ScorePartResponse(p.Name, Math.Round(p.Points, 1), p.Max, p.Explanation))],
                [.. s.Parts.Select(p => p.Explanation)]))],
            result.Candidates, result.ExcludedByRule, result.Full, result.CoDefendant, result.Summary));
    }

    private static async Task<Results<Created<PersonResponse>, ProblemHttpResult>> Create(
        PersonFields input, HttpContext http, IMatchingStore store, MatchingInputs inputs, TimeProvider clock, CancellationToken ct)
    {
        var profile = inputs.Person(input);
        if (!new CallerScope(http.User).CanAccessPerson(profile.Departement))
            return ApiSupport.Forbidden($"Le SPIP {profile.Departement} n'est pas dans votre périmètre.");
        var person = new Person(Guid.NewGuid(), profile, clock.GetUtcNow());
        store.Persons.Add(person);
        await store.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/persons/{person.Id}", person.Adapt<PersonResponse>(MatchingMappings.Config));
    }

    private static async Task<Results<Ok<PersonResponse>, ProblemHttpResult>> Update(
        Guid id, PersonFields input, HttpContext http, IMatchingStore store, MatchingInputs inputs, TimeProvider clock, CancellationToken ct)
    {
        var scope = new CallerScope(http.User);
        var person = await store.Persons.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (person is null || !scope.CanAccessPerson(person.Departement)) return ApiSupport.NotFound("Personne");
        var profile = inputs.Person(input);
        if (!scope.CanAccessPerson(profile.Departement))
            return ApiSupport.Forbidden($"Le SPIP {profile.Departement} n'est pas dans votre périmètre.");
        person.Update(profile, clock.GetUtcNow());
        await store.SaveChangesAsync(ct);
        return TypedResults.Ok(person.Adapt<PersonResponse>(MatchingMappings.Config));
    }
}
