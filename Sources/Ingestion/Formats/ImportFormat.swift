import Foundation
import HubFormat
import PapersCore

/// The record layouts `dailypapers import` reads, each recognised by the keys of its first record.
public enum ImportFormat: String, Sendable, CaseIterable {
    /// DailyPapers' own export: every field of a paper, tagged with `"schema": "dailypapers.paper/1"`.
    case dailypapers
    /// A Hugging Face `/api/daily_papers` response item (2024 and 2026 schemas).
    case hfApi = "hf-api"
    /// One paper per line with `arxivId` and `dailyDate`, as in `hf-daily-papers.jsonl`.
    case hfDaily = "hf-daily"
    /// The bundled sample: listing-page cards with `authorCount` and `position`.
    case seed
    /// The Kaggle arXiv metadata snapshot (`arxiv-metadata-oai-snapshot.json`).
    case arxivSnapshot = "arxiv-snapshot"

    /// The format whose keys a record has, or nil when none fits.
    static func detect(keys: Set<String>) -> ImportFormat? {
        if keys.contains("schema") { return .dailypapers }
        if keys.contains("paper") { return .hfApi }
        if keys.contains("authorCount") && keys.contains("position") { return .seed }
        if keys.contains("arxivId") && keys.contains("dailyDate") { return .hfDaily }
        if keys.contains("id") && (keys.contains("authors_parsed") || keys.contains("versions")) { return .arxivSnapshot }
        return nil
    }

    /// Whether records appear in feed order, so a record's place in its file is its feed position.
    var listsFeedOrder: Bool { self == .hfApi || self == .hfDaily }

    /// Reads one record's JSON into a paper update.
    func update(from json: ArraySlice<UInt8>, decoder: JSONDecoderBox) throws(RecordError) -> PaperUpdate {
        switch self {
            case .dailypapers: return try OwnFormat.update(try decoder.decode(OwnFormat.Record.self, from: json))
            case .hfApi: return try HFAPIFormat.update(try decoder.decode(Hub.DailyItem.self, from: json))
            case .hfDaily: return try HFDailyFormat.update(try decoder.decode(HFDailyFormat.Record.self, from: json))
            case .seed: return try SeedFormat.update(try decoder.decode(SeedFormat.Record.self, from: json))
            case .arxivSnapshot: return try ArxivSnapshotFormat.update(try decoder.decode(ArxivSnapshotFormat.Record.self, from: json))
        }
    }
}

/// A JSON decoder whose failures come out as `RecordError`s.
struct JSONDecoderBox {
    private let decoder = JSONDecoder()

    func decode<T: Decodable>(_ type: T.Type, from json: ArraySlice<UInt8>) throws(RecordError) -> T {
        do {
            return try decoder.decode(type, from: Data(json))
        } catch {
            throw RecordError.from(error)
        }
    }
}

/// The keys of a JSON object, read without decoding its values.
struct KeyProbe: Decodable {
    let keys: Set<String>

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: AnyKey.self)
        keys = Set(container.allKeys.map(\.stringValue))
    }
}

/// A coding key for any name.
struct AnyKey: CodingKey {
    let stringValue: String
    let intValue: Int? = nil
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { return nil }
}
