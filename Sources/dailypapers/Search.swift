import ArgumentParser
import DailyPapersApp
import Foundation
import PapersCore
import Search
import Storage

/// `dailypapers search`: search from the command line, one query or a file of them (for evaluations).
struct SearchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Search papers by keywords and by meaning, best first.",
        discussion: """
            Query syntax: "exact phrase", -word, author:"Name", org:nvidia, after:2025-01-01, before:2025-07-01, year:2024.
            With --batch FILE, the papers' words are indexed in memory first (as `serve` does), then it reads one query per line and writes one JSON line per query: {"query": …, "mode": …, "hits": [{"id": …, "score": …}]}.
            Semantic and hybrid modes need the embedding model and `dailypapers embed`; without the model, search is by keywords.
            """
    )

    @OptionGroup var databaseOptions: DatabaseOptions
    @OptionGroup var modelOptions: ModelOptions

    @Argument(help: "What to search for.")
    var query: [String] = []

    @Option(help: "hybrid (default), keyword or semantic.")
    var mode: String = SearchMode.hybrid.rawValue

    @Option(help: "How many papers to list (1–1000). Default: 10")
    var limit = 10

    @Option(help: "A file of queries, one per line.")
    var batch: String?

    @Flag(help: "Rank words in SQL (SQLite FTS5 or PostgreSQL tsvector), as searches do before the in-memory index is filled.")
    var sqlRanking = false

    func validate() throws {
        guard (1...1_000).contains(limit) else { throw ValidationError("--limit must be from 1 to 1000") }
        guard (batch == nil) != query.isEmpty else { throw ValidationError("Give either words to search for or --batch FILE, not both") }
        guard SearchMode(rawValue: mode) != nil else { throw ValidationError("--mode must be hybrid, keyword or semantic") }
    }

    func run() async throws {
        let queries: [String]
        if let batch {
            guard let text = try? String(contentsOfFile: batch, encoding: .utf8) else { throw CommandFailure("Cannot read \(batch) as UTF-8 text") }
            queries = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init).filter { !$0.isEmpty }
        } else {
            queries = [query.joined(separator: " ")]
        }
        let searchMode = SearchMode(rawValue: mode) ?? .hybrid
        let embedder = searchMode == .keyword ? nil : try modelOptions.required()
        let builder = try ApplicationBuilder.command(flags: databaseOptions.flags.merging(modelOptions.flags) { given, _ in given })
        try await databaseOptions.withCurrentSchema { database in
            var semantic: SemanticIndex?
            if let embedder { semantic = try await builder.semanticIndex(embedder, on: database) }
            // A batch of queries is worth indexing the papers in memory first, as `serve` does.
            let search = try await builder.paperSearch(on: database, semantic: semantic, inMemoryKeywords: batch != nil && !sqlRanking)
            for text in queries {
                let ranked = try await search.rank(KeywordQuery(text), mode: searchMode).prefix(limit)
                if batch != nil {
                    let line = BatchLine(query: text, mode: searchMode.rawValue, hits: ranked.map { .init(id: $0.paperId, score: $0.score) })
                    print(String(decoding: try JSONEncoder().encode(line), as: UTF8.self))
                } else if ranked.isEmpty {
                    print("No paper matches \"\(text)\".")
                } else {
                    for (rank, hit) in ranked.enumerated() { print("\(rank + 1). \(hit.paperId)  \(String(format: "%.4f", hit.score))") }
                }
            }
        }
    }

    struct BatchLine: Encodable {
        struct Hit: Encodable {
            let id: String
            let score: Double
        }
        let query: String
        let mode: String
        let hits: [Hit]
    }
}
