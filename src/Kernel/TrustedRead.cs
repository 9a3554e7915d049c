namespace Placement.Kernel;

/// <summary>
/// A stored document was checked when it was written: while it is turned back into the domain, the invariants are not
/// checked again — a stricter rule tomorrow must not make yesterday's rows unreadable (a 500 on every page that reads
/// them), and a large zone is not validated at every read. Writes always check: a document read this way and changed is
/// built again through the validating path. Scoped to the calling thread for one synchronous read.
/// </summary>
public static class TrustedRead
{
    [ThreadStatic]
    private static int t_depth;

    /// <summary>True while <see cref="Of{T}"/> runs on this thread.</summary>
    public static bool Active => t_depth > 0;

    /// <summary>Builds a value from what the database holds, without checking its invariants again.</summary>
    public static T Of<T>(Func<T> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        t_depth++;
        try
        {
            return read();
        }
        finally
        {
            t_depth--;
        }
    }
}
