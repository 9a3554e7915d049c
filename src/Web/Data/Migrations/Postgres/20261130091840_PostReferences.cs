using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Placement.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PostReferences : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Posts_HostBodyId",
                table: "Posts");

            migrationBuilder.AddColumn<string>(
                name: "Reference",
                table: "Posts",
                type: "character varying(60)",
                maxLength: 60,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Posts_HostBodyId_Reference",
                table: "Posts",
                columns: new[] { "HostBodyId", "Reference" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Posts_HostBodyId_Reference",
                table: "Posts");

            migrationBuilder.DropColumn(
                name: "Reference",
                table: "Posts");

            migrationBuilder.CreateIndex(
                name: "IX_Posts_HostBodyId",
                table: "Posts",
                column: "HostBodyId");
        }
    }
}
