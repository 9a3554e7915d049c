namespace Placement.Catalogue.Domain;

/// <summary>Legal form of a host body (structure d'accueil).</summary>
public enum LegalType
{
    Commune,
    CollectiviteTerritoriale,
    EtablissementPublic,
    Association,
    PersonneMoralePriveeServicePublic,
    EntrepriseEss,
    SocieteAMission,
}

public enum HabilitationStatus
{
    /// <summary>Public bodies host TIG by right (communes, établissements publics…).</summary>
    ByRight,
    Pending,
    Habilitated,
    Suspended,
    Withdrawn,
}

/// <summary>
/// A habilitation: its status and, for a granted one, the period it is valid. Public bodies are
/// habilitated by right and carry no period; a granted habilitation always has one.
/// </summary>
public sealed record Habilitation
{
    public Habilitation(HabilitationStatus status, DateRange? period)
    {
        Ensure.That(Enum.IsDefined(status), "habilitation.status", "Statut d'habilitation inconnu.");
        Ensure.That(status != HabilitationStatus.Habilitated || period is not null, "habilitation.validUntil",
            "Une habilitation accordée a une période de validité.");
        Status = status;
        Period = period;
    }

    public HabilitationStatus Status { get; }
    public DateRange? Period { get; }

    public bool IsValidOn(DateOnly date) => Status switch
    {
        HabilitationStatus.ByRight => true,
        HabilitationStatus.Habilitated => Period!.Contains(date),
        _ => false,
    };

    /// <summary>The public bodies (personnes publiques): communes, collectivités territoriales, établissements publics — habilitated by right.</summary>
    public static bool IsPublicBody(LegalType type) =>
        type is LegalType.Commune or LegalType.CollectiviteTerritoriale or LegalType.EtablissementPublic;

    /// <summary>The habilitation a host body starts with: by right for a public body (<see cref="IsPublicBody"/>), else pending the SPIP's decision.</summary>
    public static HabilitationStatus InitialStatus(LegalType type) => IsPublicBody(type) ? HabilitationStatus.ByRight : HabilitationStatus.Pending;
}

/// <summary>A person or a contact point: a name and at least one way to reach them.</summary>
public sealed record Contact
{
    public Contact(string? name, string? email, string? phone, string field = "contact")
    {
        Name = Ensure.NotBlank(name, $"{field}.name", 120);
        Email = Ensure.Optional(email, $"{field}.email", 200);
        Phone = Ensure.Optional(phone, $"{field}.phone", 30);
        Ensure.That(Email is null || Email.Contains('@', StringComparison.Ordinal), $"{field}.email", "Adresse électronique invalide.");
        Ensure.That(Email is not null || Phone is not null, $"{field}.email", "Un courriel ou un téléphone est nécessaire.");
    }

    public string Name { get; }
    public string? Email { get; }
    public string? Phone { get; }
}

/// <summary>Where something is: a street address in a commune, with its position.</summary>
public sealed record Address
{
    public Address(string? street, string communeInsee, string departement, GeoPoint location)
    {
        Street = Ensure.Optional(street, "address", 300);
        CommuneInsee = InseeCodes.Commune(communeInsee);
        Departement = InseeCodes.Departement(departement);
        Location = location;
    }

    public string? Street { get; }
    public string CommuneInsee { get; }
    public string Departement { get; }
    public GeoPoint Location { get; }
}

/// <summary>Everything said about a host body, valid as a whole.</summary>
public sealed record HostBodyDetails
{
    public HostBodyDetails(string name, LegalType legalType, Siret siret, Habilitation habilitation, Address address, Contact contact)
    {
        Ensure.That(Enum.IsDefined(legalType), "legalType", "Forme juridique inconnue.");
        Ensure.That((habilitation.Status == HabilitationStatus.ByRight) == Habilitation.IsPublicBody(legalType), "habilitation.status",
            "Seules les personnes publiques sont habilitées de droit ; les autres structures demandent une habilitation.");
        Name = Ensure.NotBlank(name, "name", 200);
        LegalType = legalType;
        Siret = siret;
        Habilitation = habilitation;
        Address = address;
        Contact = contact;
    }

    public string Name { get; }
    public LegalType LegalType { get; }
    public Siret Siret { get; }
    public Habilitation Habilitation { get; }
    public Address Address { get; }
    public Contact Contact { get; }
}

/// <summary>A host body (structure d'accueil) that offers TIG posts.</summary>
public sealed class HostBody
{
    private HostBody() { }

    public HostBody(Guid id, HostBodyDetails details, DateTimeOffset now)
    {
        Id = id;
        CreatedAt = now;
        Update(details, now);
    }

    public Guid Id { get; private set; }
    public HostBodyDetails Details { get; private set; } = null!;
    /// <summary>Kept beside <see cref="Details"/> so that scope filters are plain column queries.</summary>
    public string Departement { get; private set; } = "";
    public string Name { get; private set; } = "";
    /// <summary>Kept beside <see cref="Details"/> so that a SIRET is found by a plain column query.</summary>
    public string Siret { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>
    /// An address its partner asked for, in the same département, waiting for the SPIP's review: until then the address in
    /// force stays <see cref="Details"/>'s (posts, maps and searches use it).
    /// </summary>
    public Address? ProposedAddress { get; private set; }

    public DateTimeOffset? ProposedAt { get; private set; }

    public void Update(HostBodyDetails details, DateTimeOffset now)
    {
        Details = details;
        Departement = details.Address.Departement;
        Name = details.Name;
        Siret = details.Siret.Value;
        UpdatedAt = now;
        if (ProposedAddress == details.Address) ClearProposal();
    }

    /// <summary>
    /// A partner's edit: what it says is in force at once, but a new address waits for the SPIP (<see cref="ProposedAddress"/>),
    /// and a change of département is refused — it is the SPIP's act. The same address as in force withdraws a proposal.
    /// </summary>
    public void UpdateByPartner(HostBodyDetails details, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(details);
        if (details.Address.Departement != Departement)
            throw new DomainRuleException("address.communeInsee",
                $"Le département d'une structure d'accueil ne change que par le SPIP : demandez-le au SPIP du {Departement}.");
        var proposed = details.Address == Details.Address ? null : details.Address;
        Update(new HostBodyDetails(details.Name, details.LegalType, details.Siret, details.Habilitation, Details.Address, details.Contact), now);
        if (proposed is null) ClearProposal();
        else if (proposed != ProposedAddress)
        {
            ProposedAddress = proposed;
            ProposedAt = now;
        }
    }

    /// <summary>The SPIP accepts the proposed address: it is in force from now.</summary>
    public void AcceptProposedAddress(DateTimeOffset now)
    {
        var address = ProposedAddress ?? throw new DomainRuleException("proposedAddress", "Aucun changement d'adresse n'attend de décision.");
        Update(new HostBodyDetails(Details.Name, Details.LegalType, Details.Siret, Details.Habilitation, address, Details.Contact), now);
    }

    /// <summary>The SPIP refuses the proposed address: the address in force stays.</summary>
    public void RefuseProposedAddress(DateTimeOffset now)
    {
        if (ProposedAddress is null) throw new DomainRuleException("proposedAddress", "Aucun changement d'adresse n'attend de décision.");
        ClearProposal();
        UpdatedAt = now;
    }

    private void ClearProposal()
    {
        ProposedAddress = null;
        ProposedAt = null;
    }

    public bool CanHostOn(DateOnly date) => Details.Habilitation.IsValidOn(date);
}
