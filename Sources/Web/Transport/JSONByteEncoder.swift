import Foundation

/// The `Encoder` a value writes itself through in `StreamingJSONEncoder`: every container it hands out writes into
/// the same `JSONByteWriter`, at the level where the value sits.
struct JSONByteEncoder: Encoder {
    let writer: JSONByteWriter
    let level: Int
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        KeyedEncodingContainer(JSONKeyedWriter<Key>(writer: writer, level: writer.openContainer(object: true, under: level), codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        JSONUnkeyedWriter(writer: writer, level: writer.openContainer(object: false, under: level), codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        JSONSingleValueWriter(writer: writer, level: level, codingPath: codingPath)
    }
}

/// Writes one value of any kind at a container's next place; shared by the three container kinds.
private protocol JSONPlaceWriter {
    var writer: JSONByteWriter { get }
    var level: Int { get }
}

extension JSONPlaceWriter {
    func write(_ value: some Encodable) throws {
        switch value {
            case let text as String: writer.string(text)
            case let flag as Bool: writer.raw(flag ? "true" : "false")
            case let number as Int: writer.raw(String(number))
            case let number as any BinaryInteger: writer.raw("\(number)")
            case let number as Double: try writer.double(number)
            case let number as Float: try writer.double(Double(number))
            // As `JSONEncoder` writes them, not as their own `encode(to:)` would.
            case let url as URL: writer.string(url.absoluteString)
            case let data as Data: writer.string(data.base64EncodedString())
            default: try writer.value(value, into: level)
        }
    }
}

private struct JSONKeyedWriter<Key: CodingKey>: KeyedEncodingContainerProtocol, JSONPlaceWriter {
    let writer: JSONByteWriter
    let level: Int
    let codingPath: [any CodingKey]

    mutating func encodeNil(forKey key: Key) throws {
        writer.member(of: level, key: key.stringValue)
        writer.raw("null")
    }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        writer.member(of: level, key: key.stringValue)
        try write(value)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        writer.member(of: level, key: key.stringValue)
        return JSONByteEncoder(writer: writer, level: level, codingPath: codingPath + [key]).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        writer.member(of: level, key: key.stringValue)
        return JSONByteEncoder(writer: writer, level: level, codingPath: codingPath + [key]).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        writer.member(of: level, key: "super")
        return JSONByteEncoder(writer: writer, level: level, codingPath: codingPath)
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        writer.member(of: level, key: key.stringValue)
        return JSONByteEncoder(writer: writer, level: level, codingPath: codingPath + [key])
    }
}

private struct JSONUnkeyedWriter: UnkeyedEncodingContainer, JSONPlaceWriter {
    let writer: JSONByteWriter
    let level: Int
    let codingPath: [any CodingKey]
    private(set) var count = 0

    init(writer: JSONByteWriter, level: Int, codingPath: [any CodingKey]) {
        self.writer = writer
        self.level = level
        self.codingPath = codingPath
    }

    mutating func encodeNil() throws {
        next()
        writer.raw("null")
    }

    mutating func encode<T: Encodable>(_ value: T) throws {
        next()
        try write(value)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        next()
        return JSONByteEncoder(writer: writer, level: level, codingPath: codingPath).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        next()
        return JSONByteEncoder(writer: writer, level: level, codingPath: codingPath).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        next()
        return JSONByteEncoder(writer: writer, level: level, codingPath: codingPath)
    }

    private mutating func next() {
        writer.member(of: level, key: nil)
        count += 1
    }
}

private struct JSONSingleValueWriter: SingleValueEncodingContainer, JSONPlaceWriter {
    let writer: JSONByteWriter
    let level: Int
    let codingPath: [any CodingKey]

    mutating func encodeNil() throws {
        writer.raw("null")
    }

    mutating func encode<T: Encodable>(_ value: T) throws {
        try write(value)
    }
}
