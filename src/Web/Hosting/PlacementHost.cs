using Placement.Web.Features.Documents;
using Placement.Web.Features.Notifications;
using Placement.Notifications;
using Microsoft.Extensions.Options;
using System.Text.Encodings.Web;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.WebEncoders;
using Placement.Catalogue;
using Placement.Catalogue.Search;
using Placement.Matching;
using Placement.Web.Data;
using Placement.Web.Demo;
using Placement.Web.Features.Applications;
using Placement.Web.Features.Imports;
using Placement.Web.Features.AssignmentRuns;
using Placement.Web.Features.AssignmentSchedules;
using Placement.Web.Features.Calendar;
using Placement.Web.Features.Account;
using Placement.Web.Features.Auth;
using Placement.Web.Features.Geography;
using Placement.Web.Features.HostBodies;
using Placement.Web.Features.Maps;
using Placement.Web.Features.Matching;
using Placement.Web.Features.Persons;
using Placement.Web.Features.Placements;
using Placement.Web.Features.Posts;
using Placement.Web.Features.Search;
using Placement.Web.Features.Shared;
using Placement.Web.Features.Validation;
using Placement.Web.Identity;
using Placement.Web.Features.Users;
using Placement.Web.Features.Activities;
using Placement.Web.Features.Audit;
using Placement.Web.Features.Sessions;
using Placement.Web.Features.Incidents;

namespace Placement.Web.Hosting;

/// <summary>The composition root: one call to add everything, one to map it.</summary>
public static class PlacementHost
{
    public static WebApplicationBuilder AddPlacement(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddValidatedOptions<PlacementOptions>(PlacementOptions.Section);
        services.AddValidatedOptions<Placement.Web.Features.Maps.MapOptions>(Placement.Web.Features.Maps.MapOptions.Section);
        services.AddSingleton(TimeProvider.System);
        // Everything written locally lives in the data folder (nothing is created here: the folder appears once the
        // configuration is known to be valid); the keys that protect cookies and tokens live in the database, so that a
        // cookie signed by one node is accepted by another.
        var dataDirectory = DatabaseExtensions.DataDirectory(builder.Configuration[$"{PlacementOptions.Section}:{nameof(PlacementOptions.DataDirectory)}"], builder.Environment);
        services.AddDataProtection().SetApplicationName("Placement").PersistKeysToDbContext<PlacementDbContext>();

        services.AddCatalogue();
        services.AddMatching();
        services.PostConfigure<SearchOptions>(o => o.IndexDirectory ??= Path.Combine(dataDirectory, "search"));
        services.AddPlacementDatabase(builder.Configuration);
        services.AddPlacementIdentity(builder.Configuration);
        services.AddCallers();
        services.AddPlacementJobs(builder.Configuration);
        services.AddNotifications(builder.Configuration, dataDirectory);
        services.AddScoped<DemoDataLoader>();

        services.AddFrenchProblemDetails();
        // An unreadable request is thrown to the problem handler in every environment, which names the field (by default
        // only Development does, and production would answer a bare 400).
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddExceptionHandler<ProblemDetailsExceptionHandler>();
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
            o.SerializerOptions.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
            ContractEnums.AddConverters(o.SerializerOptions.Converters);
        });
        services.AddPlacementOpenApi();
        services.AddPlacementPages();
        services.AddPlacementRateLimits();
        builder.LimitRequestBodies();
        services.AddSingleton<Placement.Web.Features.Search.Administration.CatalogueReindexing>();
        // French pages: write « é » as é, not as an HTML entity.
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddPlacementHealthChecks();
        return builder;
    }

    public static WebApplication MapPlacement(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        // The API answers problems (RFC 7807); pages answer French error pages. Neither shows a stack trace.
        app.UseWhen(c => c.Request.Path.StartsWithSegments("/api"), api =>
        {
            api.UseExceptionHandler();
            api.UseStatusCodePages();
        });
        app.UseWhen(c => !c.Request.Path.StartsWithSegments("/api"), ui =>
        {
            ui.UseExceptionHandler("/erreur/500");
            ui.UseStatusCodePagesWithReExecute("/erreur/{0}");
        });
        // Behind a TLS-terminating proxy (on loopback by default; others in ForwardedHeadersOptions), the request is HTTPS.
        app.UseForwardedHeaders(new ForwardedHeadersOptions { ForwardedHeaders = Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedFor | Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedProto });
        app.UsePlacementSecurityHeaders();
        if (!app.Environment.IsDevelopment()) app.UseHsts();
        // Routing after the error pages, so that a re-executed request finds the error page's endpoint.
        app.UseRouting();
        app.UseUnsupportedMediaTypeForEveryone();
        app.UseStaticFiles();
        app.UseAuthentication();
        app.UseCurrentAccountsOnly();
        app.UseSameSiteForCookieApiRequests();
        // After authentication: solves and exports are counted per user.
        app.UseRateLimiter();
        app.UseAuthorization();

        app.MapPlacementHealthChecks();
        // A worker-only node answers its health checks and nothing else.
        if (!app.Services.GetRequiredService<IOptions<PlacementOptions>>().Value.Node.IsWeb) return app;
        app.MapOpenApi().AllowAnonymous();
        app.MapRazorPages();

        app.MapAuthEndpoints();
        app.MapAccountEndpoints();
        app.MapGeographyEndpoints();
        app.MapHostBodiesEndpoints();
        app.MapPostsEndpoints();
        app.MapValidationEndpoints();
        app.MapApplicationsEndpoints();
        app.MapUsersEndpoints();
        app.MapActivitiesEndpoints();
        app.MapAuditEndpoints();
        app.MapNotificationEndpoints();
        app.MapSearchEndpoints();
        app.MapPersonsEndpoints();
        app.MapImportsEndpoints();
        app.MapPlacementsEndpoints();
        app.MapSessionsEndpoints();
        app.MapIncidentsEndpoints();
        app.MapDocumentsEndpoints();
        app.MapCalendarEndpoints();
        app.MapAssignmentRunsEndpoints();
        app.MapAssignmentSchedulesEndpoints();
        app.MapMatchingEndpoints();
        app.MapMapEndpoints();
        app.MapPlacementDashboard();
        return app;
    }
}
