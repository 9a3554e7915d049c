using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Placement.Catalogue.Contracts;
using Placement.Catalogue.Domain;
using Placement.Web.Features.Shared;
using Placement.Catalogue.Features.Activities;

namespace Placement.Web.Features.Posts.Partner;

/// <summary>What the post form (<c>_PostForm</c>) needs from the page that shows it: the form, the vocabulary, the map.</summary>
public interface IPostEditor
{
    PostForm Input { get; }
    IEnumerable<SelectListItem> ActivityItems { get; }
    MapModel Map { get; }
}

/// <summary>The parts of a post page that do not depend on the post: the activity list and the map with the movable pin.</summary>
public static class PostEditor
{
    public const string LatField = "Input-Lat";
    public const string LonField = "Input-Lon";
    public const string MovedField = "Input-PointMoved";

    public static IEnumerable<SelectListItem> Activities(ActivityVocabulary vocabulary, string? current) =>
        vocabulary.Codes.Append(current ?? "").Where(a => a.Length > 0).Distinct()
            .Select(a => new SelectListItem(vocabulary.Label(a), a)).OrderBy(i => i.Text, StringComparer.Create(Labels.French, false));

    public static MapModel MapOf(PointDto? at, string departement) => new("carte-poste", "Carte : l'emplacement du poste ; déplacez le repère pour le corriger")
    {
        Departements = [departement],
        Pin = at is null ? null : new MapModel.Point(at.Lat, at.Lon, "Emplacement du poste"),
        MoveInto = new MapModel.PinFields(LatField, LonField, MovedField),
    };

    /// <summary>
    /// The form shown again after a refusal: the handler's errors moved onto the fields they concern, the grid padded,
    /// and the pin where the partner put it when they moved it.
    /// </summary>
    public static MapModel Redisplay(PostForm input, ModelStateDictionary state, MapModel map)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(map);
        input.MoveErrors(state, "Input");
        input.Padded();
        return input.PointMoved && input.Lat is { } lat && input.Lon is { } lon ? map with { Pin = new MapModel.Point(lat, lon, "Emplacement du poste") } : map;
    }

    /// <summary>The moves a partner may make from <paramref name="from"/> (the lifecycle decides), with their button labels.</summary>
    public static IEnumerable<(PostAction Action, string Label, bool Secondary)> PartnerMoves(PostStatus from)
    {
        (PostAction, string, bool)[] offered =
        [
            (PostAction.Submit, "Soumettre à la validation du SPIP", false),
            (PostAction.Reopen, "Rouvrir le poste", false),
            (PostAction.Suspend, "Suspendre le poste", true),
            (PostAction.Close, "Clore le poste", true),
        ];
        return offered.Where(m => Post.Next(from, m.Item1) is not null);
    }

    public static string MoveNotice(PostAction action) => action switch
    {
        PostAction.Submit => "Le poste est soumis à la validation du SPIP.",
        PostAction.Reopen => "Le poste est rouvert : il est de nouveau proposé aux conseillers.",
        PostAction.Suspend => "Le poste est suspendu : aucun nouveau placement ne sera proposé.",
        PostAction.Close => "Le poste est clos.",
        _ => "C'est fait.",
    };
}
