namespace Placement.Kernel;

/// <summary>French plurals, written once: « 1 poste », « 2 postes ».</summary>
public static class Plural
{
    /// <summary>
    /// <paramref name="many"/> above one, else <paramref name="one"/>: French says « 0 poste » and « 1 poste ». Where a text has
    /// always said « 0 notifications », <paramref name="zeroIsPlural"/> keeps it so (then only exactly one is singular).
    /// </summary>
    public static string Of(long count, string one, string many, bool zeroIsPlural = false) =>
        count > 1 || (zeroIsPlural && count != 1) ? many : one;
}
