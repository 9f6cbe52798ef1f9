import PapersCore
import Testing

@Suite struct CommunityRulesTests {
    @Test(arguments: [
        "2410.11779", "2410.11779v3", "https://arxiv.org/abs/2410.11779", "http://arxiv.org/pdf/2410.11779v2.pdf",
        "https://huggingface.co/papers/2410.11779", "hf.co/papers/2410.11779?x=1#y", "  2410.11779  ", "https://www.arxiv.org/abs/2410.11779/",
    ])
    func referencesNameTheSamePaper(_ input: String) throws {
        #expect(try PaperReference.arxivId(from: input) == "2410.11779")
    }

    @Test(arguments: ["", "hello", "https://example.org/abs/2410.11779", "https://arxiv.org/list/cs.CL", "2410.117", "2410.11779' OR 1=1"])
    func otherTextIsRefused(_ input: String) {
        #expect(throws: CommunityError.self) { try PaperReference.arxivId(from: input) }
    }

    @Test func oldStyleReferences() throws {
        #expect(try PaperReference.arxivId(from: "https://arxiv.org/abs/quant-ph/0210005v1") == "quant-ph/0210005")
    }

    @Test func usernames() throws {
        #expect(try AccountRules.validUsername(" ada_lovelace-1 ") == "ada_lovelace-1")
        for bad in ["a", String(repeating: "x", count: 33), "-lead", "has space", "émile", "<b>", "Settings", "API"] {
            #expect(throws: CommunityError.self, "\(bad)") { try AccountRules.validUsername(bad) }
        }
    }

    @Test func passwords() throws {
        try AccountRules.checkPassword("eight ch")
        try AccountRules.checkPassword(String(repeating: "é", count: 36))
        #expect(throws: CommunityError.self) { try AccountRules.checkPassword("seven c") }
        #expect(throws: CommunityError.self) { try AccountRules.checkPassword(String(repeating: "é", count: 37)) }
        #expect(throws: CommunityError.self) { try AccountRules.checkPassword("SameAsName", username: "samEasname") }
    }

    @Test func submissionPolicy() throws {
        let policy = SubmissionPolicy(maxAgeDays: 14, dailyCapPerUser: 2)
        let today = try #require(Day(iso: "2025-11-20"))
        var paper = Paper(id: "2511.00001", title: "t", abstract: "a", publishedAt: Timestamp(iso: "2025-11-06T23:00:00Z"))
        try policy.check(paper, today: today, submittedToday: 1)
        #expect(throws: CommunityError(.forbidden, "You have submitted 2 papers today, the daily limit. Submit more tomorrow (UTC).")) {
            try policy.check(paper, today: today, submittedToday: 2)
        }
        paper.publishedAt = Timestamp(iso: "2025-11-05T23:00:00Z")
        #expect(throws: CommunityError.self) { try policy.check(paper, today: today, submittedToday: 0) }
        paper.publishedAt = Timestamp(iso: "2025-11-19T00:00:00Z")
        paper.featuredOn = Day(iso: "2025-11-19")
        #expect(throws: CommunityError.conflict("This paper was already featured on Nov 19, 2025; a paper is featured once.")) {
            try policy.check(paper, today: today, submittedToday: 0)
        }
    }

    @Test func threadsAreOneLevelDeepAndOldestFirst() {
        let at = { (ms: Int64) in Timestamp(millisecondsSinceEpoch: ms) }
        let comments = [
            Comment(id: 3, paperId: "p", parentId: 1, author: "c", body: "reply 2", createdAt: at(30)),
            Comment(id: 1, paperId: "p", author: "a", body: "first", createdAt: at(10)),
            Comment(id: 4, paperId: "p", author: "d", body: "second", createdAt: at(40)),
            Comment(id: 2, paperId: "p", parentId: 1, author: "b", body: "reply 1", createdAt: at(20)),
        ]
        let threads = CommentRules.threads(comments)
        #expect(threads.map(\.comment.id) == [1, 4])
        #expect(threads[0].replies.map(\.id) == [2, 3] && threads[1].replies.isEmpty)
    }

    @Test func authorsAreRecognisedByTheLettersOfTheirName() {
        let paper = Paper(id: "x", title: "t", abstract: "a", authors: ["Yangyong Zhu", "Zoë O'Brien"])
        #expect(AccountRules.isAuthor("YangyongZhu", of: paper) && AccountRules.isAuthor("zoe_obrien", of: paper) == false)
        #expect(AccountRules.isAuthor("zoëobrien", of: paper) && !AccountRules.isAuthor("zhu", of: paper) && !AccountRules.isAuthor("__", of: paper))
    }
}
