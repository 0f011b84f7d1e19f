using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Outturn.Application.Accounts;
using Outturn.Domain.Rounds;

namespace Outturn.Web.Security;

/// <summary>
/// Who may do what. Every page and endpoint names one of these; the authorisation matrix test fails for any that
/// does not. Published data is public; drafts and child-level data are not.
/// </summary>
public static class Policies
{
    /// <summary>Anyone, signed in or not: published reports and open data.</summary>
    public const string Public = "public";
    /// <summary>Any signed-in user: drafts in progress, registers, dashboards.</summary>
    public const string Staff = "staff";
    /// <summary>
    /// Signed-in staff of the council: the council's own registers and pages (risk register, dashboard, statutory
    /// returns). Partners' staff are refused (<see cref="Viewer.SeesCouncilPages"/>).
    /// </summary>
    public const string Council = "council";
    /// <summary>Enters updates for the items assigned to them.</summary>
    public const string Contributor = "contributor";
    /// <summary>Runs the reporting round, imports data, manages plans.</summary>
    public const string PerformanceOfficer = "performance-officer";
    /// <summary>Signs off a round.</summary>
    public const string Approver = "approver";
    public const string Administrator = "administrator";
    /// <summary>Sees child-level records behind statutory indicators (always audited).</summary>
    public const string ChildLevel = "child-level";

    public static readonly IReadOnlyList<string> All = [Public, Staff, Council, Contributor, PerformanceOfficer, Approver, Administrator, ChildLevel];

    public static AuthorizationBuilder AddOutturnPolicies(this AuthorizationBuilder auth)
    {
        string[] staff = [Roles.Administrator, Roles.PerformanceOfficer, Roles.Contributor, Roles.Approver, Roles.BoardMember];
        auth.AddPolicy(Public, p => p.RequireAssertion(_ => true));
        auth.AddPolicy(Staff, p => p.RequireAuthenticatedUser().RequireRole(staff));
        auth.AddPolicy(Council, p => p.RequireAuthenticatedUser().RequireRole(staff).RequireAssertion(c => c.User.AsViewer().SeesCouncilPages));
        auth.AddPolicy(Contributor, p => p.RequireAuthenticatedUser().RequireRole(Roles.Contributor, Roles.PerformanceOfficer, Roles.Administrator));
        auth.AddPolicy(PerformanceOfficer, p => p.RequireAuthenticatedUser().RequireRole(Roles.PerformanceOfficer, Roles.Administrator));
        auth.AddPolicy(Approver, p => p.RequireAuthenticatedUser().RequireRole(Roles.Approver));
        auth.AddPolicy(Administrator, p => p.RequireAuthenticatedUser().RequireRole(Roles.Administrator));
        auth.AddPolicy(ChildLevel, p => p.RequireAuthenticatedUser().RequireClaim(Roles.ChildLevelClaim));
        return auth;
    }
}
