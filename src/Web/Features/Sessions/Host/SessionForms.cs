using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Placement.Matching.Domain;
using Placement.Matching.Features.Incidents;
using Placement.Matching.Features.Sessions;
using Placement.Web.Features.Shared;

namespace Placement.Web.Features.Sessions.Host;

/// <summary>
/// What the host's session pages post: one form per action (<see cref="Form"/>: <c>attendance</c>, <c>add</c>, <c>change</c>,
/// <c>incident</c>) on one session (<see cref="SessionId"/>), so that the handlers' field errors land on the form that was sent.
/// </summary>
public sealed class SessionForm
{
    public string? Form { get; set; }
    public Guid SessionId { get; set; }
    public string? Outcome { get; set; }
    public string? Arrival { get; set; }
    public string? Departure { get; set; }
    public int? BreakMinutes { get; set; }
    public string? Reason { get; set; }
    public string? Comment { get; set; }
    public DateOnly? Date { get; set; }
    public string? Start { get; set; }
    public string? End { get; set; }
    public bool Cancelled { get; set; }
    public string? Kind { get; set; }
    public string? Description { get; set; }
    public bool Suspend { get; set; }
    public AccidentForm Accident { get; set; } = new();

    /// <summary>The attestation: the name the tutor signs with, and the box they tick.</summary>
    public string? Name { get; set; }
    public bool Certify { get; set; }

    public sealed class AccidentForm
    {
        public DateTime? OccurredAt { get; set; }
        public string? Place { get; set; }
        public string? Circumstances { get; set; }
        public string? Witnesses { get; set; }
    }

    public AttendanceRequest Attendance() => new(Outcome, Arrival, Departure, BreakMinutes ?? 0, Reason, Comment);

    public IncidentRequest Incident(Placement.Kernel.ServiceCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var accident = Kind == "accident"
            ? new AccidentRequest(Accident.OccurredAt is { } local ? new DateTimeOffset(local, calendar.Zone.GetUtcOffset(local)) : null,
                Accident.Place, Accident.Circumstances, Accident.Witnesses)
            : null;
        return new IncidentRequest(Kind, Description, Suspend, accident);
    }
}

/// <summary>How the host's session pages say sessions in French, and their fields with the errors of the form that was sent.</summary>
public static class SessionLabels
{
    public static readonly IReadOnlyList<(string Code, AttendanceOutcome Outcome, string Label)> Outcomes =
    [
        ("present", AttendanceOutcome.Present, "Présent"),
        ("late", AttendanceOutcome.Late, "En retard"),
        ("left-early", AttendanceOutcome.LeftEarly, "Parti plus tôt"),
        ("excused-absence", AttendanceOutcome.ExcusedAbsence, "Absence excusée"),
        ("unexcused-absence", AttendanceOutcome.UnexcusedAbsence, "Absence non excusée"),
        ("cancelled-by-host", AttendanceOutcome.CancelledByHost, "Annulée par la structure"),
    ];

    public static readonly IReadOnlyList<(string Code, IncidentKind Kind)> Kinds =
    [
        ("absence", IncidentKind.Absence), ("lateness", IncidentKind.Lateness), ("behaviour", IncidentKind.Behaviour),
        ("refusal", IncidentKind.Refusal), ("accident", IncidentKind.Accident), ("danger", IncidentKind.Danger),
    ];

    public static string Label(AttendanceOutcome outcome) => Outcomes.First(o => o.Outcome == outcome).Label;

    public static string Badge(AttendanceOutcome outcome) => outcome switch
    {
        AttendanceOutcome.Present => "fr-badge--success",
        AttendanceOutcome.Late or AttendanceOutcome.LeftEarly or AttendanceOutcome.ExcusedAbsence => "fr-badge--warning",
        AttendanceOutcome.UnexcusedAbsence => "fr-badge--error",
        _ => "fr-badge--info",
    };

    /// <summary>« 3 h 40 », « 4 h », « 0 h 30 »: hours as a tutor reads them on a time sheet.</summary>
    public static string HoursMinutes(double hours)
    {
        var minutes = (int)Math.Round(hours * 60, MidpointRounding.AwayFromZero);
        return minutes % 60 == 0 ? $"{minutes / 60} h" : $"{minutes / 60} h {minutes % 60:00}";
    }

    /// <summary>« 3 h 40 créditées », « Aucune heure créditée ».</summary>
    public static string Credited(double hours) => hours <= 1e-9 ? "Aucune heure créditée" : $"{HoursMinutes(hours)} créditée{(hours >= 2 ? "s" : "")}";

    public static string Day(DateOnly date) => date.ToString("dddd d MMMM yyyy", Labels.French);

    /// <summary>The errors of <paramref name="field"/> when the form sent was this one (<paramref name="sent"/>).</summary>
    public static IReadOnlyList<string> Errors(ModelStateDictionary state, bool sent, string field)
    {
        ArgumentNullException.ThrowIfNull(state);
        return sent && state.TryGetValue("Input." + field, out var entry) ? [.. entry.Errors.Select(e => e.ErrorMessage)] : [];
    }

    /// <summary>A DSFR input group with its own id (one per session and form), named <c>Input.{name}</c>, with the errors of the form that was sent.</summary>
    public static IHtmlContent Field(ModelStateDictionary state, bool sent, string id, string name, string label, string? value, string type = "text",
        string? hint = null, bool textarea = false, string? extra = null)
    {
        var errors = Errors(state, sent, name);
        var posted = sent && state.TryGetValue("Input." + name, out var entry) && entry.RawValue is not null ? entry.AttemptedValue : value;
        static string E(string? t) => HtmlEncoder.Default.Encode(t ?? "");
        var invalid = errors.Count > 0;
        var control = textarea
            ? $"<textarea class=\"fr-input{(invalid ? " fr-input--error" : "")}\" id=\"{id}\" name=\"Input.{name}\" rows=\"2\"{(invalid ? " aria-invalid=\"true\"" : "")} aria-describedby=\"{id}-messages\">{E(posted)}</textarea>"
            : $"<input class=\"fr-input{(invalid ? " fr-input--error" : "")}\" type=\"{type}\" id=\"{id}\" name=\"Input.{name}\" value=\"{E(posted)}\"{extra}{(invalid ? " aria-invalid=\"true\"" : "")} aria-describedby=\"{id}-messages\" />";
        return new HtmlString($"<div class=\"fr-input-group{(invalid ? " fr-input-group--error" : "")}\"><label class=\"fr-label\" for=\"{id}\">{E(label)}"
            + (hint is null ? "" : $"<span class=\"fr-hint-text\">{E(hint)}</span>") + "</label>" + control
            + $"<div class=\"fr-messages-group\" id=\"{id}-messages\" aria-live=\"polite\">"
            + string.Concat(errors.Select(e => $"<p class=\"fr-message fr-message--error\">{E(e)}</p>")) + "</div></div>");
    }

    public static string Invariant(double value) => value.ToString(CultureInfo.InvariantCulture);
}
