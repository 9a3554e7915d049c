using Placement.Matching.Domain;

namespace Placement.Matching.Features.Persons;

/// <summary>
/// Where a person stands: <c>deadline-passed</c> (the deadline passed with hours remaining: « Échéance dépassée », listed first),
/// <c>awaiting</c> (no placement), <c>proposed</c>, <c>in-progress</c> (confirmed, started or suspended), <c>completed</c> (no hours
/// left), <c>not-carried-out</c> (the measure recorded as ended without being carried out).
/// </summary>
public static class Situations
{
    public const string Awaiting = "awaiting";
    public const string Proposed = "proposed";
    public const string InProgress = "in-progress";
    public const string Completed = "completed";
    public const string DeadlinePassed = "deadline-passed";
    public const string NotCarriedOut = "not-carried-out";
    /// <summary>A filter, not a situation: at risk of missing the deadline (computed live).</summary>
    public const string AtRisk = "at-risk";

    public static readonly IReadOnlyList<string> Filters = [DeadlinePassed, Awaiting, Proposed, InProgress, AtRisk, Completed, NotCarriedOut];

    /// <summary>The one reading of a person's situation, from their hours, deadline and active placements.</summary>
    public static string Of(Person person, IEnumerable<TigPlacement> active, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(active);
        var p = person.Profile;
        if (!person.IsUnderMeasure) return NotCarriedOut;
        if (p.Hours.Remaining <= 0) return Completed;
        if (p.DeadlinePassed(today)) return DeadlinePassed;
        var list = active.ToList();
        return list.Any(a => a.Status is PlacementStatus.Confirmed or PlacementStatus.InProgress or PlacementStatus.Suspended) ? InProgress
            : list.Any(a => a.Status == PlacementStatus.Proposed) ? Proposed
            : Awaiting;
    }
}

/// <summary>The caseload as asked: a name (first or last, any part), a filter of <see cref="Situations.Filters"/>, a page.</summary>
public sealed record CaseloadQuery(string? Q, string? Filter, int? Page, int? PageSize);

public sealed record CaseloadItem(Guid Id, string FirstName, string LastName, string Departement, double HoursOrdered, double HoursDone, double HoursRemaining,
    DateOnly EffectiveDeadline, int WeeksLeft, string Situation, IReadOnlyList<string> Risks);

/// <summary>A page of the caseload, most urgent first, and how many persons each filter holds (before paging).</summary>
public sealed record CaseloadPage(IReadOnlyList<CaseloadItem> Items, int Total, int Page, int PageSize, IReadOnlyDictionary<string, int> Counts);

public sealed record PersonPlacementItem(Guid Id, Guid PostId, string PostTitle, string HostBody, PlacementStatus Status, string? Reason, double HoursTarget, double HoursLogged,
    DateTimeOffset CreatedAt, DateTimeOffset StatusChangedAt);

/// <summary>
/// A person's file: the person, their placements (newest first), the deadline risks computed now, and how precise their
/// home's position is (<c>address</c>, or their commune's: <c>commune</c>, <c>centroid</c>, <c>departement</c>).
/// </summary>
public sealed record PersonFileResponse(PersonResponse Person, IReadOnlyList<PersonPlacementItem> Placements, IReadOnlyList<string> Risks, string HomePrecision);
