using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Placement.Web.Features;

namespace Placement.Web.Hosting;

/// <summary>
/// The OpenAPI document as an integrator needs it: the service described in French, each tag explained,
/// the two ways to authenticate (bearer token, cookie) declared, and every operation behind a policy
/// marked as needing one of them. Error answers are declared by each endpoint (<c>Problems(…)</c>).
/// </summary>
internal static class OpenApiDocument
{
    public const string Bearer = "bearer";
    public const string Cookie = "cookie";

    public static IServiceCollection AddPlacementOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(options =>
        {
            // The contracts' enums are described as the strings they were before they were typed: inline, no list of values
            // (the property's summary names them), so the document stays the same.
            options.CreateSchemaReferenceId = type => ContractEnums.Contains(type.Type) ? null : OpenApiOptions.CreateDefaultSchemaReferenceId(type);
            options.AddSchemaTransformer((schema, context, _) =>
            {
                if (!ContractEnums.Contains(context.JsonTypeInfo.Type)) return Task.CompletedTask;
                schema.Enum = null;
                schema.Type = Nullable.GetUnderlyingType(context.JsonTypeInfo.Type) is null ? JsonSchemaType.String : JsonSchemaType.String | JsonSchemaType.Null;
                return Task.CompletedTask;
            });
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "Placement — API",
                    Version = "v1",
                    Description = "Placement aide les services pénitentiaires d'insertion et de probation (SPIP) à placer les personnes condamnées "
                        + "à un travail d'intérêt général (TIG) sur les postes offerts par les structures d'accueil : catalogue des postes, "
                        + "recherche adaptée à la personne, affectation par lots expliquée et validée par un humain. Erreurs au format RFC 7807.",
                    Contact = new OpenApiContact { Name = "Équipe Placement", Email = "placement@justice.gouv.fr" },
                };
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes[Bearer] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    Description = "Jeton porteur obtenu par POST /api/auth/login.",
                };
                document.Components.SecuritySchemes[Cookie] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.ApiKey,
                    In = ParameterLocation.Cookie,
                    Name = "placement",
                    Description = "Cookie de session obtenu par POST /api/auth/login?useCookies=true (pages et tableau de bord).",
                };
                // The address the document was served from, without the trailing slash tools reject.
                foreach (var server in document.Servers ?? []) server.Url = server.Url?.TrimEnd('/');
                document.Tags = new HashSet<OpenApiTag>(ApiTags.Descriptions.Select(t => new OpenApiTag { Name = t.Key, Description = t.Value }));
                return Task.CompletedTask;
            });
            options.AddOperationTransformer((operation, context, _) =>
            {
                var metadata = context.Description.ActionDescriptor.EndpointMetadata;
                if (metadata.OfType<IAllowAnonymous>().Any() || !metadata.OfType<IAuthorizeData>().Any())
                {
                    operation.Security = [new OpenApiSecurityRequirement()]; // declared open: no credentials needed
                    return Task.CompletedTask;
                }
                operation.Security =
                [
                    new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Bearer, context.Document)] = [] },
                    new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Cookie, context.Document)] = [] },
                ];
                return Task.CompletedTask;
            });
        });
}
