using Placement.Catalogue.Contracts;

namespace Placement.Catalogue.Features.Accounts;

/// <summary>A user account to create or change: who, which role, which scope (officer: one département; coordinator: some; partner: a host body; admin: none).</summary>
public sealed record UserFields
{
    public string? Email { get; init; }
    public string? DisplayName { get; init; }
    /// <summary><c>officer</c>, <c>coordinator</c>, <c>partner</c> or <c>admin</c>.</summary>
    public string? Role { get; init; }
    public IReadOnlyList<string>? Departements { get; init; }
    public Guid? HostBodyId { get; init; }
}

/// <summary>A password set by the administrator, given once to the user.</summary>
public sealed record TemporaryPassword(string Password);
