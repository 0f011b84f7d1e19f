using System.Security.Claims;
using Outturn.Application.Data;

namespace Outturn.Web.Security;

/// <summary>
/// The audit trail's "who": the signed-in user's e-mail, or "anonymous" for a request without one; outside any
/// request (the demo loaded at start-up) the system itself.
/// </summary>
public sealed class WebCurrentUser(IHttpContextAccessor http) : ICurrentUser
{
    public string Name => http.HttpContext is not { } context ? SystemUser.Unnamed
        : context.User.FindFirstValue(ClaimTypes.Email) ?? context.User.Identity?.Name ?? "anonymous";
}
