import PapersCore
import Testing

@Suite struct KeywordQueryTests {
    @Test func plainWordsAreLowerCasedOnceEach() {
        let query = KeywordQuery("Über-Modelle, naïve  über")
        #expect(query.terms == ["über", "modelle", "naïve"])
        #expect(!query.hasFilters && query.phrases.isEmpty)
    }

    @Test func everySyntaxElementIsRecognised() {
        let query = KeywordQuery(#"diffusion "video generation" -survey author:"Yann LeCun" org:NVIDIA after:2025-01-01 before:2025-07-01"#)
        #expect(query.terms == ["diffusion"])
        #expect(query.phrases == [["video", "generation"]])
        #expect(query.excluded == ["survey"])
        #expect(query.authors == ["yann lecun"])
        #expect(query.organizations == ["nvidia"])
        #expect(query.publishedFrom == Day(year: 2025, month: 1, day: 1))
        #expect(query.publishedBefore == Day(year: 2025, month: 7, day: 1))
        #expect(query.meaningText == "diffusion video generation", "the words and phrases as typed, without operators")
    }

    @Test func yearIsARangeAndNarrowsOtherDates() {
        let query = KeywordQuery("year:2024 after:2024-06-01")
        #expect(query.publishedFrom == Day(year: 2024, month: 6, day: 1))
        #expect(query.publishedBefore == Day(year: 2025, month: 1, day: 1))
        #expect(!query.hasWords && query.hasFilters && !query.isEmpty)
    }

    @Test(arguments: [
        (#""unclosed phrase here"#, ["unclosed", "phrase", "here"]),
        ("after:yesterday", ["after", "yesterday"]),
        ("year:24", ["year", "24"]),
        ("colour:red", ["colour", "red"]),
        ("author:", ["author"]),
        ("- lonely dash", ["lonely", "dash"]),
        (#"author:"unclosed"#, ["author", "unclosed"]),
        ("http://arxiv.org/abs/2401.00001", ["http", "arxiv", "org", "abs", "2401", "00001"]),
    ])
    func malformedSyntaxIsSearchedAsPlainWords(text: String, words: [String]) {
        let query = KeywordQuery(text)
        #expect(query.terms == words)
        #expect(!query.hasFilters)
    }

    @Test func theLastWordIsAPrefixOnlyWhileTyping() {
        #expect(KeywordQuery("sparse atten", prefixLastWord: true).prefix == "atten")
        #expect(KeywordQuery("sparse atten", prefixLastWord: true).terms == ["sparse"])
        #expect(KeywordQuery("sparse atten ", prefixLastWord: true).prefix == nil)
        #expect(KeywordQuery("sparse atten").prefix == nil)
        #expect(KeywordQuery("sparse atten", prefixLastWord: true).highlightedWords == ["sparse", "atten"])
    }

    @Test func highlightedWordsAreTheOnesThatRank() {
        #expect(KeywordQuery("how can a robot learn to pick up cups").highlightedWords == ["robot", "learn", "pick", "cups"])
        #expect(KeywordQuery(#""the bitter lesson" of scale"#).highlightedWords == ["scale", "bitter", "lesson"])
        #expect(KeywordQuery("to be or not").highlightedWords == ["to", "be", "or", "not"], "a query of stop words marks them")
        #expect(KeywordQuery(#""to be or not to be""#).highlightedWords == ["to", "be", "or", "not", "to", "be"])
    }

    @Test func aOneWordPhraseIsAWordAndExcludedPhrasesExcludeTheirWords() {
        let query = KeywordQuery(#""robots" -"reward hacking""#)
        #expect(query.terms == ["robots"])
        #expect(query.phrases.isEmpty)
        #expect(query.excluded == ["reward", "hacking"])
    }

    @Test func nothingTypedIsEmpty() {
        #expect(KeywordQuery("  ... !!! ").isEmpty)
        #expect(KeywordQuery("").isEmpty)
    }
}

@Suite struct StopWordTests {
    @Test func stopWordsAreLeftOutOfTheRankedWordsUnlessNothingElseRemains() {
        #expect(KeywordQuery("the effect of attention on the model").rankedTerms == ["effect", "attention", "model"])
        #expect(KeywordQuery("the of and").rankedTerms == ["the", "of", "and"])
        #expect(KeywordQuery(#"the "sparse attention""#).rankedTerms.isEmpty, "a phrase is enough to search by")
        #expect(KeywordQuery("the effect").terms == ["the", "effect"], "highlighting and meaning keep every word")
    }

    @Test("a query demands at most 16 phrases and excludes at most 64 words: past them, phrases rank as words")
    func conditionsAreBounded() {
        let phrases = (0..<40).map { "\"alpha\($0) beta\($0)\"" }.joined(separator: " ")
        let query = KeywordQuery(phrases)
        #expect(query.phrases.count == KeywordQuery.maximumPhrases)
        #expect(query.terms.contains("alpha39") && query.terms.contains("beta39"), "the rest rank as words")
        let excluded = KeywordQuery("attention " + (0..<200).map { "-w\($0)" }.joined(separator: " "))
        #expect(excluded.excluded.count == KeywordQuery.maximumExcluded && excluded.terms == ["attention"])
    }
}
