using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Placement.Web.Identity;

namespace Placement.Web.Tests;

/// <summary>
/// The access-control matrix: every endpoint and every page, read from the routing table itself (an endpoint
/// without a declared expectation fails), asked by each kind of user about a resource in their scope and one out of
/// it, must answer exactly what is declared below. The table is kept in <c>docs/reliability.md</c>.
/// </summary>
public sealed class AccessControlMatrixTests(AccessControlMatrixTests.World world) : IClassFixture<AccessControlMatrixTests.World>
{
    /// <summary>
    /// The roles asked, least privileged first (a change one makes is then seen by the next as a refused move, 409).
    /// </summary>
    public static readonly (string Name, string? Email)[] Roles =
    [
        ("Anonyme", null), ("Partenaire", PlacementApp.Partner), ("Agent CPIP", PlacementApp.Officer69), ("Administrateur", PlacementApp.Admin), ("Coordinateur", PlacementApp.Coordinator),
    ];

    /// <summary>
    /// Expected answers, in the order of <see cref="Roles"/>: a status, or « in/out » for a resource of the caller's scope and
    /// one out of it. Writes are sent an empty JSON object: « ok » is an answer from the use case itself (2xx, 400 naming a
    /// field, 409 refusing the move), i.e. the caller got through.
    /// </summary>
    public static readonly Dictionary<string, string> Expected = new(StringComparer.Ordinal)
    {
        ["GET /"] = "200 | 200 | 200 | 200 | 200",
        ["GET /administration"] = "→ connexion | 403 (page) | 403 (page) | 200 | 403 (page)",
        ["GET /administration/activites"] = "→ connexion | 403 (page) | 403 (page) | 200 | 403 (page)",
        ["GET /administration/index"] = "→ connexion | 403 (page) | 403 (page) | 200 | 403 (page)",
        ["GET /administration/index?handler=Progress"] = "→ connexion | 403 (page) | 403 (page) | 200 | 403 (page)",
        ["GET /administration/journal"] = "→ connexion | 403 (page) | 403 (page) | 200 | 403 (page)",
        ["GET /administration/structures"] = "→ connexion | 403 (page) | 403 (page) | 200 | 403 (page)",
        ["GET /administration/structures/{id:guid}"] = "→ connexion/→ connexion | 403 (page)/403 (page) | 403 (page)/403 (page) | 200/200 | 403 (page)/403 (page)",
        ["GET /administration/utilisateurs"] = "→ connexion | 403 (page) | 403 (page) | 200 | 403 (page)",
        ["GET /administration/utilisateurs/{id}"] = "→ connexion | 403 (page) | 403 (page) | 200 | 403 (page)",
        ["GET /affectations"] = "→ connexion | 403 (page) | 403 (page) | 403 (page) | 200",
        ["GET /affectations/planifications"] = "→ connexion | 403 (page) | 403 (page) | 403 (page) | 200",
        ["GET /affectations/{id:guid}"] = "→ connexion/→ connexion | 403 (page)/403 (page) | 403 (page)/403 (page) | 403 (page)/403 (page) | 200/404",
        ["GET /affectations/{id:guid}/non-places"] = "→ connexion/→ connexion | 403 (page)/403 (page) | 403 (page)/403 (page) | 403 (page)/403 (page) | 200/404",
        ["GET /affectations/{id:guid}/non-places?handler=Csv"] = "→ connexion/→ connexion | 403 (page)/403 (page) | 403 (page)/403 (page) | 403 (page)/403 (page) | 200/404",
        ["GET /affectations/{id:guid}/non-places?handler=Xlsx"] = "→ connexion/→ connexion | 403 (page)/403 (page) | 403 (page)/403 (page) | 403 (page)/403 (page) | 200/404",
        ["GET /affectations/{id:guid}?handler=Csv"] = "→ connexion/→ connexion | 403 (page)/403 (page) | 403 (page)/403 (page) | 403 (page)/403 (page) | 200/404",
        ["GET /affectations/{id:guid}?handler=Xlsx"] = "→ connexion/→ connexion | 403 (page)/403 (page) | 403 (page)/403 (page) | 403 (page)/403 (page) | 200/404",
        ["GET /api/activities"] = "401 | 200 | 200 | 200 | 200",
        ["GET /api/assignment-runs"] = "401 | 403 | 403 | 403 | 200",
        ["GET /api/assignment-runs/{id:guid}"] = "401/401 | 403/403 | 403/403 | 403/403 | 200/404",
        ["GET /api/assignment-runs/{id:guid}/proposals"] = "401/401 | 403/403 | 403/403 | 403/403 | 200/404",
        ["GET /api/assignment-runs/{id:guid}/unplaced"] = "401/401 | 403/403 | 403/403 | 403/403 | 200/404",
        ["GET /api/assignment-runs/{id:guid}/unplaced-report"] = "401/401 | 403/403 | 403/403 | 403/403 | 200/404",
        ["GET /api/assignment-schedules"] = "401 | 403 | 403 | 403 | 200",
        ["GET /api/audit"] = "401 | 403 | 403 | 200 | 403",
        ["GET /api/auth/me"] = "401 | 200 | 200 | 200 | 200",
        ["GET /api/communes"] = "401 | 400 | 400 | 400 | 400",
        ["GET /api/geocode"] = "401 | 400 | 400 | 400 | 400",
        ["GET /api/host-bodies"] = "401 | 200 | 200 | 200 | 200",
        ["GET /api/host-bodies/{id:guid}"] = "401/401 | 200/403 | 200/200 | 200/200 | 200/200",
        ["GET /api/notifications"] = "401 | 200 | 200 | 200 | 200",
        ["GET /api/imports"] = "401 | 200 | 200 | 200 | 200",
        ["POST /api/imports/host-bodies"] = "401 | 403 | 403 | ok | ok",
        ["POST /api/imports/persons"] = "401 | 403 | ok | 403 | ok",
        ["POST /api/imports/posts"] = "401 | ok | 403 | ok | ok",
        ["GET /administration/envois"] = "→ connexion | 403 (page) | 403 (page) | 200 | 403 (page)",
        ["GET /api/deliveries"] = "401 | 403 | 403 | 200 | 403",
        ["GET /api/notifications/preferences"] = "401 | 200 | 200 | 200 | 200",
        ["GET /api/persons/{id:guid}/referent-candidates"] = "401/401 | 403/403 | 200/404 | 403/403 | 200/404",
        ["GET /incidents"] = "→ connexion | 403 (page) | 200 | 403 (page) | 200",
        ["GET /notifications/preferences"] = "→ connexion | 200 | 200 | 200 | 200",
        ["PUT /api/notifications/preferences"] = "401 | ok | ok | ok | ok",
        ["PUT /api/persons/{id:guid}/referent"] = "401/401 | 403/403 | ok/404 | 403/403 | ok/404",
        ["GET /api/persons"] = "401 | 403 | 200 | 403 | 200",
        ["GET /api/persons/at-risk"] = "401 | 403 | 200 | 403 | 200",
        ["GET /api/persons/caseload"] = "401 | 403 | 200 | 403 | 200",
        ["GET /api/persons/{id:guid}"] = "401/401 | 403/403 | 200/404 | 403/403 | 200/404",
        ["GET /api/persons/{id:guid}/file"] = "401/401 | 403/403 | 200/404 | 403/403 | 200/404",
        ["GET /api/persons/{id:guid}/suitable-posts"] = "401/401 | 403/403 | 200/404 | 403/403 | 200/404",
        ["GET /api/placements"] = "401 | 200 | 200 | 403 | 200",
        ["GET /api/placements/{id:guid}"] = "401/401 | 200/404 | 200/404 | 403/403 | 200/404",
        ["GET /api/placements/{id:guid}/documents"] = "401/401 | 200/404 | 200/404 | 403/403 | 200/404",
        ["GET /api/placements/{id:guid}/documents/{document}"] = "401/401 | 200/404 | 200/404 | 403/403 | 200/404",
        ["POST /api/placements/{id:guid}/documents/{document}"] = "401/401 | 403/403 | ok/404 | 403/403 | ok/404",
        ["POST /api/placements/{id:guid}/attestation"] = "401/401 | ok/ok | 403/403 | 403/403 | 403/403",
        ["GET /api/persons/{id:guid}/documents"] = "401/401 | 403/403 | 200/404 | 403/403 | 200/404",
        ["POST /api/persons/{id:guid}/documents"] = "401/401 | 403/403 | ok/ok | 403/403 | ok/ok",
        ["GET /api/documents/{id:guid}"] = "401/401 | 200/404 | 200/404 | 403/403 | 200/404",
        ["GET /documents/{id:guid}"] = "→ connexion/→ connexion | 200/404 | 200/404 | 403 (page)/403 (page) | 200/404",
        ["GET /placements/{id:guid}/documents/{document}"] = "→ connexion/→ connexion | 200/404 | 200/404 | 403 (page)/403 (page) | 200/404",
        ["GET /api/spips/{departement}/letterhead"] = "401 | 403 | 403 | 200 | 403",
        ["PUT /api/spips/{departement}/letterhead"] = "401 | 403 | 403 | ok | 403",
        ["GET /administration/en-tetes"] = "→ connexion | 403 (page) | 403 (page) | 200 | 403 (page)",
        ["GET /api/posts"] = "401 | 200 | 200 | 200 | 200",
        ["GET /api/posts/search"] = "401 | 403 | 200 | 200 | 200",
        ["GET /api/posts/{id:guid}"] = "401/401 | 200/403 | 200/200 | 200/200 | 200/200",
        ["GET /api/users"] = "401 | 403 | 403 | 200 | 403",
        ["GET /api/users/{id}"] = "401 | 403 | 403 | 200 | 403",
        ["GET /api/validation-queue"] = "401 | 403 | 403 | 200 | 200",
        ["GET /carte/departements"] = "→ connexion | 200 | 200 | 200 | 200",
        ["GET /carte/reglages"] = "→ connexion | 200 | 200 | 200 | 200",
        ["GET /catalogue"] = "→ connexion | 403 (page) | 200 | 200 | 200",
        ["GET /catalogue/postes/{id:guid}"] = "→ connexion/→ connexion | 403 (page)/403 (page) | 200/200 | 200/200 | 200/200",
        ["GET /compte/mot-de-passe"] = "→ connexion | 200 | 200 | 200 | 200",
        ["GET /connexion"] = "200 | 200 | 200 | 200 | 200",
        ["GET /connexion/tuteur"] = "200 | 200 | 200 | 200 | 200",
        ["GET /connexion/lien"] = "200 | 200 | 200 | 200 | 200",
        ["GET /api/tutors/me/calendar.ics"] = "404 | 404 | 404 | 404 | 404",
        ["GET /structure/agenda"] = "→ connexion | 200 | 403 (page) | 403 (page) | 403 (page)",
        ["GET /deconnexion"] = "302 / | 302 / | 302 / | 302 / | 302 /",
        ["GET /deconnexion?handler=Done"] = "200 | 200 | 200 | 200 | 200",
        ["GET /devenir-structure-d-accueil"] = "200 | 200 | 200 | 200 | 200",
        ["GET /erreur/{code:int}"] = "404 | 404 | 404 | 404 | 404",
        ["GET /hangfire/{**path}"] = "→ connexion | 403 | 403 | 200 | 403",
        ["GET /health/live"] = "200 | 200 | 200 | 200 | 200",
        ["GET /health/ready"] = "200 | 200 | 200 | 200 | 200",
        ["GET /openapi/{documentName}.json"] = "200 | 200 | 200 | 200 | 200",
        ["GET /notifications"] = "→ connexion | 200 | 200 | 200 | 200",
        ["GET /importer"] = "→ connexion | 302 /importer/postes | 302 /importer/personnes | 200 | 200",
        ["GET /importer/personnes"] = "→ connexion | 403 (page) | 200 | 403 (page) | 200",
        ["GET /importer/personnes?handler=Modele"] = "→ connexion | 403 (page) | 200 | 403 (page) | 200",
        ["GET /importer/postes"] = "→ connexion | 200 | 403 (page) | 200 | 200",
        ["GET /importer/postes?handler=Modele"] = "→ connexion | 200 | 403 (page) | 200 | 200",
        ["GET /importer/structures"] = "→ connexion | 403 (page) | 403 (page) | 200 | 200",
        ["GET /importer/structures?handler=Modele"] = "→ connexion | 403 (page) | 403 (page) | 200 | 200",
        ["GET /importer?handler=Modele"] = "→ connexion | 404 | 404 | 404 | 404",
        ["GET /personnes"] = "→ connexion | 403 (page) | 200 | 403 (page) | 200",
        ["GET /personnes/a-risque"] = "→ connexion | 403 (page) | 200 | 403 (page) | 200",
        ["GET /personnes/a-risque?handler=Csv"] = "→ connexion | 403 (page) | 200 | 403 (page) | 200",
        ["GET /personnes/a-risque?handler=Xlsx"] = "→ connexion | 403 (page) | 200 | 403 (page) | 200",
        ["GET /personnes/{id:guid}"] = "→ connexion/→ connexion | 403 (page)/403 (page) | 200/404 | 403 (page)/403 (page) | 200/404",
        ["GET /personnes/{id:guid}/modifier"] = "→ connexion/→ connexion | 403 (page)/403 (page) | 200/404 | 403 (page)/403 (page) | 200/404",
        ["GET /personnes/{id:guid}/co-auteur"] = "→ connexion/→ connexion | 403 (page)/403 (page) | 200/404 | 403 (page)/403 (page) | 200/404",
        ["GET /personnes/{id:guid}/postes"] = "→ connexion/→ connexion | 403 (page)/403 (page) | 200/404 | 403 (page)/403 (page) | 200/404",
        ["GET /structure"] = "→ connexion | 200 | 403 (page) | 403 (page) | 403 (page)",
        ["GET /structure/aujourdhui"] = "→ connexion | 200 | 403 (page) | 403 (page) | 403 (page)",
        ["GET /structure/placements"] = "→ connexion | 200 | 403 (page) | 403 (page) | 403 (page)",
        ["GET /structure/placements/{id:guid}/decliner"] = "→ connexion/→ connexion | 200/404 | 403 (page)/403 (page) | 403 (page)/403 (page) | 403 (page)/403 (page)",
        ["GET /structure/placements/{id:guid}/seances"] = "→ connexion/→ connexion | 200/404 | 403 (page)/403 (page) | 403 (page)/403 (page) | 403 (page)/403 (page)",
        ["GET /structure/postes"] = "→ connexion | 200 | 403 (page) | 403 (page) | 403 (page)",
        ["GET /structure/postes/nouveau"] = "→ connexion | 200 | 403 (page) | 403 (page) | 403 (page)",
        ["GET /structure/postes/{id:guid}"] = "→ connexion/→ connexion | 200/403 (page) | 403 (page)/403 (page) | 403 (page)/403 (page) | 403 (page)/403 (page)",
        ["GET /validation"] = "→ connexion | 403 (page) | 403 (page) | 200 | 200",
        ["POST /api/activities"] = "401 | 403 | 403 | ok | 403",
        ["POST /api/assignment-runs"] = "401 | 403 | 403 | 403 | ok",
        ["POST /api/assignment-runs/{id:guid}/accept"] = "401/401 | 403/403 | 403/403 | 403/403 | ok/404",
        ["POST /api/assignment-runs/{id:guid}/cancel"] = "401/401 | 403/403 | 403/403 | 403/403 | ok/404",
        ["POST /api/assignment-runs/{id:guid}/proposals/{proposalId:guid}/accept"] = "401/401 | 403/403 | 403/403 | 403/403 | ok/404",
        ["POST /api/assignment-runs/{id:guid}/proposals/{proposalId:guid}/reject"] = "401/401 | 403/403 | 403/403 | 403/403 | ok/404",
        ["POST /api/assignment-schedules"] = "401 | 403 | 403 | 403 | ok",
        ["POST /api/auth/login"] = "ok | ok | ok | ok | ok",
        ["POST /api/host-bodies"] = "401 | 403 | 403 | ok | ok",
        ["POST /api/account/password"] = "401 | ok | ok | ok | ok",
        ["POST /api/host-bodies/{id:guid}/address-change/accept"] = "401/401 | 403/403 | 403/403 | ok/ok | ok/403",
        ["POST /api/host-bodies/{id:guid}/address-change/refuse"] = "401/401 | 403/403 | 403/403 | ok/ok | ok/403",
        ["POST /api/host-body-applications"] = "ok | ok | ok | ok | ok",
        ["POST /api/host-body-applications/{id:guid}/accept"] = "401/401 | 403/403 | 403/403 | ok/ok | ok/404",
        ["POST /api/host-body-applications/{id:guid}/refuse"] = "401/401 | 403/403 | 403/403 | ok/ok | ok/404",
        ["POST /api/matching/solve"] = "401 | 403 | 403 | 403 | ok",
        ["POST /api/notifications/read-all"] = "401 | ok | ok | ok | ok",
        ["POST /api/notifications/{id:guid}/read"] = "401 | 404 | 404 | 404 | 404",
        ["POST /api/persons"] = "401 | 403 | ok | 403 | ok",
        ["POST /api/persons/{id:guid}/co-defendants"] = "401/401 | 403/403 | ok/404 | 403/403 | ok/404",
        ["POST /api/persons/{id:guid}/medical-fitness"] = "401/401 | 403/403 | ok/404 | 403/403 | ok/404",
        ["POST /api/placements"] = "401 | 403 | ok | 403 | ok",
        ["POST /api/placements/{id:guid}/cancel"] = "401/401 | 403/403 | ok/404 | 403/403 | ok/404",
        ["POST /api/placements/{id:guid}/confirm"] = "401/401 | ok/404 | ok/404 | 403/403 | ok/404",
        ["POST /api/placements/{id:guid}/decline"] = "401/401 | ok/404 | ok/404 | 403/403 | ok/404",
        ["GET /api/incidents"] = "401 | 200 | 200 | 403 | 200",
        ["GET /api/persons/{id:guid}/measure-actions"] = "401/401 | 403/403 | 200/404 | 403/403 | 200/404",
        ["GET /api/placements/{id:guid}/sessions"] = "401/401 | 200/404 | 200/404 | 403/403 | 200/404",
        ["GET /api/sessions"] = "401 | 200 | 200 | 403 | 200",
        ["POST /api/incidents/{id:guid}/decision"] = "401/401 | 403/403 | ok/ok | 403/403 | ok/ok",
        ["POST /api/persons/{id:guid}/measure-actions"] = "401/401 | 403/403 | ok/ok | 403/403 | ok/ok",
        ["POST /api/placements/{id:guid}/incidents"] = "401/401 | ok/ok | ok/ok | 403/403 | ok/ok",
        ["POST /api/placements/{id:guid}/sessions"] = "401/401 | ok/404 | ok/404 | 403/403 | ok/404",
        ["POST /api/sessions/{id:guid}/attendance"] = "401/401 | ok/ok | ok/ok | 403/403 | ok/ok",
        ["PUT /api/sessions/{id:guid}"] = "401/401 | ok/404 | ok/404 | 403/403 | ok/404",
        ["POST /api/placements/{id:guid}/hours"] = "401/401 | 403/403 | ok/404 | 403/403 | ok/404",
        ["POST /api/posts"] = "401 | ok | 403 | ok | ok",
        ["POST /api/posts/{id:guid}/close"] = "401/401 | ok/403 | 403/403 | ok/ok | ok/403",
        ["POST /api/posts/{id:guid}/publish"] = "401/401 | 403/403 | 403/403 | ok/ok | ok/403",
        ["POST /api/posts/{id:guid}/refuse"] = "401/401 | 403/403 | 403/403 | ok/ok | ok/403",
        ["POST /api/posts/{id:guid}/reopen"] = "401/401 | ok/403 | 403/403 | ok/ok | ok/403",
        ["POST /api/posts/{id:guid}/submit"] = "401/401 | ok/403 | 403/403 | ok/ok | ok/403",
        ["POST /api/posts/{id:guid}/suspend"] = "401/401 | ok/403 | 403/403 | ok/ok | ok/403",
        ["POST /api/search/reindex"] = "401 | 403 | 403 | ok | 403",
        ["POST /api/users"] = "401 | 403 | 403 | ok | 403",
        ["POST /api/users/{id}/lock"] = "401 | 403 | 403 | ok | 403",
        ["POST /api/users/{id}/reset-password"] = "401 | 403 | 403 | ok | 403",
        ["POST /api/users/{id}/unlock"] = "401 | 403 | 403 | ok | 403",
        ["PUT /api/activities/{code}"] = "401 | 403 | 403 | ok | 403",
        ["PUT /api/host-bodies/{id:guid}"] = "401/401 | ok/403 | 403/403 | ok/ok | ok/403",
        ["PUT /api/persons/{id:guid}"] = "401/401 | 403/403 | ok/404 | 403/403 | ok/404",
        ["PUT /api/posts/{id:guid}"] = "401/401 | ok/403 | 403/403 | ok/ok | ok/403",
        ["PUT /api/users/{id}"] = "401 | 403 | 403 | ok | 403",
        ["DELETE /api/activities/{code}"] = "401 | 403 | 403 | ok | 403",
        ["DELETE /api/assignment-schedules/{id:guid}"] = "401/401 | 403/403 | 403/403 | 403/403 | ok/404",
    };

    /// <summary>Everything the matrix needs: the demo service, and resources out of every demo user's scope (Paris).</summary>
    public sealed class World : IAsyncLifetime
    {
        public PlacementApp App { get; } = new();

        public Dictionary<string, (string In, string? Out)> Resources { get; } = [];

        /// <summary>Last name and birth date (ISO and French) of the persons placed with the demo partner.</summary>
        public List<(string LastName, string BirthDate)> PartnersPersons { get; } = [];

        public async Task InitializeAsync()
        {
            var coordinator = await App.ClientFor(PlacementApp.Coordinator);
            var officer = await App.ClientFor(PlacementApp.Officer69);
            var partner = await App.ClientFor(PlacementApp.Partner);
            var admin = await App.ClientFor(PlacementApp.Admin);
            var anonymous = await App.ClientFor(null);

            // In scope: the demo partner's host body, one of its published posts, one of its placements and that person (Rhône).
            var hostBody = await Scenarios.PartnerHostBody(App);
            var post = Items(await (await partner.GetAsync("/api/posts?pageSize=100")).Json())
                .First(p => p.GetProperty("status").GetString() == "published").GetProperty("id").GetString()!;
            var placement = Items(await (await partner.GetAsync("/api/placements")).Json())
                .Select(p => p.GetProperty("id").GetString()!).First();
            var person = (await (await officer.GetAsync($"/api/placements/{placement}")).Json()).GetProperty("personId").GetString()!;
            foreach (var theirs in Items(await (await partner.GetAsync("/api/placements")).Json()))
            {
                var personId = (await (await coordinator.GetAsync($"/api/placements/{theirs.GetProperty("id").GetString()}")).Json()).GetProperty("personId").GetString();
                var file = await (await coordinator.GetAsync($"/api/persons/{personId}")).Json();
                var born = DateOnly.Parse(file.GetProperty("birthDate").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
                PartnersPersons.Add((file.GetProperty("lastName").GetString()!, born.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
                PartnersPersons.Add((file.GetProperty("lastName").GetString()!, born.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture)));
            }

            // Out of scope: a territory of its own (Paris) with its coordinator and officer, host body, post, person, placement, run, schedule.
            await App.Account("coordinateur75@test.placement", Placement.Web.Identity.Roles.Coordinator, "75");
            await App.Account("cpip75@test.placement", Placement.Web.Identity.Roles.Officer, "75");
            var coordinator75 = await App.ClientFor("coordinateur75@test.placement");
            var officer75 = await App.ClientFor("cpip75@test.placement");
            var created = await coordinator75.PostAsJsonAsync("/api/host-bodies", new
            {
                name = "Régie de quartier Fontaine-au-Roi", legalType = "association", siret = "55217863900001",
                habilitation = new { status = "habilitated", validFrom = "2026-01-01", validUntil = "2030-12-31" },
                address = new { street = "12 place Léon Blum", communeInsee = "75056" },
                contact = new { name = "Service civique", email = "tig@mairie11.paris.fr" },
            });
            Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
            var hostBody75 = await created.Json();
            var post75Body = CatalogueApiTests.Post(hostBody75.GetProperty("id").GetString()!);
            post75Body["schedule"] = new[] { new { day = "sat", start = "08:00", end = "18:00" } };
            post75Body["maxWeeklyHoursPerPerson"] = 20;
            post75Body["address"] = JsonSerializer.Deserialize<object>(hostBody75.GetProperty("address").GetRawText());
            var post75 = (await (await coordinator75.PostAsJsonAsync("/api/posts", post75Body)).Json()).GetProperty("id").GetString()!;
            await coordinator75.PostAsync($"/api/posts/{post75}/submit", null);
            Assert.Equal(HttpStatusCode.OK, (await coordinator75.PostAsync($"/api/posts/{post75}/publish", null)).StatusCode);
            var person75Body = PersonsApiTests.Person("75", "75056");
            person75Body["home"] = JsonSerializer.Deserialize<object>(hostBody75.GetProperty("address").GetRawText());
            person75Body["restrictions"] = null;
            person75Body["suspensions"] = null;
            var person75 = (await (await officer75.PostAsJsonAsync("/api/persons", person75Body)).Json()).GetProperty("id").GetString()!;
            var placed = await officer75.PostAsJsonAsync("/api/placements", new { personId = person75, postId = post75 });
            Assert.True(placed.StatusCode == HttpStatusCode.Created, await placed.Content.ReadAsStringAsync());
            var placement75 = (await placed.Json()).GetProperty("id").GetString()!;

            var run = await Run(coordinator, "01");
            var run75 = await Run(coordinator75, "75");
            var proposal = (await (await coordinator.GetAsync($"/api/assignment-runs/{run}/proposals")).Json()).EnumerateArray()
                .Select(p => p.GetProperty("id").GetString()!).FirstOrDefault() ?? Guid.NewGuid().ToString();
            var schedule = await Schedule(coordinator, "01");
            var schedule75 = await Schedule(coordinator75, "75");
            var application = await Application(anonymous, "44306184100005", "69123", "candidat69@ressourcerie.fr");
            var application75 = await Application(anonymous, "55217863900019", "75056", "candidat75@ressourcerie.fr");

            await App.Account("jetable@test.placement", Placement.Web.Identity.Roles.Officer, "69");
            using var scope = App.Services.CreateScope();
            var user = (await scope.ServiceProvider.GetRequiredService<UserManager<PlacementUser>>().FindByEmailAsync("jetable@test.placement"))!.Id;

            // A session and an incident on each placement, written as the use cases would have (their own tests cover how).
            var store = scope.ServiceProvider.GetRequiredService<Placement.Matching.Persistence.IMatchingStore>();
            var now = App.Services.GetRequiredService<TimeProvider>().GetUtcNow();
            var (session, session75, incident, incident75) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
            store.Sessions.Add(new Placement.Matching.Domain.WorkSession(session, Guid.Parse(placement), new DateOnly(2026, 12, 5), new TimeOnly(9, 0), new TimeOnly(12, 0), "test", now));
            store.Sessions.Add(new Placement.Matching.Domain.WorkSession(session75, Guid.Parse(placement75), new DateOnly(2026, 12, 5), new TimeOnly(9, 0), new TimeOnly(12, 0), "test", now));
            store.Incidents.Add(new Placement.Matching.Domain.Incident(incident, Guid.Parse(placement), Guid.Parse(person), Placement.Matching.Domain.IncidentKind.Lateness,
                "Retard d'une heure.", false, null, PlacementApp.Partner, false, now));
            store.Incidents.Add(new Placement.Matching.Domain.Incident(incident75, Guid.Parse(placement75), Guid.Parse(person75), Placement.Matching.Domain.IncidentKind.Lateness,
                "Retard d'une heure.", false, null, "tuteur75@test", false, now));
            await store.SaveChangesAsync();
            // A document of each placement, issued as the use cases do (DocumentsApiTests cover how).
            var archive = scope.ServiceProvider.GetRequiredService<Placement.Matching.Features.Documents.DocumentArchive>();
            var system = Caller.Operator("matrice");
            var document = await archive.IssueAsync(Placement.Matching.Domain.DocumentKind.FicheLiaison,
                new(Guid.Parse(person), Guid.Parse(placement)), "69", system, default);
            var document75 = await archive.IssueAsync(Placement.Matching.Domain.DocumentKind.FicheLiaison,
                new(Guid.Parse(person75), Guid.Parse(placement75)), "75", system, default);
            Resources["stored-document"] = (document.Id.ToString(), document75.Id.ToString());
            Resources["document"] = ("fiche-liaison", null);
            Resources["departement"] = ("69", null);
            Resources["session"] = (session.ToString(), session75.ToString());
            Resources["incident"] = (incident.ToString(), incident75.ToString());

            Resources["host-body"] = (hostBody, hostBody75.GetProperty("id").GetString());
            Resources["post"] = (post, post75);
            Resources["person"] = (person, person75);
            Resources["placement"] = (placement, placement75);
            Resources["run"] = (run, run75);
            Resources["proposalId"] = (proposal, Guid.NewGuid().ToString());
            Resources["schedule"] = (schedule, schedule75);
            Resources["application"] = (application, application75);
            Resources["user"] = (user, null);
            Resources["activity"] = ("espaces-verts", null);
            Resources["code"] = ("404", null);
            Resources["documentName"] = ("v1", null);
            Resources["path"] = ("", null);
            // Nobody's notification: each user reaches only their own (NotificationTests), anyone else's is not found.
            Resources["notification"] = (Guid.NewGuid().ToString(), null);
        }

        private static JsonElement.ArrayEnumerator Items(JsonElement list) =>
            (list.ValueKind == JsonValueKind.Array ? list : list.GetProperty("items")).EnumerateArray();

        private static async Task<string> Run(HttpClient coordinator, string departement)
        {
            var started = await coordinator.PostAsJsonAsync("/api/assignment-runs", new { departements = new[] { departement }, timeLimitSeconds = 5 });
            Assert.True(started.StatusCode == HttpStatusCode.Accepted, await started.Content.ReadAsStringAsync());
            var id = (await started.Json()).GetProperty("id").GetString()!;
            var deadline = DateTime.UtcNow.AddSeconds(120);
            while ((await (await coordinator.GetAsync($"/api/assignment-runs/{id}")).Json()).GetProperty("state").GetString() is "queued" or "running")
            {
                Assert.True(DateTime.UtcNow < deadline, "the run never finished");
                await Task.Delay(250);
            }
            return id;
        }

        private static async Task<string> Schedule(HttpClient coordinator, string departement)
        {
            var created = await coordinator.PostAsJsonAsync("/api/assignment-schedules", new { departements = new[] { departement }, cron = "0 7 * * 1", timeLimitSeconds = 30 });
            Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
            return (await created.Json()).GetProperty("id").GetString()!;
        }

        private static async Task<string> Application(HttpClient anonymous, string siret, string commune, string email)
        {
            var created = await anonymous.PostAsJsonAsync("/api/host-body-applications", new
            {
                name = "Ressourcerie " + commune, legalType = "association", siret,
                address = new { street = "3 rue des Tanneurs", communeInsee = commune },
                contact = new { name = "Inès Garnier", email },
                applicant = new { name = "Inès Garnier", email, password = "Ressourcerie-2026-solide" },
            });
            Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
            return (await created.Json()).GetProperty("id").GetString()!;
        }

        public Task DisposeAsync()
        {
            App.Dispose();
            return Task.CompletedTask;
        }
    }

    /// <summary>What a route parameter stands for: the segment before it names the resource.</summary>
    private static string ResourceOf(string pattern, string parameter)
    {
        if (parameter is "proposalId" or "code" or "documentName" or "path" or "document" or "departement") return parameter == "code" && pattern.StartsWith("/api/activities", StringComparison.Ordinal) ? "activity" : parameter;
        var route = pattern.TrimStart('/');
        return route switch
        {
            _ when route.StartsWith("api/host-body-applications", StringComparison.Ordinal) => "application",
            _ when route.StartsWith("api/host-bodies", StringComparison.Ordinal) || route.StartsWith("administration/structures", StringComparison.Ordinal) => "host-body",
            _ when route.StartsWith("api/posts", StringComparison.Ordinal) || route.StartsWith("catalogue/postes", StringComparison.Ordinal) || route.StartsWith("structure/postes", StringComparison.Ordinal) => "post",
            _ when route.StartsWith("api/persons", StringComparison.Ordinal) || route.StartsWith("personnes", StringComparison.Ordinal) => "person",
            _ when route.StartsWith("api/placements", StringComparison.Ordinal) || route.StartsWith("structure/placements", StringComparison.Ordinal)
                || route.StartsWith("placements/", StringComparison.Ordinal) => "placement",
            _ when route.StartsWith("api/documents", StringComparison.Ordinal) || route.StartsWith("documents/", StringComparison.Ordinal) => "stored-document",
            _ when route.StartsWith("api/users", StringComparison.Ordinal) || route.StartsWith("administration/utilisateurs", StringComparison.Ordinal) => "user",
            _ when route.StartsWith("api/assignment-runs", StringComparison.Ordinal) || route.StartsWith("affectations", StringComparison.Ordinal) => "run",
            _ when route.StartsWith("api/assignment-schedules", StringComparison.Ordinal) => "schedule",
            _ when route.StartsWith("api/notifications", StringComparison.Ordinal) => "notification",
            _ when route.StartsWith("api/sessions", StringComparison.Ordinal) => "session",
            _ when route.StartsWith("api/incidents", StringComparison.Ordinal) || route.StartsWith("incidents", StringComparison.Ordinal) => "incident",
            _ => throw new InvalidOperationException($"{pattern} : paramètre {parameter} sans ressource connue"),
        };
    }

    /// <summary>One row of the matrix: a route, the GET handler asked (the exports), the import kind chosen.</summary>
    private sealed record Route(string Key, string Method, RouteEndpoint Endpoint, string? Handler, string? Kind);

    /// <summary>
    /// Every route of the service, as « METHOD /pattern » (pages are GET), and every named GET handler of a page
    /// (« GET /affectations/{id:guid}?handler=Csv »: the exports). A route with an import kind is one row per kind, and one
    /// without it: who may import persons is not who may import posts.
    /// </summary>
    private static async Task<List<Route>> Routes(IServiceProvider services)
    {
        var routes = new List<Route>();
        var loader = services.GetRequiredService<Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure.PageLoader>();
        foreach (var endpoint in services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var pattern = "/" + endpoint.RoutePattern.RawText!.TrimStart('/').TrimEnd('/');
            string?[] kinds = endpoint.RoutePattern.GetParameter("kind") is { } kind
                ? [.. (kind.IsOptional ? new string?[] { null } : []).Concat(Placement.Web.Features.Imports.IndexModel.Kinds.Select(k => k.Slug))]
                : [null];
            foreach (var chosen in kinds)
            {
                var key = kinds is [null] ? pattern : System.Text.RegularExpressions.Regex.Replace(pattern, @"/\{kind\??\}", chosen is null ? "" : "/" + chosen);
                foreach (var method in endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                    routes.Add(new($"{method} {key}", method, endpoint, null, chosen));
                if (endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Mvc.RazorPages.PageActionDescriptor>() is { } page)
                {
                    var compiled = page as Microsoft.AspNetCore.Mvc.RazorPages.CompiledPageActionDescriptor ?? await loader.LoadAsync(page, Microsoft.AspNetCore.Http.EndpointMetadataCollection.Empty);
                    foreach (var handler in compiled.HandlerMethods.Where(h => string.Equals(h.HttpMethod, "GET", StringComparison.OrdinalIgnoreCase) && h.Name is { Length: > 0 }))
                        routes.Add(new($"GET {key}?handler={handler.Name}", "GET", endpoint, handler.Name, chosen));
                }
            }
        }
        return [.. routes.DistinctBy(r => r.Key).OrderBy(r => r.Method == "DELETE").ThenBy(r => r.Method != "GET").ThenBy(r => r.Key, StringComparer.Ordinal)];
    }

    private async Task<string> Ask(HttpClient client, Route route, bool inScope) => (await Send(client, route, inScope)).Cell;

    /// <summary>The answer to one request: its cell in the matrix, and its body when it is a 200.</summary>
    private async Task<(string Cell, string? Body)> Send(HttpClient client, Route route, bool inScope)
    {
        var (method, endpoint, handler) = (route.Method, route.Endpoint, route.Handler);
        var path = "/" + string.Join("/", endpoint.RoutePattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            Microsoft.AspNetCore.Routing.Patterns.RoutePatternLiteralPart l => l.Content,
            Microsoft.AspNetCore.Routing.Patterns.RoutePatternSeparatorPart s => s.Content,
            Microsoft.AspNetCore.Routing.Patterns.RoutePatternParameterPart { Name: "kind" } => route.Kind ?? "",
            Microsoft.AspNetCore.Routing.Patterns.RoutePatternParameterPart p => Uri.EscapeDataString(Value(endpoint.RoutePattern.RawText!, p.Name, inScope)),
            _ => "",
        })))).TrimEnd('/');
        using var request = new HttpRequestMessage(new HttpMethod(method), handler is null ? path : $"{path}?handler={handler}");
        if (method is "POST" or "PUT") request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        using var response = await client.SendAsync(request);
        var status = (int)response.StatusCode;
        if (status != 302) return (Cell(method, status), status == 200 ? await response.Content.ReadAsStringAsync() : null);
        var to = response.Headers.Location is { } location ? location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString : "";
        return (to.StartsWith("/connexion", StringComparison.Ordinal) ? "→ connexion" : to.StartsWith("/erreur/403", StringComparison.Ordinal) ? "403 (page)" : "302 " + to, null);
    }

    private string Value(string pattern, string parameter, bool inScope)
    {
        var (inside, outside) = world.Resources[ResourceOf(pattern, parameter)];
        return inScope ? inside : outside ?? inside;
    }

    private static bool Scoped(RouteEndpoint endpoint) =>
        endpoint.RoutePattern.Parameters.Any(p => p.Name is not ("code" or "documentName" or "path" or "kind") || endpoint.RoutePattern.RawText!.StartsWith("/api/activities", StringComparison.Ordinal));

    /// <summary>The matrix as observed: one row per route, one cell per role.</summary>
    private async Task<List<(string Key, string[] Cells)>> Observe()
    {
        var clients = new List<HttpClient>();
        foreach (var (_, email) in Roles)
        {
            var client = world.App.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
            if (email is not null) client.DefaultRequestHeaders.Authorization = (await world.App.ClientFor(email)).DefaultRequestHeaders.Authorization;
            clients.Add(client);
        }
        var rows = new List<(string, string[])>();
        foreach (var route in await Routes(world.App.Services))
        {
            var endpoint = route.Endpoint;
            var cells = new string[Roles.Length];
            for (var i = 0; i < Roles.Length; i++)
            {
                var inside = await Ask(clients[i], route, inScope: true);
                cells[i] = Scoped(endpoint) && world.Resources[ResourceOf(endpoint.RoutePattern.RawText!, endpoint.RoutePattern.Parameters[0].Name)].Out is not null
                    ? $"{inside}/{await Ask(clients[i], route, inScope: false)}"
                    : inside;
            }
            rows.Add((route.Key, cells));
        }
        return rows;
    }

    private static string Cell(string method, int status) =>
        method is "GET" || status is 401 or 403 or 404 or 302 or 405 or 500 or 503 ? status.ToString(System.Globalization.CultureInfo.InvariantCulture)
        : status is >= 200 and < 300 or 400 or 409 ? "ok" : status.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>JSON fields that carry the judicial side of a person's file.</summary>
    private static readonly string[] JudicialFields =
    [
        "restrictions", "exclusionZones", "noContactWithMinors", "noContactWithVulnerablePublic", "noContactWithPersonIds", "excludedHostBodyIds",
        "sentenceDate", "deadline", "effectiveDeadline", "suspensions", "hoursOrdered", "birthDate", "lastName", "home", "maxTravelKm",
        "medicalMarker", "medicalExaminationRequired", "medicalFitness", "weeklyWorkHours",
    ];

    /// <summary>The same, as a page would word it.</summary>
    private static readonly string[] JudicialWords = ["zone d'exclusion", "Zone d'exclusion", "Interdiction", "interdiction de contact", "condamnation", "Date de naissance", "Échéance de la mesure", "handicap", "grossesse"];

    /// <summary>Every GET a partner may reach (the API's own description aside: it names fields, it holds no data).</summary>
    [Fact]
    public async Task Partners_NeverReceiveJudicialData_OnAnyRouteTheyReach()
    {
        var partner = world.App.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        partner.DefaultRequestHeaders.Authorization = (await world.App.ClientFor(PlacementApp.Partner)).DefaultRequestHeaders.Authorization;
        Assert.NotEmpty(world.PartnersPersons);
        var reached = 0;
        foreach (var route in (await Routes(world.App.Services)).Where(r => r.Method == "GET" && !r.Key.StartsWith("GET /openapi", StringComparison.Ordinal)))
            foreach (var inScope in new[] { true, false })
            {
                var key = route.Key;
                var (_, body) = await Send(partner, route, inScope);
                if (body is null) continue;
                reached++;
                foreach (var field in JudicialFields)
                    Assert.False(System.Text.RegularExpressions.Regex.IsMatch(body, $"\"{field}\":\\s*(?!null)"), $"{key}: « {field} » sent to a partner");
                foreach (var word in JudicialWords) Assert.False(body.Contains(word, StringComparison.Ordinal), $"{key}: « {word} » shown to a partner");
                // The geography of France is the same for everyone and names no person, but its names may contain a last name
                // (« Denis » in « Seine-Saint-Denis »): last names are looked for elsewhere.
                var geography = key.StartsWith("GET /carte/", StringComparison.Ordinal) || key.StartsWith("GET /api/communes", StringComparison.Ordinal);
                foreach (var (lastName, birthDate) in world.PartnersPersons)
                {
                    Assert.False(!geography && body.Contains(lastName, StringComparison.OrdinalIgnoreCase), $"{key}: the last name of a person placed with the partner");
                    Assert.False(body.Contains(birthDate, StringComparison.Ordinal), $"{key}: the birth date of a person placed with the partner");
                }
            }
        Assert.True(reached > 20, $"the partner reached only {reached} answers");
    }

    [Fact]
    public async Task EveryEndpointAndPage_AnswersEachKindOfUser_AsDeclared()
    {
        var rows = await Observe();
        var table = new StringBuilder();
        table.AppendLine("| Route | " + string.Join(" | ", Roles.Select(r => r.Name)) + " |");
        table.AppendLine("|---|" + string.Concat(Roles.Select(_ => "---|")));
        foreach (var (key, cells) in rows) table.AppendLine($"| `{key}` | {string.Join(" | ", cells)} |");
        File.WriteAllLines(Path.Combine(Path.GetTempPath(), "access-matrix.cs"), rows.Select(r => $"        [\"{r.Key}\"] = \"{string.Join(" | ", r.Cells)}\","));

        var undeclared = rows.Where(r => !Expected.ContainsKey(r.Key)).Select(r => r.Key).ToList();
        Assert.True(undeclared.Count == 0, "routes without a declared expectation:\n" + string.Join("\n", undeclared));
        var wrong = rows.Where(r => Expected[r.Key] != string.Join(" | ", r.Cells)).Select(r => $"{r.Key}: expected {Expected[r.Key]}, got {string.Join(" | ", r.Cells)}").ToList();
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
        Documentation.Section("reliability.md", "access-matrix", table.ToString());
    }
}
