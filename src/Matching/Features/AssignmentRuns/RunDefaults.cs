namespace Placement.Matching.Features.AssignmentRuns;

/// <summary>
/// What a run gets for a setting it does not state: the one record of run defaults, read by the page that launches a run
/// (its form), the API (<see cref="CreateRun"/>, for what a request leaves out) and schedules
/// (<c>CreateSchedule</c> and the page of schedules).
/// <para>
/// <b>The default that wins is <see cref="Standard"/></b>: a time limit of 30 seconds, and the pending proposals of earlier
/// runs kept (<see cref="KeepProposed"/> true) — what the page and the schedules already offered. Keeping wins because a
/// run that does not keep them supersedes them: it throws away proposals coordinators have not decided on yet, and that
/// should be asked for, never happen because a box was left out.
/// </para>
/// <para>
/// Two callers deviate, each by a named override. <see cref="Api"/> keeps <c>keepProposed</c> false when a request
/// leaves it out: integrators have had that default since the API was published, and the OpenAPI document does not
/// state it, so changing it would change their runs without telling them — a behaviour change, not a refactoring
/// (aligning it is an API change to announce). <see cref="Scheduled"/> gives a schedule 60 seconds: nobody waits for a
/// scheduled run, so it may search longer.
/// </para>
/// </summary>
public sealed record RunDefaults(double TimeLimitSeconds, bool KeepProposed)
{
    /// <summary>The defaults: 30 s, pending proposals kept. The page's form starts from them.</summary>
    public static readonly RunDefaults Standard = new(TimeLimitSeconds: 30, KeepProposed: true);

    /// <summary>The API's: <see cref="Standard"/> but pending proposals not kept (superseded), as since the API was published.</summary>
    public static readonly RunDefaults Api = Standard with { KeepProposed = false };

    /// <summary>Schedules': <see cref="Standard"/> with 60 s, nobody waiting for the result.</summary>
    public static readonly RunDefaults Scheduled = Standard with { TimeLimitSeconds = 60 };
}
