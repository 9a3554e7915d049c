namespace Placement.Matching.Domain;

/// <summary>How the pages say a placement's status in French, and the DSFR badge colour beside it (the text always says it too).</summary>
public static class PlacementStatusLabels
{
    public static string Label(this PlacementStatus status) => status switch
    {
        PlacementStatus.Proposed => "Proposé à la structure",
        PlacementStatus.Confirmed => "Confirmé",
        PlacementStatus.InProgress => "En cours",
        PlacementStatus.Completed => "Terminé",
        PlacementStatus.Declined => "Décliné par la structure",
        PlacementStatus.Cancelled => "Annulé",
        PlacementStatus.Suspended => "Suspendu",
        PlacementStatus.Closed => "Clos (heures attestées)",
        _ => status.ToString(),
    };

    public static string Badge(this PlacementStatus status) => status switch
    {
        PlacementStatus.Proposed => "fr-badge--info",
        PlacementStatus.Confirmed or PlacementStatus.InProgress => "fr-badge--success",
        PlacementStatus.Declined or PlacementStatus.Cancelled => "fr-badge--error",
        PlacementStatus.Suspended => "fr-badge--warning",
        PlacementStatus.Closed => "fr-badge--success",
        _ => "",
    };
}
