using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Placement.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class HoursEnteredBy : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "EnteredBy",
                table: "PlacementHours",
                type: "TEXT",
                maxLength: 200,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "EnteredBy",
                table: "PlacementHours");
        }
    }
}
