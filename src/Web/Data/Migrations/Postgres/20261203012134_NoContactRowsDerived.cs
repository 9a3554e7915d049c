using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Placement.Web.Data.Migrations.Postgres
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
                INSERT INTO "PersonNoContacts" ("PersonId", "OtherPersonId")
                SELECT DISTINCT p."Id", j.value::uuid
                FROM "Persons" p
                CROSS JOIN LATERAL jsonb_array_elements_text(CASE
                    WHEN jsonb_typeof(p."Document"::jsonb -> 'restrictions' -> 'noContactWithPersonIds') = 'array'
                    THEN p."Document"::jsonb -> 'restrictions' -> 'noContactWithPersonIds' ELSE '[]'::jsonb END) AS j(value)
                WHERE j.value::uuid <> p."Id"
                ON CONFLICT DO NOTHING;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // The rows stay: they are what the documents say, which the previous version reads just as well.
        }
    }
}
