using Placement.Matching.Domain;

namespace Placement.Matching.Features.MeasureActions;

/// <summary>
/// An action on a person's measure once its deadline has passed. <c>kind</c>: <c>non-execution-reported</c> (the report of
/// non-execution sent to the JAP) | <c>suspension</c> (with its legal <c>ground</c>: <c>medical</c> | <c>family</c> |
/// <c>professional</c> | <c>social</c> | <c>detention</c>, and its period <c>from</c>–<c>to</c>) | <c>ended-not-carried-out</c>.
/// </summary>
public sealed record MeasureActionRequest(string? Kind, string? Ground = null, DateOnly? From = null, DateOnly? To = null, string? Comment = null);

public sealed record MeasureActionResponse(Guid Id, Guid PersonId, MeasureActionKind Kind, SuspensionGround? Ground, DateOnly? From, DateOnly? To,
    string? Comment, string RecordedBy, DateTimeOffset RecordedAt);

/// <summary>How the pages say the actions and grounds in French.</summary>
public static class MeasureActionLabels
{
    public static string Label(this MeasureActionKind kind) => kind switch
    {
        MeasureActionKind.NonExecutionReported => "Rapport de non-exécution adressé au JAP",
        MeasureActionKind.Suspension => "Suspension de l'exécution",
        MeasureActionKind.EndedNotCarriedOut => "Fin de mesure : non exécutée",
        _ => kind.ToString(),
    };

    public static string Label(this SuspensionGround ground) => ground switch
    {
        SuspensionGround.Medical => "Motif médical grave",
        SuspensionGround.Family => "Motif familial grave",
        SuspensionGround.Professional => "Motif professionnel grave",
        SuspensionGround.Social => "Motif social grave",
        SuspensionGround.Detention => "Incarcération",
        _ => ground.ToString(),
    };

    public static MeasureActionResponse ToResponse(this MeasureAction a)
    {
        ArgumentNullException.ThrowIfNull(a);
        return new MeasureActionResponse(a.Id, a.PersonId, a.Kind, a.Ground, a.From, a.To, a.Comment, a.RecordedBy, a.RecordedAt);
    }
}
