using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NocBoard.Data.Migrations
{
    /// <summary>
    /// Full-text search of message bodies on SQLite: the contentless FTS5 table AttachmentsIndex
    /// (rowid = attachment id) holds the words of every text body (no file name, text/* type),
    /// filled from existing rows and kept current by triggers on Attachments. Other providers get
    /// their own index in their own migration.
    /// Note: SQLite drops a table's triggers with the table, so a later migration that rebuilds
    /// Attachments must create these triggers again (the search tests would catch it).
    /// </summary>
    public partial class ContentSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            if (migrationBuilder.ActiveProvider != "Microsoft.EntityFrameworkCore.Sqlite") return;

            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE "AttachmentsIndex" USING fts5(
                    "Content", content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2');
                """);
            migrationBuilder.Sql("""
                INSERT INTO "AttachmentsIndex"(rowid, "Content")
                SELECT "Id", CAST("Content" AS TEXT) FROM "Attachments"
                WHERE "FileName" IS NULL AND "ContentType" LIKE 'text/%';
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "Attachments_Index_Insert" AFTER INSERT ON "Attachments"
                WHEN new."FileName" IS NULL AND new."ContentType" LIKE 'text/%'
                BEGIN
                    INSERT INTO "AttachmentsIndex"(rowid, "Content") VALUES (new."Id", CAST(new."Content" AS TEXT));
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "Attachments_Index_Delete" AFTER DELETE ON "Attachments"
                BEGIN
                    DELETE FROM "AttachmentsIndex" WHERE rowid = old."Id";
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "Attachments_Index_Update" AFTER UPDATE OF "Content", "FileName", "ContentType" ON "Attachments"
                BEGIN
                    DELETE FROM "AttachmentsIndex" WHERE rowid = old."Id";
                    INSERT INTO "AttachmentsIndex"(rowid, "Content")
                    SELECT new."Id", CAST(new."Content" AS TEXT)
                    WHERE new."FileName" IS NULL AND new."ContentType" LIKE 'text/%';
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            if (migrationBuilder.ActiveProvider != "Microsoft.EntityFrameworkCore.Sqlite") return;

            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "Attachments_Index_Update";""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "Attachments_Index_Delete";""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "Attachments_Index_Insert";""");
            migrationBuilder.Sql("""DROP TABLE IF EXISTS "AttachmentsIndex";""");
        }
    }
}
