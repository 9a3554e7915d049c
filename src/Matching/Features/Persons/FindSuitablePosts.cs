using Mapster;
using Microsoft.Extensions.Options;
using Placement.Catalogue;
using Placement.Catalogue.Contracts;
using Placement.Catalogue.Geography;
using Placement.Matching.Persistence;
using Placement.Catalogue.Features.Posts;
using Placement.Catalogue.Features.Search;
using Placement.Matching.Features.Audit;

namespace Placement.Matching.Features.Persons;

/// <summary>« Which posts suit this person? »: around their home, every rule applied, ranked and explained.</summary>
public sealed class FindSuitablePosts(IMatchingStore store, PersonAudit audit, SuitablePosts finder, Placement.Catalogue.Features.Activities.ActivityVocabulary vocabulary,
    FranceGeography geography) : IUseCase
{
    public const int DefaultLimit = 20;
    public const int MaxLimit = 200;

    public async Task<SuitablePostsResponse> HandleAsync(Caller caller, Guid personId, SuitablePostsQuery query, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        var person = await GetPerson.FindAsync(store, caller, personId, ct);
        var errors = new FieldErrors();
        if (query.Limit is < 1 or > MaxLimit) errors.Add("limit", $"La limite est comprise entre 1 et {MaxLimit}.");
        if (query.Q is { Length: > 500 }) errors.Add("q", "Le texte recherché dépasse 500 caractères.");
        var activity = string.IsNullOrWhiteSpace(query.Activity) ? null : query.Activity.Trim();
        if (activity is not null) vocabulary.Check(activity, errors);
        errors.ThrowIfAny();
        await audit.ReadAsync(caller, "Postes adaptés à la personne", personId, ct);
        var result = await finder.FindAsync(person, query.Q, query.Limit ?? DefaultLimit, activity is null ? null : [activity], ct);
        return new SuitablePostsResponse(
            [.. result.Posts.Select(s => new SuitablePostItem(s.Post.Adapt<PostResponse>(MatchingMappings.Config),
                new HostBodySummary(s.HostBody.Id, s.HostBody.Name, EnumNames.ToKebab(s.HostBody.Details.LegalType)),
                Math.Round(s.DistanceKm, 2), s.Score, s.FreePlaces,
                [.. s.Parts.Select(p => new ScorePartResponse(p.Name, Math.Round(p.Points, 1), p.Max, p.Explanation))],
                Engine.QualityScore.Explain(s.Parts, s.MedicalExamination), EnumNames.ToKebab(geography.PrecisionOf(s.Post.Details.Place)))
            {
                MedicalExamination = s.MedicalExamination,
            })],
            result.Candidates, result.ExcludedByRule, result.Full, result.CoDefendant, result.Summary, EnumNames.ToKebab(geography.PrecisionOf(person.Profile.Home)));
    }
}
