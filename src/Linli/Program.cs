using Linli.Modules.Accounts;
using Linli.Modules.Care;
using Linli.Modules.Facilities;
using Linli.Modules.Indicators;
using Linli.Modules.Organizations;
using Linli.Modules.Regions;
using Linli.Modules.Residents;
using Linli.Modules.Requests;
using Linli.Modules.ServiceDesk;
using Linli.Modules.Volunteering;
using Linli.Modules.Workforce;
using Linli.Platform;
using Linli.Platform.Cli;

var (verb, hostArgs, overrides) = Verb.Parse(args);

var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = hostArgs });
builder.Configuration.AddInMemoryCollection(overrides);
builder.AddPlatform();
builder.AddRegionsModule();
builder.AddAccountsModule();
builder.AddOrganizationsModule();
builder.AddFacilitiesModule();
builder.AddWorkforceModule();
builder.AddResidentsModule();
builder.AddRequestsModule();
builder.AddServiceDeskModule();
builder.AddVolunteeringModule();
builder.AddIndicatorsModule();
builder.AddCareModule();

var app = builder.Build();
if (verb is not null) return await CommandLine.RunAsync(verb, app.Services);

app.Logger.LogInformation("Preparing the database (migrations, reference data, demo city on first start)…");
await app.Services.PrepareAsync();

app.UsePlatform();
app.MapPlatform();
app.MapRegions();
app.MapAccounts();
app.MapOrganizations();
app.MapFacilities();
app.MapWorkforce();
app.MapResidents();
app.MapRequests();
app.MapServiceDesk();
app.MapVolunteering();
app.MapIndicators();
app.MapCare();

await app.RunAsync();
return 0;

/// <summary>Entry point, public so the tests' host factory can find it.</summary>
public partial class Program;
