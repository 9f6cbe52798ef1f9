import Foundation
import PapersCore

/// Splits an input file into records: one per line for JSON Lines, one per element for a JSON array
/// (or for the `{"data": […]}` wrapper some Hugging Face dumps use).
enum RecordReader {
    /// Where a record sits in its file, for error lines.
    struct Location: Sendable, Equatable, CustomStringConvertible {
        enum Kind: Sendable, Equatable { case line, item }
        let file: String
        let kind: Kind
        let number: Int

        var description: String { "\(file):\(kind == .line ? "line" : "item") \(number)" }
    }

    /// One record's raw JSON, or why it cannot be read at all.
    struct RawRecord {
        let location: Location
        let json: Result<ArraySlice<UInt8>, RecordError>
    }

    static func records(in bytes: [UInt8], file: String) -> [RawRecord] {
        guard let first = bytes.firstIndex(where: { !isWhitespace($0) }) else { return [] }
        if bytes[first] == UInt8(ascii: "[") { return arrayRecords(bytes, file: file) }
        // A file that is one JSON document (a pretty-printed record, or the {"data": […]} wrapper) is read whole;
        // for JSON Lines the parse stops at the second record, so the attempt costs one line.
        if let document = documentRecords(bytes, file: file) { return document }
        return lineRecords(bytes, file: file)
    }

    private static func lineRecords(_ bytes: [UInt8], file: String) -> [RawRecord] {
        var records: [RawRecord] = []
        var lineNumber = 0
        var start = 0
        while start < bytes.count {
            let end = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
            lineNumber += 1
            var line = bytes[start..<end]
            if line.last == UInt8(ascii: "\r") { line = line.dropLast() }
            start = end + 1
            guard line.contains(where: { !isWhitespace($0) }) else { continue }
            let location = Location(file: file, kind: .line, number: lineNumber)
            records.append(RawRecord(location: location, json: validated(line)))
        }
        return records
    }

    private static func validated(_ line: ArraySlice<UInt8>) -> Result<ArraySlice<UInt8>, RecordError> {
        guard String(validating: line, as: UTF8.self) != nil else {
            return .failure(RecordError(field: nil, "is not valid UTF-8"))
        }
        guard let first = line.first(where: { !isWhitespace($0) }), first == UInt8(ascii: "{") else {
            return .failure(RecordError(field: nil, "is not a JSON object"))
        }
        return .success(line)
    }

    private static func arrayRecords(_ bytes: [UInt8], file: String) -> [RawRecord] {
        guard String(validating: bytes, as: UTF8.self) != nil else {
            return [
                RawRecord(location: Location(file: file, kind: .item, number: 1), json: .failure(RecordError(field: nil, "file is not valid UTF-8")))
            ]
        }
        guard let array = try? JSONSerialization.jsonObject(with: Data(bytes)) as? [Any] else {
            return [
                RawRecord(
                    location: Location(file: file, kind: .item, number: 1),
                    json: .failure(RecordError(field: nil, "file is not a complete JSON array (truncated or malformed)")))
            ]
        }
        return elements(array, file: file)
    }

    private static func documentRecords(_ bytes: [UInt8], file: String) -> [RawRecord]? {
        guard let object = try? JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any] else { return nil }
        if let data = object["data"] as? [Any] { return elements(data, file: file) }
        return elements([object], file: file)
    }

    private static func elements(_ array: [Any], file: String) -> [RawRecord] {
        array.enumerated().map { index, element in
            let location = Location(file: file, kind: .item, number: index + 1)
            guard element is [String: Any], let data = try? JSONSerialization.data(withJSONObject: element) else {
                return RawRecord(location: location, json: .failure(RecordError(field: nil, "is not a JSON object")))
            }
            return RawRecord(location: location, json: .success(ArraySlice(data)))
        }
    }

    private static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
    }
}
