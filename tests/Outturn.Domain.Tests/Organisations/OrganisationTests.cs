using Outturn.Domain;
using Outturn.Domain.Organisations;

namespace Outturn.Domain.Tests.Organisations;

public sealed class OrganisationTests
{
    private static readonly Organisation Council = new("HBC", "Halton Borough Council", OrganisationKind.Council, null);

    [Fact]
    public void A_directorate_sits_under_the_council_and_a_department_under_a_directorate()
    {
        var directorate = new Organisation("HBC-CYP", "Children and Young People Directorate", OrganisationKind.Directorate, Council);
        var service = new Organisation("HBC-CYP-EIP", "Education, Inclusion and Provision Service", OrganisationKind.Department, directorate);
        Assert.Equal(["HBC-CYP-EIP", "HBC-CYP", "HBC"], service.SelfAndAncestors().Select(o => o.Ref));
    }

    [Theory]
    [InlineData(OrganisationKind.Directorate, null)] // a directorate needs the council above it
    [InlineData(OrganisationKind.Nhs, OrganisationKind.Council)] // a partner agency stands at the top
    [InlineData(OrganisationKind.Team, null)] // a team belongs to something
    [InlineData(OrganisationKind.Council, OrganisationKind.Nhs)]
    public void An_organisation_of_the_wrong_kind_for_its_place_is_refused(OrganisationKind kind, OrganisationKind? parentKind)
    {
        var parent = parentKind switch
        {
            null => null,
            OrganisationKind.Council => Council,
            var k => new Organisation("P", "Partner", k.Value, null),
        };
        Assert.Throws<DomainException>(() => new Organisation("X", "X", kind, parent));
    }

    [Fact]
    public void An_organisation_cannot_be_placed_within_itself()
    {
        var trust = new Organisation("NHS-B", "Bridgewater Community Healthcare NHS Trust", OrganisationKind.Nhs, null);
        var team = new Organisation("NHS-B-0-19", "Health Visiting and School Nursing", OrganisationKind.Team, trust);
        var sub = new Organisation("NHS-B-0-19-N", "North team", OrganisationKind.Team, team);

        var error = Assert.Throws<DomainException>(() => team.Change(team.Name, OrganisationKind.Team, sub));
        Assert.Contains("already within", error.Message);
        Assert.Same(trust, team.Parent); // unchanged
        Assert.Throws<DomainException>(() => team.Change(team.Name, OrganisationKind.Team, team));
    }

    [Fact]
    public void Everything_beneath_an_organisation_is_found_however_deep()
    {
        (int, int?)[] tree = [(1, null), (2, 1), (3, 2), (4, 3), (5, null), (6, 5)];
        Assert.Equal(new HashSet<int> { 2, 3, 4 }, Organisation.SelfAndDescendants(2, tree));
        Assert.Equal(new HashSet<int> { 6 }, Organisation.SelfAndDescendants(6, tree));
    }
}
