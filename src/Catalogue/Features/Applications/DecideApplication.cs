using Microsoft.EntityFrameworkCore;
using Placement.Catalogue.Contracts;
using Placement.Catalogue.Domain;
using Placement.Catalogue.Persistence;
using Placement.Catalogue.Features.HostBodies;
using Placement.Catalogue.Features.Posts;

namespace Placement.Catalogue.Features.Applications;

/// <summary>
/// The SPIP of the host body's département decides an application. Accepted: a private body is habilitated for
/// <see cref="CatalogueOptions.HabilitationYears"/> years from today (a public body stays habilitated by right) and its
/// accounts may sign in. Refused (with a reason): its accounts are removed, and its host body too when nothing refers to it.
/// </summary>
public sealed class DecideApplication(ICatalogueStore store, IPartnerAccounts accounts, Microsoft.Extensions.Options.IOptions<CatalogueOptions> options, ServiceCalendar calendar) : IUseCase
{
    public async Task<HostBodyApplicationResponse> AcceptAsync(Caller caller, Guid id, CancellationToken ct)
    {
        var (application, hostBody) = await FindAsync(caller, id, ct);
        var now = calendar.UtcNow;
        application.Accept(caller.Who, now);
        if (hostBody.Details.Habilitation.Status == HabilitationStatus.Pending)
        {
            var today = calendar.DayOf(now);
            var d = hostBody.Details;
            hostBody.Update(new HostBodyDetails(d.Name, d.LegalType, d.Siret,
                new Habilitation(HabilitationStatus.Habilitated, new DateRange(today, today.AddYears(options.Value.HabilitationYears).AddDays(-1), "validUntil")),
                d.Address, d.Contact), now);
        }
        await accounts.ApproveAsync(hostBody.Id, ct);
        await store.SaveChangesAsync(ct);
        return ApplyAsHostBody.Response(application, hostBody);
    }

    public async Task<HostBodyApplicationResponse> RefuseAsync(Caller caller, Guid id, RefusalRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (application, hostBody) = await FindAsync(caller, id, ct);
        application.Refuse(caller.Who, request.Reason, calendar.UtcNow);
        await accounts.RemoveAwaitingAsync(hostBody.Id, ct);
        var inUse = await store.Posts.AnyAsync(p => p.HostBodyId == hostBody.Id, ct);
        if (!inUse) store.HostBodies.Remove(hostBody);
        await store.SaveChangesAsync(ct);
        return ApplyAsHostBody.Response(application, inUse ? hostBody : null);
    }

    private async Task<(HostBodyApplication, HostBody)> FindAsync(Caller caller, Guid id, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var application = await store.HostBodyApplications.FirstOrDefaultAsync(a => a.Id == id, ct) ?? throw new NotFoundException("Demande d'habilitation");
        if (!caller.CanValidate(application.Departement)) throw new NotFoundException("Demande d'habilitation");
        var hostBody = await store.HostBodies.FirstOrDefaultAsync(h => h.Id == application.HostBodyId, ct)
            ?? throw new IllegalTransitionException("Demande d'habilitation", application.Status.ToString(), "decide");
        return (application, hostBody);
    }
}
