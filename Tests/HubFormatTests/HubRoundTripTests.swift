import Foundation
import HubFormat
import TestSupport
import Testing

/// The Hugging Face JSON shapes read what huggingface.co sends and write it back unchanged, field for field.
@Suite struct HubRoundTripTests {
    static func encoded(_ value: some Encodable) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(value)
    }

    /// The object's fields that `Hub` declares, recursively, as `JSONSerialization` reads them.
    static func object(_ data: Data) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test func sharedData_recordedDailyListsRoundTripEveryDeclaredField() throws {
        let folder = URL(fileURLWithPath: SharedData.path("fixtures/hf-api"))
        let files = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil).filter { $0.pathExtension == "json" }
        #expect(files.count >= 2)
        var items = 0
        var total = 0
        for file in files {
            let raw = try Data(contentsOf: file)
            let decoded = try JSONDecoder().decode([Hub.DailyItem].self, from: raw)
            let originals = try #require(try JSONSerialization.jsonObject(with: raw) as? [[String: Any]])
            #expect(decoded.count == originals.count && !decoded.isEmpty)
            total += originals.count
            for (item, original) in zip(decoded, originals) {
                let written = try Self.encoded(item)
                #expect(try Self.encoded(try JSONDecoder().decode(Hub.DailyItem.self, from: written)) == written, "writing is stable")
                let back = try Self.object(written)
                for (key, value) in back {
                    let source = try #require(original[key], "\(file.lastPathComponent): \(key) was not in the source")
                    #expect(
                        try JSONSerialization.data(withJSONObject: ["v": value], options: .sortedKeys)
                            == JSONSerialization.data(withJSONObject: ["v": Self.declaredPart(source, like: value)], options: .sortedKeys),
                        "\(file.lastPathComponent): \(key) reads back as it was")
                }
                #expect(back["paper"] != nil && item.paper?.id == (original["paper"] as? [String: Any])?["id"] as? String)
                items += 1
            }
        }
        #expect(items == total && total > 20, "every recorded item was read and written")
    }

    @Test func everyFieldWeWriteIsReadBack() throws {
        var paper = Hub.Paper(id: "2410.11779")
        paper.title = "A title with \"quotes\" and ünïcode"
        paper.upvotes = 7
        paper.ai_keywords = ["a", "b"]
        paper.githubStars = 12
        var item = Hub.DailyItem(paper: paper)
        item.numComments = 3
        item.thumbnail = "https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/2410.11779.png"
        let written = try Self.encoded(item)
        let read = try JSONDecoder().decode(Hub.DailyItem.self, from: written)
        #expect(try Self.encoded(read) == written)
        #expect(read.paper?.title == paper.title && read.paper?.ai_keywords == ["a", "b"] && read.numComments == 3)
        #expect(try Self.object(written)["summary"] == nil, "a nil field is left out, not written as null")
    }

    /// The part of a source value that the shapes declare: objects keep only the keys the written value has.
    static func declaredPart(_ source: Any, like written: Any) -> Any {
        switch (source, written) {
            case (let source as [String: Any], let written as [String: Any]):
                return Dictionary(
                    uniqueKeysWithValues: written.keys.compactMap { key in source[key].map { (key, declaredPart($0, like: written[key] as Any)) } })
            case (let source as [Any], let written as [Any]) where source.count == written.count:
                return zip(source, written).map { declaredPart($0, like: $1) }
            default:
                return source
        }
    }
}
