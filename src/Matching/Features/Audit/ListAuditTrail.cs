using Microsoft.EntityFrameworkCore;
using Placement.Catalogue.Contracts;
using Placement.Matching.Persistence;
using Placement.Catalogue.Features.Posts;
using Placement.Matching.Domain;

namespace Placement.Matching.Features.Audit;

/// <summary>Filters of the audit trail; all optional. <c>from</c> and <c>to</c> are days of the service's calendar (<see cref="ServiceCalendar"/>), both included.</summary>
public sealed record AuditTrailQuery
{
    public string? Actor { get; init; }
    public Guid? PersonId { get; init; }
    public string? Action { get; init; }
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }
    public int? Page { get; init; }
    public int? PageSize { get; init; }
}

public sealed record AuditEntryResponse(long Id, DateTimeOffset At, string Actor, string Action, string What,
    IReadOnlyList<Guid> PersonIds, int PersonCount, string? Origin, string? Request);

/// <summary>The audit trail for the administrator, newest first, filtered by account, person, action and days.</summary>
public sealed class ListAuditTrail(IMatchingStore store, ServiceCalendar calendar) : IUseCase
{
    public async Task<PagedResult<AuditEntryResponse>> HandleAsync(Caller caller, AuditTrailQuery query, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(query);
        if (!caller.IsAdmin) throw new ForbiddenException("Le journal d'audit est réservé aux administrateurs.");
        var paging = Paging.From(query.Page, query.PageSize);
        var errors = new FieldErrors();
        if (query.Action is { Length: > 0 } a && !AuditActions.All.Contains(a)) errors.Add("action", $"Valeurs permises : {string.Join(", ", AuditActions.All)}.");
        if (query.From is { } f && query.To is { } t && t < f) errors.Add("to", "La fin précède le début.");
        if (query.Actor is { Length: > 256 }) errors.Add("actor", "256 caractères au plus.");
        errors.ThrowIfAny();

        var lines = store.AuditTrail.AsNoTracking();
        if (query.Actor is { Length: > 0 } actor) lines = lines.Where(e => e.Actor.ToLower().Contains(actor.Trim().ToLowerInvariant()));
        if (query.PersonId is { } person) lines = lines.Where(e => e.PersonIds.Contains(person.ToString()));
        if (query.Action is { Length: > 0 } action) lines = lines.Where(e => e.Action == action);
        if (query.From is { } from)
        {
            var start = calendar.StartOf(from);
            lines = lines.Where(e => e.At >= start);
        }
        if (query.To is { } to)
        {
            var end = calendar.StartOf(to.AddDays(1));
            lines = lines.Where(e => e.At < end);
        }
        var total = await lines.CountAsync(ct);
        var page = await lines.OrderByDescending(e => e.Id).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
        return new PagedResult<AuditEntryResponse>([.. page.Select(e => new AuditEntryResponse(e.Id, e.At, e.Actor, e.Action, e.What,
            [.. e.PersonIds.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Guid.Parse)], e.PersonCount, e.Origin, e.Request))],
            total, paging.Page, paging.PageSize);
    }
}
