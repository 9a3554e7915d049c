using Microsoft.Extensions.Options;

namespace Placement.Web.Hosting;

/// <summary>The check of the configuration at start, before anything is written.</summary>
public static class ConfigurationCheck
{
    /// <summary>
    /// Checks every configuration section before anything is written: each bad value is one line on
    /// <paramref name="error"/> naming the key, the value and what is allowed. False: the service must stop.
    /// </summary>
    public static async Task<bool> CheckConfigurationAsync(this IServiceProvider services, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var errors = ValidatedOptions.Check(services).ToList();
        // Demo accounts share a public password: development only (read once the section itself is valid).
        if (errors.Count == 0 && !services.GetRequiredService<IHostEnvironment>().IsDevelopment() && services.GetRequiredService<IOptions<PlacementOptions>>().Value.Demo.Enabled)
            errors.Add("Placement:Demo:Enabled = « true » : les comptes de démonstration (mot de passe public) ne sont permis qu'en développement (ASPNETCORE_ENVIRONMENT=Development).");
        foreach (var line in errors) await error.WriteLineAsync("Configuration invalide : " + line);
        return errors.Count == 0;
    }
}
