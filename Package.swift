// swift-tools-version: 6.0
import Foundation
import PackageDescription

/// The vector loops (the encoder's element-wise steps, vector search, keyword scoring) are compiled for AVX2 and FMA
/// when the building machine has them, as `make run` builds where it serves: 8 floats per instruction instead of
/// the x86-64 baseline's 4. `DAILYPAPERS_PORTABLE=1` builds for any x86-64 processor.
let machineTuning: [SwiftSetting] = {
    #if os(Linux) && arch(x86_64)
    let portable = ProcessInfo.processInfo.environment["DAILYPAPERS_PORTABLE"] == "1"
    let flags =
        (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8))?.split(separator: "\n")
        .first { $0.hasPrefix("flags") }?.split(separator: " ") ?? []
    if !portable, flags.contains("avx2"), flags.contains("fma") { return [.unsafeFlags(["-target-cpu", "haswell"])] }
    #endif
    return []
}()

/// Hot loops optimised in debug builds too: unoptimised, the parity and search tests would take minutes.
let optimisedAlways: [SwiftSetting] = [.unsafeFlags(["-O"], .when(configuration: .debug))] + machineTuning

let package = Package(
    name: "DailyPapers",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "dailypapers", targets: ["dailypapers"])
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        .package(url: "https://github.com/apple/swift-nio-extras", from: "1.35.2"),
        .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/apple/swift-async-algorithms", from: "1.1.4"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
    ],
    targets: [
        // Domain types, feed windows, formatting and ranking: no I/O, no dependencies.
        .target(name: "PapersCore", swiftSettings: machineTuning),
        // OpenBLAS (Debian's libopenblas-dev): the matrix products of the embedding model.
        .systemLibrary(name: "COpenBLAS", providers: [.apt(["libopenblas-dev"])]),
        // all-MiniLM-L6-v2 in Swift: the WordPiece tokenizer, the BERT encoder, sentence embeddings.
        // The calling thread's kernel id, to lower the priority of background threads one by one.
        .systemLibrary(name: "CThreads"),
        // The encoder's kernels written with x86 intrinsics, each compiled for its instructions and chosen at run time:
        // int8 products (AVX-512 VNNI, AVX-VNNI), and softmax and GELU 16 floats wide (AVX-512).
        .target(name: "CKernels", cSettings: [.unsafeFlags(["-O2"])]),
        .target(name: "Embeddings", dependencies: ["COpenBLAS", "CThreads", "CKernels"], swiftSettings: optimisedAlways),
        // Search: the query language, the in-memory vector index (exact and IVF), hybrid ranking, the embedder jobs.
        .target(
            name: "Search",
            dependencies: ["PapersCore", "Storage", "Embeddings", "COpenBLAS", .product(name: "Logging", package: "swift-log")],
            swiftSettings: optimisedAlways
        ),
        // The system SQLite library (Debian's libsqlite3-dev).
        .systemLibrary(name: "CSQLite", providers: [.apt(["libsqlite3-dev"])]),
        // The system zlib (Debian's zlib1g-dev), for gzip-compressed responses.
        .systemLibrary(name: "CZlib", providers: [.apt(["zlib1g-dev"])]),
        // The SQL layer, its two engines (SQLite, PostgreSQL), migrations and the stores.
        .target(
            name: "Storage",
            dependencies: [
                "PapersCore", "CSQLite",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
            ]
        ),
        // Import and export of paper records in every supported format.
        // The Hugging Face papers API's JSON shape, defined once: imports read it, the API writes it.
        .target(name: "HubFormat"),
        .target(name: "Ingestion", dependencies: ["PapersCore", "Storage", "HubFormat"]),
        // How a paper is shown in pages, feeds and mail: HTML escaped by construction, excerpts, bylines, links.
        .target(name: "Presentation", dependencies: ["PapersCore"]),
        // Mail: messages (MIME), an SMTP client over SwiftNIO, the outbox and the digests.
        .target(
            name: "Mail",
            dependencies: [
                "PapersCore", "Storage", "Presentation",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "AsyncAlgorithms", package: "swift-async-algorithms"),
            ]
        ),
        // The arXiv API client: polite fetching and the Atom parser.
        .target(name: "Arxiv", dependencies: ["PapersCore"]),
        .target(name: "ForYou", dependencies: ["PapersCore", "Storage", "Search", "Mail"]),
        // Papers that arrive by themselves: arXiv's announcement listings and OAI-PMH records, Hugging Face's daily list.
        .target(name: "Harvest", dependencies: ["PapersCore", "Storage", "Arxiv", "Ingestion", .product(name: "Logging", package: "swift-log")]),
        // Accounts, sessions, submissions and comments: the rules members act under.
        .target(
            name: "Community",
            dependencies: [
                "PapersCore", "Storage", "Mail", "Arxiv",
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ]
        ),
        // The HTTP application: HTML pages and the Hugging Face-compatible JSON API.
        .target(
            name: "Web",
            dependencies: [
                "PapersCore", "Presentation", "Storage", "Mail", "Community", "Arxiv", "Search", "ForYou", "HubFormat", "CZlib",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                .product(name: "NIOHTTPTypesHTTP1", package: "swift-nio-extras"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
            ],
            // The OpenAPI description of the JSON API, served at /api/openapi.json from the binary itself.
            resources: [.embedInCode("Controllers/API/openapi.json")]
        ),
        // The application assembled: one typed configuration of every setting, and the builder that turns it into the
        // running server with its background services. `serve` and the tests both build through it.
        .target(
            name: "DailyPapersApp",
            dependencies: [
                "PapersCore", "Storage", "Web", "Mail", "Community", "Arxiv", "Search", "ForYou", "Embeddings", "Harvest", "CThreads",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ],
            // arXiv's holidays, built in; ARXIV_CALENDAR names an updated copy.
            resources: [.embedInCode("Resources/arxiv-holidays.txt")]
        ),
        // The command-line entry point: serve, migrate, import, export.
        .executableTarget(
            name: "dailypapers",
            dependencies: [
                "PapersCore", "Storage", "Ingestion", "Web", "Mail", "Community", "Arxiv", "Search", "ForYou", "Embeddings", "DailyPapersApp",
                "Harvest",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // Helpers the test targets share: temporary databases, sample papers, the shared data folder.
        .target(
            name: "TestSupport",
            dependencies: ["Storage", "PapersCore", "Embeddings", .product(name: "Hummingbird", package: "hummingbird")],
            path: "Tests/TestSupport"
        ),
        .testTarget(name: "PapersCoreTests", dependencies: ["PapersCore"]),
        .testTarget(name: "HubFormatTests", dependencies: ["HubFormat", "TestSupport"]),
        .testTarget(name: "SearchTests", dependencies: ["Search", "Storage", "PapersCore", "Embeddings", "Ingestion", "TestSupport"]),
        .testTarget(name: "EmbeddingsTests", dependencies: ["Embeddings", "CKernels", "TestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "StorageTests", dependencies: ["Storage", "PapersCore", "TestSupport"]),
        .testTarget(name: "ForYouTests", dependencies: ["ForYou", "Storage", "PapersCore", "Mail", "TestSupport"]),
        .testTarget(name: "IngestionTests", dependencies: ["Ingestion", "Storage", "PapersCore", "TestSupport"]),
        .testTarget(name: "MailTests", dependencies: ["Mail", "Storage", "PapersCore", "Presentation", "TestSupport"]),
        .testTarget(name: "ArxivTests", dependencies: ["Arxiv", "PapersCore", "TestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "HarvestTests", dependencies: ["Harvest", "Arxiv", "Storage", "PapersCore", "TestSupport"]),
        .testTarget(
            name: "CommunityTests",
            dependencies: [
                "Community", "Arxiv", "Storage", "PapersCore", "TestSupport",
                .product(name: "Hummingbird", package: "hummingbird"),
            ]
        ),
        .testTarget(
            name: "WebTests",
            dependencies: [
                "Web", "DailyPapersApp", "Presentation", "Storage", "Ingestion", "PapersCore", "TestSupport", "Community", "Arxiv", "Mail", "Search",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            exclude: ["Snapshots"]
        ),
        .testTarget(
            name: "DailyPapersAppTests",
            dependencies: [
                "DailyPapersApp", "Web", "Storage", "PapersCore", "TestSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ]
        ),
    ]
)
