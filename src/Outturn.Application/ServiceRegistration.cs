using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Outturn.Application.Accounts;
using Microsoft.Extensions.DependencyInjection;
using Outturn.Application.Benchmarks;
using Outturn.Application.Data;
using Outturn.Application.Demo;
using Outturn.Application.Finance;
using Outturn.Application.Documents;
using Outturn.Application.Governance;
using Outturn.Application.Monitoring;
using Outturn.Application.Notifications;
using Outturn.Application.Rounds;
using Outturn.Application.Plans;
using Outturn.Application.Plans.Editing;
using Outturn.Application.Returns;
using Outturn.Application.Risks;
using Outturn.Application.Equality;

namespace Outturn.Application;

public static class ServiceRegistration
{
    /// <summary>The store and the feature services shared by the web app and the command line.</summary>
    public static IServiceCollection AddOutturn(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddLogging();
        // Keys for cookies and password-reset tokens live in the database, so they survive restarts and every instance shares them.
        services.AddOutturnDataProtection(configuration);
        services.AddSingleton<SharedSecrets>();
        services.AddIdentityCore<OutturnUser>(o =>
            {
                o.User.RequireUniqueEmail = true;
                // NCSC password guidance: length, not composition rules (common passwords are refused by
                // CommonPasswordValidator).
                o.Password.RequiredLength = 12;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireDigit = false;
                o.Password.RequiredUniqueChars = 1;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            })
            .AddRoles<IdentityRole>()
            .AddClaimsPrincipalFactory<OutturnClaims>()
            .AddPasswordValidator<CommonPasswordValidator>()
            .AddEntityFrameworkStores<OutturnDbContext>()
            .AddDefaultTokenProviders();
        return services.AddOutturnData(configuration)
            .AddScoped<PlanImport>()
            .AddScoped<PlanExport>()
            .AddPlanEditing()
            .AddScoped<DemoData>()
            .AddSingleton<DatabaseSetup>()
            .AddSingleton(StatisticsSettings.From(configuration))
            .AddSingleton<ChildCounts>()
            .AddSingleton<DatabaseBackup>()
            .AddScoped<MonitoringQuery>()
            .AddScoped<ReportVisibility>()
            .AddScoped<Audit.ChangeHistory>()
            .AddScoped<Audit.AuditSearch>()
            .AddScoped<RoundViews>()
            .AddScoped<OpenRound>()
            .AddScoped<SaveItem>()
            .AddScoped<AssignItem>()
            .AddScoped<ChangeStage>()
            .AddScoped<PublishedRevisions>()
            .AddScoped<ReminderClaims>()
            .AddScoped<RoundWorkbook>()
            .AddScoped<RoundApiHandlers>()
            .AddScoped<SendReminders>()
            .AddScoped<ReturnItems>()
            .AddScoped<ReviseFigure>()
            .AddScoped<RoundDashboard>()
            .AddSingleton(configuration.GetSection("Outturn:Dashboard").Get<DashboardSettings>() ?? new DashboardSettings())
            .AddSingleton(configuration.GetSection("Outturn:Reminders").Get<ReminderSettings>() ?? new ReminderSettings())
            .AddScoped<DemoAccounts>()
            .AddScoped<AccountAdministration>()
            .AddScoped<AccountInvitations>()
            .AddScoped<AccountSettings>()
            .AddSingleton(_ => SingleSignOnSettings.From(configuration))
            .AddScoped<SingleSignOn>()
            .AddScoped<Organisations.OrganisationService>()
            .AddScoped<DemoOrganisations>()
            .AddScoped<DemoRounds>()
            .AddRisks()
            .AddEquality()
            .AddFinance()
            .AddScoped<Demo.DemoRegisters>()
            .AddScoped<ReportRegisterQuery>()
            .AddBenchmarks(configuration)
            .AddOutturnEmail(configuration)
            .AddReturns(configuration)
            .AddOutturnDocuments(configuration)
            .AddGovernance();
    }
}
