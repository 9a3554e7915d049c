using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Placement.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class ScheduledRunOccurrence : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "Occurrence",
                table: "AssignmentRuns",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_AssignmentRuns_ScheduleId_Occurrence",
                table: "AssignmentRuns",
                columns: new[] { "ScheduleId", "Occurrence" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_AssignmentRuns_ScheduleId_Occurrence",
                table: "AssignmentRuns");

            migrationBuilder.DropColumn(
                name: "Occurrence",
                table: "AssignmentRuns");
        }
    }
}
