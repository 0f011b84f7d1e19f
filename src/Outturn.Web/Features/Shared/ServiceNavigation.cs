using System.Security.Claims;
using Outturn.Application.Accounts;
using Outturn.Web.Security;

namespace Outturn.Web.Features.Shared;

/// <summary>
/// The service navigation each person sees: what the public can read for everyone; for staff, what their role lets
/// them use and nothing they would be refused. The current section is marked.
/// </summary>
public static class ServiceNavigation
{
    public sealed record Item(string Text, string Href, bool Current);

    public static IReadOnlyList<Item> For(ClaimsPrincipal user, string path)
    {
        var items = new List<(string Text, string Href, string[] Sections)>
        {
            ("Plans", "/", ["/plans"]),
            ("Reports", "/reports", []),
            ("Boards", "/boards", ["/meetings", "/actions"]),
            ("Inspections", "/inspections", ["/improvement-actions"]),
            ("Budgets", "/finance", []),
            ("Equality", "/equality", []),
            ("You said, we did", "/you-said-we-did", ["/promises", "/engagement"]),
        };
        if (user.Identity?.IsAuthenticated == true)
        {
            bool Is(params string[] roles) => roles.Any(user.IsInRole);
            if (Is(Roles.Contributor, Roles.PerformanceOfficer, Roles.Administrator)) items.Add(("My updates", "/my-updates", []));
            items.Add(("Reporting rounds", "/rounds", []));
            // The council's own pages are not for partners' staff (the Council policy asks the same one rule).
            if (user.AsViewer().SeesCouncilPages)
            {
                items.Add(("Dashboard", "/dashboard", []));
                items.Add(("Risks", "/risks", []));
                items.Add(("Statutory returns", "/returns", []));
            }
            if (Is(Roles.Administrator)) items.Add(("Accounts", "/admin/users", ["/admin"]));
            items.Add(("Your account", "/account", []));
            items.Add(("Sign out", "/sign-out", []));
        }
        else items.Add(("Sign in", "/sign-in", []));

        static bool Under(string path, string section) =>
            path.Equals(section, StringComparison.OrdinalIgnoreCase) || path.StartsWith(section + "/", StringComparison.OrdinalIgnoreCase);
        var current = items.FirstOrDefault(i => (i.Href != "/" && Under(path, i.Href)) || i.Sections.Any(s => Under(path, s)) || (i.Href == "/" && path == "/"));
        return items.Select(i => new Item(i.Text, i.Href, i == current)).ToList();
    }
}
