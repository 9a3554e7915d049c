using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Placement.Catalogue.Geography;
using Placement.Matching.Features.AssignmentRuns;
using Placement.Matching.Features.Persons;
using Placement.Web.Features.Shared;
using Placement.Web.Hosting;

namespace Placement.Web.Features.AssignmentRuns;

/// <summary>
/// Affectations: launch a run (<see cref="CreateRun"/>: départements, an optional selection of persons awaiting a post,
/// reference date, time limit, keep current proposals) and the runs of the coordinator's territory (<see cref="ListRuns"/>).
/// </summary>
public sealed class IndexModel(Caller caller, ListRuns list, CreateRun create, ListCaseload caseload, FranceGeography geography, ServiceCalendar calendar)
    : PageModel, IReloadsOnRefusal
{
    public sealed class RunForm
    {
        public List<string> Departements { get; set; } = [];
        public List<Guid> PersonIds { get; set; } = [];
        public DateOnly? ReferenceDate { get; set; }
        public double TimeLimitSeconds { get; set; } = RunDefaults.Standard.TimeLimitSeconds;
        public bool KeepProposed { get; set; } = RunDefaults.Standard.KeepProposed;
    }

    [BindProperty]
    public RunForm Input { get; set; } = new();

    public IReadOnlyList<RunResponse> Runs { get; private set; } = [];

    /// <summary>The persons of the territory awaiting a post: those a selection is made from.</summary>
    public IReadOnlyList<CaseloadItem> Awaiting { get; private set; } = [];

    public IEnumerable<(string Code, string Name)> Departements =>
        caller.Departements.Order(StringComparer.Ordinal).Select(d => (d, geography.Departement(d)?.Name ?? d));

    public async Task OnGetAsync(CancellationToken ct)
    {
        Input = new RunForm { Departements = [.. caller.Departements], ReferenceDate = calendar.Today };
        await ReloadAsync(ct);
    }

    [RateLimited(RateLimitKind.Solve)]
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            await ReloadAsync(ct);
            return Page();
        }
        var run = await create.HandleAsync(caller, new CreateRunRequest(Input.Departements, Input.PersonIds.Count == 0 ? null : Input.PersonIds,
            Input.ReferenceDate, Input.TimeLimitSeconds, Input.KeepProposed), ct);
        return RedirectToPage("/AssignmentRuns/Run", new { id = run.Id });
    }

    public async Task ReloadAsync(CancellationToken ct)
    {
        Runs = await list.HandleAsync(caller, ct);
        Awaiting = await caseload.AllAsync(caller, null, "awaiting", ct);
    }

    public string DepartementsOf(RunResponse run) => string.Join(", ", run?.Departements ?? []);
}
