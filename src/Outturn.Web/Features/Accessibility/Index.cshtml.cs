using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Outturn.Web.Security;

namespace Outturn.Web.Features.Accessibility;

/// <summary>
/// The accessibility statement a public body's website must publish (the Public Sector Bodies Accessibility
/// Regulations 2018), in the GOV.UK model: what was tested and how, and what is known not to meet WCAG 2.2 AA.
/// The council running the service names its contact with <c>Outturn:Accessibility:Contact</c>.
/// </summary>
[Authorize(Policy = Policies.Public)]
public sealed class IndexModel(IConfiguration configuration) : PageModel
{
    public string? Contact { get; private set; }

    public void OnGet() => Contact = configuration["Outturn:Accessibility:Contact"];
}
