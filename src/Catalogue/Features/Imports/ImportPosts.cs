using Mapster;
using Microsoft.EntityFrameworkCore;
using Placement.Catalogue.Contracts;
using Placement.Catalogue.Domain;
using Placement.Catalogue.Features.Posts;
using Placement.Catalogue.Geography;
using Placement.Catalogue.Imports;
using Placement.Catalogue.Persistence;
using Placement.Catalogue.Features.Activities;

namespace Placement.Catalogue.Features.Imports;

/// <summary>
/// Imports posts (issue 16) from a partner's spreadsheet or the national catalogue: CSV with the French columns of
/// <see cref="PostColumns"/>, or JSON in the API's shape with the host body's <c>siret</c>. The host body must be known;
/// SIRET + the partner's reference find the post again (created, updated, unchanged). Coordinators and administrators in
/// their scope, a partner for its own host body only — as <see cref="CreatePost"/> and <see cref="UpdatePost"/>: a new post
/// is a draft unless <c>etat</c> moves it on (« publié » by the SPIP only), and a change of substance by a partner sends a
/// validated post back to validation. A closed post is never changed.
/// </summary>
public sealed class ImportPosts(ICatalogueStore store, CatalogueInputs inputs, ActivityVocabulary activities, FranceGeography geography, TimeProvider clock)
    : IUseCase, IImporter
{
    public string Kind => ImportKinds.Posts;

    public IReadOnlyList<ImportColumn> Columns => PostColumns.All;

    public bool Allows(Caller caller) => caller is { IsAdmin: true } or { IsCoordinator: true } or { IsPartner: true, HostBodyId: not null };

    public async Task<ImportReport> HandleAsync(Caller caller, ImportRequest request, IProgress<(int Done, int Total)>? progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        if (!Allows(caller)) throw new ForbiddenException("L'import des postes est réservé aux structures d'accueil, aux coordinateurs et aux administrateurs.");
        var (format, rows) = ImportFile.Read<PostImportFields>(request, PostColumns.All, "un tableau de postes, chacun comme l'API les décrit avec le siret de sa structure");
        var labels = activities.Labels.SelectMany(a => new[] { (Key: ImportCells.Key(a.Value), a.Key), (Key: ImportCells.Key(a.Key), a.Key) })
            .DistinctBy(a => a.Key).ToDictionary(a => a.Key, a => a.Item2, StringComparer.Ordinal);
        // CSV lines read into the API's shape once, before the run: their SIRETs say which host bodies and posts to load.
        rows = [.. rows.Select(r => r.Csv ? r with { Fields = PostColumns.Read(r.Value, r.Problems, labels) } : r)];
        var fields = rows.Select(r => r.Fields!).ToList();

        var sirets = fields.Select(f => Siret.TryCreate(f.Siret)?.Value).OfType<string>().Distinct().ToList();
        var hostBodies = (await store.HostBodies.AsNoTracking().Where(h => sirets.Contains(h.Siret)).ToListAsync(ct)).ToLookup(h => h.Siret, StringComparer.Ordinal);
        var ids = hostBodies.SelectMany(h => h).Select(h => h.Id).ToList();
        var posts = (await store.Posts.Where(p => ids.Contains(p.HostBodyId) && p.Reference != null).ToListAsync(ct))
            .ToDictionary(p => (p.HostBodyId, p.Reference!));
        var now = clock.GetUtcNow();
        var seen = new Dictionary<(Guid, string), int>();
        return await ImportRun.RunAsync(store, caller, Kind, request, format, rows, async row =>
        {
            var input = row.Fields!;
            var problems = row.Problems;
            string? Where(string field) => row.Csv ? PostColumns.ColumnOf(field) : field;
            var reference = input.Reference?.Trim();
            ImportStep Rejected() => ImportStep.Rejected(row.Line, $"{input.Siret} {reference}".Trim(), input.Title, problems);

            var siret = Siret.TryCreate(input.Siret)?.Value;
            var candidates = siret is null ? [] : hostBodies[siret].ToList();
            var mine = candidates.Where(h => caller.CanEditHostBody(h.Id, h.Departement)).ToList();
            if (siret is null) problems.Add(new(Where("siret"), "SIRET absent ou invalide (14 chiffres, clé de contrôle)."));
            else if (candidates.Count == 0) problems.Add(new(Where("siret"), "Aucune structure d'accueil ne porte ce SIRET : importez-la d'abord."));
            else if (mine.Count == 0) problems.Add(new(Where("siret"), "Cette structure d'accueil n'est pas dans votre périmètre."));
            else if (mine.Count > 1) problems.Add(new(Where("siret"), $"{mine.Count} structures portent ce SIRET : créez ces postes depuis leur page."));
            if (reference is null) problems.Add(new(Where("reference"), "La référence est obligatoire : avec le SIRET, elle retrouve le poste d'un import à l'autre."));
            if (siret is null || mine.Count != 1 || reference is null) return Rejected(); // the post cannot be found: nothing more to say

            var hostBody = mine[0];
            if (seen.TryGetValue((hostBody.Id, reference), out var first))
            {
                problems.Add(new(Where("reference"), $"Référence déjà présente ligne {first} pour cette structure."));
                return Rejected();
            }
            seen[(hostBody.Id, reference)] = row.Line;
            posts.TryGetValue((hostBody.Id, reference), out var existing);
            if (existing is { Status: PostStatus.Closed })
            {
                problems.Add(new(Where("reference"), "Ce poste est clôturé : il ne change plus."));
                return Rejected();
            }

            // Every problem of the line at once: what could not be read, the state, what the contract refuses.
            var target = input.Status is null ? PostStatus.Draft : Enum.TryParse<PostStatus>(input.Status.Replace("-", "", StringComparison.Ordinal), true, out var s)
                && s is PostStatus.Draft or PostStatus.PendingValidation or PostStatus.Published ? s : (PostStatus?)null;
            if (target is null) problems.Add(new(Where("status"), $"État inconnu « {input.Status} » : attendu brouillon, à valider ou publié."));
            PostDetails? details = null;
            try
            {
                details = await inputs.PostAsync(PostAddress.WithDefault((PostFields)input, hostBody) with { Reference = reference }, ct);
            }
            catch (ValidationFailedException e)
            {
                ImportRun.Name(problems, e, Where);
            }
            if (target is { } wanted && Moves(existing?.Status ?? PostStatus.Draft, wanted).Contains(PostAction.Publish)
                && !caller.CanValidate(details?.Place.Departement ?? existing?.Departement ?? hostBody.Departement))
                problems.Add(new(Where("status"), "Seul le SPIP publie un poste : importez-le « à valider »."));
            if (details is null || target is null || problems.Count > 0) return Rejected();

            var notes = ImportRun.Position(Where("address.street"), geography.PrecisionOf(details.Place), "poste placé").ToList();
            var label = details.Title;
            var key = $"{siret} {reference}";
            if (existing is null)
            {
                var post = new Post(Guid.NewGuid(), hostBody.Id, details, now);
                posts[(hostBody.Id, reference!)] = post;
                return new(new ImportLine(row.Line, key, label, ImportOutcomes.Created, notes), () =>
                {
                    store.Posts.Add(post);
                    MoveOn(post, target.Value, now);
                });
            }
            var validates = caller.CanValidate(existing.Departement);
            var changed = !existing.Details.Equals(details);
            var moves = Moves(existing.Status, target.Value);
            if (!changed && moves.Count == 0) return new(new ImportLine(row.Line, key, label, ImportOutcomes.Unchanged, []), null);
            if (changed && !validates && existing.Status is PostStatus.Published or PostStatus.Suspended && Post.IsChangeOfSubstance(existing.Details, details))
                notes.Add(new(null, "Changement de fond : le poste repasse en validation par le SPIP."));
            return new(new ImportLine(row.Line, key, label, ImportOutcomes.Updated, notes), () =>
            {
                if (changed) existing.Update(details, now, validates);
                MoveOn(existing, target.Value, now);
            });
        }, progress, now, ct);
    }

    /// <summary>The moves that take a post forward to <paramref name="target"/> (draft → to validate → published); none backwards.</summary>
    private static List<PostAction> Moves(PostStatus from, PostStatus target) => (from, target) switch
    {
        (PostStatus.Draft, PostStatus.PendingValidation) => [PostAction.Submit],
        (PostStatus.Draft, PostStatus.Published) => [PostAction.Submit, PostAction.Publish],
        (PostStatus.PendingValidation, PostStatus.Published) => [PostAction.Publish],
        _ => [],
    };

    private static void MoveOn(Post post, PostStatus target, DateTimeOffset now)
    {
        foreach (var action in Moves(post.Status, target)) post.Move(action, now);
    }
}
