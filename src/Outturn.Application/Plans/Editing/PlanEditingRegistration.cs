using Microsoft.Extensions.DependencyInjection;

namespace Outturn.Application.Plans.Editing;

public static class PlanEditingRegistration
{
    /// <summary>The plan versions and one handler for each editing action of the plan pages.</summary>
    public static IServiceCollection AddPlanEditing(this IServiceCollection services) => services
        .AddScoped<PlanVersioning>()
        .AddScoped<PlanEditor>()
        .AddScoped<PlanEditQuery>()
        .AddScoped<CreatePlan.Handler>()
        .AddScoped<ChangePlanDetails.Handler>()
        .AddScoped<ApprovePlan.Handler>()
        .AddScoped<SavePriority.Handler>()
        .AddScoped<SaveObjective.Handler>()
        .AddScoped<SaveMilestone.Handler>()
        .AddScoped<SaveMeasure.Handler>()
        .AddScoped<SetTargets.Handler>()
        .AddScoped<RetireItem.Handler>()
        .AddScoped<ReinstateItem.Handler>()
        .AddScoped<MoveItem.Handler>();
}
