using Placement.Catalogue.Domain;

namespace Placement.Matching.Domain;

/// <summary>
/// What an officer records once a person's deadline has passed with hours remaining: the report of non-execution sent to
/// the JAP, a suspension of the delay with its legal ground, or the end of the measure as not carried out.
/// </summary>
public enum MeasureActionKind { NonExecutionReported, Suspension, EndedNotCarriedOut }

/// <summary>The grounds on which the execution of a TIG is suspended (code pénal 132-57 and code pénitentiaire): the 18 months run again after it.</summary>
public enum SuspensionGround { Medical, Family, Professional, Social, Detention }

/// <summary>One action recorded on a person's measure, with who recorded it and when; a suspension names its period and ground.</summary>
public sealed class MeasureAction
{
    private MeasureAction() { }

    public MeasureAction(Guid id, Guid personId, MeasureActionKind kind, SuspensionGround? ground, DateRange? period, string? comment, string by, DateTimeOffset now)
    {
        Ensure.That(Enum.IsDefined(kind), "kind", "Action inconnue : non-execution-reported, suspension ou ended-not-carried-out.");
        Ensure.That((kind == MeasureActionKind.Suspension) == (ground is not null), "ground", "Une suspension — et elle seule — se fonde sur un motif légal.");
        Ensure.That(ground is null || Enum.IsDefined(ground.Value), "ground", "Motif inconnu : medical, family, professional, social ou detention.");
        Ensure.That((kind == MeasureActionKind.Suspension) == (period is not null), "from", "Une suspension — et elle seule — a une période.");
        Id = id;
        PersonId = personId;
        Kind = kind;
        Ground = ground;
        From = period?.Start;
        To = period?.End;
        Comment = Ensure.Optional(comment, "comment", 2000);
        RecordedBy = Ensure.NotBlank(by, "by", 200);
        RecordedAt = now;
    }

    public Guid Id { get; private set; }
    public Guid PersonId { get; private set; }
    public MeasureActionKind Kind { get; private set; }
    public SuspensionGround? Ground { get; private set; }
    public DateOnly? From { get; private set; }
    public DateOnly? To { get; private set; }
    public string? Comment { get; private set; }
    public string RecordedBy { get; private set; } = "";
    public DateTimeOffset RecordedAt { get; private set; }
}
