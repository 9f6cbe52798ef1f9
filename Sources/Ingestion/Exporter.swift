import Foundation
import PapersCore
import Storage

/// Writes every stored paper in DailyPapers' own format, one JSON object per line, in id order.
public struct Exporter: Sendable {
    let store: SQLPaperStore

    public init(store: SQLPaperStore) {
        self.store = store
    }

    /// Streams the export to `write` a page at a time; returns how many papers were written.
    @discardableResult
    public func run(pageSize: Int = 1_000, write: (Data) throws -> Void) async throws -> Int {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var lastId: String?
        var written = 0
        while true {
            let page = try await store.papersInIdOrder(after: lastId, limit: pageSize)
            guard let last = page.last else { return written }
            var chunk = Data()
            for paper in page {
                chunk.append(try encoder.encode(OwnFormat.Line(paper: paper)))
                chunk.append(UInt8(ascii: "\n"))
            }
            try write(chunk)
            written += page.count
            lastId = last.id
        }
    }
}
