using System.ComponentModel.DataAnnotations;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.Extensions.Options;
using Placement.Web.Data;

namespace Placement.Web.Identity;

/// <summary>
/// Configuration section <c>Placement:SignIn</c>: how failed password sign-ins slow the next ones down. After
/// <see cref="FreeFailuresPerAccount"/> failures for one address typed (known or not), or
/// <see cref="FreeFailuresPerAddress"/> from one client address, each further attempt waits
/// <see cref="FirstDelaySeconds"/>, doubled at each new failure, up to <see cref="MaxDelaySeconds"/>; nothing ever locks.
/// </summary>
public sealed class SignInThrottleOptions : IValidatableObject
{
    public const string Section = "Placement:SignIn";

    [Range(1, 1_000, ErrorMessage = "entre 1 et 1 000.")]
    public int FreeFailuresPerAccount { get; set; } = 5;

    [Range(1, 100_000, ErrorMessage = "entre 1 et 100 000.")]
    public int FreeFailuresPerAddress { get; set; } = 20;

    [Range(1, 3_600, ErrorMessage = "entre 1 et 3 600.")]
    public int FirstDelaySeconds { get; set; } = 30;

    [Range(1, 86_400, ErrorMessage = "entre 1 et 86 400.")]
    public int MaxDelaySeconds { get; set; } = 900;

    /// <summary>Failures are forgotten this long after the last one.</summary>
    [Range(1, 720, ErrorMessage = "entre 1 et 720.")]
    public int ForgetAfterHours { get; set; } = 24;

    /// <summary>
    /// A client address that signed in to an account is spared that account's wait (not its own) this long after: the
    /// owner still gets in while someone elsewhere keeps failing on their account.
    /// </summary>
    [Range(0, 365, ErrorMessage = "entre 0 et 365.")]
    public int TrustAddressDays { get; set; } = 30;

    /// <summary>Sign-in links sent for one address typed (known or not) in an hour, counted from the first of the hour.</summary>
    [Range(1, 100, ErrorMessage = "entre 1 et 100.")]
    public int LinksPerAddressPerHour { get; set; } = 3;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (MaxDelaySeconds < FirstDelaySeconds)
            yield return new ValidationResult("au moins FirstDelaySeconds.", [nameof(MaxDelaySeconds)]);
    }

    /// <summary>The wait after <paramref name="failures"/> failures when <paramref name="free"/> are allowed without one.</summary>
    public TimeSpan Delay(int failures, int free) => failures < free ? TimeSpan.Zero
        : TimeSpan.FromSeconds(Math.Min(MaxDelaySeconds, FirstDelaySeconds * Math.Pow(2, Math.Min(failures - free, 30))));
}

/// <summary>
/// What the sign-in remembers (<see cref="SignInThrottle"/>): a count of failures — for an address typed, known or not,
/// or for a client address — or the mark of a client address that signed in to an account. Keys are hashed: no typed
/// text (a password typed in the e-mail field) and no client address is kept in clear.
/// </summary>
public sealed class SignInRecord
{
    private SignInRecord() { }

    public SignInRecord(string key, int failures, DateTimeOffset at)
    {
        Key = key;
        Failures = failures;
        At = at;
    }

    public string Key { get; private set; } = "";

    public int Failures { get; private set; }

    /// <summary>The last failure (a count), the last sign-in (a mark).</summary>
    public DateTimeOffset At { get; private set; }
}

internal sealed class SignInRecordConfiguration : IEntityTypeConfiguration<SignInRecord>
{
    public void Configure(EntityTypeBuilder<SignInRecord> b)
    {
        b.ToTable("SignInRecords");
        b.HasKey(x => x.Key);
        b.Property(x => x.Key).HasMaxLength(120);
        b.HasIndex(x => x.At); // forgetting the old ones
    }
}

/// <summary>
/// Growing waits between failed sign-ins, per address typed and per client address (<see cref="SignInThrottleOptions"/>), kept in
/// the database so that every node counts the same. An address typed is counted whether or not an account has it, so that
/// the wait says nothing of which exist. A success forgets no failure (the owner signing in must not give a guesser elsewhere
/// a fresh start): it marks the client address as one the owner uses, spared the account's wait from then on.
/// </summary>
public sealed class SignInThrottle(PlacementDbContext db, IOptions<SignInThrottleOptions> options, TimeProvider clock)
{
    private const string TrustPrefix = "trust:";

    /// <summary>How long the caller must still wait before an attempt for <paramref name="email"/> from <paramref name="client"/> is examined (zero: now).</summary>
    public async Task<TimeSpan> WaitAsync(string email, IPAddress? client, CancellationToken ct)
    {
        var o = options.Value;
        var (account, address, trust) = Keys(email, client);
        var now = clock.GetUtcNow();
        var forgotten = now - TimeSpan.FromHours(o.ForgetAfterHours);
        var records = await db.Set<SignInRecord>().AsNoTracking().Where(r => r.Key == account || r.Key == address || r.Key == trust).ToListAsync(ct);
        var trusted = records.Any(r => r.Key == trust && r.At > now - TimeSpan.FromDays(o.TrustAddressDays));
        var wait = TimeSpan.Zero;
        foreach (var r in records.Where(r => r.Key != trust && r.At > forgotten && (r.Key != account || !trusted)))
        {
            var until = r.At + o.Delay(r.Failures, r.Key == account ? o.FreeFailuresPerAccount : o.FreeFailuresPerAddress) - now;
            if (until > wait) wait = until;
        }
        return wait;
    }

    /// <summary>A failed attempt: one more for the address typed and for the client address; the forgotten records go.</summary>
    public async Task FailedAsync(string email, IPAddress? client, CancellationToken ct)
    {
        var (account, address, _) = Keys(email, client);
        var now = clock.GetUtcNow();
        var forgotten = now - TimeSpan.FromHours(options.Value.ForgetAfterHours);
        await CountAsync(account, now, forgotten, ct);
        await CountAsync(address, now, forgotten, ct);
        var untrusted = now - TimeSpan.FromDays(options.Value.TrustAddressDays);
        await db.Set<SignInRecord>().Where(r => r.At < forgotten && (!r.Key.StartsWith(TrustPrefix) || r.At < untrusted)).ExecuteDeleteAsync(ct);
    }

    /// <summary>Signed in: the client address is one the account's owner uses.</summary>
    public async Task SignedInAsync(string email, IPAddress? client, CancellationToken ct)
    {
        var trust = Keys(email, client).Trust;
        var now = clock.GetUtcNow();
        if (await db.Set<SignInRecord>().Where(r => r.Key == trust).ExecuteUpdateAsync(s => s.SetProperty(r => r.At, now), ct) > 0) return;
        await InsertAsync(new SignInRecord(trust, 0, now), ct);
    }

    /// <summary>
    /// A sign-in link asked for <paramref name="email"/> (known or not, so that the limit says nothing of which exist): counted
    /// and zero while fewer than <see cref="SignInThrottleOptions.LinksPerAddressPerHour"/> were asked in the hour begun by the
    /// first one; otherwise the wait until that hour is over, and not counted. Atomic, whatever the concurrent requests.
    /// </summary>
    public async Task<TimeSpan> LinkRequestedAsync(string email, CancellationToken ct)
    {
        var key = "link:" + Hash(email.Trim().ToUpperInvariant());
        var now = clock.GetUtcNow();
        var hour = TimeSpan.FromHours(1);
        var begun = now - hour;
        var max = options.Value.LinksPerAddressPerHour;
        for (var attempt = 0; ; attempt++)
        {
            var counted = await db.Set<SignInRecord>().Where(r => r.Key == key && (r.At <= begun || r.Failures < max))
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.Failures, r => r.At <= begun ? 1 : r.Failures + 1).SetProperty(r => r.At, r => r.At <= begun ? now : r.At), ct);
            if (counted > 0) return TimeSpan.Zero;
            var record = await db.Set<SignInRecord>().AsNoTracking().FirstOrDefaultAsync(r => r.Key == key, ct);
            if (record is not null) return record.At + hour - now;
            if (await InsertAsync(new SignInRecord(key, 1, now), ct)) return TimeSpan.Zero;
            if (attempt > 0) return hour;
        }
    }

    /// <summary>One more failure for <paramref name="key"/>, from one if the last was forgotten; atomic, whatever the concurrent attempts.</summary>
    private async Task CountAsync(string key, DateTimeOffset now, DateTimeOffset forgotten, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            var counted = await db.Set<SignInRecord>().Where(r => r.Key == key)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.Failures, r => r.At < forgotten ? 1 : r.Failures + 1).SetProperty(r => r.At, now), ct);
            if (counted > 0 || await InsertAsync(new SignInRecord(key, 1, now), ct) || attempt > 0) return;
        }
    }

    /// <summary>Adds the record; false when another request added the same key first.</summary>
    private async Task<bool> InsertAsync(SignInRecord record, CancellationToken ct)
    {
        var entry = db.Add(record);
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            return false;
        }
        finally
        {
            entry.State = EntityState.Detached;
        }
    }

    private static (string Account, string Address, string Trust) Keys(string email, IPAddress? client)
    {
        var account = Hash(email.Trim().ToUpperInvariant());
        var address = Hash(ClientKey(client));
        return ("account:" + account, "address:" + address, TrustPrefix + Hash(account + "|" + address));
    }

    /// <summary>A client address as counted: IPv4 as it is, IPv6 by its /64 (one subscriber's network), unknown as one.</summary>
    public static string ClientKey(IPAddress? client)
    {
        if (client is null) return "?";
        if (client.IsIPv4MappedToIPv6) client = client.MapToIPv4();
        if (client.AddressFamily != AddressFamily.InterNetworkV6) return client.ToString();
        var bytes = client.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }

    private static string Hash(string text) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..40];
}
