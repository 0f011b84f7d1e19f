using System.Security.Claims;
using Outturn.Application.Data;

namespace Outturn.Web.Security;

/// <summary>The audit trail's "who": the signed-in user's e-mail, or "anonymous".</summary>
public sealed class WebCurrentUser(IHttpContextAccessor http) : ICurrentUser
{
    public string Name => http.HttpContext?.User.FindFirstValue(ClaimTypes.Email)
                          ?? http.HttpContext?.User.Identity?.Name
                          ?? "anonymous";
}
