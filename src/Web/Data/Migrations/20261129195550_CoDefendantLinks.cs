using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Placement.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class CoDefendantLinks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "NoContactWith",
                table: "Persons",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            // Persons recorded before: their no-contact lists, copied from their documents (ids already lower-case there).
            migrationBuilder.Sql("UPDATE \"Persons\" SET \"NoContactWith\" = COALESCE(json_extract(\"Document\", '$.restrictions.noContactWithPersonIds'), '[]');");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "NoContactWith",
                table: "Persons");
        }
    }
}
