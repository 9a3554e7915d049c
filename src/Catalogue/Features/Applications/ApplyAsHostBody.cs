using System.Globalization;
using Mapster;
using Microsoft.EntityFrameworkCore;
using Placement.Catalogue.Contracts;
using Placement.Catalogue.Domain;
using Placement.Kernel.Notifications;
using Placement.Catalogue.Persistence;
using Placement.Catalogue.Features.HostBodies;

namespace Placement.Catalogue.Features.Applications;

/// <summary>
/// « Devenir structure d'accueil »: anyone may apply. Creates the host body (public bodies habilitated by right, others
/// awaiting habilitation), the application the SPIP of its département will decide, and the first partner account, which
/// cannot sign in before the decision — all in one transaction, or nothing (every bad field named at once).
/// An address that already has an account is never said so (that would list the accounts): the applicant gets the same
/// answer, after the same work (the password hashed), but nothing is created, and the account's owner is told by
/// e-mail instead (<see cref="NotificationKind.ApplicationWithAccountAddress"/>, at most once a day).
/// </summary>
public sealed class ApplyAsHostBody(ICatalogueStore store, CatalogueInputs inputs, IPartnerAccounts accounts, ServiceCalendar calendar) : IUseCase
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
            Habilitation = HabilitationDto.Initial(legalType),
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
        if (string.IsNullOrEmpty(applicant.Password)) errors.Add("applicant.password", "Ce champ est obligatoire.");
        else foreach (var problem in await accounts.CheckPasswordAsync(email, applicant.Password, ct)) errors.Add("applicant.password", problem);
        if (details is not null && await store.HostBodies.AnyAsync(h => h.Siret == details.Siret.Value, ct))
            errors.Add("siret", "Une structure avec ce SIRET est déjà inscrite : contactez le SPIP de votre département.");
        errors.ThrowIfAny();

        var now = calendar.UtcNow;
        var hostBody = new HostBody(Guid.NewGuid(), details!, now);
        var application = new HostBodyApplication(Guid.NewGuid(), hostBody, applicant.Name!.Trim(), email, now);
        if (await accounts.AccountOfAsync(email, ct) is { } owner)
        {
            await accounts.HashAsIfCreatingAsync(applicant.Password!, ct);
            await TellTheOwnerAsync(owner, now, ct);
            return Response(application, hostBody); // what a new address is answered; neither is saved
        }
        store.HostBodies.Add(hostBody);
        store.HostBodyApplications.Add(application);
        await accounts.CreateAwaitingApprovalAsync(email, applicant.Name.Trim(), applicant.Password!, hostBody.Id, hostBody.Departement, ct);
        return Response(application, hostBody);
    }

    /// <summary>Once a day at most, whatever the applications made with the address: an e-mail to its owner, not a flood.</summary>
    private async Task TellTheOwnerAsync(string accountId, DateTimeOffset now, CancellationToken ct)
    {
        var key = $"application-with-account-address:{accountId}:{calendar.DayOf(now).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";
        if (await store.NotificationEvents.AnyAsync(e => e.Key == key, ct)) return;
        var notice = store.NotificationEvents.Add(new NotificationEvent(NotificationKind.ApplicationWithAccountAddress, now, key: key, accountId: accountId));
        try
        {
            await store.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            notice.State = EntityState.Detached;
            // Another application with the address, at the same moment, wrote it; anything else is a failure of the database.
            if (!await store.NotificationEvents.AsNoTracking().AnyAsync(e => e.Key == key, ct)) throw;
        }
    }

    internal static HostBodyApplicationResponse Response(HostBodyApplication a, HostBody? hostBody) =>
        new(a.Id, a.HostBodyId, a.OrganisationName, a.Siret, a.Departement, a.ApplicantName, a.ApplicantEmail, EnumNames.ToKebab(a.Status),
            a.SubmittedAt, a.DecidedBy, a.DecidedAt, a.RefusalReason, hostBody?.Adapt<HostBodyResponse>(CatalogueMappings.Config));
}
