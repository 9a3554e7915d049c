using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.ComponentModel;
using SmtpServer.Storage;

namespace Placement.Web.Tests;

/// <summary>A real SMTP server in the test process, on a free loopback port: it keeps what it receives, and refuses on demand.</summary>
public sealed class LoopbackSmtpServer : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _running;
    private readonly Store _store = new();

    public LoopbackSmtpServer()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        Port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        var options = new SmtpServerOptionsBuilder().ServerName("localhost")
            .Endpoint(b => b.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)).IsSecure(false)).Build();
        var services = new ServiceProvider();
        services.Add(_store);
        _running = new SmtpServer.SmtpServer(options, services).StartAsync(_stop.Token);
    }

    public int Port { get; }

    /// <summary>Every message accepted, in order.</summary>
    public IReadOnlyCollection<MimeMessage> Received => _store.Received;

    /// <summary>How many of the next messages to refuse (550), as a server having a bad moment.</summary>
    public int RefuseNext { get => _store.RefuseNext; set => _store.RefuseNext = value; }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try { await _running; } catch (OperationCanceledException) { }
        _stop.Dispose();
    }

    private sealed class Store : MessageStore
    {
        private int _refuseNext;
        public ConcurrentQueue<MimeMessage> Received { get; } = new();
        public int RefuseNext { get => _refuseNext; set => _refuseNext = value; }

        public override Task<SmtpServer.Protocol.SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            if (Interlocked.Decrement(ref _refuseNext) >= 0)
                return Task.FromResult(new SmtpServer.Protocol.SmtpResponse(SmtpServer.Protocol.SmtpReplyCode.MailboxUnavailable, "Boite indisponible (essai)"));
            Interlocked.Exchange(ref _refuseNext, 0);
            using var stream = new MemoryStream(buffer.ToArray());
            Received.Enqueue(MimeMessage.Load(stream, cancellationToken));
            return Task.FromResult(SmtpServer.Protocol.SmtpResponse.Ok);
        }
    }
}
