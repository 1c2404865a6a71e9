using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NocBoard.Data.Migrations
{
    /// <inheritdoc />
    public partial class MailMonitoring : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CommandErrors",
                table: "MailReceipts",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PendingCommands",
                table: "MailReceipts",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "FlapChanges",
                table: "AlertSources",
                type: "INTEGER",
                nullable: false,
                defaultValue: 5);

            migrationBuilder.AddColumn<int>(
                name: "FlapWindowMinutes",
                table: "AlertSources",
                type: "INTEGER",
                nullable: false,
                defaultValue: 30);

            migrationBuilder.AddColumn<bool>(
                name: "FlappingBySource",
                table: "AlertEpisodes",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<long>(
                name: "LastStateChange",
                table: "AlertEpisodes",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RecentChanges",
                table: "AlertEpisodes",
                type: "TEXT",
                maxLength: 2000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "MailAutoreplies",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OutboxMessageId = table.Column<long>(type: "INTEGER", nullable: false),
                    Address = table.Column<string>(type: "TEXT", maxLength: 320, nullable: false),
                    QueueId = table.Column<int>(type: "INTEGER", nullable: true),
                    Sent = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MailAutoreplies", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_MailAutoreplies_Address_Sent",
                table: "MailAutoreplies",
                columns: new[] { "Address", "Sent" });

            migrationBuilder.CreateIndex(
                name: "IX_MailAutoreplies_OutboxMessageId_Address",
                table: "MailAutoreplies",
                columns: new[] { "OutboxMessageId", "Address" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MailAutoreplies");

            migrationBuilder.DropColumn(
                name: "CommandErrors",
                table: "MailReceipts");

            migrationBuilder.DropColumn(
                name: "PendingCommands",
                table: "MailReceipts");

            migrationBuilder.DropColumn(
                name: "FlapChanges",
                table: "AlertSources");

            migrationBuilder.DropColumn(
                name: "FlapWindowMinutes",
                table: "AlertSources");

            migrationBuilder.DropColumn(
                name: "FlappingBySource",
                table: "AlertEpisodes");

            migrationBuilder.DropColumn(
                name: "LastStateChange",
                table: "AlertEpisodes");

            migrationBuilder.DropColumn(
                name: "RecentChanges",
                table: "AlertEpisodes");
        }
    }
}
