import Foundation
import PapersCore
import Storage

/// Reads paper files in any supported format, validates every record and applies them to the store in
/// transactional batches. Running the same import twice changes nothing the second time.
public struct Importer: Sendable {
    /// How an import behaves.
    public struct Options: Sendable {
        /// Read every file in this format instead of detecting it.
        public var format: ImportFormat?
        /// Reject the whole import, writing nothing, when any record is bad.
        public var strict: Bool
        /// Records per transaction.
        public var batchSize: Int

        public init(format: ImportFormat? = nil, strict: Bool = false, batchSize: Int = 1_000) {
            self.format = format
            self.strict = strict
            self.batchSize = batchSize
        }
    }

    let store: SQLPaperStore
    let options: Options

    public init(store: SQLPaperStore, options: Options = Options()) {
        self.store = store
        self.options = options
    }

    /// Imports `files`, reporting each rejected record and the progress as it goes.
    public func run(files: [String], now: Timestamp, report: ImportReporter = .silent) async throws -> ImportSummary {
        var summary = ImportSummary()
        var accepted: [PaperUpdate] = []
        func reject(_ rejection: Rejection) {
            summary.rejections.append(rejection)
            report.rejected(rejection)
        }
        for file in files {
            // A file naming a paper twice is an error; two files about one paper are two sources, merged in order.
            var firstSeen: [String: RecordReader.Location] = [:]
            let parsed = try parse(file: file)
            summary.formats[file] = parsed.format
            parsed.rejections.forEach(reject)
            for (location, parsedUpdate) in parsed.updates {
                let update: PaperUpdate
                do throws(RecordError) {
                    update = try PaperCheck.checked(parsedUpdate, now: now)
                } catch {
                    reject(Rejection(location: location.description, error: error))
                    continue
                }
                if let earlier = firstSeen[update.paper.id] {
                    reject(
                        Rejection(
                            location: location.description,
                            error: RecordError(field: "id", "duplicate id \(update.paper.id), first seen at \(earlier)")))
                    continue
                }
                firstSeen[update.paper.id] = location
                accepted.append(update)
            }
        }
        if options.strict && !summary.rejections.isEmpty {
            throw ImportError.strictRejected(count: summary.rejections.count)
        }
        for start in stride(from: 0, to: accepted.count, by: options.batchSize) {
            let batch = Array(accepted[start..<min(start + options.batchSize, accepted.count)])
            summary.counts = summary.counts + (try await store.apply(batch, at: now))
            report.progress(start + batch.count, accepted.count)
        }
        return summary
    }

    private struct ParsedFile {
        var format: ImportFormat?
        var updates: [(RecordReader.Location, PaperUpdate)] = []
        var rejections: [Rejection] = []
    }

    private func parse(file: String) throws -> ParsedFile {
        guard let data = FileManager.default.contents(atPath: file) else { throw ImportError.unreadable(file: file) }
        return Self.parse([UInt8](data), source: file, format: options.format)
    }

    /// Every record of `bytes` read in `format`, or in the format the first readable record has.
    private static func parse(_ bytes: [UInt8], source: String, format fixed: ImportFormat?) -> ParsedFile {
        var parsed = ParsedFile(format: fixed)
        let decoder = JSONDecoderBox()
        for record in RecordReader.records(in: bytes, file: source) {
            do throws(RecordError) {
                let json = try record.json.get()
                let format: ImportFormat
                if let known = parsed.format { format = known } else { format = try detectFormat(json, decoder: decoder) }
                parsed.format = format
                var update = try format.update(from: json, decoder: decoder)
                if format.listsFeedOrder && update.paper.position == nil {
                    // Ties in upvotes keep the order the feed listed them in.
                    update.paper.position = record.location.number - 1
                    update.fields.insert(.position)
                }
                parsed.updates.append((record.location, update))
            } catch {
                parsed.rejections.append(Rejection(location: record.location.description, error: error))
            }
        }
        return parsed
    }

    private static func detectFormat(_ json: ArraySlice<UInt8>, decoder: JSONDecoderBox) throws(RecordError) -> ImportFormat {
        let keys = try decoder.decode(KeyProbe.self, from: json).keys
        guard let format = ImportFormat.detect(keys: keys) else {
            let names = ImportFormat.allCases.map(\.rawValue).joined(separator: ", ")
            throw RecordError(field: nil, "matches no known format (\(names)); pass --format")
        }
        return format
    }
}

/// A record that was not imported, and why.
public struct Rejection: Sendable, Equatable, CustomStringConvertible {
    /// `file:line N` or `file:item N`.
    public let location: String
    public let error: RecordError

    public var description: String { "\(location): \(error)" }
}

/// What an import did.
public struct ImportSummary: Sendable {
    public var counts = ApplyCounts()
    public var rejections: [Rejection] = []
    /// The format read from each file (nil when no record could be read).
    public var formats: [String: ImportFormat?] = [:]

    /// "9877 new, 0 updated, 0 unchanged, 2 rejected".
    public var line: String {
        "\(counts.inserted) new, \(counts.updated) updated, \(counts.unchanged) unchanged, \(rejections.count) rejected"
    }
}

/// Why an import stopped as a whole.
public enum ImportError: Error, CustomStringConvertible, Equatable {
    case unreadable(file: String)
    case strictRejected(count: Int)

    public var description: String {
        switch self {
            case .unreadable(let file): return "cannot read \(file): no such file or not readable"
            case .strictRejected(let count): return "\(count) record(s) rejected; --strict: nothing was written"
        }
    }
}

/// Where an import tells of its progress and of each rejected record.
public struct ImportReporter: Sendable {
    public var rejected: @Sendable (Rejection) -> Void
    public var progress: @Sendable (_ done: Int, _ total: Int) -> Void

    public init(rejected: @escaping @Sendable (Rejection) -> Void, progress: @escaping @Sendable (Int, Int) -> Void) {
        self.rejected = rejected
        self.progress = progress
    }

    /// Reports nothing.
    public static let silent = ImportReporter(rejected: { _ in }, progress: { _, _ in })
}

extension Importer {
    /// The papers of one answer of Hugging Face's `/api/daily_papers` (a JSON array of daily items), with their
    /// positions in the listed order, and the items that could not be read (named `source` + item number).
    public static func dailyPapers(in bytes: [UInt8], source: String) -> (updates: [PaperUpdate], rejections: [Rejection]) {
        let parsed = parse(bytes, source: source, format: .hfApi)
        return (parsed.updates.map(\.1), parsed.rejections)
    }
}
