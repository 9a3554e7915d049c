using Placement.Catalogue.Contracts;
using Placement.Matching.Domain;

namespace Placement.Matching.Features.Placements;

public sealed record PlacementResponse
{
    public Guid Id { get; init; }
    public Guid PersonId { get; init; }
    public Guid PostId { get; init; }
    public PlacementStatus Status { get; init; }
    public string? Reason { get; init; }
    public double HoursTarget { get; init; }
    public double HoursLogged { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset StatusChangedAt { get; init; }
    /// <summary>The hours logged, oldest first: who signed them, and which account entered them.</summary>
    public IReadOnlyList<HoursLogDto> Hours { get; init; } = [];
    /// <summary>
    /// « Visite médicale à prévoir avant le début du travail (…). » while the examination the person needs on this post is not
    /// recorded (the host's confirmation and the sessions wait for it); null when none is needed or the person is fit.
    /// </summary>
    public string? MedicalExamination { get; init; }
    /// <summary>The tutor's acknowledgement of the hours, which closed the placement (who, when, from where); none before.</summary>
    public PlacementAttestation? Attestation { get; init; }
}

public sealed record HoursLogDto(DateOnly Date, double Hours, string? Note, string? Tutor, string? EnteredBy)
{
    /// <summary>The session whose attendance credited them; none for hours the SPIP entered without a session.</summary>
    public Guid? SessionId { get; init; }
}

public sealed record CreatePlacementRequest(Guid? PersonId, Guid? PostId);

public sealed record ReasonRequest(string? Reason);

/// <summary>Hours done on one day without a session (the SPIP only); <c>note</c>: the reason, required; <c>tutor</c>: who signed them (the post's tutor when omitted).</summary>
public sealed record HoursRequest(DateOnly? Date, double Hours, string? Note, string? Tutor = null);

/// <summary>
/// What a partner sees of a placement at its host body: never judicial data, never the person's medical marker —
/// <paramref name="MedicalExamination"/> says an examination is still to come, the SPIP's own reason read « situation signalée par le SPIP ».
/// </summary>
public sealed record PartnerPlacementView(Guid Id, PlacementStatus Status, Guid PostId, string PostTitle, string PersonFirstName, string PersonInitial,
    IReadOnlyList<TimeWindowDto> PersonAvailability, ContactDto Officer, double HoursTarget, double HoursLogged, string? MedicalExamination = null);

public sealed record AtRiskResponse(Guid PersonId, string FirstName, string LastName, string Departement, DateOnly EffectiveDeadline, double HoursRemaining,
    IReadOnlyList<string> Reasons, DateTimeOffset FlaggedAt);
