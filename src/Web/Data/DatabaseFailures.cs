using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace Placement.Web.Data;

/// <summary>
/// The database could not do what was asked (locked beyond the wait, unreachable, disk full, read-only): the
/// request answers 503 in French; the transaction it ran in is rolled back, so nothing is half-written. SQLite
/// waits for a lock to be released (<c>Default Timeout</c>, 30 s) before failing; PostgreSQL waits for a lock as long
/// as the statement may run.
/// </summary>
public static class DatabaseFailures
{
    public const string Title = "Base de données indisponible.";

    public const string Detail = "La base de données n'a pas pu traiter la demande (occupée, injoignable ou pleine) : rien n'a été enregistré. Réessayez dans quelques instants.";

    public static bool Is(Exception? e) => e switch
    {
        DbException => true,
        DbUpdateException { InnerException: DbException } => true,
        InvalidOperationException { InnerException: DbException } => true,
        _ => false,
    };
}
