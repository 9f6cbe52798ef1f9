import Foundation

/// A `.safetensors` file: an 8-byte little-endian header length, a JSON header naming each tensor's dtype, shape and
/// byte range, then the raw data. Only `F32` tensors are read, which is what the model ships.
struct SafeTensors {
    private struct Entry: Decodable {
        let dtype: String
        let shape: [Int]
        let data_offsets: [Int]
    }

    private let data: Data
    private let dataStart: Int
    private let entries: [String: Entry]

    init(contentsOf url: URL) throws {
        guard FileManager.default.fileExists(atPath: url.path) else { throw EmbeddingError.missingFile(url.path) }
        data = try Data(contentsOf: url, options: .mappedIfSafe)
        guard data.count >= 8 else { throw EmbeddingError.invalidModel("\(url.lastPathComponent) is too short") }
        let headerLength = data.prefix(8).enumerated().reduce(0) { $0 | Int($1.element) << (8 * $1.offset) }
        guard headerLength > 0, 8 + headerLength <= data.count else {
            throw EmbeddingError.invalidModel("\(url.lastPathComponent) has a broken header")
        }
        let header = try JSONSerialization.jsonObject(with: data.subdata(in: 8..<(8 + headerLength))) as? [String: Any] ?? [:]
        var entries: [String: Entry] = [:]
        for (name, value) in header where name != "__metadata__" {
            let json = try JSONSerialization.data(withJSONObject: value)
            entries[name] = try JSONDecoder().decode(Entry.self, from: json)
        }
        self.entries = entries
        self.dataStart = 8 + headerLength
    }

    /// The tensor's values, checked to have `shape`.
    func floats(_ name: String, shape: [Int]) throws -> [Float] {
        guard let entry = entries[name] else { throw EmbeddingError.invalidModel("tensor \(name) is missing") }
        guard entry.dtype == "F32" else { throw EmbeddingError.invalidModel("tensor \(name) is \(entry.dtype), not F32") }
        guard entry.shape == shape else {
            throw EmbeddingError.invalidModel("tensor \(name) has shape \(entry.shape), expected \(shape)")
        }
        let count = shape.reduce(1, *)
        let start = dataStart + entry.data_offsets[0]
        let end = dataStart + entry.data_offsets[1]
        guard entry.data_offsets.count == 2, end - start == count * 4, end <= data.count else {
            throw EmbeddingError.invalidModel("tensor \(name) has a bad byte range")
        }
        return [Float](unsafeUninitializedCapacity: count) { buffer, initialized in
            data.withUnsafeBytes { raw in
                let source = UnsafeRawBufferPointer(rebasing: raw[start..<end])
                for index in 0..<count {
                    buffer[index] = Float(bitPattern: UInt32(littleEndian: source.loadUnaligned(fromByteOffset: index * 4, as: UInt32.self)))
                }
            }
            initialized = count
        }
    }
}
