using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Placement.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class HostBodyApplications : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Siret",
                table: "HostBodies",
                type: "TEXT",
                maxLength: 14,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<bool>(
                name: "AwaitingApproval",
                table: "AspNetUsers",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "HostBodyApplications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    HostBodyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Siret = table.Column<string>(type: "TEXT", maxLength: 14, nullable: false),
                    Departement = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    ApplicantName = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    ApplicantEmail = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    SubmittedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RefusalReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HostBodyApplications", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_HostBodies_Siret",
                table: "HostBodies",
                column: "Siret");

            migrationBuilder.CreateIndex(
                name: "IX_HostBodyApplications_Status_Departement",
                table: "HostBodyApplications",
                columns: new[] { "Status", "Departement" });

            // Host bodies recorded before: their SIRET, copied from their documents.
            migrationBuilder.Sql("""UPDATE "HostBodies" SET "Siret" = json_extract("Document", '$.siret');""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "HostBodyApplications");

            migrationBuilder.DropIndex(
                name: "IX_HostBodies_Siret",
                table: "HostBodies");

            migrationBuilder.DropColumn(
                name: "Siret",
                table: "HostBodies");

            migrationBuilder.DropColumn(
                name: "AwaitingApproval",
                table: "AspNetUsers");
        }
    }
}
