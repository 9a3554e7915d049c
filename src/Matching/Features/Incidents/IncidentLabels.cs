using Placement.Matching.Domain;

namespace Placement.Matching.Features.Incidents;

/// <summary>How the pages and the messages say incidents and decisions in French.</summary>
public static class IncidentLabels
{
    public static string Label(this IncidentKind kind) => kind switch
    {
        IncidentKind.Absence => "Absence sans prévenir",
        IncidentKind.Lateness => "Retard",
        IncidentKind.Behaviour => "Comportement",
        IncidentKind.Refusal => "Refus de travailler",
        IncidentKind.Accident => "Accident du travail",
        IncidentKind.Danger => "Danger",
        _ => kind.ToString(),
    };

    public static string Label(this IncidentAction action) => action switch
    {
        IncidentAction.Note => "Simple note au dossier",
        IncidentAction.Reminder => "Rappel des obligations à la personne",
        IncidentAction.Convocation => "Convocation au SPIP",
        IncidentAction.ReportToJudge => "Rapport au juge de l'application des peines",
        _ => action.ToString(),
    };

    public static string Label(this PlacementFollowUp followUp) => followUp switch
    {
        PlacementFollowUp.Resume => "Le placement continue",
        PlacementFollowUp.End => "Fin du placement",
        _ => followUp.ToString(),
    };
}
