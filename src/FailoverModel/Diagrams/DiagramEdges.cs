namespace FailoverModel.Diagrams;

/// <summary>Edge rewrites every view shares.</summary>
internal static class DiagramEdges
{
    /// <summary>
    /// An edge and its reverse between the same two states (link down, link up; enable, disable) drawn once with two
    /// heads, in the direction of the first of them; self-loops and edges that leave a frame stay as they are.
    /// </summary>
    public static IEnumerable<DiagramEdge> MergeReverse(IReadOnlyList<DiagramEdge> edges, IReadOnlySet<string>? clusters = null)
    {
        bool Mergeable(DiagramEdge e) => e.From != e.To && !e.Dashed && e.ReverseLabel is null && clusters?.Contains(e.From) != true;
        var taken = new HashSet<int>();
        for (var i = 0; i < edges.Count; i++)
        {
            if (taken.Contains(i))
            {
                continue;
            }

            var edge = edges[i];
            var back = Mergeable(edge)
                ? Enumerable.Range(i + 1, edges.Count - i - 1).FirstOrDefault(j => !taken.Contains(j) && Mergeable(edges[j]) && edges[j].From == edge.To && edges[j].To == edge.From, -1)
                : -1;
            if (back >= 0)
            {
                taken.Add(back);
                yield return edge with { ReverseLabel = edges[back].Label };
            }
            else
            {
                yield return edge;
            }
        }
    }
}
