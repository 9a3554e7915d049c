using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Placement.Catalogue.Contracts;
using Placement.Matching.Features.Audit;
using Placement.Web.Features.Shared;
using Placement.Catalogue.Features.Posts;
using Placement.Matching.Domain;

namespace Placement.Web.Features.Audit.Administration;

/// <summary>Journal d'audit: who read or changed whose data, when and from where (<see cref="ListAuditTrail"/>, the use case of <c>GET /api/audit</c>).</summary>
public sealed class JournalModel(Caller caller, ListAuditTrail list, IOptions<AuditOptions> options) : PageModel
{
    [FromQuery(Name = "compte")]
    public string? Actor { get; set; }

    [FromQuery(Name = "personne")]
    public Guid? PersonId { get; set; }

    [FromQuery(Name = "action")]
    public string? Action { get; set; }

    [FromQuery(Name = "du")]
    public DateOnly? From { get; set; }

    [FromQuery(Name = "au")]
    public DateOnly? To { get; set; }

    [FromQuery(Name = "page")]
    public int? PageNumber { get; set; }

    public PagedResult<AuditEntryResponse>? Result { get; private set; }

    public int RetentionDays => options.Value.RetentionDays;

    public PaginationModel Pagination => new(Result!.Page, Result.PageSize, Result.Total, Url.Page("/Audit/Administration/Journal")!, new Dictionary<string, string?>
    {
        ["compte"] = Actor, ["personne"] = PersonId?.ToString(), ["action"] = Action,
        ["du"] = From?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["au"] = To?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
    });

    public static IReadOnlyList<(string Code, string Label)> Actions { get; } =
        [(AuditActions.Read, "Consultation"), (AuditActions.Create, "Création"), (AuditActions.Update, "Modification"), (AuditActions.Delete, "Suppression")];

    public static string ActionLabel(string code) => Actions.FirstOrDefault(a => a.Code == code).Label ?? code;

    public static string ActionBadge(string code) => code == AuditActions.Read ? "fr-badge--info" : code == AuditActions.Delete ? "fr-badge--error" : "fr-badge--warning";

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            // A malformed value in the address (a day or a person that is not one): said on the form, no list.
            foreach (var key in ModelState.Where(e => e.Value!.Errors.Count > 0).Select(e => e.Key).ToList())
            {
                ModelState.Remove(key);
                ModelState.AddModelError(key, key switch
                {
                    "personne" => "Identifiant de personne attendu (par exemple 3f2504e0-4f89-11d3-9a0c-0305e82c3301).",
                    "du" or "au" => "Date attendue au format AAAA-MM-JJ.",
                    _ => "Valeur illisible.",
                });
            }
            return;
        }
        Result = await list.HandleAsync(caller, new AuditTrailQuery
        {
            Actor = string.IsNullOrWhiteSpace(Actor) ? null : Actor,
            PersonId = PersonId,
            Action = string.IsNullOrWhiteSpace(Action) ? null : Action,
            From = From,
            To = To,
            Page = Paging.Clamp(PageNumber, 50),
            PageSize = 50,
        }, ct);
    }
}
