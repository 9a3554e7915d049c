using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Placement.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class CatalogueChanges : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Posts_Heads",
                table: "Posts");

            migrationBuilder.CreateIndex(
                name: "IX_Posts_UpdatedAt",
                table: "Posts",
                column: "UpdatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_HostBodies_UpdatedAt",
                table: "HostBodies",
                column: "UpdatedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Posts_UpdatedAt",
                table: "Posts");

            migrationBuilder.DropIndex(
                name: "IX_HostBodies_UpdatedAt",
                table: "HostBodies");

            migrationBuilder.CreateIndex(
                name: "IX_Posts_Heads",
                table: "Posts",
                columns: new[] { "Id", "Status", "UpdatedAt", "HostBodyId" });
        }
    }
}
