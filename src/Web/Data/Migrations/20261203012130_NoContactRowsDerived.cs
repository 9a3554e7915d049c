using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Placement.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class NoContactRowsDerived : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The rows become what the documents say: before this version, an edit that added a co-defendant after the
            // person's creation left no row (rule 13's reverse direction was lost). From now on NoContactRows derives them.
            migrationBuilder.Sql("""
                DELETE FROM "PersonNoContacts";
                INSERT OR IGNORE INTO "PersonNoContacts" ("PersonId", "OtherPersonId")
                SELECT p."Id", upper(j.value)
                FROM "Persons" p, json_each(p."Document", '$.restrictions.noContactWithPersonIds') j
                WHERE j.type = 'text' AND upper(j.value) <> p."Id";
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // The rows stay: they are what the documents say, which the previous version reads just as well.
        }
    }
}
