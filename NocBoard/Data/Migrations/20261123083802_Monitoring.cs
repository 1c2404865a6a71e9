using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NocBoard.Data.Migrations
{
    /// <inheritdoc />
    public partial class Monitoring : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AlertSources",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    TokenHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    QueueName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    OnRecovery = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ReopenWindowMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    Disabled = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AlertSources", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "MailAlertRules",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SourceName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    Enabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    SubjectPattern = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    BodyPatterns = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    KeyTemplate = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    SummaryTemplate = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    StateMap = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MailAlertRules", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RejectedAlerts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Received = table.Column<long>(type: "INTEGER", nullable: false),
                    Via = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Payload = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RejectedAlerts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AlertEpisodes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SourceId = table.Column<int>(type: "INTEGER", nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    TicketId = table.Column<int>(type: "INTEGER", nullable: false),
                    CurrentKey = table.Column<string>(type: "TEXT", maxLength: 420, nullable: true),
                    State = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Severity = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Acknowledged = table.Column<bool>(type: "INTEGER", nullable: false),
                    Flapping = table.Column<bool>(type: "INTEGER", nullable: false),
                    InDowntime = table.Column<bool>(type: "INTEGER", nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false),
                    FirstSeen = table.Column<long>(type: "INTEGER", nullable: false),
                    LastSeen = table.Column<long>(type: "INTEGER", nullable: false),
                    ProblemSince = table.Column<long>(type: "INTEGER", nullable: true),
                    LastOutage = table.Column<TimeSpan>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AlertEpisodes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AlertEpisodes_AlertSources_SourceId",
                        column: x => x.SourceId,
                        principalTable: "AlertSources",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AlertEpisodes_Tickets_TicketId",
                        column: x => x.TicketId,
                        principalTable: "Tickets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AlertMappings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SourceId = table.Column<int>(type: "INTEGER", nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    Field = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Pattern = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Target = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    CustomFieldName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Value = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AlertMappings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AlertMappings_AlertSources_SourceId",
                        column: x => x.SourceId,
                        principalTable: "AlertSources",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AlertEpisodes_CurrentKey",
                table: "AlertEpisodes",
                column: "CurrentKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AlertEpisodes_SourceId_Key",
                table: "AlertEpisodes",
                columns: new[] { "SourceId", "Key" });

            migrationBuilder.CreateIndex(
                name: "IX_AlertEpisodes_TicketId",
                table: "AlertEpisodes",
                column: "TicketId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AlertMappings_SourceId_Order",
                table: "AlertMappings",
                columns: new[] { "SourceId", "Order" });

            migrationBuilder.CreateIndex(
                name: "IX_AlertSources_Name",
                table: "AlertSources",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AlertSources_TokenHash",
                table: "AlertSources",
                column: "TokenHash");

            migrationBuilder.CreateIndex(
                name: "IX_MailAlertRules_Order",
                table: "MailAlertRules",
                column: "Order");

            migrationBuilder.CreateIndex(
                name: "IX_RejectedAlerts_Received",
                table: "RejectedAlerts",
                column: "Received");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AlertEpisodes");

            migrationBuilder.DropTable(
                name: "AlertMappings");

            migrationBuilder.DropTable(
                name: "MailAlertRules");

            migrationBuilder.DropTable(
                name: "RejectedAlerts");

            migrationBuilder.DropTable(
                name: "AlertSources");
        }
    }
}
