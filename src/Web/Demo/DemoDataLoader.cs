using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Placement.Catalogue;
using Placement.Catalogue.Contracts;
using Placement.Catalogue.Domain;
using Placement.Catalogue.Geography;
using Placement.Matching;
using Placement.Matching.Domain;
using Placement.Web.Data;
using Placement.Web.Hosting;
using Placement.Web.Identity;
using Placement.Matching.Features.Persons;
using Placement.Matching.Features.Placements;

namespace Placement.Web.Demo;

/// <summary>The demo accounts: e-mail, display name, role, départements, whether it is the partner.</summary>
public sealed record DemoAccount(string Email, string DisplayName, string Role, string[] Departements, bool IsPartner = false);

/// <summary>
/// Loads the demo data set into the database through the same validation as the API, in one
/// transaction: all of it or nothing. Creates the demo accounts when <c>Placement:Demo:Enabled</c>.
/// </summary>
public sealed class DemoDataLoader(
    PlacementDbContext db, UserManager<PlacementUser> users, CatalogueInputs catalogue, MatchingInputs matching,
    FranceGeography geography, IOptions<PlacementOptions> options, IOptions<CatalogueOptions> catalogueOptions,
    TimeProvider clock, ServiceCalendar calendar, ILogger<DemoDataLoader> logger)
{
    public static IReadOnlyList<DemoAccount> Accounts(FranceGeography geography) =>
    [
        new("admin@demo.placement", "Administrateur de démonstration", Roles.Admin, []),
        new("coordinateur@demo.placement", "Coordinateur TIG Auvergne-Rhône-Alpes", Roles.Coordinator,
            [.. geography.Region(DemoDataGenerator.Region).Select(d => d.Code)]),
        new("cpip69@demo.placement", "Agent CPIP du Rhône", Roles.Officer, ["69"]),
        new("cpip38@demo.placement", "Agent CPIP de l'Isère", Roles.Officer, ["38"]),
        new("partenaire@demo.placement", "Partenaire de démonstration", Roles.Partner, ["69"], IsPartner: true),
    ];

    public string DemoDirectory => Path.Combine(catalogueOptions.Value.ResolvedSeedDirectory, "demo");

    /// <summary>Loads the demo data when the database holds no host body, post or person. Returns whether it did.</summary>
    public async Task<bool> LoadIfEmptyAsync(CancellationToken ct = default)
    {
        if (await HasDataAsync(ct)) return false;
        await LoadAsync(reset: false, ct);
        return true;
    }

    public async Task<bool> HasDataAsync(CancellationToken ct = default) =>
        await db.HostBodies.AnyAsync(ct) || await db.Persons.AnyAsync(ct);

    /// <summary>Loads the demo data; with <paramref name="reset"/>, first deletes every host body, post, person and placement.</summary>
    public async Task LoadAsync(bool reset, CancellationToken ct = default)
    {
        var data = DemoDataSet.Read(DemoDirectory);
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (reset)
        {
            await db.Users.Where(u => u.HostBodyId != null).ExecuteUpdateAsync(u => u.SetProperty(x => x.HostBodyId, (Guid?)null), ct);
            await db.Incidents.ExecuteDeleteAsync(ct);
            await db.MeasureActions.ExecuteDeleteAsync(ct);
            await db.Sessions.ExecuteDeleteAsync(ct);
            await db.Set<TigPlacement>().ExecuteDeleteAsync(ct);
            await db.Persons.ExecuteDeleteAsync(ct);
            await db.Posts.ExecuteDeleteAsync(ct);
            await db.HostBodies.ExecuteDeleteAsync(ct);
        }
        else if (await HasDataAsync(ct))
        {
            throw new InvalidOperationException("La base contient déjà des données ; utilisez « seed --reset » pour les remplacer.");
        }

        foreach (var h in data.HostBodies) db.HostBodies.Add(new HostBody(h.Id, Validated($"host-bodies {h.Id}", () => catalogue.HostBody(h)), now));
        foreach (var p in data.Posts)
        {
            var post = new Post(p.Id, p.HostBodyId, Validated($"posts {p.Id}", () => catalogue.Post(p)), now);
            foreach (var action in PathTo(EnumNames.Parse<PostStatus>(p.Status, "status"))) post.Move(action, now);
            db.Posts.Add(post);
        }
        foreach (var p in data.Persons) db.Persons.Add(new Person(p.Id, Validated($"persons {p.Id}", () => matching.Person(p)), now));
        var placements = new List<(TigPlacement, IReadOnlyList<DemoHoursLog>)>();
        foreach (var p in data.Placements)
        {
            var placement = new TigPlacement(p.Id, p.PersonId, p.PostId, p.HoursTarget, now);
            if (p.Status != "proposed")
            {
                // A placement under way began after the medical examination it needed (R.623-14): the demo records it, fit.
                var person = db.Persons.Local.First(x => x.Id == p.PersonId);
                if (MedicalCheck.IsPending(person, db.Posts.Local.First(x => x.Id == p.PostId), calendar.DayOf(now)))
                    person.RecordMedicalFitness(new MedicalFitness(calendar.DayOf(now).AddDays(-30), "demo", now), now);
                placement.Confirm(now);
            }
            db.Placements.Add(placement);
            placements.Add((placement, p.Hours));
        }
        // Hours done are the sum of attendance: each day logged is a session attended (DemoCarryingOut).
        var carriedOut = DemoCarryingOut.For(placements, db.Posts.Local.ToDictionary(p => p.Id), db.Persons.Local.ToDictionary(p => p.Id),
            DemoDataGenerator.PartnerHost(data.HostBodies, data.Posts).Id, calendar.DayOf(now), now);
        db.Sessions.AddRange(carriedOut.Sessions);
        db.Incidents.AddRange(carriedOut.Incidents);
        await db.SaveChangesAsync(ct);

        if (options.Value.Demo.Enabled) await EnsureAccountsAsync(data, ct);
        await transaction.CommitAsync(ct);
        logger.LogInformation("Données de démonstration chargées : {HostBodies} structures, {Posts} postes, {Persons} personnes, {Placements} placements.",
            data.HostBodies.Count, data.Posts.Count, data.Persons.Count, data.Placements.Count);
    }

    /// <summary>Creates or updates the demo accounts (idempotent); used at start when demo mode is on.</summary>
    public Task EnsureAccountsAsync(CancellationToken ct = default) => EnsureAccountsAsync(DemoDataSet.Read(DemoDirectory), ct);

    private async Task EnsureAccountsAsync(DemoDataSet data, CancellationToken ct)
    {
        // The partner account belongs to the host body the generator gave a post in every state and placements to.
        var partnerHost = DemoDataGenerator.PartnerHost(data.HostBodies, data.Posts).Id;
        foreach (var account in Accounts(geography))
        {
            ct.ThrowIfCancellationRequested();
            var user = await users.FindByEmailAsync(account.Email);
            var isNew = user is null;
            user ??= new PlacementUser { UserName = account.Email, Email = account.Email, EmailConfirmed = true };
            user.DisplayName = account.DisplayName;
            user.Departements = string.Join(',', account.Departements);
            user.HostBodyId = account.IsPartner ? partnerHost : null;
            var result = isNew ? await users.CreateAsync(user, options.Value.Demo.Password) : await users.UpdateAsync(user);
            if (result.Succeeded && !await users.IsInRoleAsync(user, account.Role)) result = await users.AddToRoleAsync(user, account.Role);
            if (!result.Succeeded)
                throw new InvalidOperationException($"Compte de démonstration {account.Email} : {string.Join(" ", result.Errors.Select(e => e.Description))}");
        }
        logger.LogWarning("Comptes de démonstration actifs ({Accounts}), mot de passe « {Password} » (Placement:Demo:Password). À désactiver en production (Placement:Demo:Enabled=false).",
            string.Join(", ", Accounts(geography).Select(a => a.Email)), options.Value.Demo.Password);
    }

    /// <summary>The lifecycle moves from draft to <paramref name="target"/>.</summary>
    public static IEnumerable<PostAction> PathTo(PostStatus target) => target switch
    {
        PostStatus.Draft => [],
        PostStatus.PendingValidation => [PostAction.Submit],
        PostStatus.Published => [PostAction.Submit, PostAction.Publish],
        PostStatus.Suspended => [PostAction.Submit, PostAction.Publish, PostAction.Suspend],
        _ => [PostAction.Close],
    };

    private static T Validated<T>(string what, Func<T> build)
    {
        try
        {
            return build();
        }
        catch (ValidationFailedException e)
        {
            throw new InvalidOperationException($"Jeu de démonstration invalide ({what}) : {e.Message}", e);
        }
    }
}
