using Microsoft.EntityFrameworkCore;
using Placement.Matching.Domain;

namespace Placement.Matching.Features.Incidents;

/// <summary>How many incidents wait for the caller's decision: the count beside « À traiter » in the officer's menu (no person read, nothing audited).</summary>
public sealed class CountOpenIncidents(IncidentViews views) : IUseCase
{
    public async Task<int> HandleAsync(Caller caller, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!(caller.IsOfficer || caller.IsCoordinator)) return 0;
        return await views.Visible(caller).CountAsync(i => i.Status == IncidentStatus.Open, ct);
    }
}
