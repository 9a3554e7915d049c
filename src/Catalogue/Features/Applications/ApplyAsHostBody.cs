using Mapster;
using Microsoft.EntityFrameworkCore;
using Placement.Catalogue.Application;
using Placement.Catalogue.Contracts;
using Placement.Catalogue.Domain;
using Placement.Catalogue.Persistence;

namespace Placement.Catalogue.Features.Applications;

/// <summary>
/// « Devenir structure d'accueil »: anyone may apply. Creates the host body (public bodies habilitated by right, others
/// awaiting habilitation), the application the SPIP of its département will decide, and the first partner account, which
/// cannot sign in before the decision — all in one transaction, or nothing (every bad field named at once).
/// </summary>
public sealed class ApplyAsHostBody(ICatalogueStore store, CatalogueInputs inputs, IPartnerAccounts accounts, TimeProvider clock) : IUseCase
{
    public async Task<HostBodyApplicationResponse> HandleAsync(HostBodyApplicationRequest input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new FieldErrors();
        var legalType = errors.TryValue("legalType", () => EnumNames.Parse<LegalType>(input.LegalType, "legalType"));
        var fields = new HostBodyFields
        {
            Name = input.Name,
            LegalType = input.LegalType,
            Siret = input.Siret,
            Address = input.Address,
            Contact = input.Contact,
            Habilitation = new HabilitationDto { Status = legalType is { } t && Habilitation.IsPublicBody(t) ? "by-right" : "pending" },
        };
        HostBodyDetails? details = null;
        try
        {
            details = await inputs.HostBodyAsync(fields, ct);
        }
        catch (ValidationFailedException e)
        {
            foreach (var (field, messages) in e.Errors.Where(x => x.Key != "legalType" || legalType is not null))
                foreach (var message in messages) errors.Add(field, message);
        }
        var applicant = input.Applicant ?? new ApplicantDto();
        var email = applicant.Email?.Trim() ?? "";
        if (string.IsNullOrWhiteSpace(applicant.Name)) errors.Add("applicant.name", "Ce champ est obligatoire.");
        if (!email.Contains('@', StringComparison.Ordinal)) errors.Add("applicant.email", "Adresse électronique invalide.");
        else if (await accounts.ExistsAsync(email, ct)) errors.Add("applicant.email", "Un compte existe déjà avec cette adresse : connectez-vous, ou demandez à votre structure de vous ajouter.");
        if (string.IsNullOrEmpty(applicant.Password)) errors.Add("applicant.password", "Ce champ est obligatoire.");
        else foreach (var problem in await accounts.CheckPasswordAsync(email, applicant.Password, ct)) errors.Add("applicant.password", problem);
        if (details is not null && await store.HostBodies.AnyAsync(h => h.Siret == details.Siret.Value, ct))
            errors.Add("siret", "Une structure avec ce SIRET est déjà inscrite : contactez le SPIP de votre département.");
        errors.ThrowIfAny();

        var now = clock.GetUtcNow();
        var hostBody = new HostBody(Guid.NewGuid(), details!, now);
        var application = new HostBodyApplication(Guid.NewGuid(), hostBody, applicant.Name!.Trim(), email, now);
        store.HostBodies.Add(hostBody);
        store.HostBodyApplications.Add(application);
        await accounts.CreateAwaitingApprovalAsync(email, applicant.Name.Trim(), applicant.Password!, hostBody.Id, hostBody.Departement, ct);
        return Response(application, hostBody);
    }

    internal static HostBodyApplicationResponse Response(HostBodyApplication a, HostBody? hostBody) =>
        new(a.Id, a.HostBodyId, a.OrganisationName, a.Siret, a.Departement, a.ApplicantName, a.ApplicantEmail, EnumNames.ToKebab(a.Status),
            a.SubmittedAt, a.DecidedBy, a.DecidedAt, a.RefusalReason, hostBody?.Adapt<HostBodyResponse>(CatalogueMappings.Config));
}
