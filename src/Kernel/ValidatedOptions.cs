using System.Collections;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Placement.Kernel;

/// <summary>A configuration section bound to an options class, checked as a whole at start.</summary>
public sealed record OptionsSection(string Path, Type OptionsType);

/// <summary>
/// Options bound from configuration and validated in depth: data annotations and
/// <see cref="IValidatableObject"/> on the class and on every nested section, each failure one line
/// naming the key, the value given and what is allowed (« Placement:Database:Provider = « Oracle » :
/// valeurs permises : Sqlite. »).
/// </summary>
public static class ValidatedOptions
{
    public static OptionsBuilder<T> AddValidatedOptions<T>(this IServiceCollection services, string section) where T : class
    {
        services.AddSingleton(new OptionsSection(section, typeof(T)));
        services.AddSingleton<IValidateOptions<T>>(sp => new SectionValidator<T>(section, sp.GetRequiredService<IConfiguration>()));
        return services.AddOptions<T>().BindConfiguration(section).ValidateOnStart();
    }

    /// <summary>
    /// Every configuration error of every registered section, one line each; empty when all is well.
    /// Values that cannot even be bound (a word where an enum or a number is expected) are reported
    /// before binding, so that no section throws.
    /// </summary>
    public static IReadOnlyList<string> Check(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var configuration = services.GetRequiredService<IConfiguration>();
        var errors = new List<string>();
        foreach (var section in services.GetServices<OptionsSection>().DistinctBy(s => s.OptionsType))
        {
            var unbindable = Unbindable(section.OptionsType, configuration.GetSection(section.Path)).ToList();
            errors.AddRange(unbindable);
            if (unbindable.Count > 0) continue;
            var options = services.GetRequiredService(typeof(IOptions<>).MakeGenericType(section.OptionsType));
            try
            {
                _ = options.GetType().GetProperty(nameof(IOptions<object>.Value))!.GetValue(options);
            }
            catch (TargetInvocationException e) when (e.InnerException is OptionsValidationException v)
            {
                errors.AddRange(v.Failures);
            }
            catch (TargetInvocationException e) when (e.InnerException is InvalidOperationException i)
            {
                errors.Add($"{section.Path} : {i.Message}");
            }
        }
        return errors;
    }

    /// <summary>Values of enum, number or boolean properties that do not parse.</summary>
    private static IEnumerable<string> Unbindable(Type type, IConfigurationSection section)
    {
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
        {
            var child = section.GetSection(property.Name);
            var target = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            if (IsSection(target))
            {
                foreach (var e in Unbindable(target, child)) yield return e;
                continue;
            }
            if (child.Value is not { } raw) continue;
            if (target.IsEnum && !(Enum.TryParse(target, raw, ignoreCase: true, out var parsed) && Enum.IsDefined(target, parsed!)))
                yield return Line(child.Path, raw, "valeurs permises : " + string.Join(", ", Enum.GetNames(target)) + ".");
            else if ((target == typeof(int) && !int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out _))
                     || (target == typeof(double) && !double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out _)))
                yield return Line(child.Path, raw, "un nombre est attendu (point décimal).");
            else if (target == typeof(bool) && !bool.TryParse(raw, out _))
                yield return Line(child.Path, raw, "valeurs permises : true, false.");
        }
    }

    internal static bool IsSection(Type type) =>
        type.IsClass && type != typeof(string) && !typeof(IEnumerable).IsAssignableFrom(type);

    internal static string Line(string key, string? value, string rule) =>
        $"{key} = « {value ?? ""} » : {rule}";

    private sealed class SectionValidator<T>(string section, IConfiguration configuration) : IValidateOptions<T> where T : class
    {
        public ValidateOptionsResult Validate(string? name, T options)
        {
            var failures = new List<string>();
            Walk(options, section, failures);
            return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
        }

        private void Walk(object node, string path, List<string> failures)
        {
            var results = new List<ValidationResult>();
            Validator.TryValidateObject(node, new ValidationContext(node), results, validateAllProperties: true);
            foreach (var result in results)
            {
                var members = result.MemberNames.Any() ? result.MemberNames : [""];
                foreach (var member in members)
                {
                    var key = member.Length == 0 ? path : $"{path}:{member.Replace('.', ':')}";
                    failures.Add(Line(key, Shown(key, node, member), result.ErrorMessage ?? "valeur refusée."));
                }
            }
            foreach (var property in node.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
                if (property.GetIndexParameters().Length == 0 && IsSection(property.PropertyType) && property.GetValue(node) is { } child)
                    Walk(child, $"{path}:{property.Name}", failures);
        }

        /// <summary>The value as configured; secrets (passwords, keys) are never echoed.</summary>
        private string? Shown(string key, object node, string member)
        {
            if (key.Contains("Password", StringComparison.OrdinalIgnoreCase) || key.EndsWith("ApiKey", StringComparison.OrdinalIgnoreCase)) return "…";
            if (configuration[key] is { } raw) return raw;
            var property = member.Length == 0 || member.Contains('.', StringComparison.Ordinal) ? null : node.GetType().GetProperty(member);
            return property?.GetValue(node) switch
            {
                null => null,
                string s => s,
                IEnumerable e => string.Join(", ", e.Cast<object>()),
                var v => Convert.ToString(v, CultureInfo.InvariantCulture),
            };
        }
    }
}
