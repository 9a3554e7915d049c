namespace Placement.Web.Features.Shared;

/// <summary>
/// The reason typed beside a refusal button in a list (a post, an application, a proposal): its input named
/// <c>Input.Reason</c>, the errors the refusal got when it was this row's, and the form it belongs to when the row sits in another form.
/// </summary>
public sealed record ReasonField(string Id, string Label, string? Hint, string? Value, IReadOnlyList<string> Errors, string? Form = null)
{
    /// <summary>The field of one row: the posted value and the errors when the refusal was this row's (<paramref name="refused"/>).</summary>
    public static ReasonField For(Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary state, bool refused, string id, string label, string? hint, string? value, string? form = null)
    {
        ArgumentNullException.ThrowIfNull(state);
        var errors = refused && state.TryGetValue("Input.reason", out var entry) ? entry.Errors.Select(e => e.ErrorMessage).ToList() : [];
        return new ReasonField(id, label, hint, refused ? value : null, errors, form);
    }
}
