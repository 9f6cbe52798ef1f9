import PapersCore
import Storage
import Testing
import TestSupport

@Suite struct PaperStoreTests {
    let now = Timestamp(day: Day(iso: "2025-11-05") ?? Day(daysSinceEpoch: 0))

    @Test func migrationsAreRecordedAndRunOnce() async throws {
        try await TemporaryDatabase.with { temporary async throws in
            let migrator = Migrator(database: temporary.database)
            #expect(try await migrator.pending().isEmpty)
            #expect(try await migrator.migrate().isEmpty)
            #expect(try await migrator.appliedVersions() == Migrations.all.map(\.version))
        }
    }

    @Test func applyInsertsUpdatesAndLeavesUnchangedPapersAlone() async throws {
        try await TemporaryDatabase.with { temporary async throws in
            let store = temporary.store
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

    @Test func storedPapersRoundTripEveryField() async throws {
        try await TemporaryDatabase.with { temporary async throws in
            var paper = SamplePapers.paper("2511.00003", organization: Organization(name: "nvidia", fullname: "NVIDIA"))
            paper.authors = ["Zoë \"Quote\" O'Brien", "Back\\slash", "Tab\tand\nnewline", "李雷"]
            paper.categories = ["cs.CL", "cs.AI"]
            paper.mediaUrls = ["https://example.org/a.png"]
            paper.submittedAt = Timestamp(iso: "2025-11-03T02:44:20.973Z")
            paper.githubStars = 12
            paper.aiSummary = "Summary."
            paper.doi = "10.1/abc"
            paper.position = 4
            _ = try await temporary.store.apply([SamplePapers.update(paper)], at: now)
            #expect(try await temporary.store.paper(id: paper.id) == paper)
        }
    }

    @Test func sqlMetacharactersAreStoredVerbatim() async throws {
        try await TemporaryDatabase.with { temporary async throws in
            let title = "Robert'); DROP TABLE papers; -- \" % _ \\"
            let paper = SamplePapers.paper("2511.00004", title: title, submitter: "x' OR '1'='1")
            _ = try await temporary.store.apply([SamplePapers.update(paper)], at: now)
            #expect(try await temporary.store.paper(id: paper.id)?.title == title)
            #expect(try await temporary.store.featuredPapers(FeedQuery(submitter: "x' OR '1'='1")).map(\.id) == [paper.id])
            #expect(try await temporary.store.featuredPapers(FeedQuery(submitter: "' OR ''='")).isEmpty)
            #expect(try await temporary.store.count() == 1)
        }
    }

    @Test func feedsOrderByUpvotesThenPositionWithinADay() async throws {
        try await TemporaryDatabase.with { temporary async throws in
            let papers = [
                SamplePapers.paper("2511.00010", featured: "2025-11-03", upvotes: 5, position: 2),
                SamplePapers.paper("2511.00011", featured: "2025-11-03", upvotes: 9, position: 3),
                SamplePapers.paper("2511.00012", featured: "2025-11-03", upvotes: 5, position: 1),
                SamplePapers.paper("2511.00013", featured: "2025-11-04", upvotes: 1),
                SamplePapers.paper("2511.00014", featured: nil, upvotes: 100),
            ]
            _ = try await temporary.store.apply(papers.map(SamplePapers.update), at: now)
            let day = try #require(Day(iso: "2025-11-03"))
            let daily = try await temporary.store.featuredPapers(FeedQuery(days: day...day))
            #expect(daily.map(\.id) == ["2511.00011", "2511.00012", "2511.00010"])
            #expect(try await temporary.store.countFeaturedPapers(FeedQuery(days: day...day)) == 3)
            let everything = try await temporary.store.featuredPapers(FeedQuery(limit: 2, offset: 1))
            #expect(everything.map(\.id) == ["2511.00011", "2511.00012"])
            #expect(try await temporary.store.featuredDays().map(\.description) == ["2025-11-03", "2025-11-04"])
        }
    }

    @Test func organizationNamesFollowTheNewestRecordWhateverTheOrder() async throws {
        try await TemporaryDatabase.with { temporary async throws in
            let older = SamplePapers.paper("2511.00020", featured: "2025-10-01", organization: Organization(name: "fnlp", fullname: "Fudan NLP"))
            let newer = SamplePapers.paper("2511.00021", featured: "2025-11-01", organization: Organization(name: "fnlp", fullname: "OpenMOSS"))
            _ = try await temporary.store.apply([newer, older].map(SamplePapers.update), at: now)
            #expect(try await temporary.store.paper(id: older.id)?.organization?.fullname == "OpenMOSS")
            let again = try await temporary.store.apply([older, newer].map(SamplePapers.update), at: now)
            #expect(again == ApplyCounts(unchanged: 2))
            #expect(try await temporary.store.featuredPapers(FeedQuery(organization: "fnlp")).count == 2)
        }
    }

    @Test func publicationCursorPagesWithoutGapsOrRepeats() async throws {
        try await TemporaryDatabase.with { temporary async throws in
            let papers = (0..<7).map { index in
                SamplePapers.paper("2511.0010\(index)", published: index < 3 ? "2025-10-01T00:00:00.000Z" : "2025-10-0\(index)T00:00:00.000Z")
            }
            _ = try await temporary.store.apply(papers.map(SamplePapers.update), at: now)
            var seen: [String] = []
            var cursor: PublicationCursor?
            while true {
                let page = try await temporary.store.papersByPublication(after: cursor, limit: 3)
                guard let last = page.last, let published = last.publishedAt else { break }
                seen += page.map(\.id)
                cursor = PublicationCursor(publishedAt: published, id: last.id)
            }
            #expect(seen.count == 7)
            #expect(Set(seen).count == 7)
            #expect(seen.first == "2511.00106")
        }
    }

    @Test func aFailedBatchLeavesNothingBehind() async throws {
        try await TemporaryDatabase.with { temporary async throws in
            let good = SamplePapers.paper("2511.00030")
            await #expect(throws: (any Error).self) {
                try await temporary.database.transaction { connection in
                    try await connection.execute("INSERT INTO organizations (name, fullname, fullname_as_of) VALUES ('x', 'X', '')")
                    try await connection.execute("INSERT INTO no_such_table VALUES (1)")
                }
            }
            #expect(try await temporary.database.query("SELECT COUNT(*) AS n FROM organizations").first?.int("n") == 0)
            _ = try await temporary.store.apply([SamplePapers.update(good)], at: now)
            #expect(try await temporary.store.count() == 1)
        }
    }
}
