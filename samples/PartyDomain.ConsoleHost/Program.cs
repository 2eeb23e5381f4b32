using PartyDomain.ConsoleHost;
using Spectre.Console;

return ConsoleApp.Run(args, AnsiConsole.Console);
