import PapersCore
import Storage
import TestSupport
import Testing

@Suite struct BatchApplyTests {
    static let now = Timestamp(millisecondsSinceEpoch: 1_800_000_000_000)

    static func paper(_ n: Int, categories: [String], organization: Organization? = nil) -> Paper {
        Paper(
            id: "2601.\(String(format: "%05d", n))", title: "Paper \(n)", abstract: "About \(n).", organization: organization, categories: categories)
    }

    @Test(arguments: TestEngine.allCases) func aLargeBatchIsWrittenInFewStatementsWithTheSameResultAsOneByOne(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { database async throws in
            let store = SQLPaperStore(database: database)
            // 1,000 papers (more than one statement's worth), one of them twice in the batch, organizations named two ways.
            var updates = (0..<1_000).map { n in
                SamplePapers.update(
                    Self.paper(
                        n, categories: n % 2 == 0 ? ["cs.CL", "cs.LG"] : ["cs.CV"],
                        organization: n % 100 == 0 ? Organization(name: "lab", fullname: "Lab \(n)") : nil))
            }
            var again = Self.paper(7, categories: ["stat.ML", "cs.CV", "stat.ML"])
            again.upvotes = 9
            updates.append(SamplePapers.update(again))
            let counts = try await store.apply(updates, at: Self.now)
            #expect(counts == ApplyCounts(inserted: 1_000, updated: 1, unchanged: 0))
            #expect(try await store.count() == 1_000)
            #expect(try await store.paper(id: "2601.00007")?.upvotes == 9, "the later update of the same paper wins")
            #expect(try await store.listings.countPapers(inCategory: "cs.CL") == 500)
            #expect(try await store.listings.countPapers(inCategory: "stat.ML") == 1, "a repeated category is one row")
            #expect(try await store.listings.countPapers(inCategory: "cs.CV") == 500, "499 odd papers and the re-categorised one")
            #expect(
                try await store.paper(id: "2601.00900")?.organization?.fullname == "Lab 900",
                "on the same day, the greater of an organization's names wins")
            let unchanged = try await store.apply(updates, at: Self.now)
            // Again: paper 7's first update undoes its second, which then redoes it; everything else is unchanged.
            #expect(unchanged == ApplyCounts(inserted: 0, updated: 2, unchanged: 999))
        }
    }
}
