using Microsoft.EntityFrameworkCore;
using Placement.Catalogue.Contracts;
using Placement.Kernel.Notifications;
using Placement.Notifications.Domain;
using Placement.Notifications.Persistence;

namespace Placement.Notifications.Features.Choices;

/// <summary>One kind of event the caller hears of, and how: <c>immediate</c>, <c>daily-digest</c> or <c>application-only</c>.</summary>
public sealed record NotificationChoice(string Kind, string Label, string Delivery, string Default)
{
    /// <summary>Always sent at once by e-mail: not a choice (an incident to decide).</summary>
    public bool Mandatory { get; init; }
}

/// <summary>The caller's choices, for the kinds that concern their roles.</summary>
public sealed record NotificationChoicesResponse(IReadOnlyList<NotificationChoice> Choices);

/// <summary>A change of choices: kind → delivery (kebab-case); kinds left out keep their choice.</summary>
public sealed record NotificationChoicesRequest
{
    public IReadOnlyDictionary<string, string?>? Choices { get; init; }
}

/// <summary>
/// Per kind of event, how each user is told: an e-mail at once, the daily digest, or the application only (issue 14).
/// Everyone chooses for themselves, among the kinds of their roles; a kind never chosen follows its default
/// (<see cref="NotificationKinds"/>). The same handler serves <c>/api/notifications/preferences</c> and the page.
/// </summary>
public sealed class NotificationChoices(INotificationStore db) : IUseCase
{
    public async Task<NotificationChoicesResponse> GetAsync(Caller caller, CancellationToken ct)
    {
        var email = Address(caller);
        var chosen = await db.NotificationPreferences.AsNoTracking().Where(p => p.Email == email).ToDictionaryAsync(p => p.Kind, p => p.Delivery, ct);
        return new NotificationChoicesResponse([.. Kinds(caller).Select(k => new NotificationChoice(
            EnumNames.ToKebab(k.Kind), k.Label, EnumNames.ToKebab(NotificationKinds.DeliveryFor(k.Kind, chosen.TryGetValue(k.Kind, out var c) ? c : null)), EnumNames.ToKebab(k.Default))
        {
            Mandatory = k.Mandatory,
        })]);
    }

    /// <summary>Records the choices given (all or none: a bad kind or delivery names its field, and nothing is written).</summary>
    public async Task<NotificationChoicesResponse> SetAsync(Caller caller, NotificationChoicesRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var email = Address(caller);
        if (request.Choices is not { Count: > 0 }) throw FieldErrors.OneField("choices", "Indiquez au moins un choix.");
        var errors = new FieldErrors();
        var mine = Kinds(caller).Select(k => k.Kind).ToHashSet();
        var parsed = new Dictionary<NotificationKind, Delivery>();
        foreach (var (kindText, deliveryText) in request.Choices)
        {
            var field = $"choices.{kindText}";
            var kind = errors.TryValue(field, () => EnumNames.Parse<NotificationKind>(kindText, field));
            var delivery = errors.TryValue(field, () => EnumNames.Parse<Delivery>(deliveryText, field));
            if (kind is { } k && !mine.Contains(k)) errors.Add(field, "Cette notification ne concerne pas votre rôle.");
            else if (kind is { } m && delivery is { } chosenDelivery && chosenDelivery != Delivery.Immediate && NotificationKinds.Of(m).Mandatory)
                errors.Add(field, "Cette notification est toujours envoyée par courriel, sans délai.");
            else if (kind is { } known && delivery is { } d) parsed[known] = d;
        }
        errors.ThrowIfAny();
        var existing = await db.NotificationPreferences.Where(p => p.Email == email).ToDictionaryAsync(p => p.Kind, ct);
        foreach (var (kind, delivery) in parsed)
            if (existing.TryGetValue(kind, out var preference)) preference.Choose(delivery);
            else db.NotificationPreferences.Add(new NotificationPreference(email, kind, delivery));
        await db.SaveChangesAsync(ct);
        return await GetAsync(caller, ct);
    }

    private static string Address(Caller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (caller.IsSystem) throw new ForbiddenException("Connectez-vous pour choisir vos notifications.");
        return Notification.Address(caller.Who);
    }

    /// <summary>The kinds a caller's roles hear of.</summary>
    private static IEnumerable<NotificationKinds.KindInfo> Kinds(Caller caller) => NotificationKinds.All.Where(k => (caller.Roles & k.Audience) != 0);
}
