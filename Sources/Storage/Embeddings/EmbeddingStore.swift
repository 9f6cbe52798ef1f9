import PapersCore

/// The text of a paper that has no embedding yet: what the embedder reads.
public struct PaperText: Sendable, Equatable {
    public let paperId: String
    public let title: String
    public let abstract: String

    public init(paperId: String, title: String, abstract: String) {
        self.paperId = paperId
        self.title = title
        self.abstract = abstract
    }

    /// What the model embeds: the title, a line break, the abstract.
    public var embeddingInput: String { title + "\n" + abstract }
}

/// One stored embedding, as the database keeps it (packed bytes; `Search.PackedVector` reads them).
public struct StoredEmbedding: Sendable, Equatable {
    public let paperId: String
    public let bytes: [UInt8]
    public let seq: Int64

    public init(paperId: String, bytes: [UInt8], seq: Int64) {
        self.paperId = paperId
        self.bytes = bytes
        self.seq = seq
    }
}

/// Reads and writes `paper_embeddings` on either engine.
public struct SQLEmbeddingStore: Sendable {
    /// Only one process writes embeddings at a time, so `seq` grows in commit order and readers miss nothing.
    public static let writerLock = "embedder"
    let database: any SQLDatabase

    public init(database: any SQLDatabase) {
        self.database = database
    }

    /// Up to `limit` visible papers with no embedding from `model`, in id order.
    public func papersWithoutEmbedding(model: String, limit: Int) async throws -> [PaperText] {
        try await papersWithoutEmbedding(model: model, narrowedBy: "ORDER BY p.id LIMIT \(limit)")
    }

    /// The visible papers among `ids` with no embedding from `model`, in id order.
    public func papersWithoutEmbedding(model: String, among ids: [String]) async throws -> [PaperText] {
        var papers: [PaperText] = []
        for chunk in ids.bindChunks() {
            papers += try await papersWithoutEmbedding(model: model, narrowedBy: "AND p.id IN (\(list: chunk)) ORDER BY p.id")
        }
        return papers
    }

    private func papersWithoutEmbedding(model: String, narrowedBy rest: SQLQuery) async throws -> [PaperText] {
        try await database.query(
            """
            SELECT p.id, p.title, p.abstract FROM papers p
            WHERE p.hidden_reason IS NULL AND NOT EXISTS (
                SELECT 1 FROM paper_embeddings e WHERE e.paper_id = p.id AND e.model = \(model))
            \(rest)
            """
        ).map { PaperText(paperId: try $0.string("id"), title: try $0.string("title"), abstract: try $0.string("abstract")) }
    }

    /// How many visible papers have an embedding from `model`, and how many have none.
    public func progress(model: String) async throws -> (embedded: Int, missing: Int) {
        let row = try await database.query(
            """
            SELECT COUNT(e.paper_id) AS embedded, COUNT(*) - COUNT(e.paper_id) AS missing
            FROM papers p LEFT JOIN paper_embeddings e ON e.paper_id = p.id AND e.model = \(model)
            WHERE p.hidden_reason IS NULL
            """
        ).first
        return (row?.optionalInt("embedded") ?? 0, row?.optionalInt("missing") ?? 0)
    }

    /// Writes embeddings in one transaction, numbering them after every earlier write. Callers hold `writerLock`.
    /// Papers deleted meanwhile are skipped.
    public func save(_ vectors: [(paperId: String, bytes: [UInt8])], model: String) async throws {
        guard !vectors.isEmpty else { return }
        try await database.transaction { connection in
            let last = try await connection.query("SELECT COALESCE(MAX(seq), 0) AS last FROM paper_embeddings").first?.optionalInt64("last") ?? 0
            for (offset, vector) in vectors.enumerated() {
                try await connection.execute(
                    """
                    INSERT INTO paper_embeddings (paper_id, model, vector, seq)
                    SELECT id, \(model), \(SQLValue.blob(vector.bytes)), \(last + Int64(offset) + 1) FROM papers WHERE id = \(vector.paperId)
                    ON CONFLICT (paper_id) DO UPDATE SET model = excluded.model, vector = excluded.vector, seq = excluded.seq
                    """
                )
            }
        }
    }

    /// Embeddings from `model` written after `seq`, oldest first, at most `limit`.
    public func embeddings(model: String, after seq: Int64, limit: Int) async throws -> [StoredEmbedding] {
        try await database.query(
            """
            SELECT paper_id, vector, seq FROM paper_embeddings
            WHERE seq > \(seq) AND model = \(model) ORDER BY seq LIMIT \(limit)
            """
        ).map { row in
            guard case .blob(let bytes) = row["vector"] else { throw SQLError.decoding(column: "vector", expected: "binary") }
            return StoredEmbedding(paperId: try row.string("paper_id"), bytes: bytes, seq: row.optionalInt64("seq") ?? 0)
        }
    }
}
