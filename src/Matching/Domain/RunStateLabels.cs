namespace Placement.Matching.Domain;

/// <summary>How the pages say a run's state in French, and the DSFR badge colour beside it (the text always says it too).</summary>
public static class RunStateLabels
{
    public static string Label(this RunState state) => state switch
    {
        RunState.Queued => "En attente",
        RunState.Running => "En cours",
        RunState.Succeeded => "Terminée",
        RunState.Failed => "En échec",
        RunState.Cancelled => "Annulée",
        _ => state.ToString(),
    };

    public static string Badge(this RunState state) => state switch
    {
        RunState.Queued or RunState.Running => "fr-badge--info",
        RunState.Succeeded => "fr-badge--success",
        RunState.Failed => "fr-badge--error",
        _ => "fr-badge--warning",
    };
}
