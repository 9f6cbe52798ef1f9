import Foundation
import Testing

/// The shape docs/architecture.md promises, read from the sources: what a newcomer relies on stays true.
@Suite struct ArchitectureTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../..").standardized

    /// Every Swift file under `folder`, with its text.
    static func sources(_ folder: String) throws -> [(name: String, text: String)] {
        let base = root.appendingPathComponent(folder)
        let files = try #require(FileManager.default.enumerator(at: base, includingPropertiesForKeys: nil)).compactMap { $0 as? URL }
        return try files.filter { $0.pathExtension == "swift" }.map {
            ($0.path.replacingOccurrences(of: root.path + "/", with: ""), try String(contentsOf: $0, encoding: .utf8))
        }
    }

    static func imports(_ text: String) -> Set<String> {
        Set(
            text.split(separator: "\n").compactMap { line in
                line.hasPrefix("import ") || line.hasPrefix("@testable import ") ? line.split(separator: " ").last.map(String.init) : nil
            })
    }

    @Test func viewsTakeValuesAndKnowNothingOfHTTP() throws {
        let views = try Self.sources("Sources/Web/Views")
        #expect(views.count > 20)
        for (name, text) in views {
            let transport = Self.imports(text).filter { $0.hasPrefix("Hummingbird") || $0.hasPrefix("NIO") || $0 == "HTTPTypes" }
            #expect(transport.isEmpty, "\(name) imports \(transport)")
        }
    }

    @Test func theCoreAndThePresentationImportNothingOfOurs() throws {
        let ours: Set<String> = [
            "Storage", "Web", "Mail", "Community", "Search", "Ingestion", "Harvest", "Arxiv", "DailyPapersApp", "Embeddings", "HubFormat",
        ]
        for (name, text) in try Self.sources("Sources/PapersCore") {
            #expect(Self.imports(text).isDisjoint(with: ours.union(["Presentation"])), "\(name)")
        }
        for (name, text) in try Self.sources("Sources/Presentation") {
            #expect(Self.imports(text).isDisjoint(with: ours), "\(name)")
        }
    }

    @Test func routesMeetHandlersInOneSwitchAndTheAppIsWiredInOnePlace() throws {
        let everything = try (Self.sources("Sources") + Self.sources("Tests")).filter { !$0.name.hasSuffix("ArchitectureTests.swift") }
        let dispatchers = everything.filter { $0.text.contains("func respond(to route: Route") }.map(\.name)
        #expect(dispatchers == ["Sources/Web/Routing/RouteTable.swift"], "second-level dispatch switches: \(dispatchers)")
        let wiring = everything.filter { $0.text.contains("AppDependencies(") }.map(\.name)
        #expect(wiring == ["Sources/DailyPapersApp/Assembly/ApplicationBuilder.swift"], "places that wire the app: \(wiring)")
        let keys = everything.filter { $0.text.contains("var caching: CachePolicy?") }.map(\.name)
        #expect(keys == ["Sources/Web/Routing/RouteTable.swift"], "cache policies are declared beside the handlers")
    }

    @Test func noTypeHasMoreThanTwentyPublicMethods() throws {
        var counts: [String: Int] = [:]
        let declaration = try Regex(#"^(?:public |final |internal )*(?:struct|class|enum|extension|actor|protocol) (\w+)"#)
        for (_, text) in try Self.sources("Sources") {
            var current: String?
            for line in text.split(separator: "\n") {
                if let match = line.firstMatch(of: declaration), let name = match.output[1].substring { current = String(name) }
                if line.trimmingCharacters(in: .whitespaces).hasPrefix("public func ")
                    || line.trimmingCharacters(in: .whitespaces).hasPrefix("public static func "),
                    let current
                {
                    counts[current, default: 0] += 1
                }
            }
        }
        #expect(counts.count > 30)
        let large = counts.filter { $0.value > 20 }
        #expect(large.isEmpty, "types with more than 20 public methods: \(large)")
    }
}
