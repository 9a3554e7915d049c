using Placement.Catalogue.Domain;
using Placement.Catalogue.Contracts;

namespace Placement.Catalogue.Features.HostBodies;

public sealed record HabilitationDto
{
    /// <summary><c>by-right</c>, <c>pending</c>, <c>habilitated</c>, <c>suspended</c>, <c>withdrawn</c>.</summary>
    public string? Status { get; init; }
    public DateOnly? ValidFrom { get; init; }
    public DateOnly? ValidUntil { get; init; }

    /// <summary>What a new host body of <paramref name="legalType"/> is given (<see cref="Habilitation.InitialStatus"/>); pending when the form is unknown.</summary>
    public static HabilitationDto Initial(LegalType? legalType) =>
        new() { Status = EnumNames.ToKebab(legalType is { } type ? Habilitation.InitialStatus(type) : HabilitationStatus.Pending) };
}

/// <summary>
/// A host body as written by clients, stored in the database and in the demo data set. Turned
/// into <see cref="HostBodyDetails"/> by <see cref="ToDetails"/>, which names every bad field.
/// </summary>
public record HostBodyFields
{
    public string? Name { get; init; }
    /// <summary><c>commune</c>, <c>collectivite-territoriale</c>, <c>etablissement-public</c>, <c>association</c>, <c>personne-morale-privee-service-public</c>, <c>entreprise-ess</c>, <c>societe-a-mission</c>.</summary>
    public string? LegalType { get; init; }
    public string? Siret { get; init; }
    public HabilitationDto? Habilitation { get; init; }
    public AddressDto? Address { get; init; }
    public ContactDto? Contact { get; init; }

    public HostBodyDetails ToDetails()
    {
        var errors = new FieldErrors();
        var legalType = errors.TryValue("legalType", () => EnumNames.Parse<LegalType>(LegalType, "legalType"));
        var siret = errors.Try("siret", () => new Siret(Siret));
        Habilitation? habilitation = null;
        if (errors.Required("habilitation", Habilitation) is { } h)
        {
            var status = errors.TryValue("habilitation", () => EnumNames.Parse<HabilitationStatus>(h.Status, "status"));
            var period = h is { ValidFrom: { } from, ValidUntil: { } until }
                ? errors.Try("habilitation", () => new DateRange(from, until, "validUntil"))
                : null;
            if (status is { } st) habilitation = errors.Try("habilitation", () => new Habilitation(st, period));
        }
        var address = Address.ToAddress(errors, "address");
        var contact = Contact.ToContact(errors, "contact");
        errors.ThrowIfAny();
        var details = errors.Try("", () => new HostBodyDetails(Name ?? "", legalType!.Value, siret!, habilitation!, address!, contact!));
        errors.ThrowIfAny();
        return details!;
    }
}

public sealed record HostBodyResponse : HostBodyFields
{
    public Guid Id { get; init; }
    public string Departement { get; init; } = "";
    /// <summary>The new address the partner asked for, waiting for the SPIP's decision; <see cref="HostBodyFields.Address"/> is in force until then.</summary>
    public AddressDto? ProposedAddress { get; init; }
    public DateTimeOffset? ProposedAt { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
}

/// <summary>The first user of an organisation that applies: who they are and the password they will sign in with.</summary>
public sealed record ApplicantDto
{
    public string? Name { get; init; }
    public string? Email { get; init; }
    public string? Password { get; init; }
}

/// <summary>« Devenir structure d'accueil »: the organisation (its habilitation follows from its legal type) and its first user.</summary>
public sealed record HostBodyApplicationRequest
{
    public string? Name { get; init; }
    /// <summary>As <see cref="HostBodyFields.LegalType"/>.</summary>
    public string? LegalType { get; init; }
    public string? Siret { get; init; }
    public AddressDto? Address { get; init; }
    public ContactDto? Contact { get; init; }
    public ApplicantDto? Applicant { get; init; }
}

/// <summary>An application as the SPIP reviews it, and as its outcome is kept.</summary>
public sealed record HostBodyApplicationResponse(Guid Id, Guid HostBodyId, string OrganisationName, string Siret, string Departement,
    string ApplicantName, string ApplicantEmail, string Status, DateTimeOffset SubmittedAt, string? DecidedBy, DateTimeOffset? DecidedAt,
    string? RefusalReason, HostBodyResponse? HostBody);
