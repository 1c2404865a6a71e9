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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RenameColumn(name: "ProtectedWebhookSecret", table: "Scrips", newName: "WebhookSecret");
        }
    }
}
