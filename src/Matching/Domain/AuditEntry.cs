namespace Placement.Matching.Domain;

/// <summary>What was done with a person's data: read, or changed.</summary>
public static class AuditActions
{
    public const string Read = "read";
    public const string Create = "create";
    public const string Update = "update";
    public const string Delete = "delete";

    public static readonly IReadOnlyList<string> All = [Read, Create, Update, Delete];
}

/// <summary>
/// One line of the audit trail: who (the account), when, what (action and what was shown or changed), which persons,
/// and from where (the address and the request). Written by the application only, never changed nor deleted by it
/// (the retention job aside, which removes whole lines past <c>Placement:Audit:RetentionDays</c>).
/// </summary>
public sealed class AuditEntry
{
    public const int MaxPersonsListed = 100;

    private AuditEntry() { }

    public long Id { get; private set; }
    public DateTimeOffset At { get; private set; }
    public string Actor { get; private set; } = "";
    public string Action { get; private set; } = "";
    public string What { get; private set; } = "";
    /// <summary>The persons concerned, comma-separated (the first <see cref="MaxPersonsListed"/>); one id for most lines.</summary>
    public string PersonIds { get; private set; } = "";
    public int PersonCount { get; private set; }
    public string? Origin { get; private set; }
    public string? Request { get; private set; }

    public static AuditEntry Of(Caller caller, DateTimeOffset at, string action, string what, IReadOnlyCollection<Guid> persons)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(persons);
        return new AuditEntry
        {
            At = at,
            Actor = Cut(caller.Who, 256),
            Action = action,
            What = Cut(what, 200),
            PersonIds = string.Join(",", persons.Distinct().Take(MaxPersonsListed)),
            PersonCount = persons.Distinct().Count(),
            Origin = caller.Origin is null ? null : Cut(caller.Origin, 64),
            Request = caller.Request is null ? null : Cut(caller.Request, 300),
        };
    }

    private static string Cut(string text, int length) => text.Length > length ? text[..length] : text;
}
