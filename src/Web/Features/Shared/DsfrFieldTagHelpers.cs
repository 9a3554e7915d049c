using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Placement.Web.Features.Shared;

/// <summary>
/// What the DSFR form fields share: the label (always), the hint, and the errors of the model state on that
/// field — the handlers' field errors land there — as a DSFR message linked by <c>aria-describedby</c>.
/// </summary>
public abstract class DsfrFieldTagHelper : TagHelper
{
    [HtmlAttributeName("for")]
    public ModelExpression For { get; set; } = null!;

    public string Label { get; set; } = "";

    public string? Hint { get; set; }

    public bool Required { get; set; }

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    protected string Name => ViewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(For.Name);

    protected string Id => TagBuilder.CreateSanitizedId(Name, "-");

    protected IReadOnlyList<string> Errors =>
        ViewContext.ViewData.ModelState.TryGetValue(Name, out var entry) ? [.. entry.Errors.Select(e => e.ErrorMessage)] : [];

    /// <summary>The value to show: what was posted when the form comes back with errors, else the model's.</summary>
    protected string? Value =>
        ViewContext.ViewData.ModelState.TryGetValue(Name, out var entry) && entry.RawValue is not null
            ? entry.AttemptedValue
            : For.Model switch
            {
                null => null,
                DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                double x => x.ToString(CultureInfo.InvariantCulture),
                IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                var v => v.ToString(),
            };

    protected static string E(string? text) => HtmlEncoder.Default.Encode(text ?? "");

    protected string LabelHtml =>
        $"<label class=\"fr-label\" for=\"{Id}\">{E(Label)}{(Required ? " <span class=\"fr-text--sm\">(obligatoire)</span>" : "")}"
        + (Hint is null ? "" : $"<span class=\"fr-hint-text\">{E(Hint)}</span>") + "</label>";

    protected string MessagesHtml =>
        $"<div class=\"fr-messages-group\" id=\"{Id}-messages\" aria-live=\"polite\">"
        + string.Concat(Errors.Select(e => $"<p class=\"fr-message fr-message--error\">{E(e)}</p>")) + "</div>";

    protected string Described => $" aria-describedby=\"{Id}-messages\"";
}

/// <summary><c>&lt;dsfr-input for="Input.Email" label="Adresse e-mail" type="email" /&gt;</c>: a DSFR input group.</summary>
[HtmlTargetElement("dsfr-input", TagStructure = TagStructure.WithoutEndTag)]
public sealed class DsfrInputTagHelper : DsfrFieldTagHelper
{
    public string Type { get; set; } = "text";

    public string? Autocomplete { get; set; }

    public string? Step { get; set; }

    public string? List { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var invalid = Errors.Count > 0;
        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "fr-input-group" + (invalid ? " fr-input-group--error" : ""));
        var extra = (Autocomplete is null ? "" : $" autocomplete=\"{E(Autocomplete)}\"") + (Step is null ? "" : $" step=\"{E(Step)}\"")
            + (List is null ? "" : $" list=\"{E(List)}\"") + (Required ? " required" : "") + (invalid ? " aria-invalid=\"true\"" : "");
        var value = Type == "password" ? "" : $" value=\"{E(Value)}\"";
        output.Content.SetHtmlContent(LabelHtml
            + $"<input class=\"fr-input{(invalid ? " fr-input--error" : "")}\" type=\"{E(Type)}\" id=\"{Id}\" name=\"{E(Name)}\"{value}{extra}{Described} />"
            + MessagesHtml);
    }
}

/// <summary><c>&lt;dsfr-textarea for="Input.Zones" label="…" rows="6" /&gt;</c>.</summary>
[HtmlTargetElement("dsfr-textarea", TagStructure = TagStructure.WithoutEndTag)]
public sealed class DsfrTextareaTagHelper : DsfrFieldTagHelper
{
    public int Rows { get; set; } = 4;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var invalid = Errors.Count > 0;
        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "fr-input-group" + (invalid ? " fr-input-group--error" : ""));
        output.Content.SetHtmlContent(LabelHtml
            + $"<textarea class=\"fr-input{(invalid ? " fr-input--error" : "")}\" id=\"{Id}\" name=\"{E(Name)}\" rows=\"{Rows}\"{(invalid ? " aria-invalid=\"true\"" : "")}{Described}>{E(Value)}</textarea>"
            + MessagesHtml);
    }
}

/// <summary><c>&lt;dsfr-select for="Input.Activity" label="Activité" items="Model.Activities" /&gt;</c>.</summary>
[HtmlTargetElement("dsfr-select", TagStructure = TagStructure.WithoutEndTag)]
public sealed class DsfrSelectTagHelper : DsfrFieldTagHelper
{
    public IEnumerable<SelectListItem> Items { get; set; } = [];

    /// <summary>The first, empty choice (« Toutes »), when the field is optional.</summary>
    public string? Empty { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var invalid = Errors.Count > 0;
        var current = Value;
        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "fr-select-group" + (invalid ? " fr-select-group--error" : ""));
        var options = (Empty is null ? "" : $"<option value=\"\">{E(Empty)}</option>")
            + string.Concat(Items.Select(i => $"<option value=\"{E(i.Value)}\"{(i.Value == current ? " selected" : "")}>{E(i.Text)}</option>"));
        output.Content.SetHtmlContent(LabelHtml
            + $"<select class=\"fr-select{(invalid ? " fr-select--error" : "")}\" id=\"{Id}\" name=\"{E(Name)}\"{(invalid ? " aria-invalid=\"true\"" : "")}{Described}>{options}</select>"
            + MessagesHtml);
    }
}

/// <summary><c>&lt;dsfr-checkbox for="Input.HasDrivingLicence" label="Titulaire du permis B" /&gt;</c>.</summary>
[HtmlTargetElement("dsfr-checkbox", TagStructure = TagStructure.WithoutEndTag)]
public sealed class DsfrCheckboxTagHelper : DsfrFieldTagHelper
{
    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var invalid = Errors.Count > 0;
        var isChecked = Value is { } v && bool.TryParse(v.Split(',')[0], out var b) && b;
        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "fr-checkbox-group" + (invalid ? " fr-checkbox-group--error" : ""));
        output.Content.SetHtmlContent(
            $"<input type=\"checkbox\" id=\"{Id}\" name=\"{E(Name)}\" value=\"true\"{(isChecked ? " checked" : "")}{Described} />"
            + $"<label class=\"fr-label\" for=\"{Id}\">{E(Label)}{(Hint is null ? "" : $"<span class=\"fr-hint-text\">{E(Hint)}</span>")}</label>"
            + MessagesHtml
            + $"<input type=\"hidden\" name=\"{E(Name)}\" value=\"false\" />");
    }
}

/// <summary>
/// <c>&lt;dsfr-errors /&gt;</c>: the errors that belong to no field (a rule refused the action), as a DSFR alert;
/// and, when fields are in error, a short alert pointing at them.
/// </summary>
[HtmlTargetElement("dsfr-errors", TagStructure = TagStructure.WithoutEndTag)]
public sealed class DsfrErrorsTagHelper : TagHelper
{
    public string Title { get; set; } = "Action impossible";

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var state = ViewContext.ViewData.ModelState;
        var general = state.TryGetValue("", out var entry) && entry is not null ? entry.Errors.Select(e => e.ErrorMessage).ToList() : [];
        var fields = state.Where(s => s.Key.Length > 0 && s.Value is { Errors.Count: > 0 }).ToList();
        if (general.Count == 0 && fields.Count == 0)
        {
            output.SuppressOutput();
            return;
        }
        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "fr-alert fr-alert--error fr-mb-3w");
        output.Attributes.SetAttribute("role", "alert");
        var lines = general.Select(g => $"<p>{HtmlEncoder.Default.Encode(g)}</p>").ToList();
        if (fields.Count > 0)
            lines.Add($"<p>{Plural.Of(fields.Count, "Un champ est à corriger", $"{fields.Count} champs sont à corriger", zeroIsPlural: true)} : voir les messages sous les champs.</p>");
        output.Content.SetHtmlContent($"<h2 class=\"fr-alert__title\">{HtmlEncoder.Default.Encode(Title)}</h2>" + string.Concat(lines));
    }
}
