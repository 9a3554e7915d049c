using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Placement.Matching.Features.Sessions;
using Placement.Web.Features.Shared;

namespace Placement.Web.Features.Sessions.Host;

/// <summary>The host's day on a phone: today's sessions (<see cref="ListDaySessions"/>) and their attendance (<see cref="RecordAttendance"/>).</summary>
public sealed class TodayModel(Caller caller, ListDaySessions list, RecordAttendance record, Placement.Kernel.ServiceCalendar calendar) : PageModel, IReloadsOnRefusal
{
    [BindProperty]
    public SessionForm Input { get; set; } = new();

    public IReadOnlyList<DaySessionResponse> Items { get; private set; } = [];

    public DateOnly Today { get; private set; }

    [TempData]
    public string? Notice { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => await ReloadAsync(ct);

    public async Task<IActionResult> OnPostAttendanceAsync(CancellationToken ct)
    {
        await ReloadAsync(ct);
        Input.Form = "attendance";
        if (!ModelState.IsValid) return Page();
        var done = await record.HandleAsync(caller, Input.SessionId, Input.Attendance(), ct);
        var who = Items.FirstOrDefault(i => i.Session.Id == done.Id) is { } item ? $" pour {item.PersonFirstName} {item.PersonInitial}" : "";
        Notice = $"{SessionLabels.Label(done.Attendance!.Outcome)} enregistré{who} : {SessionLabels.Credited(done.Attendance.HoursCredited).ToLowerInvariant()}.";
        return RedirectToPage();
    }

    public async Task ReloadAsync(CancellationToken ct)
    {
        Today = calendar.Today;
        Items = await list.HandleAsync(caller, Today, ct);
    }
}
