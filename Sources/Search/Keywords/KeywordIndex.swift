import Dispatch
import PapersCore
import Storage

/// Every visible paper's words in memory, for keyword search in milliseconds at a million papers.
///
/// An inverted index: for each stemmed term, the papers holding it with a precomputed BM25 impact. A search adds up
/// IDF × impact for the query's terms in a score per paper and keeps the best; papers with an excluded word are
/// left out. Same formula and field weights as SQLite's FTS5 ranking, but without scoring in SQL row by row.
/// Queries with phrases or filters (author, organization, dates) are left to SQL: `search` returns nil for them.
/// A replaced or removed paper leaves its old postings behind, skipped by searches, until the next start-up.
public final class KeywordIndex: @unchecked Sendable {
    /// The most stemmed terms a prefix (the word being typed) expands to, the most common first.
    public static let prefixExpansions = 16
    /// Papers scored at a time: 32,768 running scores (128 KB) stay in the processor's cache.
    static let windowSize = 1 << 15

    private let lock = ReadWriteLock()
    private let queue = DispatchQueue(label: "keyword-index")
    private var vocabulary = Vocabulary()
    private var postings: [Postings] = []
    private var paperIds: [String] = []
    private var documentOfPaper: [String: UInt32] = [:]
    private var lengths: [UInt32] = []
    private var live: [Bool] = []
    private var liveCount = 0
    private var liveLength = 0
    private var filling = true

    public init() {}

    /// True once the first fill is finished: until then searches go to SQL.
    public var isReady: Bool { lock.reading { !filling } }

    /// How many papers the index holds.
    public var count: Int { lock.reading { liveCount } }

    /// Applies a batch of changes: papers to index (replacing what was indexed of them) and papers that are gone
    /// or hidden. The work runs off the cooperative pool.
    public func apply(upserting papers: [SearchablePaper], removing removed: [String]) async {
        await onQueue {
            self.lock.writing {
                removed.forEach(self.remove)
                self.insert(papers)
                // While filling, new terms are sorted once at the end.
                if !self.filling { self.vocabulary.sortNewTerms() }
            }
        }
    }

    /// Ends the first fill: turns raw frequencies into impacts, trims spare capacity, and starts answering searches.
    public func finishFilling() async {
        await onQueue {
            self.lock.writing {
                let averageLength = self.averageLength
                let lengths = self.lengths
                for term in self.postings.indices {
                    self.postings[term].rewriteImpacts { document, frequency in
                        BM25.impact(frequency: Int(frequency), length: Int(lengths[Int(document)]), averageLength: averageLength)
                    }
                }
                self.vocabulary.sortNewTerms(all: true)
                self.filling = false
            }
        }
    }

    /// The best `limit` papers for the query's words, best first; nil when SQL must answer (phrases, filters,
    /// only stop words, or before the first fill ends).
    public func search(_ query: KeywordQuery, limit: Int) -> [KeywordHit]? {
        guard query.phrases.isEmpty, !query.hasFilters else { return nil }
        return lock.reading {
            guard !filling, let plan = plan(for: query) else { return nil }
            guard limit > 0 else { return [] }
            var best = TopK(capacity: limit)
            run(plan, into: &best)
            return best.items.map { KeywordHit(paperId: paperIds[Int($0.slot)], score: Double($0.score)) }
        }
    }

    /// Every paper among `ids` (a reading list) that the query's words match, best first, scored with the whole
    /// index's weights; nil when SQL must answer, as for `search`.
    public func search(_ query: KeywordQuery, within ids: Set<String>) -> [KeywordHit]? {
        guard query.phrases.isEmpty, !query.hasFilters else { return nil }
        return lock.reading {
            guard !filling, let plan = plan(for: query) else { return nil }
            var hits = EveryHit(among: ids.compactMap { documentOfPaper[$0].map(Int32.init) }, documents: paperIds.count)
            run(plan, into: &hits)
            return hits.items.map { KeywordHit(paperId: paperIds[Int($0.slot)], score: Double($0.score)) }
                .sorted { $0.score != $1.score ? $0.score > $1.score : $0.paperId < $1.paperId }
        }
    }

    /// How many papers hold `word` (nil for none): what makes a word of a long query worth ranking by.
    public func documentFrequency(of word: String) -> Int? {
        lock.reading {
            guard case .term(let term) = vocabulary.lookUp(word), Int(term) < postings.count else { return nil }
            let count = postings[Int(term)].count
            return count > 0 ? count : nil
        }
    }

    private var averageLength: Float { liveCount == 0 ? 1 : Float(liveLength) / Float(liveCount) }

    private func onQueue(_ work: @escaping @Sendable () -> Void) async {
        await withCheckedContinuation { continuation in
            queue.async {
                work()
                continuation.resume()
            }
        }
    }

    /// Indexes papers as new documents (a paper already here is replaced). Postings are gathered for the whole
    /// batch and sorted by term, so each term's list is touched once per batch rather than once per paper. Each
    /// entry packs term, the paper's place in the batch (24 bits: batches are thousands) and impact in 64 bits.
    private func insert(_ papers: [SearchablePaper]) {
        let base = UInt32(paperIds.count)
        var entries: [UInt64] = []
        for (offset, paper) in papers.enumerated() {
            remove(paper.paperId)
            let analyzed = vocabulary.analyze(paper)
            paperIds.append(paper.paperId)
            documentOfPaper[paper.paperId] = base + UInt32(offset)
            lengths.append(UInt32(analyzed.length))
            live.append(true)
            liveCount += 1
            liveLength += analyzed.length
            let averageLength = self.averageLength
            for (term, frequency) in analyzed.terms {
                let impact =
                    filling ? UInt8(min(frequency, 255)) : BM25.impact(frequency: frequency, length: analyzed.length, averageLength: averageLength)
                entries.append(UInt64(term) << 32 | UInt64(offset) << 8 | UInt64(impact))
            }
        }
        entries.sort()
        if let last = entries.last, Int(last >> 32) >= postings.count {
            postings.append(contentsOf: repeatElement(Postings(), count: Int(last >> 32) - postings.count + 1))
        }
        for entry in entries {
            postings[Int(entry >> 32)].append(document: base + UInt32((entry >> 8) & 0xFF_FFFF), impact: UInt8(entry & 0xFF))
        }
    }

    private func remove(_ paperId: String) {
        guard let document = documentOfPaper.removeValue(forKey: paperId) else { return }
        live[Int(document)] = false
        liveCount -= 1
        liveLength -= Int(lengths[Int(document)])
    }
}

extension KeywordIndex {
    /// Resolves the query's words; nil when the index cannot answer it (stop words only, an excluded stop word,
    /// or exclusions alone, which SQL lists newest first).
    fileprivate func plan(for query: KeywordQuery) -> KeywordPlan? {
        var plan = KeywordPlan(scored: [], excluded: [])
        var sawStopWord = false
        for word in query.rankedTerms.flatMap(WordSplitter.words) {
            switch vocabulary.lookUp(word) {
                case .term(let term): if !plan.scored.contains(term) { plan.scored.append(term) }
                case .stopWord: sawStopWord = true
                case .unknown: break
            }
        }
        for word in query.compounds {
            if case .term(let term) = vocabulary.lookUp(word), !plan.scored.contains(term) { plan.scored.append(term) }
        }
        if let prefix = query.prefix, let typed = WordSplitter.words(of: prefix).last {
            let expansions = vocabulary.terms(withPrefix: typed).sorted { postings[Int($0)].count > postings[Int($1)].count }
            for term in expansions.prefix(Self.prefixExpansions) where !plan.scored.contains(term) { plan.scored.append(term) }
        }
        for word in query.excluded.flatMap(WordSplitter.words) {
            switch vocabulary.lookUp(word) {
                case .term(let term): plan.excluded.append(term)
                case .stopWord: return nil
                case .unknown: break
            }
        }
        if plan.scored.isEmpty && (sawStopWord || !query.hasWords) { return nil }
        return plan
    }

    /// Scores papers holding a scored term and keeps the best live ones without an excluded term.
    ///
    /// Papers are scored a window at a time, so the running scores stay in the processor's cache. Within a window,
    /// terms whose best possible contributions together cannot beat the current k-th best score (MaxScore) only
    /// add to papers another term already found: a paper holding nothing but common words is never a candidate.
    fileprivate func run<Hits: HitCollector>(_ plan: KeywordPlan, into best: inout Hits) {
        guard !plan.scored.isEmpty else { return }
        let terms = plan.scored.map { term in
            let list = postings[Int(term)]
            let weight = BM25.idf(documents: liveCount, holding: list.count) * BM25.impactUnit
            return ScoredTerm(list: list, weight: weight, bound: weight * Float(list.maxImpact))
        }.sorted { $0.bound < $1.bound }
        let excluded = plan.excluded.map { postings[Int($0)] }
        var cursors = Array(repeating: PostingsCursor(), count: terms.count)
        var excludedCursors = Array(repeating: PostingsCursor(), count: excluded.count)
        var window = [Float](repeating: 0, count: Self.windowSize)
        var touched: [Int] = []
        var start = 0
        while start < paperIds.count {
            let end = UInt32(min(start + Self.windowSize, paperIds.count))
            let bar = max(0, best.threshold)
            var optional = 0
            var optionalBound: Float = 0
            while optional < terms.count, optionalBound + terms[optional].bound <= bar {
                optionalBound += terms[optional].bound
                optional += 1
            }
            touched.removeAll(keepingCapacity: true)
            window.withUnsafeMutableBufferPointer { scores in
                for index in (optional..<terms.count).reversed() {
                    let weight = terms[index].weight
                    terms[index].list.advance(&cursors[index], below: end) { document, impact in
                        let slot = Int(document) - start
                        if scores[slot] == 0 { touched.append(slot) }
                        scores[slot] += weight * Float(impact)
                    }
                }
                for index in 0..<optional {
                    let weight = terms[index].weight
                    terms[index].list.advance(&cursors[index], below: end) { document, impact in
                        let slot = Int(document) - start
                        if scores[slot] > 0 { scores[slot] += weight * Float(impact) }
                    }
                }
                for list in excluded.indices {
                    excluded[list].advance(&excludedCursors[list], below: end) { document, _ in scores[Int(document) - start] = 0 }
                }
                live.withUnsafeBufferPointer { live in
                    for slot in touched {
                        if scores[slot] > max(0, best.threshold) && live[start + slot] { best.offer(slot: Int32(start + slot), score: scores[slot]) }
                        scores[slot] = 0
                    }
                }
            }
            start = Int(end)
        }
    }
}
