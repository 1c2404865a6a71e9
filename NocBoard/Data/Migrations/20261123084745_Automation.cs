using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NocBoard.Data.Migrations
{
    /// <inheritdoc />
    public partial class Automation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "QueueSlas",
                columns: table => new
                {
                    QueueId = table.Column<int>(type: "INTEGER", nullable: false),
                    DueInHours = table.Column<int>(type: "INTEGER", nullable: true),
                    BusinessStart = table.Column<TimeOnly>(type: "TEXT", nullable: true),
                    BusinessEnd = table.Column<TimeOnly>(type: "TEXT", nullable: true),
                    BusinessDays = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Holidays = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    TimeZone = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    EscalateWithoutDueDays = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QueueSlas", x => x.QueueId);
                    table.ForeignKey(
                        name: "FK_QueueSlas_Queues_QueueId",
                        column: x => x.QueueId,
                        principalTable: "Queues",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ScripRuns",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ScripId = table.Column<int>(type: "INTEGER", nullable: false),
                    TransactionId = table.Column<long>(type: "INTEGER", nullable: false),
                    Ran = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScripRuns", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Scrips",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Description = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    QueueId = table.Column<int>(type: "INTEGER", nullable: true),
                    Condition = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ConditionArgument = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Action = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ActionArgument = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    TemplateName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false),
                    Disabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    WebhookSecret = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Scrips", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Scrips_Queues_QueueId",
                        column: x => x.QueueId,
                        principalTable: "Queues",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Templates",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    QueueId = table.Column<int>(type: "INTEGER", nullable: true),
                    Description = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Body = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Templates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Templates_Queues_QueueId",
                        column: x => x.QueueId,
                        principalTable: "Queues",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ScripRuns_ScripId_TransactionId",
                table: "ScripRuns",
                columns: new[] { "ScripId", "TransactionId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Scrips_QueueId_SortOrder",
                table: "Scrips",
                columns: new[] { "QueueId", "SortOrder" });

            migrationBuilder.CreateIndex(
                name: "IX_Templates_Name_QueueId",
                table: "Templates",
                columns: new[] { "Name", "QueueId" });

            migrationBuilder.CreateIndex(
                name: "IX_Templates_QueueId",
                table: "Templates",
                column: "QueueId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "QueueSlas");

            migrationBuilder.DropTable(
                name: "ScripRuns");

            migrationBuilder.DropTable(
                name: "Scrips");

            migrationBuilder.DropTable(
                name: "Templates");
        }
    }
}
