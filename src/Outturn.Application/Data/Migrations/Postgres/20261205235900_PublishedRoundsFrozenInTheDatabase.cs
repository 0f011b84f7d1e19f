using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Outturn.Application.Data.Migrations.Postgres
{
    /// <summary>
    /// A published report is frozen in the database itself, not only by the application: an UPDATE that changes a
    /// published round's snapshot, publication time or stage, and a DELETE of a published round, are refused by a
    /// trigger. Written by hand (the model does not describe triggers).
    /// </summary>
    [DbContext(typeof(PostgresOutturnDbContext))]
    [Migration("20261205235900_PublishedRoundsFrozenInTheDatabase")]
    public partial class PublishedRoundsFrozenInTheDatabase : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE FUNCTION outturn_published_round_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP = 'DELETE' THEN
                        IF OLD."PublishedSnapshot" IS NOT NULL OR OLD."State" = 'Published' THEN
                            RAISE EXCEPTION 'A published round is kept: it cannot be deleted (round %).', OLD."Id" USING ERRCODE = 'restrict_violation';
                        END IF;
                        RETURN OLD;
                    END IF;
                    IF OLD."PublishedSnapshot" IS NOT NULL AND (NEW."PublishedSnapshot" IS DISTINCT FROM OLD."PublishedSnapshot"
                        OR NEW."PublishedAt" IS DISTINCT FROM OLD."PublishedAt" OR NEW."State" IS DISTINCT FROM OLD."State") THEN
                        RAISE EXCEPTION 'A published report is frozen: the published round''s snapshot, publication time and stage cannot be changed (round %).', OLD."Id" USING ERRCODE = 'restrict_violation';
                    END IF;
                    RETURN NEW;
                END
                $$;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "MonitoringRound_published_frozen"
                BEFORE UPDATE OR DELETE ON "MonitoringRound"
                FOR EACH ROW EXECUTE FUNCTION outturn_published_round_frozen();
                """);
        }

        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "MonitoringRound_published_frozen" ON "MonitoringRound";""");
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS outturn_published_round_frozen();");
        }
    }
}
