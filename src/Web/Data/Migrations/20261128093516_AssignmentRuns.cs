using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Placement.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class AssignmentRuns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AssignmentRuns",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Departements = table.Column<string>(type: "TEXT", nullable: false),
                    PersonIds = table.Column<string>(type: "TEXT", nullable: true),
                    ReferenceDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    TimeLimitSeconds = table.Column<double>(type: "REAL", nullable: false),
                    KeepProposed = table.Column<bool>(type: "INTEGER", nullable: false),
                    RequestedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ScheduleId = table.Column<Guid>(type: "TEXT", nullable: true),
                    State = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Phase = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Percent = table.Column<double>(type: "REAL", nullable: false),
                    Objective = table.Column<long>(type: "INTEGER", nullable: true),
                    BestBound = table.Column<long>(type: "INTEGER", nullable: true),
                    SolveStatus = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    Persons = table.Column<int>(type: "INTEGER", nullable: false),
                    Posts = table.Column<int>(type: "INTEGER", nullable: false),
                    Placed = table.Column<int>(type: "INTEGER", nullable: false),
                    ElapsedMs = table.Column<long>(type: "INTEGER", nullable: true),
                    Error = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    CancelRequested = table.Column<bool>(type: "INTEGER", nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    FinishedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssignmentRuns", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AssignmentSchedules",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Departements = table.Column<string>(type: "TEXT", nullable: false),
                    Cron = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    TimeLimitSeconds = table.Column<double>(type: "REAL", nullable: false),
                    KeepProposed = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssignmentSchedules", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AtRiskPersons",
                columns: table => new
                {
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Departement = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    Reasons = table.Column<string>(type: "TEXT", nullable: false),
                    FlaggedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AtRiskPersons", x => x.PersonId);
                });

            migrationBuilder.CreateTable(
                name: "AssignmentProposals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RunId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PostId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Score = table.Column<int>(type: "INTEGER", nullable: false),
                    DistanceKm = table.Column<double>(type: "REAL", nullable: false),
                    WeeklyHours = table.Column<double>(type: "REAL", nullable: false),
                    Explanation = table.Column<string>(type: "TEXT", nullable: false),
                    Pinned = table.Column<bool>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    PlacementId = table.Column<Guid>(type: "TEXT", nullable: true),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssignmentProposals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AssignmentProposals_AssignmentRuns_RunId",
                        column: x => x.RunId,
                        principalTable: "AssignmentRuns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "UnplacedPersons",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RunId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    BlockingRules = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UnplacedPersons", x => x.Id);
                    table.ForeignKey(
                        name: "FK_UnplacedPersons_AssignmentRuns_RunId",
                        column: x => x.RunId,
                        principalTable: "AssignmentRuns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Placements_OneActivePerPerson",
                table: "Placements",
                column: "PersonId",
                unique: true,
                filter: "\"Status\" IN ('Proposed', 'Confirmed', 'InProgress')");

            migrationBuilder.CreateIndex(
                name: "IX_AssignmentProposals_PersonId_Status",
                table: "AssignmentProposals",
                columns: new[] { "PersonId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_AssignmentProposals_RunId_PersonId",
                table: "AssignmentProposals",
                columns: new[] { "RunId", "PersonId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AssignmentRuns_State",
                table: "AssignmentRuns",
                column: "State");

            migrationBuilder.CreateIndex(
                name: "IX_AtRiskPersons_Departement",
                table: "AtRiskPersons",
                column: "Departement");

            migrationBuilder.CreateIndex(
                name: "IX_UnplacedPersons_RunId_PersonId",
                table: "UnplacedPersons",
                columns: new[] { "RunId", "PersonId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AssignmentProposals");

            migrationBuilder.DropTable(
                name: "AssignmentSchedules");

            migrationBuilder.DropTable(
                name: "AtRiskPersons");

            migrationBuilder.DropTable(
                name: "UnplacedPersons");

            migrationBuilder.DropTable(
                name: "AssignmentRuns");

            migrationBuilder.DropIndex(
                name: "IX_Placements_OneActivePerPerson",
                table: "Placements");
        }
    }
}
