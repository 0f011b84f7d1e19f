using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Outturn.Application.Data.Migrations.Sqlite
{
    /// <summary>
    /// A published report is frozen in the database itself, not only by the application: an UPDATE that changes a
    /// published round's snapshot, publication time or stage, and a DELETE of a published round, are refused by
    /// triggers. Written by hand (the model does not describe triggers). SQLite drops a table's triggers when a
    /// migration rebuilds the table: a migration that rebuilds "MonitoringRound" must create these again
    /// (PlanEditingTests prove they are there).
    /// </summary>
    [DbContext(typeof(SqliteOutturnDbContext))]
    [Migration("20261205235900_PublishedRoundsFrozenInTheDatabase")]
    public partial class PublishedRoundsFrozenInTheDatabase : Migration
    {
        public const string Update = """
            CREATE TRIGGER "MonitoringRound_published_report_frozen"
            BEFORE UPDATE OF "PublishedSnapshot", "PublishedAt", "State" ON "MonitoringRound"
            FOR EACH ROW
            WHEN OLD."PublishedSnapshot" IS NOT NULL
             AND (NEW."PublishedSnapshot" IS NOT OLD."PublishedSnapshot" OR NEW."PublishedAt" IS NOT OLD."PublishedAt" OR NEW."State" IS NOT OLD."State")
            BEGIN
                SELECT RAISE(ABORT, 'A published report is frozen: the published round''s snapshot, publication time and stage cannot be changed.');
            END;
            """;

        public const string Delete = """
            CREATE TRIGGER "MonitoringRound_published_round_kept"
            BEFORE DELETE ON "MonitoringRound"
            FOR EACH ROW
            WHEN OLD."PublishedSnapshot" IS NOT NULL OR OLD."State" = 'Published'
            BEGIN
                SELECT RAISE(ABORT, 'A published round is kept: it cannot be deleted.');
            END;
            """;

        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(Update);
            migrationBuilder.Sql(Delete);
        }

        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "MonitoringRound_published_report_frozen";""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "MonitoringRound_published_round_kept";""");
        }
    }
}
