using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Outturn.Application.Data;
using Outturn.Application.Returns;
using Outturn.Domain.Returns;

namespace Outturn.Application.Tests.Returns;

public abstract class ReturnsImportTests(DatabaseProvider provider) : IntegrationTest(provider)
{
    private Task<ReturnsImportResult> Import(ReturnKind kind, string path) =>
        WithScope(sp => sp.GetRequiredService<ReturnsImport>().ImportAsync(kind, path));

    [Fact]
    public async Task A_valid_return_is_stored_with_its_year_files_and_rows()
    {
        var result = await Import(ReturnKind.Ssda903, ReturnFolders.ValidSsda903(NewFolder("ok")));
        Assert.True(result.Ok, string.Join("\n", result.Errors));
        var import = await Db(db => db.Set<ReturnImport>().SingleAsync());
        Assert.Equal((ReturnKind.Ssda903, 2015, 6, "test-user"), (import.Kind, import.Year, import.RowCount, import.ImportedBy));
        var (data, _) = await WithScope(sp => sp.GetRequiredService<ReturnsQuery>().LoadAsync());
        Assert.Equal(2, data.EpisodesByChild["1001"].Count);
    }

    [Fact]
    public async Task A_rejected_file_leaves_nothing_behind()
    {
        await Import(ReturnKind.Ssda903, ReturnFolders.ValidSsda903(NewFolder("first")));
        var bad = ReturnFolders.Ssda903(NewFolder("bad"), ReturnFolders.HeaderColumns + "\n9001,1,01/06/2008,WBRI,UN1,,\n",
            ReturnFolders.EpisodeColumns + "\n9001,01/04/2015,S,C2,N1,U1,PR1,,,,,,\n9001,01/13/2015,P,C2,N1,ZZ,PR1,,,,,,\n");
        var result = await Import(ReturnKind.Ssda903, bad);
        Assert.False(result.Ok);
        Assert.Equal(2, result.Errors.Count);
        // The earlier import for 2015/16 is untouched and no row of the rejected files is held.
        var (imports, tables, strays) = await Db(async db => (await db.Set<ReturnImport>().CountAsync(), await db.Set<ReturnTable>().CountAsync(),
            await db.Set<ReturnTable>().CountAsync(t => t.Content.Contains("9001"))));
        Assert.Equal((1, 3, 0), (imports, tables, strays));
    }

    [Fact]
    public async Task Importing_the_same_kind_and_year_again_replaces_the_earlier_return()
    {
        await Import(ReturnKind.Ssda903, ReturnFolders.ValidSsda903(NewFolder("one")));
        var second = ReturnFolders.Ssda903(NewFolder("two"), ReturnFolders.HeaderColumns + "\n2001,2,01/06/2009,WBRI,UN1,,\n",
            ReturnFolders.EpisodeColumns + "\n2001,01/05/2015,S,C2,N1,U1,PR1,,,,,,\n");
        var result = await Import(ReturnKind.Ssda903, second);
        Assert.True(result.Ok);
        Assert.Equal(2, await Db(db => db.Set<ReturnTable>().SumAsync(t => t.RowCount)));
    }
}

public sealed class ReturnsImportTestsOnSqlite() : ReturnsImportTests(DatabaseProvider.Sqlite);

public sealed class ReturnsImportTestsOnPostgres() : ReturnsImportTests(DatabaseProvider.Postgres);
