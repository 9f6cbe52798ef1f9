import ArgumentParser
import Foundation
import PapersCore
import Storage

/// `dailypapers search`: keyword search from the command line, one query or a file of them (for evaluations).
struct Search: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Search papers by keywords (title, abstract, authors, organization), best first.",
        discussion: "With --batch FILE, reads one query per line and writes one JSON line per query: {\"query\": …, \"hits\": [{\"id\": …, \"score\": …}]}."
    )

    @OptionGroup var databaseOptions: DatabaseOptions

    @Argument(help: "The words to search for.")
    var query: [String] = []

    @Option(help: "How many papers to list (1–1000). Default: 10")
    var limit = 10

    @Option(help: "A file of queries, one per line.")
    var batch: String?

    func validate() throws {
        guard (1...1_000).contains(limit) else { throw ValidationError("--limit must be from 1 to 1000") }
        guard (batch == nil) != query.isEmpty else { throw ValidationError("Give either words to search for or --batch FILE, not both") }
    }

    func run() async throws {
        let queries: [String]
        if let batch {
            guard let text = try? String(contentsOfFile: batch, encoding: .utf8) else { throw CommandFailure("Cannot read \(batch) as UTF-8 text") }
            queries = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init).filter { !$0.isEmpty }
        } else {
            queries = [query.joined(separator: " ")]
        }
        try await databaseOptions.withMigrated { database in
            let store = SQLPaperStore(database: database)
            for text in queries {
                let hits = try await store.keywordSearch(KeywordQuery(text), limit: limit)
                if batch != nil {
                    let line = BatchLine(query: text, hits: hits.map { .init(id: $0.paperId, score: $0.score) })
                    print(String(decoding: try JSONEncoder().encode(line), as: UTF8.self))
                } else if hits.isEmpty {
                    print("No paper matches \"\(text)\".")
                } else {
                    for (rank, hit) in hits.enumerated() { print("\(rank + 1). \(hit.paperId)  \(String(format: "%.4f", hit.score))") }
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
        let hits: [Hit]
    }
}
