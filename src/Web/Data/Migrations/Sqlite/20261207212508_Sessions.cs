using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Placement.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Sessions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Placements_OneActivePerPerson",
                table: "Placements");

            migrationBuilder.AddColumn<string>(
                name: "TutorEmail",
                table: "Posts",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "SessionId",
                table: "PlacementHours",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "EndedNotCarriedOutOn",
                table: "Persons",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Incidents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PlacementId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Suspended = table.Column<bool>(type: "INTEGER", nullable: false),
                    AccidentOccurredAt = table.Column<long>(type: "INTEGER", nullable: true),
                    AccidentPlace = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    AccidentCircumstances = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    AccidentWitnesses = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    ReportedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Automatic = table.Column<bool>(type: "INTEGER", nullable: false),
                    ReportedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    DecisionAction = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    DecisionFollowUp = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    DecisionComment = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    DecisionBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    DecisionAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Incidents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Incidents_Persons_PersonId",
                        column: x => x.PersonId,
                        principalTable: "Persons",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Incidents_Placements_PlacementId",
                        column: x => x.PlacementId,
                        principalTable: "Placements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MeasureActions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    Ground = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    From = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    To = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MeasureActions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MeasureActions_Persons_PersonId",
                        column: x => x.PersonId,
                        principalTable: "Persons",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Sessions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PlacementId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Start = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    End = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    AttendanceOutcome = table.Column<string>(type: "TEXT", maxLength: 24, nullable: true),
                    AttendanceArrival = table.Column<TimeOnly>(type: "TEXT", nullable: true),
                    AttendanceDeparture = table.Column<TimeOnly>(type: "TEXT", nullable: true),
                    AttendanceBreakMinutes = table.Column<int>(type: "INTEGER", nullable: true),
                    AttendanceReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    AttendanceComment = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    AttendanceProofDueBy = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    AttendanceRecordedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    AttendanceRecordedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Sessions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Sessions_Placements_PlacementId",
                        column: x => x.PlacementId,
                        principalTable: "Placements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Posts_TutorEmail",
                table: "Posts",
                column: "TutorEmail");

            // The posts written before: their tutor's address, from their document.
            migrationBuilder.Sql("""
                UPDATE "Posts" SET "TutorEmail" = lower(trim(json_extract("Document", '$.tutor.email')));
                """);

            migrationBuilder.CreateIndex(
                name: "IX_Placements_OneActivePerPerson",
                table: "Placements",
                column: "PersonId",
                unique: true,
                filter: "\"Status\" IN ('Proposed', 'Confirmed', 'InProgress', 'Suspended')");

            migrationBuilder.CreateIndex(
                name: "IX_Incidents_PersonId",
                table: "Incidents",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_Incidents_PlacementId",
                table: "Incidents",
                column: "PlacementId");

            migrationBuilder.CreateIndex(
                name: "IX_Incidents_Status_ReportedAt",
                table: "Incidents",
                columns: new[] { "Status", "ReportedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_MeasureActions_PersonId",
                table: "MeasureActions",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_Sessions_Date",
                table: "Sessions",
                column: "Date");

            migrationBuilder.CreateIndex(
                name: "IX_Sessions_PlacementId_Date",
                table: "Sessions",
                columns: new[] { "PlacementId", "Date" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Incidents");

            migrationBuilder.DropTable(
                name: "MeasureActions");

            migrationBuilder.DropTable(
                name: "Sessions");

            migrationBuilder.DropIndex(
                name: "IX_Posts_TutorEmail",
                table: "Posts");

            migrationBuilder.DropIndex(
                name: "IX_Placements_OneActivePerPerson",
                table: "Placements");

            migrationBuilder.DropColumn(
                name: "TutorEmail",
                table: "Posts");

            migrationBuilder.DropColumn(
                name: "SessionId",
                table: "PlacementHours");

            migrationBuilder.DropColumn(
                name: "EndedNotCarriedOutOn",
                table: "Persons");

            migrationBuilder.CreateIndex(
                name: "IX_Placements_OneActivePerPerson",
                table: "Placements",
                column: "PersonId",
                unique: true,
                filter: "\"Status\" IN ('Proposed', 'Confirmed', 'InProgress')");
        }
    }
}
