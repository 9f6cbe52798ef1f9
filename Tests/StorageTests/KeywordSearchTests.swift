import PapersCore
import Storage
import TestSupport
import Testing

/// Keyword search on both engines: what matches, what ranks first, and that the index follows every change.
@Suite struct KeywordSearchTests {
    let now = Timestamp(iso: "2026-08-21T21:00:00Z") ?? Timestamp(millisecondsSinceEpoch: 0)

    func paper(_ id: String, title: String, abstract: String, authors: [String] = ["Ada Lovelace"]) -> PaperUpdate {
        var paper = SamplePapers.paper(id, title: title)
        paper.abstract = abstract
        paper.authors = authors
        return SamplePapers.update(paper)
    }

    /// The matches once the index has caught up with the change log, as `serve`'s background loop does every second.
    func ids(_ store: SQLPaperStore, _ text: String) async throws -> [String] {
        try await store.catchUpSearchIndex()
        return try await store.keywordSearch(KeywordQuery(text), limit: 10).map(\.paperId)
    }

    @Test(arguments: TestEngine.allCases) func titlesOutrankAbstractsAndWordsAreStemmed(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { database async throws in
            let store = SQLPaperStore(database: database)
            _ = try await store.apply(
                [
                    paper("2608.00001", title: "Sparse attention for long documents", abstract: "We study transformers on books."),
                    paper("2608.00002", title: "A survey of robotics", abstract: "Attention is paid to sparse rewards in grasping."),
                    paper("2608.00003", title: "Protein folding", abstract: "Structures of enzymes.", authors: ["Grace Hopper"]),
                ], at: now)
            #expect(try await ids(store, "sparse attention") == ["2608.00001", "2608.00002"])
            #expect(try await ids(store, "document") == ["2608.00001"], "documents → document")
            #expect(try await ids(store, "hopper") == ["2608.00003"], "authors are searched")
            #expect(try await ids(store, "quantum gravity").isEmpty)
            if engine == .postgres {
                #expect(try await ids(store, "the of and").isEmpty, "PostgreSQL drops English stop words")
            } else {
                #expect(Set(try await ids(store, "the of and")) == ["2608.00002", "2608.00003"], "SQLite keeps them: papers 2 and 3 say \"of\"")
            }
            #expect(try await store.keywordSearch(KeywordQuery("sparse"), limit: 1).count == 1)
            let scores = try await store.keywordSearch(KeywordQuery("sparse attention"), limit: 10).map(\.score)
            #expect(scores == scores.sorted(by: >) && scores.allSatisfy { $0 > 0 })
        }
    }

    @Test(arguments: TestEngine.allCases) func theIndexFollowsUpdatesHidingAndVotes(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { database async throws in
            let store = SQLPaperStore(database: database)
            _ = try await store.apply([paper("2608.00001", title: "Graph networks", abstract: "Message passing.")], at: now)
            _ = try await store.apply([paper("2608.00001", title: "Diffusion models", abstract: "Message passing.")], at: now)
            #expect(try await ids(store, "graph").isEmpty, "the old title is gone from the index")
            #expect(try await ids(store, "diffusion") == ["2608.00001"])
            let community = CommunityStores(database: database)
            let ada = try await community.users.createUser(NewUser(username: "ada", email: "ada@example.org", passwordHash: "x"), at: now)
            _ = try await community.votes.setVote(userId: ada.id, paperId: "2608.00001", upvoted: true, at: now)
            #expect(try await ids(store, "diffusion") == ["2608.00001"], "a vote leaves the index alone")
            try await community.moderation.hidePaper(id: "2608.00001", reason: .spam, moderator: "mod", at: now)
            #expect(try await ids(store, "diffusion").isEmpty, "hidden papers are not found")
        }
    }

    @Test(arguments: TestEngine.allCases) func queriesAreWordsNeverSyntax(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { database async throws in
            let store = SQLPaperStore(database: database)
            _ = try await store.apply([paper("2608.00001", title: "Robert drops tables", abstract: "A study of injection.")], at: now)
            for hostile in ["'; DROP TABLE papers; --", "\"unbalanced", "title:robert OR", "a & b | !c <-> d", "NEAR(robert tables)", "*", ""] {
                _ = try await ids(store, hostile)
            }
            #expect(try await ids(store, "robert's \"tables\"") == ["2608.00001"])
            #expect(try await store.count() == 1)
            #expect(KeywordQuery("Über-Modelle, naïve  über").terms == ["über", "modelle", "naïve"])
        }
    }

    @Test(arguments: TestEngine.allCases) func importsOnlyWritePapersAndTheChangeLogDrivesTheIndex(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { database async throws in
            let store = SQLPaperStore(database: database)
            let table = engine == .sqlite ? "papers_fts" : "paper_search"
            let updates = (1...30).map { paper(String(format: "2608.%05d", $0), title: "Paper \($0) on optics", abstract: "Lenses.") }
            _ = try await store.apply(updates, at: now)
            _ = try await store.apply([paper("2608.00001", title: "Paper 1 on acoustics", abstract: "Lenses.")], at: now)
            #expect(
                try await database.query("SELECT COUNT(*) AS n FROM \(unsafeRaw: table)").first?.int("n") == 0, "nothing tokenized while importing")
            #expect(try await store.catchUpSearchIndex(batchSize: 7) == 31, "31 changes in batches of 7: paper 1 again in the last")
            #expect(try await store.catchUpSearchIndex() == 0)
            #expect(try await database.query("SELECT COUNT(*) AS n FROM \(unsafeRaw: table)").first?.int("n") == 30)
            #expect(try await store.keywordSearch(KeywordQuery("acoustics"), limit: 10).map(\.paperId) == ["2608.00001"])
            _ = try await store.apply([paper("2608.00002", title: "Paper 2 on acoustics", abstract: "Lenses.")], at: now)
            #expect(try await store.keywordSearch(KeywordQuery("acoustics"), limit: 10).map(\.paperId) == ["2608.00001"], "a search never writes")
            #expect(try await store.catchUpSearchIndex() == 1)
            #expect(Set(try await store.keywordSearch(KeywordQuery("acoustics"), limit: 10).map(\.paperId)) == ["2608.00001", "2608.00002"])
            #expect(try await database.query("SELECT COUNT(*) AS n FROM \(unsafeRaw: table)").first?.int("n") == 30)
        }
    }
}

/// The query language on both engines: phrases, exclusions, prefixes, author/org/date filters.
@Suite struct KeywordSyntaxTests {
    let now = Timestamp(iso: "2026-08-21T21:00:00Z") ?? Timestamp(millisecondsSinceEpoch: 0)

    func paper(_ id: String, title: String, abstract: String, authors: [String], published: String, organization: Organization? = nil) -> PaperUpdate
    {
        var paper = SamplePapers.paper(id, title: title, published: published, organization: organization)
        paper.abstract = abstract
        paper.authors = authors
        return SamplePapers.update(paper)
    }

    func withPapers(_ engine: TestEngine, _ body: @escaping @Sendable (SQLPaperStore) async throws -> Void) async throws {
        try await TestDatabase.with(engine) { database async throws in
            let store = SQLPaperStore(database: database)
            _ = try await store.apply(
                [
                    paper(
                        "2401.00001", title: "Video generation with diffusion", abstract: "We generate long videos.",
                        authors: ["Yann LeCun", "Ada Lovelace"], published: "2024-01-10T00:00:00.000Z"),
                    paper(
                        "2501.00002", title: "Diffusion for images", abstract: "Generation of video frames is not our topic; a survey.",
                        authors: ["Grace Hopper"], published: "2025-02-01T00:00:00.000Z",
                        organization: Organization(name: "nvidia", fullname: "NVIDIA")),
                    paper(
                        "2507.00003", title: "Attention sinks", abstract: "Attentional mechanisms in diffusion transformers.",
                        authors: ["Alan Turing"], published: "2025-08-01T00:00:00.000Z"),
                ], at: now)
            try await body(store)
        }
    }

    func ids(_ store: SQLPaperStore, _ text: String, prefix: Bool = false) async throws -> Set<String> {
        try await store.catchUpSearchIndex()
        return Set(try await store.keywordSearch(KeywordQuery(text, prefixLastWord: prefix), limit: 10).map(\.paperId))
    }

    @Test(arguments: TestEngine.allCases) func phrasesMustAppearInOrder(engine: TestEngine) async throws {
        try await withPapers(engine) { store async throws in
            #expect(try await ids(store, #""video generation""#) == ["2401.00001"])
            #expect(try await ids(store, #"diffusion "generation video""#).isEmpty)
        }
    }

    @Test(arguments: TestEngine.allCases) func excludedWordsRemovePapers(engine: TestEngine) async throws {
        try await withPapers(engine) { store async throws in
            #expect(try await ids(store, "diffusion -survey") == ["2401.00001", "2507.00003"])
            #expect(try await ids(store, "-survey year:2025") == ["2507.00003"], "an exclusion with filters only")
        }
    }

    @Test(arguments: TestEngine.allCases) func theLastWordMatchesAsAPrefixWhileTyping(engine: TestEngine) async throws {
        try await withPapers(engine) { store async throws in
            #expect(try await ids(store, "sinks atten", prefix: true) == ["2507.00003"])
            #expect(try await ids(store, "transfo", prefix: true) == ["2507.00003"])
            #expect(try await ids(store, "transfo").isEmpty)
        }
    }

    @Test(arguments: TestEngine.allCases) func filtersNarrowByAuthorOrganizationAndDate(engine: TestEngine) async throws {
        try await withPapers(engine) { store async throws in
            #expect(try await ids(store, #"diffusion author:"yann lecun""#) == ["2401.00001"])
            #expect(try await ids(store, "author:hopper") == ["2501.00002"])
            #expect(try await ids(store, "diffusion org:nvidia") == ["2501.00002"])
            #expect(try await ids(store, #"org:"NVIDIA""#) == ["2501.00002"])
            #expect(try await ids(store, "diffusion year:2025") == ["2501.00002", "2507.00003"])
            #expect(try await ids(store, "diffusion after:2025-03-01") == ["2507.00003"])
            #expect(try await ids(store, "diffusion before:2025-02-01") == ["2401.00001"])
            let newestFirst = try await store.keywordSearch(KeywordQuery("after:2024-01-01"), limit: 10).map(\.paperId)
            #expect(newestFirst == ["2507.00003", "2501.00002", "2401.00001"])
        }
    }

    @Test(arguments: TestEngine.allCases) func wildcardsInAuthorNamesAreLiteral(engine: TestEngine) async throws {
        try await withPapers(engine) { store async throws in
            #expect(try await ids(store, "author:%").isEmpty)
            #expect(try await ids(store, "author:_").isEmpty)
        }
    }
}
