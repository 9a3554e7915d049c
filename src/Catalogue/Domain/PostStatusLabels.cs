namespace Placement.Catalogue.Domain;

/// <summary>How the pages say a post's status in French, and the DSFR badge colour beside it (the text always says it too).</summary>
public static class PostStatusLabels
{
    public static string Label(this PostStatus status) => status switch
    {
        PostStatus.Draft => "Brouillon",
        PostStatus.PendingValidation => "En attente de validation",
        PostStatus.Published => "Publié",
        PostStatus.Suspended => "Suspendu",
        PostStatus.Closed => "Clos",
        _ => status.ToString(),
    };

    public static string Badge(this PostStatus status) => status switch
    {
        PostStatus.Draft => "fr-badge--new",
        PostStatus.PendingValidation => "fr-badge--info",
        PostStatus.Published => "fr-badge--success",
        PostStatus.Suspended => "fr-badge--warning",
        _ => "",
    };
}
