using Microsoft.AspNetCore.Identity;
using Placement.Catalogue.Contracts;

namespace Placement.Web.Identity;

/// <summary>Identity's refusals as the use cases' field errors: password rules on the password, a taken or bad address on the e-mail.</summary>
internal static class IdentityResults
{
    /// <summary>Throws the refusal as field errors named <c>{prefix}password</c> / <c>{prefix}email</c> (others: the whole request).</summary>
    public static void ThrowIfFailed(this IdentityResult result, string prefix = "")
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Succeeded) return;
        var errors = new FieldErrors();
        foreach (var error in result.Errors)
            errors.Add(error.Code.Contains("Password", StringComparison.Ordinal) ? prefix + "password"
                : error.Code.Contains("Email", StringComparison.Ordinal) || error.Code.Contains("UserName", StringComparison.Ordinal) ? prefix + "email"
                : "", error.Description);
        errors.ThrowIfAny();
    }
}
