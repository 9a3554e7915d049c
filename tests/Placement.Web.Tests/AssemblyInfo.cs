// Hangfire keeps process-wide state (storage, log provider, job activator): one service at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
