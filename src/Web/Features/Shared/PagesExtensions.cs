using Placement.Web.Identity;

namespace Placement.Web.Features.Shared;

/// <summary>
/// Razor Pages live beside the endpoints of their feature (<c>src/Web/Features/&lt;Feature&gt;/</c>). Each folder
/// declares the policy its API uses; the use cases then apply the same scope rules.
/// </summary>
public static class PagesExtensions
{
    public static IServiceCollection AddPlacementPages(this IServiceCollection services)
    {
        services.AddRazorPages(o =>
            {
                o.RootDirectory = "/Features";
                o.Conventions.AuthorizeFolder("/Persons", Policies.Persons);
                o.Conventions.AuthorizeFolder("/Catalogue", Policies.Search);
            })
            .AddMvcOptions(o => o.Filters.Add<UseCaseErrorsPageFilter>());
        return services;
    }
}
