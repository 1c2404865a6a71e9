using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NocBoard.Data.Migrations
{
    /// <inheritdoc />
    public partial class ProtectedWebhookSecrets : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Renamed, so a secret stored before protection is kept: it fails to unprotect with a
            // message that asks for it to be entered again, rather than vanishing.
            migrationBuilder.RenameColumn(name: "WebhookSecret", table: "Scrips", newName: "ProtectedWebhookSecret");
            migrationBuilder.AlterColumn<string>(name: "ProtectedWebhookSecret", table: "Scrips", type: "TEXT", maxLength: 1000, nullable: true,
                oldClrType: typeof(string), oldType: "TEXT", oldMaxLength: 200, oldNullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(name: "ProtectedWebhookSecret", table: "Scrips", type: "TEXT", maxLength: 200, nullable: true,
                oldClrType: typeof(string), oldType: "TEXT", oldMaxLength: 1000, oldNullable: true);
            migrationBuilder.RenameColumn(name: "ProtectedWebhookSecret", table: "Scrips", newName: "WebhookSecret");
        }
    }
}
