using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Outturn.Application.Finance;
using Outturn.Domain.Finance;
using Outturn.Domain.Periods;
using Outturn.Web.Security;

namespace Outturn.Web.Features.Finance;

[Authorize(Policy = Policies.Public)]
public sealed class IndexModel(FinanceQuery query) : PageModel
{
    public IReadOnlyList<(Department Department, IReadOnlyList<Period> Periods)> Departments { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var list = new List<(Department, IReadOnlyList<Period>)>();
        foreach (var d in await query.DepartmentsAsync(ct)) list.Add((d, await query.PeriodsAsync(d.Id, ct)));
        Departments = list;
    }
}
