using Microsoft.EntityFrameworkCore;
using Placement.Catalogue.Contracts;
using Placement.Matching.Domain;

namespace Placement.Matching.Features.Incidents;

/// <summary>
/// The incidents the caller reads (<c>GET /api/incidents?status=open|closed</c>; <c>placementId</c> for one placement's), the
/// oldest first: the officer's « À traiter ».
/// </summary>
public sealed class ListIncidents(IncidentViews views) : IUseCase
{
    public const int Max = 500;

    public async Task<List<IncidentResponse>> HandleAsync(Caller caller, string? status, Guid? placementId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var query = views.Visible(caller).AsNoTracking();
        if (!string.IsNullOrWhiteSpace(status))
        {
            var wanted = EnumNames.Parse<IncidentStatus>(status, "status");
            query = query.Where(i => i.Status == wanted);
        }
        if (placementId is { } pid) query = query.Where(i => i.PlacementId == pid);
        var incidents = await query.OrderBy(i => i.ReportedAt).Take(Max).ToListAsync(ct);
        return await views.ManyAsync(caller, incidents, ct);
    }
}
