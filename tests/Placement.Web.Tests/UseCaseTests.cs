using Microsoft.Extensions.DependencyInjection;
using Placement.Catalogue.Contracts;
using Placement.Catalogue.Features.Posts;
using Placement.Matching.Features.AssignmentRuns;
using Placement.Matching.Features.Persons;
using Placement.Matching.Features.Placements;

namespace Placement.Web.Tests;

/// <summary>The handlers themselves, called as a page or a CLI verb calls them: no HTTP, a caller and an input.</summary>
[Collection(ApiCollection.Name)]
public class UseCaseTests(PlacementApp app)
{
    private static Caller Officer(string departement) => new($"cpip{departement}@test", CallerRoles.Officer, new HashSet<string> { departement }, null);

    private static readonly Caller Coordinator = new("coord@test", CallerRoles.Coordinator, new HashSet<string> { "69", "38" }, null);

    private async Task<T> Handle<THandler, T>(Func<THandler, Task<T>> call) where THandler : notnull
    {
        using var scope = app.Services.CreateScope();
        return await call(scope.ServiceProvider.GetRequiredService<THandler>());
    }

    [SkippableFact]
    public async Task ListPersons_ThenGetPerson_AgreeForAnOfficer_AndRefuseAnother()
    {
        var page = await Handle<ListPersons, PagedResult<PersonResponse>>(h => h.HandleAsync(Officer("69"), new ListPersonsQuery(1, 5), CancellationToken.None));
        Assert.Equal(5, page.Items.Count);
        var first = page.Items[0].Id;
        Assert.Equal(first, (await Handle<GetPerson, PersonResponse>(h => h.HandleAsync(Officer("69"), first, CancellationToken.None))).Id);
        await Assert.ThrowsAsync<NotFoundException>(() => Handle<GetPerson, PersonResponse>(h => h.HandleAsync(Officer("38"), first, CancellationToken.None)));
    }

    [SkippableFact]
    public async Task CreateRun_OutsideTheCallersDepartements_IsForbidden_AndNamesThem()
    {
        var error = await Assert.ThrowsAsync<ForbiddenException>(() => Handle<CreateRun, RunResponse>(h =>
            h.HandleAsync(Coordinator, new CreateRunRequest(["69", "75"], null, null, 5, false), CancellationToken.None)));
        Assert.Contains("75", error.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task ListPosts_WithAnUnknownStatus_NamesTheField()
    {
        var error = await Assert.ThrowsAsync<ValidationFailedException>(() => Handle<ListPosts, PagedResult<PostResponse>>(h =>
            h.HandleAsync(Officer("69"), new ListPostsQuery(null, "ouvert", null, null, null), CancellationToken.None)));
        Assert.Equal(["status"], error.Errors.Keys);
    }

    [SkippableFact]
    public async Task FindSuitablePosts_BeyondTheLimit_NamesTheField()
    {
        var page = await Handle<ListPersons, PagedResult<PersonResponse>>(h => h.HandleAsync(Officer("69"), new ListPersonsQuery(1, 1), CancellationToken.None));
        var error = await Assert.ThrowsAsync<ValidationFailedException>(() => Handle<FindSuitablePosts, SuitablePostsResponse>(h =>
            h.HandleAsync(Officer("69"), page.Items[0].Id, new SuitablePostsQuery(null, 500), CancellationToken.None)));
        Assert.Equal(["limit"], error.Errors.Keys);
    }

    [SkippableFact]
    public async Task LogPlacementHours_ByTheHost_IsForbidden_ItRecordsAttendanceOnSessions()
    {
        var placements = await Handle<ListPlacements, List<PlacementResponse>>(h => h.HandleAsync(Officer("69"), null, CancellationToken.None));
        var any = placements.Count > 0 ? placements[0].Id : Guid.NewGuid();
        var partner = new Caller("partenaire@test", CallerRoles.Partner, new HashSet<string>(), Guid.NewGuid());
        await Assert.ThrowsAsync<ForbiddenException>(() => Handle<LogPlacementHours, PlacementResponse>(h =>
            h.HandleAsync(partner, any, new HoursRequest(new DateOnly(2026, 11, 20), 3, "Feuille papier"), CancellationToken.None)));
    }
}
