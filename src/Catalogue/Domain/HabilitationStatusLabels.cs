namespace Placement.Catalogue.Domain;

/// <summary>How the pages say a habilitation's status in French, and the DSFR badge colour beside it (the text always says it too).</summary>
public static class HabilitationStatusLabels
{
    public static string Label(this HabilitationStatus status) => status switch
    {
        HabilitationStatus.ByRight => "Habilitée de droit",
        HabilitationStatus.Habilitated => "Habilitée",
        HabilitationStatus.Pending => "Habilitation en attente",
        HabilitationStatus.Suspended => "Habilitation suspendue",
        HabilitationStatus.Withdrawn => "Habilitation retirée",
        _ => status.ToString(),
    };

    public static string Badge(this HabilitationStatus status) => status switch
    {
        HabilitationStatus.ByRight or HabilitationStatus.Habilitated => "fr-badge--success",
        HabilitationStatus.Pending => "fr-badge--info",
        _ => "fr-badge--error",
    };
}
