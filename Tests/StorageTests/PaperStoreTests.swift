import PapersCore
import Storage
import TestSupport
import Testing

@Suite struct PaperStoreTests {
    let now = Timestamp(day: Day(iso: "2025-11-05") ?? Day(daysSinceEpoch: 0))

    @Test(arguments: TestEngine.allCases) func migrationsAreRecordedAndRunOnce(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { database async throws in
            let migrator = Migrator(database: database)
            #expect(try await migrator.pending().isEmpty)
            #expect(try await migrator.migrate().isEmpty)
            #expect(try await migrator.appliedVersions() == Migrations.all.map(\.version))
        }
    }

    @Test(arguments: TestEngine.allCases) func applyInsertsUpdatesAndLeavesUnchangedPapersAlone(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { database async throws in
            let store = SQLPaperStore(database: database)
            let first = SamplePapers.paper("2511.00001", upvotes: 3)
            let second = SamplePapers.paper("2511.00002", upvotes: 5)
            #expect(try await store.apply([first, second].map(SamplePapers.update), at: now) == ApplyCounts(inserted: 2))
            var changed = first
            changed.upvotes = 9
            let counts = try await store.apply([changed, second].map(SamplePapers.update), at: now)
            #expect(counts == ApplyCounts(updated: 1, unchanged: 1))
            #expect(try await store.paper(id: first.id) == changed)
            #expect(try await store.count() == 2)
        }
    }

    @Test(arguments: TestEngine.allCases) func storedPapersRoundTripEveryField(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { database async throws in
            let store = SQLPaperStore(database: database)
            var paper = SamplePapers.paper("2511.00003", organization: Organization(name: "nvidia", fullname: "NVIDIA"))
            paper.authors = ["Zoë \"Quote\" O'Brien", "Back\\slash", "Tab\tand\nnewline", "李雷"]
            paper.categories = ["cs.CL", "cs.AI"]
            paper.mediaUrls = ["https://example.org/a.png"]
            paper.submittedAt = Timestamp(iso: "2025-11-03T02:44:20.973Z")
            paper.githubStars = 12
            paper.aiSummary = "Summary."
            paper.doi = "10.1/abc"
            paper.position = 4
            _ = try await store.apply([SamplePapers.update(paper)], at: now)
            #expect(try await store.paper(id: paper.id) == paper)
        }
    }

    @Test(arguments: TestEngine.allCases) func sqlMetacharactersAreStoredVerbatim(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { database async throws in
            let store = SQLPaperStore(database: database)
            let title = "Robert'); DROP TABLE papers; -- \" % _ \\"
            let paper = SamplePapers.paper("2511.00004", title: title, submitter: "x' OR '1'='1")
            _ = try await store.apply([SamplePapers.update(paper)], at: now)
            #expect(try await store.paper(id: paper.id)?.title == title)
            #expect(try await store.featuredPapers(FeedQuery(submitter: "x' OR '1'='1")).map(\.id) == [paper.id])
            #expect(try await store.featuredPapers(FeedQuery(submitter: "' OR ''='")).isEmpty)
            #expect(try await store.count() == 1)
        }
    }

    @Test(arguments: TestEngine.allCases) func feedsOrderByUpvotesThenPositionWithinADay(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { database async throws in
            let store = SQLPaperStore(database: database)
            let papers = [
                SamplePapers.paper("2511.00010", featured: "2025-11-03", upvotes: 5, position: 2),
                SamplePapers.paper("2511.00011", featured: "2025-11-03", upvotes: 9, position: 3),
                SamplePapers.paper("2511.00012", featured: "2025-11-03", upvotes: 5, position: 1),
                SamplePapers.paper("2511.00013", featured: "2025-11-04", upvotes: 1),
                SamplePapers.paper("2511.00014", featured: nil, upvotes: 100),
            ]
            _ = try await store.apply(papers.map(SamplePapers.update), at: now)
            let day = try #require(Day(iso: "2025-11-03"))
            let daily = try await store.featuredPapers(FeedQuery(days: day...day))
            #expect(daily.map(\.id) == ["2511.00011", "2511.00012", "2511.00010"])
            #expect(try await store.countFeaturedPapers(FeedQuery(days: day...day)) == 3)
            let everything = try await store.featuredPapers(FeedQuery(limit: 2, offset: 1))
            #expect(everything.map(\.id) == ["2511.00011", "2511.00012"])
            #expect(try await store.featuredDays().map(\.description) == ["2025-11-03", "2025-11-04"])
        }
    }

    @Test(arguments: TestEngine.allCases) func organizationNamesFollowTheNewestRecordWhateverTheOrder(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { database async throws in
            let store = SQLPaperStore(database: database)
            let older = SamplePapers.paper("2511.00020", featured: "2025-10-01", organization: Organization(name: "fnlp", fullname: "Fudan NLP"))
            let newer = SamplePapers.paper("2511.00021", featured: "2025-11-01", organization: Organization(name: "fnlp", fullname: "OpenMOSS"))
            _ = try await store.apply([newer, older].map(SamplePapers.update), at: now)
            #expect(try await store.paper(id: older.id)?.organization?.fullname == "OpenMOSS")
            let again = try await store.apply([older, newer].map(SamplePapers.update), at: now)
            #expect(again == ApplyCounts(unchanged: 2))
            #expect(try await store.featuredPapers(FeedQuery(organization: "fnlp")).count == 2)
        }
    }

    @Test(arguments: TestEngine.allCases) func publicationCursorPagesWithoutGapsOrRepeats(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { database async throws in
            let store = SQLPaperStore(database: database)
            let papers = (0..<7).map { index in
                SamplePapers.paper("2511.0010\(index)", published: index < 3 ? "2025-10-01T00:00:00.000Z" : "2025-10-0\(index)T00:00:00.000Z")
            }
            _ = try await store.apply(papers.map(SamplePapers.update), at: now)
            var seen: [String] = []
            var cursor: PublicationCursor?
            while true {
                let page = try await store.papersByPublication(after: cursor, limit: 3)
                guard let last = page.last, let published = last.publishedAt else { break }
                seen += page.map(\.id)
                cursor = PublicationCursor(publishedAt: published, id: last.id)
            }
            #expect(seen.count == 7)
            #expect(Set(seen).count == 7)
            #expect(seen.first == "2511.00106")
        }
    }

    @Test(arguments: TestEngine.allCases) func aFailedBatchLeavesNothingBehind(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { database async throws in
            let store = SQLPaperStore(database: database)
            let good = SamplePapers.paper("2511.00030")
            await #expect(throws: (any Error).self) {
                try await database.transaction { connection in
                    try await connection.execute("INSERT INTO organizations (name, fullname, fullname_as_of) VALUES ('x', 'X', '')")
                    try await connection.execute("INSERT INTO no_such_table VALUES (1)")
                }
            }
            #expect(try await database.query("SELECT COUNT(*) AS n FROM organizations").first?.int("n") == 0)
            _ = try await store.apply([SamplePapers.update(good)], at: now)
            #expect(try await store.count() == 1)
        }
    }

    @Test(arguments: TestEngine.allCases) func authorPagesMatchWholeNamesWhateverTheCase(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { database async throws in
            let store = SQLPaperStore(database: database)
            var first = SamplePapers.paper("2511.00011")
            first.authors = ["Ada Lovelace", "Grace Hopper"]
            var second = SamplePapers.paper("2511.00012")
            second.authors = ["Ada Lovelacey", "100%_Sure"]
            _ = try await store.apply([first, second].map(SamplePapers.update), at: now)
            #expect(try await store.papers(byAuthor: "ada lovelace", limit: 10, offset: 0).map(\.id) == ["2511.00011"])
            #expect(try await store.papers(byAuthor: "GRACE HOPPER", limit: 10, offset: 0).map(\.id) == ["2511.00011"])
            #expect(try await store.papers(byAuthor: "100%_sure", limit: 10, offset: 0).map(\.id) == ["2511.00012"])
            #expect(try await store.papers(byAuthor: "100%", limit: 10, offset: 0).isEmpty, "wildcards are literal")
        }
    }
}
