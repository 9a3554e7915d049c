using System;
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
            migrationBuilder.CreateTable(
                name: "PersonNoContacts",
                columns: table => new
                {
                    OtherPersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PersonNoContacts", x => new { x.PersonId, x.OtherPersonId });
                    table.ForeignKey(
                        name: "FK_PersonNoContacts_Persons_PersonId",
                        column: x => x.PersonId,
                        principalTable: "Persons",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PersonNoContacts_OtherPersonId",
                table: "PersonNoContacts",
                column: "OtherPersonId");

            // Persons recorded before: their no-contact lists, copied from their documents (ids stored upper-case, as EF Core writes GUIDs in SQLite).
            migrationBuilder.Sql("""
                INSERT OR IGNORE INTO "PersonNoContacts" ("PersonId", "OtherPersonId")
                SELECT p."Id", upper(j.value) FROM "Persons" p, json_each(p."Document", '$.restrictions.noContactWithPersonIds') j;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PersonNoContacts");
        }
    }
}
