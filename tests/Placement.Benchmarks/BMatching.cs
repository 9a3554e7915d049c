namespace Placement.Benchmarks;

/// <summary>
/// The maximum b-matching of a bipartite graph by Dinic's max flow: source → each left node (capacity 1) → each right
/// node it is paired with (1) → sink (the right node's capacity). Every augmenting path carries one unit (the source's
/// arcs have capacity 1), so a path is found by an iterative depth-first search along the level graph.
/// </summary>
internal sealed class BMatching
{
    private readonly int source, sink;
    private readonly int[] tail, head, residual, first, adjacency, level, next, path;

    private BMatching(IReadOnlyList<int[]> pairs, IReadOnlyList<int> capacity)
    {
        int left = pairs.Count, right = capacity.Count;
        source = left + right;
        sink = source + 1;
        var edges = 2 * (left + right + pairs.Sum(p => p.Length));
        (tail, head, residual) = (new int[edges], new int[edges], new int[edges]);
        var count = 0;
        for (var l = 0; l < left; l++)
        {
            Add(ref count, source, l, 1);
            foreach (var r in pairs[l]) Add(ref count, l, left + r, 1);
        }
        for (var r = 0; r < right; r++) Add(ref count, left + r, sink, capacity[r]);

        var nodes = sink + 1;
        first = new int[nodes + 1];
        foreach (var u in tail) first[u + 1]++;
        for (var u = 0; u < nodes; u++) first[u + 1] += first[u];
        adjacency = new int[edges];
        var fill = first[..^1];
        for (var e = 0; e < edges; e++) adjacency[fill[tail[e]]++] = e;
        (level, next, path) = (new int[nodes], new int[nodes], new int[nodes]);
    }

    /// <summary>How many left nodes can be matched, each once, no right node beyond its capacity.</summary>
    public static int Maximum(IReadOnlyList<int[]> pairs, IReadOnlyList<int> capacity) => new BMatching(pairs, capacity).Solve();

    private void Add(ref int count, int from, int to, int capacity)
    {
        (tail[count], head[count], residual[count]) = (from, to, capacity);
        (tail[count + 1], head[count + 1], residual[count + 1]) = (to, from, 0);
        count += 2;
    }

    private int Solve()
    {
        var flow = 0;
        while (Levels())
        {
            Array.Copy(first, next, next.Length);
            while (Augment()) flow++;
        }
        return flow;
    }

    /// <summary>Breadth-first levels from the source over arcs with residual capacity; false when the sink is cut off.</summary>
    private bool Levels()
    {
        Array.Fill(level, -1);
        var queue = new Queue<int>();
        level[source] = 0;
        queue.Enqueue(source);
        while (queue.TryDequeue(out var u))
            for (var k = first[u]; k < first[u + 1]; k++)
            {
                var e = adjacency[k];
                if (residual[e] > 0 && level[head[e]] < 0)
                {
                    level[head[e]] = level[u] + 1;
                    queue.Enqueue(head[e]);
                }
            }
        return level[sink] >= 0;
    }

    /// <summary>One unit along a path of the level graph, if any is left; dead ends are cut off for the rest of the phase.</summary>
    private bool Augment()
    {
        int u = source, depth = 0;
        while (u != sink)
        {
            var k = next[u];
            while (k < first[u + 1] && (residual[adjacency[k]] == 0 || level[head[adjacency[k]]] != level[u] + 1)) k++;
            next[u] = k;
            if (k < first[u + 1])
            {
                path[depth++] = adjacency[k];
                u = head[adjacency[k]];
                continue;
            }
            if (u == source) return false;
            level[u] = -1;
            u = tail[path[--depth]];
            next[u]++;
        }
        for (var i = 0; i < depth; i++)
        {
            residual[path[i]]--;
            residual[path[i] ^ 1]++;
        }
        return true;
    }
}
