using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Placement.Catalogue.Contracts;
using Placement.Catalogue.Geography;
using Placement.Matching.Domain;
using Placement.Matching.Features.AssignmentRuns;
using Placement.Web.Features.Shared;
using Placement.Web.Hosting;
using Placement.Catalogue.Features.Posts;

namespace Placement.Web.Features.AssignmentRuns;

/// <summary>
/// One run: its progress while it works (<see cref="GetRun"/>, polled by the page; <see cref="CancelRun"/>), then its review —
/// the proposals (<see cref="ListProposals"/>) filtered, on a map, accepted by selection or all (<see cref="AcceptProposals"/>,
/// each outcome said) or rejected with a reason (<see cref="RejectProposal"/>), exported as spreadsheets.
/// </summary>
public sealed class RunModel(Caller caller, GetRun getRun, CancelRun cancel, ListProposals listProposals, AcceptProposals accept,
    RejectProposal reject, FranceGeography geography) : PageModel, IReloadsOnRefusal
{
    public sealed record Outcome(string Text, bool Accepted);

    public sealed class RejectForm
    {
        public Guid ProposalId { get; set; }
        public string? Reason { get; set; }
    }

    [FromRoute]
    public Guid Id { get; set; }

    /// <summary><c>pending</c> (default), <c>accepted</c>, <c>rejected</c> or <c>all</c>.</summary>
    [BindProperty(SupportsGet = true, Name = "statut")]
    public string? Status { get; set; }

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true, Name = "scoreMin")]
    public int? ScoreMin { get; set; }

    [BindProperty]
    public RejectForm Input { get; set; } = new();

    public RunResponse Run { get; private set; } = null!;
    public IReadOnlyList<ProposalResponse> All { get; private set; } = [];
    public IReadOnlyList<ProposalResponse> Shown { get; private set; } = [];
    public MapModel Map { get; private set; } = null!;

    [TempData]
    public string? Notice { get; set; }

    [TempData]
    public string? OutcomesJson { get; set; }

    public IReadOnlyList<Outcome> Outcomes => OutcomesJson is null ? [] : JsonSerializer.Deserialize<List<Outcome>>(OutcomesJson) ?? [];

    public bool Working => Run.State is RunState.Queued or RunState.Running;

    public string Commune(string insee) => geography.Commune(insee)?.Name ?? insee;

    public async Task OnGetAsync(CancellationToken ct) => await ReloadAsync(ct);

    [RateLimited(RateLimitKind.Export)]

    public async Task<IActionResult> OnGetXlsxAsync(CancellationToken ct) => SpreadsheetExports.Xlsx(await ExportAsync(ct), $"propositions-{Id:N}");

    [RateLimited(RateLimitKind.Export)]

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct) => SpreadsheetExports.CsvFile(await ExportAsync(ct), $"propositions-{Id:N}");

    public async Task<IActionResult> OnPostCancelAsync(CancellationToken ct)
    {
        await cancel.HandleAsync(caller, Id, ct);
        Notice = "Annulation demandée : le solveur garde les meilleures propositions trouvées jusqu'ici.";
        return RedirectToPage("/AssignmentRuns/Run", new { id = Id });
    }

    public async Task<IActionResult> OnPostAcceptAsync(List<Guid> selected, bool all, CancellationToken ct)
    {
        await ReloadAsync(ct);
        var ids = all ? Shown.Where(p => p.Status == ProposalStatus.Pending).Select(p => p.Id).ToList() : selected;
        if (ids.Count == 0)
        {
            ModelState.AddModelError("", all ? "Aucune proposition à examiner dans cette liste." : "Cochez au moins une proposition à accepter.");
            return Page();
        }
        var outcomes = await accept.HandleAsync(caller, Id, new AcceptManyRequest(ids), ct);
        var byId = All.ToDictionary(p => p.Id);
        var lines = outcomes.Select(o => byId.TryGetValue(o.ProposalId, out var p)
            ? new Outcome($"{p.PersonName} → {p.PostTitle} ({p.HostBody}) : {(o.Accepted ? "placement proposé à la structure" : o.Reason)}", o.Accepted)
            : new Outcome(o.Reason ?? "Proposition introuvable.", false)).ToList();
        var done = outcomes.Count(o => o.Accepted);
        Notice = done == outcomes.Count ? $"{done} {Plural.Of(done, "proposition acceptée", "propositions acceptées")} : les structures sont sollicitées."
            : $"{done} {Plural.Of(done, "acceptée", "acceptées")} sur {outcomes.Count} ; les autres n'ont pas pu l'être (détail ci-dessous).";
        OutcomesJson = JsonSerializer.Serialize(lines);
        return Redirect(Here);
    }

    public async Task<IActionResult> OnPostRejectAsync(CancellationToken ct)
    {
        await reject.HandleAsync(caller, Id, Input.ProposalId, new RefusalRequest(Input.Reason), ct);
        Notice = "Proposition rejetée ; le motif est gardé avec l'affectation.";
        return Redirect(Here);
    }

    public async Task ReloadAsync(CancellationToken ct)
    {
        Run = await getRun.HandleAsync(caller, Id, ct);
        All = Working ? [] : await listProposals.HandleAsync(caller, Id, ct);
        var status = string.IsNullOrWhiteSpace(Status) ? "pending" : Status;
        var words = (Q ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Shown = [.. All.Where(p => status == "all" || EnumNames.ToKebab(p.Status) == status)
            .Where(p => ScoreMin is not { } min || p.Score >= min)
            .Where(p => words.All(w => $"{p.PersonName} {p.PostTitle} {p.HostBody} {Commune(p.PostCommuneInsee)}".Contains(w, StringComparison.CurrentCultureIgnoreCase)))];
        Map = new MapModel("carte-propositions", "Carte des propositions : un trait relie le domicile de chaque personne à son poste")
        {
            Departements = Run.Departements,
            Links = [.. Shown.Select(p => new MapModel.Link(p.Home.Lat, p.Home.Lon, p.PostLocation.Lat, p.PostLocation.Lon,
                $"{p.PersonName} → {p.PostTitle} · {Labels.Km(p.DistanceKm)}"))],
            Markers = [.. Shown.GroupBy(p => p.PostId).Select(g => new MapModel.Marker(g.First().PostLocation.Lat, g.First().PostLocation.Lon, g.First().PostTitle,
                [g.First().HostBody, .. g.Select(p => p.PersonName)], Url.Page("/Search/Post", new { id = g.Key })))],
        };
    }

    /// <summary>This page with its filters: where an action comes back to.</summary>
    public string Here => PageUrls.With(Url.Page("/AssignmentRuns/Run", new { id = Id })!, ("statut", Status), ("q", Q), ("scoreMin", ScoreMin?.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    public string Action(string handler) => PageUrls.With(Here, ("handler", handler));

    private async Task<IReadOnlyList<IDictionary<string, object?>>> ExportAsync(CancellationToken ct)
    {
        var proposals = await listProposals.HandleAsync(caller, Id, ct);
        return [.. proposals.Select(p => (IDictionary<string, object?>)new Dictionary<string, object?>
        {
            ["Personne"] = p.PersonName,
            ["Poste"] = p.PostTitle,
            ["Structure"] = p.HostBody,
            ["Commune du poste"] = Commune(p.PostCommuneInsee),
            ["Distance (km)"] = Math.Round(p.DistanceKm, 1),
            ["Heures par semaine"] = p.WeeklyHours,
            ["Score"] = p.Score,
            ["Explication"] = string.Join(" ; ", p.Explanation),
            ["Statut"] = p.Status.Label(),
            ["Motif du rejet"] = p.RejectionReason,
        })];
    }
}
