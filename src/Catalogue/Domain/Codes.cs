using System.Text.RegularExpressions;

namespace Placement.Catalogue.Domain;

/// <summary>A SIRET number: 14 digits whose Luhn checksum holds (La Poste's establishments excepted, as INSEE does).</summary>
public sealed partial record Siret
{
    public Siret(string? value)
    {
        var digits = (value ?? "").Replace(" ", "", StringComparison.Ordinal);
        Ensure.That(Digits().IsMatch(digits), "siret", "Le SIRET doit comporter 14 chiffres.");
        Ensure.That(IsLaPoste(digits) || LuhnValid(digits), "siret", "Le SIRET est invalide (clé de contrôle).");
        Value = digits;
    }

    public string Value { get; }

    /// <summary>The SIRET <paramref name="value"/> holds, or null when it holds none that is valid.</summary>
    public static Siret? TryCreate(string? value)
    {
        try
        {
            return new Siret(value);
        }
        catch (DomainRuleException)
        {
            return null;
        }
    }

    public static bool LuhnValid(string digits)
    {
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var d = digits[digits.Length - 1 - i] - '0';
            if (i % 2 == 1) { d *= 2; if (d > 9) d -= 9; }
            sum += d;
        }
        return sum % 10 == 0;
    }

    private static bool IsLaPoste(string digits) =>
        digits.StartsWith("356000000", StringComparison.Ordinal) && digits.Sum(c => c - '0') % 5 == 0;

    public override string ToString() => Value;

    [GeneratedRegex(@"^\d{14}$")]
    private static partial Regex Digits();
}

/// <summary>INSEE codes of communes (5 characters, Corsica 2A/2B) and départements (01–95, 2A, 2B, 971–976).</summary>
public static partial class InseeCodes
{
    public static string Commune(string? code, string field = "communeInsee")
    {
        var c = (code ?? "").Trim().ToUpperInvariant();
        Ensure.That(CommunePattern().IsMatch(c), field, "Code INSEE de commune invalide (5 caractères, ex. 69123).");
        return c;
    }

    public static string Departement(string? code, string field = "departement")
    {
        var c = (code ?? "").Trim().ToUpperInvariant();
        Ensure.That(DepartementPattern().IsMatch(c), field, "Code de département invalide (ex. 69, 2A, 974).");
        return c;
    }

    [GeneratedRegex(@"^(\d{5}|2[AB]\d{3})$")]
    private static partial Regex CommunePattern();

    [GeneratedRegex(@"^(0[1-9]|1\d|2[1-9]|[3-8]\d|9[0-5]|2[AB]|97[1-6])$")]
    private static partial Regex DepartementPattern();
}
