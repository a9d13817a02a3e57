namespace FailoverModel.Cli.Bench;

/// <summary>One measured figure of one workload.</summary>
public sealed record BenchFigure(string Workload, string Measure, double Value, string Unit, string Reproduce);
