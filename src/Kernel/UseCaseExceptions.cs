namespace Placement.Kernel;

/// <summary>The resource does not exist for this caller (HTTP 404): absent, or out of a scope whose existence must not leak.</summary>
public sealed class NotFoundException(string what) : Exception($"{what} introuvable.")
{
    public string What { get; } = what;
}

/// <summary>The caller may see the resource but not do this (HTTP 403).</summary>
public sealed class ForbiddenException(string message) : Exception(message);
