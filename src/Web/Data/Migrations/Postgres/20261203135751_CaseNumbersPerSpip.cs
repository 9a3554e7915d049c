using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Placement.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CaseNumbersPerSpip : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Persons_CaseNumber",
                table: "Persons");

            migrationBuilder.CreateIndex(
                name: "IX_Persons_CaseNumber_Departement",
                table: "Persons",
                columns: new[] { "CaseNumber", "Departement" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Persons_CaseNumber_Departement",
                table: "Persons");

            migrationBuilder.CreateIndex(
                name: "IX_Persons_CaseNumber",
                table: "Persons",
                column: "CaseNumber",
                unique: true);
        }
    }
}
