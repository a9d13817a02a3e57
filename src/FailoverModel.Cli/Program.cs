using FailoverModel.Cli;

return Cli.Invoke(args, Console.Out, Console.Error, Console.In, Console.OpenStandardInput());
