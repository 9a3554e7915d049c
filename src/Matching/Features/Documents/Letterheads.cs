using Microsoft.EntityFrameworkCore;
using Placement.Catalogue.Geography;
using Placement.Matching.Persistence;
using Placement.Matching.Domain;

namespace Placement.Matching.Features.Documents;

/// <summary>A SPIP's letterhead as its documents print it (<c>GET /api/spips/{departement}/letterhead</c>): the administrator's.</summary>
public sealed class GetLetterhead(IMatchingStore store, FranceGeography geography) : IUseCase
{
    public async Task<LetterheadResponse> HandleAsync(Caller caller, string departement, CancellationToken ct)
    {
        var code = LetterheadAccess.Departement(caller, departement, geography);
        var stored = await store.Letterheads.AsNoTracking().FirstOrDefaultAsync(l => l.Departement == code, ct);
        return LetterheadAccess.Response(code, stored, geography);
    }
}

/// <summary>The administrator writes a SPIP's letterhead (<c>PUT /api/spips/{departement}/letterhead</c>): every field checked, each error on its field.</summary>
public sealed class ChangeLetterhead(IMatchingStore store, FranceGeography geography, ServiceCalendar calendar) : IUseCase
{
    public async Task<LetterheadResponse> HandleAsync(Caller caller, string departement, LetterheadRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var code = LetterheadAccess.Departement(caller, departement, geography);
        var letterhead = LetterheadAccess.Valid(request);
        var now = calendar.UtcNow;
        var stored = await store.Letterheads.FirstOrDefaultAsync(l => l.Departement == code, ct);
        if (stored is null) store.Letterheads.Add(stored = new SpipLetterhead(code, now, caller.Who));
        stored.Change(letterhead, now, caller.Who);
        await store.SaveChangesAsync(ct);
        return LetterheadAccess.Response(code, stored, geography);
    }
}

internal static class LetterheadAccess
{
    /// <summary>The administrator's: the SPIP's code, checked (an unknown département is a 404).</summary>
    public static string Departement(Caller caller, string departement, FranceGeography geography)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!caller.IsAdmin) throw new ForbiddenException("L'en-tête des documents d'un SPIP est tenu par l'administrateur.");
        var code = (departement ?? "").Trim().ToUpperInvariant();
        return geography.Departement(code) is not null ? code : throw new NotFoundException("SPIP");
    }

    /// <summary>The request as a checked letterhead (<see cref="SpipLetterhead.Valid"/>).</summary>
    public static Letterhead Valid(LetterheadRequest request) =>
        SpipLetterhead.Valid(new Letterhead(request.Name ?? "", (request.Address ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries),
            request.Phone, request.Email, request.SignatoryName ?? "", request.SignatoryTitle ?? ""));

    public static LetterheadResponse Response(string code, SpipLetterhead? stored, FranceGeography geography)
    {
        var l = stored?.ToLetterhead() ?? SpipLetterhead.Default(geography.Departement(code)?.Name ?? code);
        return new LetterheadResponse(code, l.Name, l.AddressLines, l.Phone, l.Email, l.SignatoryName, l.SignatoryTitle, stored is null, stored?.UpdatedAt, stored?.UpdatedBy);
    }
}
