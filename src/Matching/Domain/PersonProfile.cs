using Placement.Catalogue.Domain;

namespace Placement.Matching.Domain;

/// <summary>
/// Everything the placement of one person depends on (matching.md, person attributes), with the
/// SPIP that follows them and their referent officer. Sensitive (judicial) data: never shown to partners.
/// </summary>
public sealed record PersonProfile
{
    public const int MinAgeAtSentence = 16;
    /// <summary>The most hours a week a job declared by the officer may take (above it the figure is surely a mistake).</summary>
    public const double MaxWeeklyWorkHours = 60;

    public PersonProfile(string firstName, string lastName, string departement, Contact referentOfficer, DateOnly birthDate,
        Address home, Mobility mobility, HoursBalance hours, SentenceTerm term, WeeklySchedule availability,
        IEnumerable<string> skills, PhysicalDemand maxPhysicalDemand, bool needsWheelchairAccess, JudicialRestrictions restrictions,
        string? caseNumber = null)
    {
        FirstName = Ensure.NotBlank(firstName, "firstName", 100);
        LastName = Ensure.NotBlank(lastName, "lastName", 100);
        Departement = InseeCodes.Departement(departement);
        Ensure.That(birthDate.AddYears(MinAgeAtSentence) <= term.SentenceDate, "birthDate", $"Un TIG ne peut être prononcé qu'à partir de {MinAgeAtSentence} ans.");
        Ensure.That(Enum.IsDefined(maxPhysicalDemand), "maxPhysicalDemand", "Niveau d'effort physique inconnu.");
        ReferentOfficer = referentOfficer;
        BirthDate = birthDate;
        Home = home;
        Mobility = mobility;
        Hours = hours;
        Term = term;
        Availability = availability;
        Skills = [.. skills.Select(s => Ensure.NotBlank(s, "skills", 60).ToLowerInvariant()).Distinct().Order(StringComparer.Ordinal)];
        MaxPhysicalDemand = maxPhysicalDemand;
        NeedsWheelchairAccess = needsWheelchairAccess;
        Restrictions = restrictions;
        CaseNumber = CaseNumbers.Normalise(caseNumber);
    }

    public string FirstName { get; }
    public string LastName { get; }
    /// <summary>The SPIP (département) that follows the person.</summary>
    public string Departement { get; }
    public Contact ReferentOfficer { get; }

    /// <summary>
    /// The case number (numéro de dossier) of the SPIP's case-management application: the person's stable key from one
    /// import to the next; optional, unique.
    /// </summary>
    public string? CaseNumber { get; }
    public DateOnly BirthDate { get; }
    public Address Home { get; }
    public Mobility Mobility { get; }
    public HoursBalance Hours { get; }
    public SentenceTerm Term { get; }
    public WeeklySchedule Availability { get; }
    public IReadOnlyList<string> Skills { get; }
    public PhysicalDemand MaxPhysicalDemand { get; }
    public bool NeedsWheelchairAccess { get; }
    public JudicialRestrictions Restrictions { get; }

    /// <summary>
    /// « Heures de travail par semaine (emploi) »: the hours of the person's job, 0 to <see cref="MaxWeeklyWorkHours"/>; null when
    /// they have none. The job and the TIG together stay within the legal working time (R.623-16).
    /// </summary>
    public double? WeeklyWorkHours
    {
        get => weeklyWorkHours;
        init
        {
            Ensure.That(value is null || (double.IsFinite(value.Value) && value >= 0 && value <= MaxWeeklyWorkHours), "weeklyWorkHours",
                $"Les heures de travail par semaine vont de 0 à {MaxWeeklyWorkHours:0}.");
            weeklyWorkHours = value;
        }
    }
    private readonly double? weeklyWorkHours;

    /// <summary>
    /// « Situation de handicap ou grossesse », the officer's entry: a medical examination before the work starts (R.623-14).
    /// Never shown nor sent to host bodies, partners or tutors.
    /// </summary>
    public bool MedicalMarker { get; init; }

    /// <summary>« Visite médicale exigée par la direction du SPIP ».</summary>
    public bool MedicalExaminationRequired { get; init; }

    /// <summary>The person found fit for the work by the medical examination — only « apte » and its date, no medical detail.</summary>
    public MedicalFitness? MedicalFitness { get; init; }

    /// <summary>An examination is asked for the person themself (the marker or the director), whatever the post.</summary>
    public bool ExaminationAskedForThePerson => MedicalMarker || MedicalExaminationRequired;

    /// <summary>The same profile with the medical examination's outcome recorded.</summary>
    public PersonProfile WithMedicalFitness(MedicalFitness? fitness) => this with { MedicalFitness = fitness };

    /// <summary><paramref name="next"/> with this profile's job hours, medical entries and fitness (the <c>With…</c> copies keep them).</summary>
    private PersonProfile Keep(PersonProfile next) => next with
    {
        WeeklyWorkHours = WeeklyWorkHours, MedicalMarker = MedicalMarker, MedicalExaminationRequired = MedicalExaminationRequired, MedicalFitness = MedicalFitness,
    };

    /// <summary>The same profile with more hours done (signed by a tutor).</summary>
    public PersonProfile WithHoursDone(double done) => Keep(
        new(FirstName, LastName, Departement, ReferentOfficer, BirthDate, Home, Mobility, new HoursBalance(Hours.Ordered, done), Term, Availability,
            Skills, MaxPhysicalDemand, NeedsWheelchairAccess, Restrictions, CaseNumber));

    /// <summary>The same profile followed by another referent officer.</summary>
    public PersonProfile WithReferent(Contact officer) => Keep(
        new(FirstName, LastName, Departement, officer, BirthDate, Home, Mobility, Hours, Term, Availability,
            Skills, MaxPhysicalDemand, NeedsWheelchairAccess, Restrictions, CaseNumber));

    /// <summary>The same profile under other judicial obligations.</summary>
    public PersonProfile WithRestrictions(JudicialRestrictions restrictions) => Keep(
        new(FirstName, LastName, Departement, ReferentOfficer, BirthDate, Home, Mobility, Hours, Term, Availability,
            Skills, MaxPhysicalDemand, NeedsWheelchairAccess, restrictions, CaseNumber));

    /// <summary>The same profile with its sentence's clock changed (a suspension recorded).</summary>
    public PersonProfile WithTerm(SentenceTerm term) => Keep(
        new(FirstName, LastName, Departement, ReferentOfficer, BirthDate, Home, Mobility, Hours, term, Availability,
            Skills, MaxPhysicalDemand, NeedsWheelchairAccess, Restrictions, CaseNumber));

    /// <summary>« Échéance dépassée »: the effective deadline is before <paramref name="today"/> and hours remain.</summary>
    public bool DeadlinePassed(DateOnly today) => Term.EffectiveDeadline < today && Hours.Remaining > 0;

    /// <summary>Younger than 18 on <paramref name="date"/>.</summary>
    public bool IsMinorOn(DateOnly date) => Age.IsMinorOn(BirthDate, date);

    public bool Equals(PersonProfile? other) =>
        other is not null && FirstName == other.FirstName && LastName == other.LastName && Departement == other.Departement
        && ReferentOfficer == other.ReferentOfficer && BirthDate == other.BirthDate && Home == other.Home && Mobility == other.Mobility
        && Hours == other.Hours && Term == other.Term && Availability.Equals(other.Availability) && Skills.SequenceEqual(other.Skills)
        && MaxPhysicalDemand == other.MaxPhysicalDemand && NeedsWheelchairAccess == other.NeedsWheelchairAccess && Restrictions.Equals(other.Restrictions)
        && CaseNumber == other.CaseNumber && WeeklyWorkHours == other.WeeklyWorkHours && MedicalMarker == other.MedicalMarker
        && MedicalExaminationRequired == other.MedicalExaminationRequired && MedicalFitness == other.MedicalFitness;
    public override int GetHashCode() => HashCode.Combine(LastName, BirthDate, Departement);
}

/// <summary>
/// The outcome of the medical examination before a TIG (R.623-14), as the SPIP records it: « apte » on <see cref="ExaminedOn"/>,
/// nothing else of the examination; who recorded it and when.
/// </summary>
public sealed record MedicalFitness(DateOnly ExaminedOn, string RecordedBy, DateTimeOffset RecordedAt);

/// <summary>Case numbers as kept: trimmed, upper case, 1–40 letters, digits, « - », « / », « . » or « _ »; blank is none.</summary>
public static class CaseNumbers
{
    public static string? Normalise(string? caseNumber)
    {
        if (string.IsNullOrWhiteSpace(caseNumber)) return null;
        var kept = caseNumber.Trim().ToUpperInvariant();
        Ensure.That(kept.Length <= 40 && kept.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '/' or '.' or '_'), "caseNumber",
            "Numéro de dossier invalide : 40 caractères au plus, lettres, chiffres, « - », « / », « . » ou « _ ».");
        return kept;
    }

    /// <summary>Case numbers as a person writes a list of them: separated by « ; », « , », « | », spaces or lines.</summary>
    public static IReadOnlyList<string> Split(string? text) =>
        text?.Split([';', ',', '|', ' ', '\t', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];

    /// <summary>The case number as kept, or null when it is blank or invalid (to look persons up before each line is read).</summary>
    public static string? TryNormalise(string? caseNumber)
    {
        try
        {
            return Normalise(caseNumber);
        }
        catch (DomainRuleException)
        {
            return null;
        }
    }
}
