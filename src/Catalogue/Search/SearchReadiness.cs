namespace Placement.Catalogue.Search;

/// <summary>
/// Whether the index holds the catalogue. Until it does — the first filling at start, or changes the
/// engine could not take still waiting in the outbox — a search answers 503 with a French message
/// rather than an empty or partial list that would read as « nothing matches ».
/// </summary>
public sealed class SearchReadiness
{
    private volatile bool _filled;
    private int _behind;

    /// <summary>The index has been checked at start and, when it was empty, filled from the database.</summary>
    public bool Filled => _filled;

    /// <summary>Catalogue changes the engine refused or could not be sent, not applied yet.</summary>
    public int Behind => Volatile.Read(ref _behind);

    public bool IsReady => Filled && Behind == 0;

    /// <summary>Why a search cannot be trusted now, in French; null when it can.</summary>
    public string? Reason =>
        !Filled ? "L'index de recherche est en cours de construction (démarrage ou moteur de recherche injoignable) : la recherche sera disponible dans quelques instants."
        : Behind > 0 ? $"L'index de recherche rattrape {Behind} modification(s) du catalogue après une panne du moteur de recherche : réessayez dans quelques instants."
        : null;

    /// <summary>Throws <see cref="SearchUnavailableException"/> (HTTP 503) while the index does not hold the catalogue.</summary>
    public void ThrowIfNotReady()
    {
        if (Reason is { } reason) throw new SearchUnavailableException(reason);
    }

    /// <summary>The readiness of an index filled before use (a benchmark, a tool), with no indexer running.</summary>
    public static SearchReadiness OfFilledIndex()
    {
        var readiness = new SearchReadiness();
        readiness.MarkFilled();
        return readiness;
    }

    internal void MarkFilled() => _filled = true;

    internal void SetBehind(int count) => Volatile.Write(ref _behind, count);
}
