namespace Placement.Matching.Domain;

/// <summary>
/// A SPIP's letterhead as the administrator keeps it: the service's name, its address (one line each), phone and e-mail, and
/// the signature block (who signs, as what). A SPIP without one prints <see cref="Default"/>.
/// </summary>
public sealed class SpipLetterhead
{
    public const int MaxAddressLines = 4;

    private SpipLetterhead() { }

    public SpipLetterhead(string departement, DateTimeOffset now, string by) : this()
    {
        Departement = departement;
        UpdatedAt = now;
        UpdatedBy = by;
    }

    public string Departement { get; private set; } = "";
    public string Name { get; private set; } = "";
    /// <summary>The address, one line per line (at most <see cref="MaxAddressLines"/>).</summary>
    public string Address { get; private set; } = "";
    public string? Phone { get; private set; }
    public string? Email { get; private set; }
    public string SignatoryName { get; private set; } = "";
    public string SignatoryTitle { get; private set; } = "";
    public DateTimeOffset UpdatedAt { get; private set; }
    public string UpdatedBy { get; private set; } = "";

    /// <summary>Changes every field at once, each checked (the field named when one is not valid).</summary>
    public void Change(Letterhead letterhead, DateTimeOffset now, string by)
    {
        ArgumentNullException.ThrowIfNull(letterhead);
        var valid = Valid(letterhead);
        Name = valid.Name;
        Address = string.Join('\n', valid.AddressLines);
        Phone = valid.Phone;
        Email = valid.Email;
        SignatoryName = valid.SignatoryName;
        SignatoryTitle = valid.SignatoryTitle;
        UpdatedAt = now;
        UpdatedBy = by;
    }

    public Letterhead ToLetterhead() =>
        new(Name, Address.Split('\n', StringSplitOptions.RemoveEmptyEntries), Phone, Email, SignatoryName, SignatoryTitle);

    /// <summary>A letterhead as typed, checked: every error at once, each on its field.</summary>
    public static Letterhead Valid(Letterhead letterhead)
    {
        ArgumentNullException.ThrowIfNull(letterhead);
        var errors = new FieldErrors();
        var name = errors.Try("name", () => Ensure.NotBlank(letterhead.Name, "name", 200));
        var lines = (letterhead.AddressLines ?? []).Select(l => l?.Trim() ?? "").Where(l => l.Length > 0).ToList();
        if (lines.Count == 0) errors.Add("address", "L'adresse est obligatoire.");
        else if (lines.Count > MaxAddressLines) errors.Add("address", $"{MaxAddressLines} lignes d'adresse au plus.");
        else if (lines.Any(l => l.Length > 120)) errors.Add("address", "Une ligne d'adresse fait 120 caractères au plus.");
        var phone = errors.Try("phone", () => Ensure.Optional(letterhead.Phone, "phone", 40));
        var email = errors.Try("email", () => Ensure.Optional(letterhead.Email, "email", 256));
        if (email is not null && !email.Contains('@', StringComparison.Ordinal)) errors.Add("email", "Adresse électronique invalide.");
        var signatory = errors.Try("signatoryName", () => Ensure.NotBlank(letterhead.SignatoryName, "signatoryName", 200));
        var title = errors.Try("signatoryTitle", () => Ensure.NotBlank(letterhead.SignatoryTitle, "signatoryTitle", 200));
        errors.ThrowIfAny();
        return new Letterhead(name!, lines, phone, email, signatory!, title!);
    }

    /// <summary>What a SPIP prints until its administrator writes its letterhead: its name from its département's, no address yet.</summary>
    public static Letterhead Default(string departementName) =>
        new($"Service pénitentiaire d'insertion et de probation — {departementName}", ["Adresse à compléter par l'administrateur"], null, null,
            "La directrice ou le directeur du SPIP", "Directeur fonctionnel des services pénitentiaires d'insertion et de probation");
}
