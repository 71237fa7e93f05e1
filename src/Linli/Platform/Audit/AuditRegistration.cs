using Linli.Platform.Persistence;

namespace Linli.Platform.Audit;

internal static class AuditRegistration
{
    /// <summary>The audit log: its context, the chained writer and its key, checkpoints, verification (page, API, verb).</summary>
    public static IHostApplicationBuilder AddAuditLog(this IHostApplicationBuilder builder, string dataFolder)
    {
        var services = builder.Services;
        builder.AddModuleDbContext<AuditDbContext, Data.SqliteAuditDbContext, Data.PostgresAuditDbContext>(AuditDbContext.Module, appendOnly: true);
        // Derived from the personal-data key when first needed, so that a missing key stops the start with the key check's own message.
        services.AddSingleton(sp => AuditChainKeys.From(builder.Configuration, sp.GetRequiredService<Protection.PersonalDataKeySource>().Key));
        services.AddSingleton(new AuditOptions
        {
            AnchorFile = Path.GetFullPath(builder.Configuration["Audit:AnchorFile"] ?? "audit-anchor.json", dataFolder),
            CheckpointInterval = TimeSpan.FromSeconds(builder.Configuration.GetValue("Audit:CheckpointSeconds", 60)),
        });
        services.AddSingleton<AuditAppender>();
        services.AddScoped<AuditChainWriter>();
        services.AddScoped<IAuditLog, AuditLog>();
        services.AddScoped<AuditCheckpoints>();
        services.AddScoped<AuditVerifier>();
        services.AddScoped<AuditPresenter>();
        services.AddSingleton<AuditVerificationRunner>();
        services.AddHostedService<AuditCheckpointJob>();
        services.AddSingleton<Cli.ICommandVerb, VerifyAuditVerb>();
        return builder;
    }
}
