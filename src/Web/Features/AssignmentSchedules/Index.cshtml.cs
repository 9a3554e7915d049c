using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Placement.Matching.Domain;
using Placement.Matching.Features.AssignmentSchedules;
using Placement.Web.Features.Shared;
using Placement.Matching.Features.AssignmentRuns;

namespace Placement.Web.Features.AssignmentSchedules;

/// <summary>
/// Affectations planifiées: the coordinator's recurring runs (<see cref="ListSchedules"/>, <see cref="CreateSchedule"/>,
/// <see cref="DeleteSchedule"/>), each with its next three occurrences in French, on the service's clocks.
/// </summary>
public sealed class IndexModel(Caller caller, ListSchedules list, CreateSchedule create, DeleteSchedule delete, ServiceCalendar calendar) : PageModel, IReloadsOnRefusal
{
    public sealed class ScheduleForm
    {
        public string? Departements { get; set; }
        public string? Cron { get; set; }
        public double? TimeLimitSeconds { get; set; } // left empty: CreateSchedule gives RunDefaults.Scheduled's
        public bool KeepProposed { get; set; } = RunDefaults.Scheduled.KeepProposed;
    }

    [BindProperty]
    public ScheduleForm Input { get; set; } = new();

    public IReadOnlyList<ScheduleResponse> Items { get; private set; } = [];

    [TempData]
    public string? Notice { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Input = new ScheduleForm { Departements = string.Join(", ", caller.Departements.Order(StringComparer.Ordinal)), Cron = "0 6 * * 1" };
        await ReloadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await ReloadAsync(ct);
        if (!ModelState.IsValid) return Page();
        var departements = (Input.Departements ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var created = await create.HandleAsync(caller, new CreateScheduleRequest(departements, Input.Cron, Input.TimeLimitSeconds, Input.KeepProposed), ct);
        Notice = $"Affectation planifiée ({created.Cron}) ; prochaine exécution : {NextOf(created.Cron).FirstOrDefault()}.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid id, CancellationToken ct)
    {
        await delete.HandleAsync(caller, id, ct);
        Notice = "Planification supprimée.";
        return RedirectToPage();
    }

    public async Task ReloadAsync(CancellationToken ct) => Items = await list.HandleAsync(caller, ct);

    public IEnumerable<string> NextOf(string cron) =>
        CronExpressionAttribute.Next(cron, calendar.UtcNow, 3)
            .Select(at => calendar.ToLocal(at).ToString("dddd d MMMM yyyy à HH:mm", Labels.French));
}
