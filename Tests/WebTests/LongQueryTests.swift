import Foundation
import HummingbirdTesting
import PapersCore
import Search
import TestSupport
import Testing

@testable import Web

/// A pasted abstract is a search: accepted on the page and by the API with a mode, read by its most informative words
/// and by the model's first 256 tokens, and the page says so. Hugging Face's endpoint keeps its 250 characters.
@Suite struct LongQueryTests {
    /// A real abstract from the paper the search should find, repeated with filler until it is about 3,000 characters.
    static let abstract: String = {
        let words = "We generate long videos with a latent diffusion model that keeps scenes consistent over minutes of footage"
        return Array(repeating: words + " and we study how the generation behaves", count: 20).joined(separator: "; ")
    }()

    static func encoded(_ text: String) -> String {
        TextEncoding.percentEncode(text)
    }

    @Test func thePageTakesAPastedAbstractAndSaysHowItWasRead() async throws {
        #expect(Self.abstract.count > 2_000 && Self.abstract.count <= SearchParameters.maximumQueryLength)
        try await SearchPageTests.withSearch { client in
            let response = try await client.get("/papers/search?q=\(Self.encoded(Self.abstract))")
            #expect(response.status == .ok)
            let html = response.text
            let first = try #require(html.range(of: "<h2><a href=\"/papers/"))
            #expect(html[first.upperBound...].hasPrefix("2506.00002"), "the paper the abstract describes comes first")
            #expect(html.contains("Your query is long: "))
            #expect(html.contains("meaning read from its first 256 tokens"))
        }
    }

    @Test func aQueryPastTheLimitIsRefusedByName() async throws {
        try await SearchPageTests.withSearch { client in
            let tooLong = String(repeating: "diffusion ", count: 401)
            let page = try await client.get("/papers/search?q=\(Self.encoded(tooLong))")
            #expect(page.status == .badRequest && page.text.contains("at most 4000 are searched"))
        }
    }

    @Test func huggingFacesEndpointKeepsItsLimitAndAModeLiftsIt() async throws {
        try await SearchPageTests.withSearch { client in
            let text = Self.encoded(String(Self.abstract.prefix(600)))
            let hub = try await client.get("/api/papers/search?q=\(text)")
            #expect(hub.status == .badRequest)
            #expect(hub.text.contains("at most 250 are searched (with mode=hybrid, keyword or semantic, up to 4000)"))
            for mode in ["semantic", "hybrid", "keyword"] {
                let long = try await client.get("/api/papers/search?q=\(text)&mode=\(mode)")
                #expect(long.status == .ok, "\(mode)")
                #expect(long.text.contains("2506.00002"), "\(mode): the paper the abstract describes")
            }
        }
    }

    @Test func aLongQueryRanksByItsRarestWordsInTypedOrder() {
        let frequency = ["the": 900, "model": 400, "video": 30, "diffusion": 50, "latent": 8, "footage": 2]
        let query = KeywordQuery((1...40).map { "filler\($0)" }.joined(separator: " ") + " the latent video model diffusion footage")
        #expect(query.terms.count == 46)
        let narrowed = query.narrowed(to: 4) { frequency[$0] }
        #expect(narrowed.terms == ["latent", "video", "diffusion", "footage"], "words no paper holds go first, then the commonest")
        #expect(KeywordQuery("few words").narrowed(to: 4) { _ in nil } == KeywordQuery("few words"), "a short query stays as typed")
        let hyphenated = KeywordQuery(query.meaningText + " few-shot").narrowed(to: 4) { ($0 == "fewshot" ? 1 : frequency[$0]) }
        #expect(
            hyphenated.compounds == ["fewshot"] && hyphenated.terms == ["latent", "video", "footage"],
            "a hyphenated word competes for a place like any other")
    }
}
