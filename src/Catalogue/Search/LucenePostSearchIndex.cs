using System.Globalization;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Fr;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Highlight;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Placement.Catalogue.Domain;

using LuceneDirectory = Lucene.Net.Store.Directory;

namespace Placement.Catalogue.Search;

/// <summary>
/// The embedded engine: a Lucene.Net 4.8 index on disk under the data folder. Text fields use
/// Lucene's <see cref="FrenchAnalyzer"/> — elision, French stop words, light stemming with accent
/// folding, the behaviour of Elasticsearch's <c>french</c> analyzer. Distance filtering is a bounding
/// box on indexed coordinates, then the exact haversine distance from doc values; facets count sorted
/// doc values of every matching post. A rebuild writes a new index folder and switches a pointer file.
/// </summary>
public sealed class LucenePostSearchIndex : IPostSearchIndex, IDisposable
{
    private const LuceneVersion Version = LuceneVersion.LUCENE_48;
    private const string PointerFile = "current";
    private static readonly (string Field, float Boost)[] TextFields = [("title", 3f), ("skillsText", 2f), ("hostBodyName", 1.5f), ("description", 1f)];

    private readonly string _root;
    private readonly Analyzer _analyzer = new FrenchAnalyzer(Version);
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private readonly System.Threading.Lock _swap = new();
    private Index? _index;

    public LucenePostSearchIndex(string root)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        _root = root;
    }

    public string Engine => "embedded";

    private sealed class Index(string path, LuceneDirectory directory, IndexWriter writer, SearcherManager searchers) : IDisposable
    {
        public string Path { get; } = path;
        public IndexWriter Writer { get; } = writer;
        public SearcherManager Searchers { get; } = searchers;

        public void Dispose()
        {
            Searchers.Dispose();
            Writer.Dispose();
            directory.Dispose();
        }
    }

    public Task EnsureReadyAsync(CancellationToken ct = default)
    {
        _ = Current();
        return Task.CompletedTask;
    }

    private Index Current()
    {
        lock (_swap)
        {
            if (_index is not null) return _index;
            System.IO.Directory.CreateDirectory(_root);
            var pointer = Path.Combine(_root, PointerFile);
            var name = File.Exists(pointer) ? File.ReadAllText(pointer).Trim() : null;
            if (name is null || !System.IO.Directory.Exists(Path.Combine(_root, name)))
            {
                name = NewIndexName();
                WritePointer(name);
            }
            _index = Open(Path.Combine(_root, name));
            return _index;
        }
    }

    private Index Open(string path)
    {
        var directory = FSDirectory.Open(path);
        var writer = new IndexWriter(directory, new IndexWriterConfig(Version, _analyzer) { OpenMode = OpenMode.CREATE_OR_APPEND });
        writer.Commit();
        return new Index(path, directory, writer, new SearcherManager(writer, applyAllDeletes: true, searcherFactory: null));
    }

    private static string NewIndexName() => "index-" + DateTime.UtcNow.ToString("yyyyMMddHHmmssfffffff", CultureInfo.InvariantCulture);

    private void WritePointer(string name)
    {
        var temp = Path.Combine(_root, PointerFile + ".tmp");
        File.WriteAllText(temp, name);
        File.Move(temp, Path.Combine(_root, PointerFile), overwrite: true);
    }

    public async Task IndexAsync(IReadOnlyCollection<PostDocument> documents, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(documents);
        await _writeGate.WaitAsync(ct);
        try
        {
            var index = Current();
            foreach (var doc in documents) index.Writer.UpdateDocument(new Term("id", doc.Id.ToString()), ToLucene(doc));
            index.Writer.Commit();
            index.Searchers.MaybeRefreshBlocking();
        }
        finally
        {
            _writeGate.Release();
        }
    }

    public async Task RemoveAsync(IReadOnlyCollection<Guid> postIds, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(postIds);
        await _writeGate.WaitAsync(ct);
        try
        {
            var index = Current();
            index.Writer.DeleteDocuments([.. postIds.Select(id => new Term("id", id.ToString()))]);
            index.Writer.Commit();
            index.Searchers.MaybeRefreshBlocking();
        }
        finally
        {
            _writeGate.Release();
        }
    }

    public async Task<int> RebuildAsync(IAsyncEnumerable<PostDocument> documents, IProgress<int>? progress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(documents);
        await _writeGate.WaitAsync(ct);
        Index? fresh = null;
        try
        {
            _ = Current();
            var name = NewIndexName();
            fresh = Open(Path.Combine(_root, name));
            var count = 0;
            await foreach (var doc in documents.WithCancellation(ct))
            {
                fresh.Writer.AddDocument(ToLucene(doc));
                if (++count % 1000 == 0) progress?.Report(count);
            }
            fresh.Writer.Commit();
            fresh.Searchers.MaybeRefreshBlocking();
            progress?.Report(count);
            Index old;
            lock (_swap)
            {
                WritePointer(name);
                old = _index!;
                _index = fresh;
            }
            fresh = null;
            old.Dispose();
            TryDelete(old.Path);
            return count;
        }
        finally
        {
            if (fresh is not null)
            {
                fresh.Dispose();
                TryDelete(fresh.Path);
            }
            _writeGate.Release();
        }
    }

    private static void TryDelete(string path)
    {
        try { System.IO.Directory.Delete(path, recursive: true); }
        catch (IOException) { /* a reader may still hold it on some platforms; the next rebuild cleans up */ }
    }

    public Task<long> CountAsync(CancellationToken ct = default)
    {
        var index = Current();
        var searcher = index.Searchers.Acquire();
        try
        {
            return Task.FromResult((long)searcher.IndexReader.NumDocs);
        }
        finally
        {
            index.Searchers.Release(searcher);
        }
    }

    public Task<PostSearchResult> SearchAsync(PostSearchQuery query, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var index = Current();
        var searcher = index.Searchers.Acquire();
        try
        {
            var (main, textQuery) = MainQuery(query);
            if (main is null) return Task.FromResult(new PostSearchResult([], 0, EmptyFacets()));
            var collector = new RankingCollector(query, query.Page * query.PageSize);
            searcher.Search(main, collector);
            var page = collector.Top().Skip((query.Page - 1) * query.PageSize).Take(query.PageSize).ToList();
            var highlighter = textQuery is null ? null : new Highlighter(new SimpleHTMLFormatter("<mark>", "</mark>"), new QueryScorer(textQuery));
            // Ids come from doc values; stored fields are read only to highlight a text search.
            var hits = page.Select(h => new PostSearchHit(h.Id, h.Score, h.DistanceKm,
                highlighter is null ? [] : Highlight(highlighter, searcher.Doc(h.Doc)))).ToList();
            return Task.FromResult(new PostSearchResult(hits, collector.Total, collector.Facets()));
        }
        finally
        {
            index.Searchers.Release(searcher);
        }
    }

    public Task<IReadOnlyList<Guid>> MatchingIdsAsync(PostSearchQuery query, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var index = Current();
        var searcher = index.Searchers.Acquire();
        try
        {
            var (main, _) = MainQuery(query);
            if (main is null) return Task.FromResult<IReadOnlyList<Guid>>([]);
            var collector = new IdCollector(query);
            searcher.Search(main, collector);
            return Task.FromResult<IReadOnlyList<Guid>>(collector.Ids);
        }
        finally
        {
            index.Searchers.Release(searcher);
        }
    }

    /// <summary>The text query (null without text) filtered by the query's filters; no query at all when the text has no searchable term.</summary>
    private (Query? Main, Query? Text) MainQuery(PostSearchQuery query)
    {
        var (textQuery, hasTerms) = TextQuery(query.Text);
        if (query.Text is { Length: > 0 } && !hasTerms) return (null, null);
        var filter = Filter(query);
        // Without text the filters alone are the query (every match scores 1): no pass over every document.
        Query main = (textQuery, filter) switch
        {
            (null, null) => new MatchAllDocsQuery(),
            (null, { } f) => new ConstantScoreQuery(f),
            ({ } t, null) => t,
            ({ } t, { } f) => new FilteredQuery(t, new QueryWrapperFilter(f)),
        };
        return (main, textQuery);
    }

    private IReadOnlyList<string> Highlight(Highlighter highlighter, Document stored)
    {
        var result = new List<string>();
        foreach (var field in new[] { "title", "description" })
        {
            var text = stored.Get(field);
            var fragment = text is null ? null : highlighter.GetBestFragment(_analyzer, field, text);
            if (fragment is not null) result.Add(fragment);
        }
        return result;
    }

    /// <summary>The text analysed in French; each resulting term searched in every text field (any term may match).</summary>
    private (Query? Query, bool HasTerms) TextQuery(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return (null, false);
        var terms = Analyze(text).Distinct().ToList();
        if (terms.Count == 0) return (null, false);
        var query = new BooleanQuery();
        foreach (var term in terms)
            foreach (var (field, boost) in TextFields)
                query.Add(new TermQuery(new Term(field, term)) { Boost = boost }, Occur.SHOULD);
        return (query, true);
    }

    private IEnumerable<string> Analyze(string text)
    {
        using var stream = _analyzer.GetTokenStream("title", text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        var terms = new List<string>();
        while (stream.IncrementToken()) terms.Add(term.ToString());
        stream.End();
        return terms;
    }

    private static BooleanQuery? Filter(PostSearchQuery query)
    {
        var filter = new BooleanQuery();
        void AnyOf(string field, IEnumerable<string> values)
        {
            var any = new BooleanQuery();
            foreach (var v in values) any.Add(new TermQuery(new Term(field, v)), Occur.SHOULD);
            if (any.Clauses.Count > 0) filter.Add(any, Occur.MUST);
        }
        AnyOf("activity", query.Activities);
        AnyOf("skill", query.Skills.Select(s => s.ToLowerInvariant()));
        if (query.Day is { } day) AnyOf("day", [day]);
        if (query.Departement is { } d) AnyOf("departement", [d]);
        if (query.AcceptsMinors is { } minors) AnyOf("acceptsMinors", [Flag(minors)]);
        if (query.NearPublicTransport is { } transport) AnyOf("nearPublicTransport", [Flag(transport)]);
        if (query.WheelchairAccessible is { } wheelchair) AnyOf("wheelchairAccessible", [Flag(wheelchair)]);
        if (query.Center is { } centre && query.RadiusKm is { } radius)
        {
            var (minLat, maxLat, minLon, maxLon) = centre.BoundingBox(radius);
            filter.Add(NumericRangeQuery.NewDoubleRange("lat", minLat, maxLat, true, true), Occur.MUST);
            filter.Add(NumericRangeQuery.NewDoubleRange("lon", minLon, maxLon, true, true), Occur.MUST);
        }
        return filter.Clauses.Count == 0 ? null : filter;
    }

    private static string Flag(bool value) => value ? "1" : "0";

    private static Document ToLucene(PostDocument d)
    {
        var doc = new Document
        {
            new StringField("id", d.Id.ToString(), Field.Store.YES),
            new BinaryDocValuesField("id_dv", new BytesRef(d.Id.ToByteArray())),
            new StringField("hostBodyId", d.HostBodyId.ToString(), Field.Store.YES),
            new TextField("title", d.Title, Field.Store.YES),
            new TextField("description", d.Description, Field.Store.YES),
            new TextField("hostBodyName", d.HostBodyName, Field.Store.YES),
            new TextField("skillsText", string.Join(' ', d.Skills), Field.Store.NO),
            new StringField("activity", d.Activity, Field.Store.NO),
            new SortedDocValuesField("activity_dv", new BytesRef(d.Activity)),
            new StringField("departement", d.Departement, Field.Store.NO),
            new SortedDocValuesField("departement_dv", new BytesRef(d.Departement)),
            new StringField("acceptsMinors", Flag(d.AcceptsMinors), Field.Store.NO),
            new StringField("nearPublicTransport", Flag(d.NearPublicTransport), Field.Store.NO),
            new StringField("wheelchairAccessible", Flag(d.WheelchairAccessible), Field.Store.NO),
            new DoubleField("lat", d.Lat, Field.Store.NO),
            new DoubleField("lon", d.Lon, Field.Store.NO),
            new DoubleDocValuesField("lat_dv", d.Lat),
            new DoubleDocValuesField("lon_dv", d.Lon),
        };
        foreach (var skill in d.Skills) doc.Add(new StringField("skill", skill.ToLowerInvariant(), Field.Store.NO));
        foreach (var day in d.Days) doc.Add(new StringField("day", day, Field.Store.NO));
        return doc;
    }

    private static Dictionary<string, IReadOnlyDictionary<string, int>> EmptyFacets() => new()
    {
        [PostSearchResult.ActivityFacet] = new Dictionary<string, int>(),
        [PostSearchResult.DepartementFacet] = new Dictionary<string, int>(),
    };

    public void Dispose()
    {
        lock (_swap)
        {
            _index?.Dispose();
            _index = null;
        }
        _analyzer.Dispose();
        _writeGate.Dispose();
    }

    /// <summary>The ids of every matching document within the radius (the bounding box of the filter made exact).</summary>
    private sealed class IdCollector(PostSearchQuery query) : ICollector
    {
        private NumericDocValues? _lat, _lon;
        private BinaryDocValues? _ids;
        private readonly BytesRef _idBytes = new();

        public List<Guid> Ids { get; } = [];

        public bool AcceptsDocsOutOfOrder => true;

        public void SetScorer(Scorer scorer) { }

        public void SetNextReader(AtomicReaderContext context)
        {
            var reader = context.AtomicReader;
            _lat = reader.GetNumericDocValues("lat_dv");
            _lon = reader.GetNumericDocValues("lon_dv");
            _ids = reader.GetBinaryDocValues("id_dv");
        }

        public void Collect(int doc)
        {
            if (query.Center is { } centre && query.RadiusKm is { } radius)
            {
                var point = new GeoPoint(BitConverter.Int64BitsToDouble(_lat!.Get(doc)), BitConverter.Int64BitsToDouble(_lon!.Get(doc)));
                if (centre.DistanceKmTo(point) > radius) return;
            }
            _ids!.Get(doc, _idBytes);
            Ids.Add(new Guid(_idBytes.Bytes.AsSpan(_idBytes.Offset, _idBytes.Length)));
        }
    }

    private readonly record struct Ranked(int Doc, Guid Id, double Score, double? DistanceKm);

    /// <summary>
    /// Keeps the exact distance filter, the combined score (relevance × proximity), the best
    /// <c>keep</c> hits, the total and the facet counts, in one pass over the matching documents.
    /// </summary>
    private sealed class RankingCollector(PostSearchQuery query, int keep) : ICollector
    {
        private readonly PriorityQueue<Ranked, (double, double, int)> _top = new(Comparer<(double Score, double Distance, int Doc)>.Create((a, b) =>
        {
            // The root is the worst hit: lowest score, then farthest, then highest doc.
            var c = a.Score.CompareTo(b.Score);
            if (c != 0) return c;
            c = b.Distance.CompareTo(a.Distance);
            return c != 0 ? c : b.Doc.CompareTo(a.Doc);
        }));
        private readonly Dictionary<string, int> _activities = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int> _departements = new(StringComparer.Ordinal);
        private Scorer? _scorer;
        private int _docBase;
        private NumericDocValues? _lat, _lon;
        private BinaryDocValues? _ids;
        private readonly BytesRef _idBytes = new();
        private SortedDocValues? _activity, _departement;
        private int[] _activityCounts = [], _departementCounts = [];

        public int Total { get; private set; }

        public bool AcceptsDocsOutOfOrder => true;

        public void SetScorer(Scorer scorer) => _scorer = scorer;

        public void SetNextReader(AtomicReaderContext context)
        {
            Flush();
            _docBase = context.DocBase;
            var reader = context.AtomicReader;
            _lat = reader.GetNumericDocValues("lat_dv");
            _lon = reader.GetNumericDocValues("lon_dv");
            _ids = reader.GetBinaryDocValues("id_dv");
            _activity = reader.GetSortedDocValues("activity_dv");
            _departement = reader.GetSortedDocValues("departement_dv");
            _activityCounts = new int[_activity?.ValueCount ?? 0];
            _departementCounts = new int[_departement?.ValueCount ?? 0];
        }

        public void Collect(int doc)
        {
            double? distance = null;
            var score = query.Text is { Length: > 0 } ? _scorer!.GetScore() : 1.0;
            if (query.Center is { } centre)
            {
                var point = new GeoPoint(BitConverter.Int64BitsToDouble(_lat!.Get(doc)), BitConverter.Int64BitsToDouble(_lon!.Get(doc)));
                var d = centre.DistanceKmTo(point);
                if (query.RadiusKm is { } radius && d > radius) return;
                distance = d;
                score *= SearchRanking.Proximity(d, query.DecayScaleKm);
            }
            Total++;
            if (_activity is not null && _activity.GetOrd(doc) is var a and >= 0) _activityCounts[a]++;
            if (_departement is not null && _departement.GetOrd(doc) is var dep and >= 0) _departementCounts[dep]++;
            if (keep <= 0) return;
            var priority = (score, distance ?? 0, _docBase + doc);
            if (_top.Count >= keep && !(_top.TryPeek(out _, out var worst) && Better(priority, worst))) return;
            _ids!.Get(doc, _idBytes);
            var ranked = new Ranked(_docBase + doc, new Guid(_idBytes.Bytes.AsSpan(_idBytes.Offset, _idBytes.Length)), score, distance);
            if (_top.Count < keep) _top.Enqueue(ranked, priority);
            else _top.EnqueueDequeue(ranked, priority);
        }

        private static bool Better((double Score, double Distance, int Doc) a, (double Score, double Distance, int Doc) b) =>
            a.Score != b.Score ? a.Score > b.Score : a.Distance != b.Distance ? a.Distance < b.Distance : a.Doc < b.Doc;

        private void Flush()
        {
            var term = new BytesRef();
            for (var i = 0; i < _activityCounts.Length; i++)
                if (_activityCounts[i] > 0)
                {
                    _activity!.LookupOrd(i, term);
                    var key = term.Utf8ToString();
                    _activities[key] = _activities.GetValueOrDefault(key) + _activityCounts[i];
                }
            for (var i = 0; i < _departementCounts.Length; i++)
                if (_departementCounts[i] > 0)
                {
                    _departement!.LookupOrd(i, term);
                    var key = term.Utf8ToString();
                    _departements[key] = _departements.GetValueOrDefault(key) + _departementCounts[i];
                }
            _activityCounts = [];
            _departementCounts = [];
        }

        public IEnumerable<Ranked> Top()
        {
            var list = new List<(Ranked Hit, (double Score, double Distance, int Doc) Priority)>();
            while (_top.TryDequeue(out var hit, out var priority)) list.Add((hit, priority));
            list.Reverse();
            return list.Select(x => x.Hit);
        }

        public IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> Facets()
        {
            Flush();
            return new Dictionary<string, IReadOnlyDictionary<string, int>>
            {
                [PostSearchResult.ActivityFacet] = _activities,
                [PostSearchResult.DepartementFacet] = _departements,
            };
        }
    }
}
