using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Placement.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class HostBodyProposedAddress : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ProposedAddress",
                table: "HostBodies",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ProposedAt",
                table: "HostBodies",
                type: "timestamp with time zone",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ProposedAddress",
                table: "HostBodies");

            migrationBuilder.DropColumn(
                name: "ProposedAt",
                table: "HostBodies");
        }
    }
}
