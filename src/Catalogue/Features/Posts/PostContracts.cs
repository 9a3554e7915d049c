using Placement.Catalogue.Domain;
using Placement.Catalogue.Contracts;

namespace Placement.Catalogue.Features.Posts;

/// <summary>
/// A post as written by clients, stored in the database and in the demo data set: every attribute
/// of a post in <c>matching.md</c> plus what people read. <see cref="ToDetails"/> names every bad field.
/// </summary>
public record PostFields
{
    public string? Title { get; init; }
    /// <summary>The partner's own reference of the post, unique within its host body (optional; an import finds the post by SIRET + reference).</summary>
    public string? Reference { get; init; }
    public string? Description { get; init; }
    public string? Activity { get; init; }
    public IReadOnlyList<string>? Skills { get; init; }
    public AddressDto? Address { get; init; }
    public int Capacity { get; init; }
    public double MaxWeeklyHoursPerPerson { get; init; }
    public IReadOnlyList<TimeWindowDto>? Schedule { get; init; }
    public DateOnly? OpenFrom { get; init; }
    public DateOnly? OpenUntil { get; init; }
    public ContactDto? Tutor { get; init; }
    public bool AcceptsMinors { get; init; }
    public bool ContactWithMinors { get; init; }
    public bool VulnerablePublic { get; init; }
    public bool RequiresDrivingLicence { get; init; }
    /// <summary><c>low</c>, <c>medium</c> or <c>high</c>.</summary>
    public string? PhysicalDemand { get; init; }
    public bool NightWork { get; init; }
    public bool WheelchairAccessible { get; init; }
    public bool NearPublicTransport { get; init; }
    /// <summary>« Risques particuliers » (produits, machines…): a medical examination before the work starts.</summary>
    public bool ParticularRisks { get; init; }
    /// <summary>« Établissement de soins » (vaccinations obligatoires): a medical examination before the work starts.</summary>
    public bool CareSetting { get; init; }

    public PostDetails ToDetails()
    {
        var errors = new FieldErrors();
        var address = Address.ToAddress(errors, "address");
        var schedule = Schedule.ToSchedule(errors, "schedule");
        var tutor = Tutor.ToContact(errors, "tutor");
        var demand = errors.TryValue("physicalDemand", () => EnumNames.Parse<Domain.PhysicalDemand>(PhysicalDemand, "physicalDemand"));
        if (OpenFrom is null) errors.Add("openFrom", "Ce champ est obligatoire.");
        if (OpenUntil is null) errors.Add("openUntil", "Ce champ est obligatoire.");
        var period = OpenFrom is { } from && OpenUntil is { } until ? errors.Try("", () => new DateRange(from, until, "openUntil")) : null;
        // The scalar invariants of PostDetails, checked here too so that one answer lists every bad field.
        errors.Try("", () => PostDetails.ValidTitle(Title));
        errors.Try("", () => PostDetails.ValidReference(Reference));
        errors.Try("", () => PostDetails.ValidDescription(Description));
        errors.Try("", () => PostDetails.ValidActivity(Activity));
        errors.TryValue("", () => PostDetails.ValidCapacity(Capacity));
        errors.TryValue("", () => PostDetails.ValidWeeklyHours(MaxWeeklyHoursPerPerson));
        if ((Schedule?.Count ?? 0) == 0) errors.Try("", () => PostDetails.ValidSchedule(schedule));
        errors.ThrowIfAny();
        var conditions = new PostConditions(AcceptsMinors, ContactWithMinors, VulnerablePublic, RequiresDrivingLicence,
            demand!.Value, NightWork, WheelchairAccessible, NearPublicTransport, ParticularRisks, CareSetting);
        var details = errors.Try("", () => new PostDetails(Title ?? "", Description ?? "", Activity ?? "", Skills ?? [],
            address!, Capacity, MaxWeeklyHoursPerPerson, schedule, period!, tutor!, conditions, Reference));
        errors.ThrowIfAny();
        return details!;
    }
}

public sealed record CreatePostRequest : PostFields
{
    public Guid HostBodyId { get; init; }
}

public sealed record PostResponse : PostFields
{
    public Guid Id { get; init; }
    public Guid HostBodyId { get; init; }
    public string Departement { get; init; } = "";
    /// <summary><c>draft</c>, <c>pending-validation</c>, <c>published</c>, <c>suspended</c>, <c>closed</c>.</summary>
    public PostStatus Status { get; init; }
    /// <summary>Why the SPIP refused the post at its last validation, until it is published.</summary>
    public string? RefusalReason { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
}

/// <summary>Why a post submitted for validation is refused; the partner reads it.</summary>
public sealed record RefusalRequest(string? Reason);

/// <summary>A page of a listing.</summary>
public sealed record PagedResult<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize);
