using Placement.Catalogue.Domain;

namespace Placement.Matching.Domain;

/// <summary>How far and how the person can travel.</summary>
public sealed record Mobility
{
    public Mobility(double maxTravelKm, bool hasDrivingLicence, bool publicTransportOnly)
    {
        Ensure.That(double.IsFinite(maxTravelKm) && maxTravelKm is > 0 and <= 200, "maxTravelKm", "La distance maximale doit être comprise entre 0 (exclu) et 200 km.");
        MaxTravelKm = maxTravelKm;
        HasDrivingLicence = hasDrivingLicence;
        PublicTransportOnly = publicTransportOnly;
    }

    public double MaxTravelKm { get; }
    public bool HasDrivingLicence { get; }
    public bool PublicTransportOnly { get; }
}
