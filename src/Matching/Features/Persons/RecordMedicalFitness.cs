using Microsoft.EntityFrameworkCore;
using Placement.Matching.Domain;
using Placement.Matching.Persistence;

namespace Placement.Matching.Features.Persons;

/// <summary>
/// The SPIP records that the medical examination before the work found the person fit (R.623-14,
/// <c>POST /api/persons/{id}/medical-fitness</c>): « apte » and the examination's date, on or before today — nothing else of
/// the examination is kept. From then on the host body may confirm the placement and its sessions are planned.
/// </summary>
public sealed class RecordMedicalFitness(IMatchingStore store, ServiceCalendar calendar) : IUseCase
{
    /// <summary>What the audit line says.</summary>
    public const string Recorded = "Aptitude au travail d'intérêt général enregistrée (visite médicale)";

    public async Task<PersonResponse> HandleAsync(Caller caller, Guid personId, MedicalFitnessRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        if (!caller.IsOfficer && !caller.IsCoordinator) throw new ForbiddenException("Seuls les agents du SPIP enregistrent l'aptitude médicale.");
        var person = await store.VisiblePersons(caller).FirstOrDefaultAsync(p => p.Id == personId, ct) ?? throw new NotFoundException("Personne");
        var today = calendar.Today;
        if (request.ExaminedOn is not { } examinedOn) throw FieldErrors.OneField("examinedOn", "Ce champ est obligatoire.");
        if (examinedOn > today) throw FieldErrors.OneField("examinedOn", "La visite médicale ne peut pas être datée dans le futur.");
        var now = calendar.UtcNow;
        person.RecordMedicalFitness(new MedicalFitness(examinedOn, caller.Who, now), now);
        store.AuditTrail.Add(AuditEntry.Of(caller, now, AuditActions.Update, Recorded, [person.Id]));
        await store.SaveChangesAsync(ct);
        return await store.ResponseAsync(person, ct);
    }
}
