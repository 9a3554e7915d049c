namespace Placement.Catalogue.Domain;

public enum ApplicationStatus { Pending, Accepted, Refused }

/// <summary>
/// An organisation's application to host TIG (« Devenir structure d'accueil »): the host body it created, who applied, and
/// the SPIP's decision. Kept after the decision — a refused application keeps the organisation's name, SIRET and the reason
/// even when its host body is removed.
/// </summary>
public sealed class HostBodyApplication
{
    private HostBodyApplication() { }

    public HostBodyApplication(Guid id, HostBody hostBody, string applicantName, string applicantEmail, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(hostBody);
        Id = id;
        HostBodyId = hostBody.Id;
        OrganisationName = hostBody.Name;
        Siret = hostBody.Details.Siret.Value;
        Departement = hostBody.Departement;
        ApplicantName = Ensure.NotBlank(applicantName, "applicant.name", 120);
        ApplicantEmail = Ensure.NotBlank(applicantEmail, "applicant.email", 200);
        Status = ApplicationStatus.Pending;
        SubmittedAt = now;
    }

    public Guid Id { get; private set; }
    public Guid HostBodyId { get; private set; }
    public string OrganisationName { get; private set; } = "";
    public string Siret { get; private set; } = "";
    public string Departement { get; private set; } = "";
    public string ApplicantName { get; private set; } = "";
    public string ApplicantEmail { get; private set; } = "";
    public ApplicationStatus Status { get; private set; }
    public DateTimeOffset SubmittedAt { get; private set; }
    public string? DecidedBy { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }
    public string? RefusalReason { get; private set; }

    public void Accept(string by, DateTimeOffset now) => Decide(ApplicationStatus.Accepted, by, now);

    public void Refuse(string by, string? reason, DateTimeOffset now)
    {
        var text = Ensure.NotBlank(reason, "reason", 500);
        Decide(ApplicationStatus.Refused, by, now);
        RefusalReason = text;
    }

    private void Decide(ApplicationStatus status, string by, DateTimeOffset now)
    {
        if (Status != ApplicationStatus.Pending)
            throw new IllegalTransitionException("Demande d'habilitation", Status.ToString(), status == ApplicationStatus.Accepted ? "accept" : "refuse");
        Status = status;
        DecidedBy = by;
        DecidedAt = now;
    }
}
