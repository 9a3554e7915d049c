namespace Placement.Catalogue.Domain;

public enum PhysicalDemand { Low, Medium, High }

public enum PostStatus { Draft, PendingValidation, Published, Suspended, Closed }

/// <summary>
/// What a post asks of and offers to a person: the attributes the eligibility rules of
/// <c>matching.md</c> read, plus what an officer and a person need to know about it.
/// Built valid or not at all.
/// </summary>
public sealed record PostDetails
{
    public PostDetails(
        string title, string description, string activity, IEnumerable<string> skills,
        Address place, int capacity, double maxWeeklyHoursPerPerson, WeeklySchedule schedule, DateRange openPeriod,
        Contact tutor, PostConditions conditions, string? reference = null)
    {
        Title = ValidTitle(title);
        Reference = ValidReference(reference);
        Description = ValidDescription(description);
        Activity = ValidActivity(activity);
        Skills = [.. skills.Select(s => Ensure.NotBlank(s, "skills", 60).ToLowerInvariant()).Distinct().Order(StringComparer.Ordinal)];
        ValidCapacity(capacity);
        ValidWeeklyHours(maxWeeklyHoursPerPerson);
        ValidSchedule(schedule);
        Place = place;
        Capacity = capacity;
        MaxWeeklyHoursPerPerson = maxWeeklyHoursPerPerson;
        Schedule = schedule;
        OpenPeriod = openPeriod;
        Tutor = tutor;
        Conditions = conditions;
    }

    public static string ValidTitle(string? title) => Ensure.NotBlank(title, "title", 200);
    public static string ValidDescription(string? description) => Ensure.NotBlank(description, "description", 4000);
    public static string ValidActivity(string? activity) => Ensure.NotBlank(activity, "activity", 60);

    /// <summary>The partner's own reference of the post (optional, 60 characters): with the host body's SIRET, it finds the post again.</summary>
    public static string? ValidReference(string? reference) => Ensure.Optional(reference, "reference", 60);

    public static int ValidCapacity(int capacity)
    {
        Ensure.That(capacity >= 0, "capacity", "Le nombre de places ne peut pas être négatif.");
        Ensure.That(capacity <= 100, "capacity", "Le nombre de places ne peut pas dépasser 100.");
        return capacity;
    }

    public static double ValidWeeklyHours(double hours)
    {
        Ensure.That(double.IsFinite(hours) && hours > 0 && hours <= 35,
            "maxWeeklyHoursPerPerson", "Les heures hebdomadaires par personne doivent être comprises entre 0 (exclu) et 35.");
        return hours;
    }

    public static WeeklySchedule ValidSchedule(WeeklySchedule schedule)
    {
        Ensure.That(schedule.Count > 0, "schedule", "Un poste a au moins un créneau.");
        return schedule;
    }

    public string Title { get; }
    /// <summary>The partner's reference (« ESP-VERTS-01 »), unique among the posts of its host body; null when it keeps none.</summary>
    public string? Reference { get; }
    public string Description { get; }
    public string Activity { get; }
    public IReadOnlyList<string> Skills { get; }
    public Address Place { get; }
    /// <summary>Number of places, all persons together.</summary>
    public int Capacity { get; }
    public double MaxWeeklyHoursPerPerson { get; }
    public WeeklySchedule Schedule { get; }
    public DateRange OpenPeriod { get; }
    public Contact Tutor { get; }
    public PostConditions Conditions { get; }

    /// <summary>Same values, skills compared one by one (an import finds a post unchanged).</summary>
    public bool Equals(PostDetails? other) =>
        other is not null && Title == other.Title && Reference == other.Reference && Description == other.Description && Activity == other.Activity
        && Skills.SequenceEqual(other.Skills) && Place == other.Place && Capacity == other.Capacity
        && MaxWeeklyHoursPerPerson.Equals(other.MaxWeeklyHoursPerPerson) && Schedule.Equals(other.Schedule) && OpenPeriod == other.OpenPeriod
        && Tutor == other.Tutor && Conditions == other.Conditions;

    public override int GetHashCode() => HashCode.Combine(Title, Reference, Activity, Capacity);
}

/// <summary>
/// The flags of a post that restrictions and needs are checked against. <see cref="ParticularRisks"/> (« risques
/// particuliers » : produits, machines — formerly « risque médical ») and <see cref="CareSetting"/> (« établissement de soins »,
/// vaccinations obligatoires) call for a medical examination before the work starts (R.623-14).
/// </summary>
public sealed record PostConditions(
    bool AcceptsMinors,
    bool ContactWithMinors,
    bool VulnerablePublic,
    bool RequiresDrivingLicence,
    PhysicalDemand PhysicalDemand,
    bool NightWork,
    bool WheelchairAccessible,
    bool NearPublicTransport,
    bool ParticularRisks,
    bool CareSetting = false);

/// <summary>
/// A TIG post offered by a host body. Lifecycle: draft → pending validation → published ⇄ suspended
/// (suspend, then publish or reopen), pending validation → draft when the SPIP refuses it (with a reason, kept for the
/// partner until the post is published), and any state but closed → closed. Closed is final; a closed post cannot be edited.
/// </summary>
public sealed class Post
{
    private Post() { }

    public Post(Guid id, Guid hostBodyId, PostDetails details, DateTimeOffset now)
    {
        Id = id;
        HostBodyId = hostBodyId;
        Details = details;
        Departement = details.Place.Departement;
        Reference = details.Reference;
        TutorEmail = TutorAddress(details.Tutor);
        Status = PostStatus.Draft;
        CreatedAt = UpdatedAt = StatusChangedAt = now;
    }

    public Guid Id { get; private set; }
    public Guid HostBodyId { get; private set; }
    public PostDetails Details { get; private set; } = null!;
    public PostStatus Status { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public DateTimeOffset StatusChangedAt { get; private set; }

    /// <summary>Why the SPIP last refused the post at validation; cleared when it is published.</summary>
    public string? RefusalReason { get; private set; }

    /// <summary>Kept beside <see cref="Details"/> so that scope filters are plain column queries.</summary>
    public string Departement { get; private set; } = "";

    /// <summary>Kept beside <see cref="Details"/>: unique per host body, it is how an import finds the post again.</summary>
    public string? Reference { get; private set; }

    /// <summary>
    /// The tutor's e-mail address, lower case, kept beside <see cref="Details"/>: a tutor signed in by a link reaches the
    /// placements of the posts that name them, found by this column.
    /// </summary>
    public string? TutorEmail { get; private set; }

    /// <summary>How a tutor's address is compared: trimmed, lower case.</summary>
    public static string? TutorAddress(Contact tutor) => tutor?.Email?.Trim().ToLowerInvariant();

    /// <summary>
    /// Replaces what the post says. A change of substance (<see cref="IsChangeOfSubstance"/>) to a post the SPIP has
    /// validated (published or suspended) sends it back to validation, unless the editor is the SPIP that validates it.
    /// </summary>
    public void Update(PostDetails details, DateTimeOffset now, bool editorValidates = false)
    {
        if (Status == PostStatus.Closed) throw new IllegalTransitionException("Poste", Status.ToString(), "update");
        var revalidate = !editorValidates && Status is PostStatus.Published or PostStatus.Suspended && IsChangeOfSubstance(Details, details);
        Details = details;
        Departement = details.Place.Departement;
        Reference = details.Reference;
        TutorEmail = TutorAddress(details.Tutor);
        UpdatedAt = now;
        if (revalidate)
        {
            Status = PostStatus.PendingValidation;
            StatusChangedAt = now;
        }
    }

    /// <summary>What the SPIP checked when it validated a post: its activity, its flags, its address, and its capacity going up.</summary>
    public static bool IsChangeOfSubstance(PostDetails before, PostDetails after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        return before.Activity != after.Activity || before.Conditions != after.Conditions
            || before.Place != after.Place || after.Capacity > before.Capacity;
    }

    /// <summary>
    /// « A post can take someone » on <paramref name="date"/>: it is published, its host body's <paramref name="habilitation"/> is
    /// valid that day, and a place is free. <paramref name="freePlaces"/> is the post's capacity less its active placements, or
    /// null where places are not this check's to count: the catalogue's search index knows no placements, and a run's instance
    /// keeps full posts for the solver, which holds rule 12 (capacity) itself.
    /// </summary>
    public bool CanTakeSomeone(Habilitation habilitation, DateOnly date, int? freePlaces) =>
        WhyCannotTakeSomeone(habilitation, date, freePlaces) is null;

    /// <summary>The first reason <see cref="CanTakeSomeone"/> fails, in the order checked (published, habilitated, free place), or null.</summary>
    public TakingRefusal? WhyCannotTakeSomeone(Habilitation habilitation, DateOnly date, int? freePlaces)
    {
        ArgumentNullException.ThrowIfNull(habilitation);
        if (Status != PostStatus.Published) return TakingRefusal.NotPublished;
        if (!habilitation.IsValidOn(date)) return TakingRefusal.HostNotHabilitated;
        if (freePlaces is <= 0) return TakingRefusal.Full;
        return null;
    }

    public void Submit(DateTimeOffset now) => Move(PostAction.Submit, now);
    public void Publish(DateTimeOffset now) => Move(PostAction.Publish, now);
    public void Suspend(DateTimeOffset now) => Move(PostAction.Suspend, now);
    public void Close(DateTimeOffset now) => Move(PostAction.Close, now);

    /// <summary>The SPIP refuses a post submitted for validation: back to draft, with the reason the partner will read.</summary>
    public void Refuse(string reason, DateTimeOffset now)
    {
        var text = Ensure.NotBlank(reason, "reason", 500);
        Transition(PostAction.Refuse, now);
        RefusalReason = text;
    }

    /// <summary>The state reached by <paramref name="action"/> from <paramref name="from"/>, or null when illegal.</summary>
    public static PostStatus? Next(PostStatus from, PostAction action) => (from, action) switch
    {
        (PostStatus.Draft, PostAction.Submit) => PostStatus.PendingValidation,
        (PostStatus.PendingValidation, PostAction.Publish) => PostStatus.Published,
        (PostStatus.Suspended, PostAction.Publish) => PostStatus.Published,
        (PostStatus.Published, PostAction.Suspend) => PostStatus.Suspended,
        (PostStatus.Suspended, PostAction.Reopen) => PostStatus.Published,
        (PostStatus.PendingValidation, PostAction.Refuse) => PostStatus.Draft,
        (not PostStatus.Closed, PostAction.Close) => PostStatus.Closed,
        _ => null,
    };

    /// <summary>A move that needs nothing else; a refusal needs its reason (<see cref="Refuse"/>).</summary>
    public void Move(PostAction action, DateTimeOffset now)
    {
        if (action == PostAction.Refuse) throw new DomainRuleException("reason", "Un refus se fait avec un motif.");
        Transition(action, now);
    }

    private void Transition(PostAction action, DateTimeOffset now)
    {
        Status = Next(Status, action) ?? throw new IllegalTransitionException("Poste", Status.ToString(), action.ToString().ToLowerInvariant());
        if (Status == PostStatus.Published) RefusalReason = null;
        StatusChangedAt = UpdatedAt = now;
    }
}

/// <summary>
/// The moves of a post. <see cref="Publish"/> and <see cref="Refuse"/> are the SPIP's (validation); <see cref="Reopen"/>
/// is the partner's way back from a suspension it decided.
/// </summary>
public enum PostAction { Submit, Publish, Suspend, Close, Reopen, Refuse }

/// <summary>Why a post cannot take someone (<see cref="Post.WhyCannotTakeSomeone"/>).</summary>
public enum TakingRefusal { NotPublished, HostNotHabilitated, Full }
