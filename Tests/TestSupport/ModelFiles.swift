import Embeddings
import Foundation

/// The embedding model the tests run: `DAILYPAPERS_MODEL` or the project's `models/all-MiniLM-L6-v2`, which
/// `make test` downloads first. Loaded once per test process.
public enum ModelFiles {
    public static var directory: URL {
        if let configured = ProcessInfo.processInfo.environment["DAILYPAPERS_MODEL"] { return URL(fileURLWithPath: configured) }
        let projectRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return projectRoot.appendingPathComponent("models/all-MiniLM-L6-v2")
    }

    /// The shared embedder (int8 where the CPU has VNNI, or forced f32); a missing model fails the test that asks,
    /// with the path it looked at.
    public static func embedder(_ precision: EncoderPrecision = .automatic) throws -> SentenceEmbedder {
        try (precision == .automatic ? automatic : float32).get()
    }

    /// One batch encoded at a time: the suites run in parallel, and the database tests must not starve.
    private static let automatic = Result { try SentenceEmbedder(directory: directory, threads: 1) }
    private static let float32 = Result { try SentenceEmbedder(directory: directory, threads: 1, precision: .float32) }
}
