using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Outturn.Application;
using Outturn.Application.Data;
using Outturn.Cli;

// The command line shares the web app's configuration: appsettings.json in the working folder, then environment
// variables (Outturn__DataDirectory, Outturn__Database__Provider, ConnectionStrings__Outturn).
var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [], ContentRootPath = Directory.GetCurrentDirectory() });
builder.Logging.ClearProviders();
// Changes are recorded against the account named with --as or Outturn:Cli:Account (CliAccount), before AddOutturn's default.
builder.Services.AddSingleton<CliAccount>();
builder.Services.AddScoped<ICurrentUser, CliCurrentUser>();
builder.Services.AddOutturn(builder.Configuration);
using var host = builder.Build();

var root = new RootCommand("Outturn: performance management for children's services.");
root.Subcommands.Add(Commands.Db(host.Services));
root.Subcommands.Add(Commands.Demo(host.Services));
root.Subcommands.Add(Commands.Import(host.Services));
root.Subcommands.Add(Commands.Status(host.Services));
PlanCommands.AddTo(root, host.Services);
root.Subcommands.Add(UserCommands.Users(host.Services));
root.Subcommands.Add(UserCommands.Organisations(host.Services));
root.Subcommands.Add(TokenCommands.Tokens(host.Services));
RegistersCommands.AddTo(root, host.Services);
BenchmarkCommands.AddTo(root, host.Services);
root.Subcommands.Add(ReturnsCommands.Returns(host.Services));
root.Subcommands.Add(SynthCommands.Synth());
root.Subcommands.Add(ReportCommands.Report(host.Services));
foreach (var c in new[] { GovernanceCommands.Meetings(host.Services), GovernanceCommands.Actions(host.Services) }) root.Subcommands.Add(c);
CliAccount.AddOptionTo(root);
return await CommandLine.RunAsync(root, args, host.Services);
