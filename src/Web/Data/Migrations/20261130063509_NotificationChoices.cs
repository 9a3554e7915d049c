using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Placement.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class NotificationChoices : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Key",
                table: "NotificationEvents",
                type: "TEXT",
                maxLength: 120,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "NotificationPreferences",
                columns: table => new
                {
                    Email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Delivery = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NotificationPreferences", x => new { x.Email, x.Kind });
                });

            migrationBuilder.CreateIndex(
                name: "IX_NotificationEvents_Key",
                table: "NotificationEvents",
                column: "Key",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "NotificationPreferences");

            migrationBuilder.DropIndex(
                name: "IX_NotificationEvents_Key",
                table: "NotificationEvents");

            migrationBuilder.DropColumn(
                name: "Key",
                table: "NotificationEvents");
        }
    }
}
