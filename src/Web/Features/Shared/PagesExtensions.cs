using Microsoft.AspNetCore.Authorization;
using Placement.Web.Identity;

namespace Placement.Web.Features.Shared;

/// <summary>
/// Razor Pages live beside the endpoints of their feature (<c>src/Web/Features/&lt;Feature&gt;/</c>). Each folder
/// declares the policy its API uses; the use cases then apply the same scope rules.
/// </summary>
public static class PagesExtensions
{
    private static readonly (string Folder, string Policy)[] RoleFolders =
        [("Partner", Policies.Partner), ("Host", Policies.HostSide), ("Administration", Policies.Admin)];

    public static IServiceCollection AddPlacementPages(this IServiceCollection services)
    {
        services.AddRazorPages(o =>
            {
                o.RootDirectory = "/Features";
                o.Conventions.AuthorizeFolder("/Persons", Policies.Persons);
                o.Conventions.AuthorizeFolder("/Incidents", Policies.Incidents);
                o.Conventions.AuthorizeFolder("/Search", Policies.Search);
                o.Conventions.AuthorizeFolder("/AssignmentSchedules", Policies.Coordinator);
                o.Conventions.AuthorizeFolder("/Validation", Policies.PostValidate);
                o.Conventions.AuthorizeFolder("/AssignmentRuns", Policies.Coordinator);
                o.Conventions.AuthorizeFolder("/Notifications", Policies.Authenticated);
                o.Conventions.AuthorizeFolder("/Imports", Policies.CatalogueRead);
                o.Conventions.AuthorizePage("/Documents/Download", Policies.Placements);
                o.Conventions.AuthorizePage("/Documents/PlacementDocument", Policies.Placements);
                // A feature's pages for one role sit in a folder named after it: Features/Placements/Partner/…,
                // Features/Sessions/Host/… (the partner and its tutors), Features/HostBodies/Administration/… and the administration's home, Features/Administration/.
                foreach (var (folder, policy) in RoleFolders)
                    o.Conventions.AddFolderApplicationModelConvention("/", page =>
                    {
                        if (page.RelativePath.Contains($"/{folder}/", StringComparison.Ordinal)) page.EndpointMetadata.Add(new AuthorizeAttribute(policy));
                    });
            })
            .AddMvcOptions(o =>
            {
                o.Filters.Add<UseCaseErrorsPageFilter>();
                // What model binding says when a value cannot be read, in French.
                var m = o.ModelBindingMessageProvider;
                m.SetAttemptedValueIsInvalidAccessor((value, _) => $"« {value} » n'est pas une valeur valide.");
                m.SetValueIsInvalidAccessor(value => $"« {value} » n'est pas une valeur valide.");
                m.SetNonPropertyAttemptedValueIsInvalidAccessor(value => $"« {value} » n'est pas une valeur valide.");
                m.SetUnknownValueIsInvalidAccessor(_ => "Valeur invalide.");
                m.SetNonPropertyUnknownValueIsInvalidAccessor(() => "Valeur invalide.");
                m.SetValueMustBeANumberAccessor(_ => "Saisissez un nombre.");
                m.SetNonPropertyValueMustBeANumberAccessor(() => "Saisissez un nombre.");
                m.SetValueMustNotBeNullAccessor(_ => "Ce champ est obligatoire.");
                m.SetMissingBindRequiredValueAccessor(_ => "Ce champ est obligatoire.");
                m.SetMissingKeyOrValueAccessor(() => "Valeur manquante.");
                m.SetMissingRequestBodyRequiredValueAccessor(() => "Le formulaire est vide.");
            });
        return services;
    }
}
