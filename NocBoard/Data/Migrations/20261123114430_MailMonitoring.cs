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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
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
