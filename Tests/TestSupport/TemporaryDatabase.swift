import Foundation
import PapersCore
import Storage

/// A migrated SQLite database in a fresh temporary file, removed when the test ends.
public struct TemporaryDatabase: Sendable {
    public let path: String
    public let database: SQLiteDatabase
    public var store: SQLPaperStore { SQLPaperStore(database: database) }

    public init() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dailypapers-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        path = folder.appendingPathComponent("test.sqlite").path
        database = try SQLiteDatabase(path: path)
        try await Migrator(database: database).migrate()
    }

    /// Runs `body` with a fresh database and deletes its folder afterwards.
    public static func with<T>(_ body: (TemporaryDatabase) async throws -> T) async throws -> T {
        let temporary = try await TemporaryDatabase()
        defer { try? FileManager.default.removeItem(atPath: (temporary.path as NSString).deletingLastPathComponent) }
        return try await body(temporary)
    }
}

/// Where the project's real paper data lives (`../shared/data`, or `SHARED_DATA`).
public enum SharedData {
    public static var folder: String {
        if let configured = ProcessInfo.processInfo.environment["SHARED_DATA"] { return configured }
        let projectRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return projectRoot.deletingLastPathComponent().appendingPathComponent("shared/data").path
    }

    public static func path(_ name: String) -> String {
        (folder as NSString).appendingPathComponent(name)
    }

    /// The bundled sample shipped in the project's `data/` folder.
    public static var bundledSample: String {
        let projectRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return projectRoot.appendingPathComponent("data/seed-papers.jsonl").path
    }
}

/// Papers for tests, with every field filled in.
public enum SamplePapers {
    public static func paper(
        _ id: String,
        title: String? = nil,
        featured: String? = "2025-11-03",
        upvotes: Int = 0,
        published: String? = "2025-10-30T12:00:00.000Z",
        submitter: String? = nil,
        organization: Organization? = nil,
        position: Int? = nil
    ) -> Paper {
        Paper(
            id: id,
            arxivId: PaperIdentity.normalizedArxivId(id),
            title: title ?? "Paper \(id)",
            abstract: "Abstract of \(id). Code at https://github.com/example/\(id).",
            authors: ["Ada Lovelace", "Alan Turing"],
            publishedAt: published.flatMap { Timestamp(iso: $0) },
            featuredOn: featured.flatMap { Day(iso: $0) },
            submittedBy: submitter,
            upvotes: upvotes,
            organization: organization,
            aiKeywords: ["testing"],
            position: position
        )
    }

    public static func update(_ paper: Paper) -> PaperUpdate {
        PaperUpdate(paper: paper, fields: Set(PaperField.allCases))
    }
}
