namespace Placement.Matching.Domain;

/// <summary>How the pages say a proposal's status in French, and the DSFR badge colour beside it (the text always says it too).</summary>
public static class ProposalStatusLabels
{
    public static string Label(this ProposalStatus status) => status switch
    {
        ProposalStatus.Pending => "À examiner",
        ProposalStatus.Accepted => "Acceptée",
        ProposalStatus.Rejected => "Rejetée",
        ProposalStatus.Superseded => "Remplacée",
        _ => status.ToString(),
    };

    public static string Badge(this ProposalStatus status) => status switch
    {
        ProposalStatus.Pending => "fr-badge--info",
        ProposalStatus.Accepted => "fr-badge--success",
        ProposalStatus.Rejected => "fr-badge--error",
        _ => "",
    };
}
