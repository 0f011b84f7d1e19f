using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Outturn.Application.Data;
using Outturn.Application.Organisations;
using Outturn.Domain.Organisations;

namespace Outturn.Web.Tests.Accounts;

public sealed class OrganisationImportTests(OutturnApp app) : IClassFixture<OutturnApp>, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("outturn-organisations-").FullName;

    public void Dispose() => Directory.Delete(_folder, true);

    private async Task<OrganisationImportResult> ImportAsync(string csv)
    {
        var path = Path.Combine(_folder, "organisations.csv");
        await File.WriteAllTextAsync(path, csv);
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<OrganisationService>().ImportAsync(path);
    }

    private async Task<List<(string Ref, string Name, OrganisationKind Kind, string? Parent)>> StoredAsync()
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<OutturnDbContext>();
        return (await db.Set<Organisation>().Include(o => o.Parent).OrderBy(o => o.Ref).ToListAsync())
            .Select(o => (o.Ref, o.Name, o.Kind, o.Parent?.Ref)).ToList();
    }

    [Fact]
    public async Task The_demo_partnership_has_the_council_directorates_and_the_partners_of_the_plan()
    {
        var stored = await StoredAsync();
        Assert.Contains(("HBC-CYP", "Children and Young People Directorate", OrganisationKind.Directorate, "HBC"), stored);
        Assert.Contains(("NHS-HALTON-CCG", "NHS Halton Clinical Commissioning Group", OrganisationKind.Nhs, null), stored);
        Assert.Contains(stored, o => o.Kind == OrganisationKind.Police && o.Name == "Cheshire Police");
        Assert.Contains(stored, o => o.Kind == OrganisationKind.Education && o.Name == "Riverside College");
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<OutturnDbContext>();
        var nina = db.Users.Single(u => u.Email == "nina.health@outturn.example");
        Assert.Equal("NHS-BRIDGEWATER", db.Set<Organisation>().Single(o => o.Id == nina.OrganisationId).Ref);
    }

    [Fact]
    public async Task An_import_merges_by_reference_adding_new_organisations_and_changing_known_ones()
    {
        var result = await ImportAsync("""
            ref,name,kind,parent
            VOL-ADDACTION,Addaction (Halton),voluntary,
            VOL-ADDACTION-YP,Young people's substance misuse team,team,VOL-ADDACTION
            """);

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Equal((1, 1), (result.Added, result.Changed));
        var stored = await StoredAsync();
        Assert.Contains(("VOL-ADDACTION", "Addaction (Halton)", OrganisationKind.Voluntary, null), stored);
        Assert.Contains(("VOL-ADDACTION-YP", "Young people's substance misuse team", OrganisationKind.Team, "VOL-ADDACTION"), stored);
        Assert.Contains(stored, o => o.Ref == "HBC-CYP"); // not in the file, left alone
    }

    [Fact]
    public async Task A_file_with_any_error_changes_nothing_and_names_each_line_and_column()
    {
        var before = await StoredAsync();

        var result = await ImportAsync("""
            ref,name,kind,parent
            NEW-ONE,A new partner,voluntary,
            BAD-KIND,A hospital,hospital,
            ORPHAN,A lost team,team,NO-SUCH-REF
            HBC-CYP,Children and Young People Directorate,directorate,NHS-5BP
            """);

        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors, e => e.StartsWith("organisations.csv:3: column kind:") && e.Contains("\"hospital\" is not a kind"));
        Assert.Contains(result.Errors, e => e.StartsWith("organisations.csv:4: column parent:") && e.Contains("NO-SUCH-REF"));
        Assert.Equal(before, await StoredAsync());

        // With those fixed, the directorate under an NHS trust is still refused, and the new partner is not added.
        result = await ImportAsync("""
            ref,name,kind,parent
            NEW-ONE,A new partner,voluntary,
            HBC-CYP,Children and Young People Directorate,directorate,NHS-5BP
            """);
        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors, e => e.StartsWith("organisations.csv:3: column parent:") && e.Contains("a directorate's parent is the council"));
        Assert.Equal(before, await StoredAsync());
    }

    [Fact]
    public async Task A_circle_of_parents_is_refused()
    {
        var before = await StoredAsync();
        var result = await ImportAsync("""
            ref,name,kind,parent
            NHS-5BP-CAMHS,Child and Adolescent Mental Health Service,team,TEAM-B
            TEAM-B,Team B,team,NHS-5BP-CAMHS
            """);
        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors, e => e.StartsWith("organisations.csv:2: column parent:") && e.Contains("circle"));
        Assert.Equal(before, await StoredAsync());
    }
}
