import Foundation
import HubFormat
import PapersCore
import TestSupport
import Testing

@testable import Web

/// `StreamingJSONEncoder` writes the same JSON as Foundation's `JSONEncoder` (`.withoutEscapingSlashes`), which the
/// API used before, for the API's own shapes and every kind of container and value `Codable` can produce — with
/// the keys in the order they were encoded, where `JSONEncoder` writes them in a hash order that changes by run.
@Suite struct StreamingJSONEncoderTests {
    static func foundation(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    static func streaming(_ value: some Encodable) throws -> String {
        String(decoding: try StreamingJSONEncoder().encode(value), as: UTF8.self)
    }

    static func same(_ value: some Encodable, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let (ours, theirs) = (try streaming(value), try foundation(value))
        let options: JSONSerialization.ReadingOptions = [.fragmentsAllowed]
        let parsed = try JSONSerialization.jsonObject(with: Data(ours.utf8), options: options) as? NSObject
        let expected = try JSONSerialization.jsonObject(with: Data(theirs.utf8), options: options) as? NSObject
        #expect(parsed != nil && parsed == expected, "ours:   \(ours)\ntheirs: \(theirs)", sourceLocation: sourceLocation)
    }

    @Test func writesTheAPIsPapersAsJSONEncoderDoes() throws {
        var hostile = SamplePapers.paper(
            "2511.00042", title: "Quotes \" back\\slash / slash\n\ttab \u{1} \u{7F} 注意力 🤗", upvotes: 7, submitter: "ann",
            organization: Organization(name: "org", fullname: "Org </script>"))
        hostile.githubRepo = "https://github.com/a/b"
        hostile.aiSummary = "A summary."
        let papers = [hostile, SamplePapers.paper("2511.00001", featured: nil, published: nil), SamplePapers.paper("2511.00002", upvotes: 3)]
        let items = papers.map(HFPaperDTO.dailyItem)
        try Self.same(items)
        try Self.same(papers.map(HFPaperDTO.flat))
        #expect(try Self.streaming([Hub.DailyItem]()) == "[]")
    }

    /// Every container kind, nested and in sequence, numbers, nil, and the types `JSONEncoder` treats specially.
    struct Everything: Encodable {
        enum Keys: String, CodingKey { case nested, list, grid, number, whole, small, unsigned, flag, missing, empty, url, data, date, after }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            var nested = container.nestedContainer(keyedBy: Keys.self, forKey: .nested)
            try nested.encode("inner", forKey: .after)
            var list = container.nestedUnkeyedContainer(forKey: .list)
            try list.encode(1)
            try list.encodeNil()
            var inner = list.nestedUnkeyedContainer()
            try inner.encode("deep")
            try list.encode(true)
            try container.encode([[1, 2], [], [3]], forKey: .grid)
            try container.encode(0.1, forKey: .number)
            try container.encode(42.0, forKey: .whole)
            try container.encode(1e-7, forKey: .small)
            try container.encode(UInt64.max, forKey: .unsigned)
            try container.encode(false, forKey: .flag)
            try container.encodeIfPresent(String?.none, forKey: .missing)
            try container.encode(Empty(), forKey: .empty)
            try container.encode(URL(string: "https://arxiv.org/abs/1706.03762")!, forKey: .url)
            try container.encode(Data([0, 1, 2, 250]), forKey: .data)
            try container.encode(Date(timeIntervalSinceReferenceDate: 12.5), forKey: .date)
            try container.encode(Int8(-5), forKey: .after)
        }
    }

    struct Empty: Encodable {}

    @Test func writesEveryContainerAsJSONEncoderDoes() throws {
        try Self.same(Everything())
        try Self.same([Everything(), Everything()])
        try Self.same(["a": 1])
        try Self.same("top level")
        try Self.same(Empty())
    }

    @Test func writesKeysInOrderAndEscapesAsJSONEncoderDoes() throws {
        #expect(
            try Self.streaming(Everything())
                == #"{"nested":{"after":"inner"},"list":[1,null,["deep"],true],"grid":[[1,2],[],[3]],"number":0.1,"whole":42,"small":1e-07,"#
                + #""unsigned":18446744073709551615,"flag":false,"empty":{},"url":"https://arxiv.org/abs/1706.03762","data":"AAEC+g==","#
                + #""date":12.5,"after":-5}"#)
        let text = "q\" b\\ s/ n\n t\t r\r \u{8}\u{C}\u{1}\u{1F} del\u{7F} 注意力 🤗"
        #expect(try Self.streaming(text) == Self.foundation(text))
    }

    @Test func refusesNumbersJSONCannotHold() {
        #expect(throws: EncodingError.self) { try StreamingJSONEncoder().encode([Double.nan]) }
        #expect(throws: EncodingError.self) { try StreamingJSONEncoder().encode(["x": Double.infinity]) }
    }
}
