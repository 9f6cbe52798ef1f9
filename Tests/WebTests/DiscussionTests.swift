import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import PapersCore
import Storage
import TestSupport
import Testing

@Suite("Comments, organizations and moderation")
struct DiscussionTests {
    @Test("comments thread one level deep, render safe Markdown, count on cards, edit within 15 minutes, delete own")
    func comments() async throws {
        let site = try await CommunitySite()
        try await site.member("ann")
        try await site.member("ben")
        try await site.run { client in
            let ann = Browser(client)
            try await ann.logIn("ann", password: "password-ann")
            try await ann.get("/papers/2511.00001")
            let posted = try await ann.post(
                "/papers/2511.00001/comments", ["body": "Nice **results**, see `code` and [repo](https://example.org/x)\n\n<b>raw</b>"])
            #expect(posted.status == .found && posted.headers[.location]?.hasPrefix("/papers/2511.00001#comment-") == true)
            let commentId = try #require(posted.headers[.location]?.split(separator: "-").last.map(String.init))

            let ben = Browser(client)
            try await ben.logIn("ben", password: "password-ben")
            try await ben.get("/papers/2511.00001")
            #expect(try await ben.post("/papers/2511.00001/comments", ["body": "Agreed", "parent": commentId]).status == .found)
            let page = try await ben.get("/papers/2511.00001")
            #expect(page.text.contains("<strong>results</strong>") && page.text.contains("<code>code</code>"))
            #expect(page.text.contains(#"<a href="https://example.org/x" rel="nofollow ugc">repo</a>"#))
            #expect(page.text.contains("&lt;b&gt;raw&lt;/b&gt;") && !page.text.contains("<b>raw</b>"))
            #expect(page.text.contains(#"<ol class="replies">"#) && page.text.contains("Comments (2)"))
            #expect(try await client.get("/papers/date/2025-11-03").text.contains("2 comments"))
            #expect(try await client.get("/api/papers/2511.00001").text.contains(#""numComments":2"#))

            let replyId = try #require(try await site.store.comments.comments(paperId: "2511.00001").last?.id)
            let nested = try await ben.post("/papers/2511.00001/comments", ["body": "Deeper", "parent": String(replyId)])
            #expect(nested.status == .badRequest && nested.text.contains("one level deep"))
            #expect(try await ben.post("/comments/\(commentId)/edit", ["body": "hijack"]).status == .forbidden)
            #expect(try await ann.post("/comments/\(commentId)/edit", ["body": "Edited text"]).status == .found)
            #expect(try await client.get("/papers/2511.00001").text.contains("Edited text"))
            #expect(try await ann.post("/papers/2511.00001/comments", ["body": "   "]).status == .badRequest)

            #expect(try await ann.post("/comments/\(commentId)/delete").status == .found)
            let afterDelete = try await client.get("/papers/2511.00001")
            #expect(afterDelete.text.contains("This comment was deleted.") && afterDelete.text.contains("Agreed"))
            #expect(try await client.get("/api/papers/2511.00001").text.contains(#""numComments":1"#))
        }
    }

    @Test("the edit window closes after 15 minutes")
    func editWindow() {
        let posted = Comment(id: 1, paperId: "p", author: "a", body: "x", createdAt: Timestamp(millisecondsSinceEpoch: 0))
        #expect(CommentRules.isEditable(posted, now: Timestamp(millisecondsSinceEpoch: 15 * 60_000)))
        #expect(!CommentRules.isEditable(posted, now: Timestamp(millisecondsSinceEpoch: 15 * 60_000 + 1)))
    }

    @Test("POST /api/papers/{id}/comment answers {\"newMessage\": …} as Hugging Face does; replies have their own path")
    func apiComments() async throws {
        let site = try await CommunitySite()
        try await site.member("apiuser")
        try await site.run { client in
            let browser = Browser(client)
            try await browser.logIn("apiuser", password: "password-apiuser")
            let token = try await VoteTests.apiToken(browser)
            let headers: HTTPFields = [.authorization: "Bearer \(token)", .contentType: "application/json"]
            let created = try await client.execute(
                uri: "/api/papers/2511.00002/comment", method: .post, headers: headers, body: ByteBuffer(string: #"{"comment":"From *the* API"}"#))
            #expect(created.status == .created)
            struct Answer: Decodable {
                struct Message: Decodable {
                    struct Latest: Decodable {
                        let raw: String
                        let html: String
                    }
                    struct Body: Decodable { let latest: Latest }
                    struct Author: Decodable { let name: String }
                    let id: String
                    let type: String
                    let author: Author
                    let data: Body
                }
                let newMessage: Message
            }
            let answer = try created.json(Answer.self)
            #expect(answer.newMessage.type == "comment" && answer.newMessage.author.name == "apiuser")
            #expect(answer.newMessage.data.latest.raw == "From *the* API" && answer.newMessage.data.latest.html == "<p>From <em>the</em> API</p>")
            let reply = try await client.execute(
                uri: "/api/papers/2511.00002/comment/\(answer.newMessage.id)/reply", method: .post, headers: headers,
                body: ByteBuffer(string: #"{"comment":"reply"}"#)
            )
            #expect(reply.status == .created)
            let missing = try await client.execute(
                uri: "/api/papers/2511.00002/comment", method: .post, headers: headers, body: ByteBuffer(string: #"{"text":"x"}"#))
            #expect(missing.status == .badRequest && missing.text.contains(#"{\"comment\": \"text\"}"#))
        }
    }

    @Test("organizations: create, manage members, attribute a paper (submitter or admin only), list it on the page")
    func organizations() async throws {
        let site = try await CommunitySite()
        try await site.member("akhaliq")
        try await site.member("stranger")
        try await site.run { client in
            let owner = Browser(client)
            try await owner.logIn("akhaliq", password: "password-akhaliq")
            try await owner.get("/organizations/new")
            #expect(try await owner.post("/organizations/new", ["name": "papers", "fullname": "X"]).status == .badRequest)
            let created = try await owner.post("/organizations/new", ["name": "deepmind", "fullname": "Google DeepMind"])
            #expect(created.status == .found && created.headers[.location] == "/deepmind")
            #expect(try await owner.post("/organizations/new", ["name": "DeepMind", "fullname": "Again"]).status == .conflict)
            let empty = try await client.get("/deepmind")
            #expect(empty.status == .ok && empty.text.contains("Google DeepMind") && empty.text.contains("No papers are attributed"))

            // The fixture's akhaliq is a Hugging Face user: the member of that name may not attribute their paper...
            let before = try await owner.get("/papers/2511.00002")
            #expect(!before.text.contains("Paper tools"), "no tools the member may not use")
            #expect(try await owner.post("/papers/2511.00002/organization", ["organization": "deepmind"]).status == .forbidden)
            // ...until it is the member's own submission here.
            _ = try await site.site.temporary.database.execute("UPDATE papers SET submitted_here = 1 WHERE id = '2511.00002'")
            #expect(try await owner.get("/papers/2511.00002").text.contains("Paper tools"))
            #expect(try await owner.post("/papers/2511.00002/organization", ["organization": "deepmind"]).status == .found)
            #expect(try await client.get("/deepmind").text.contains("Latest second"))
            #expect(try await client.get("/papers/2511.00002").text.contains("Google DeepMind"))
            let stranger = Browser(client)
            try await stranger.logIn("stranger", password: "password-stranger")
            try await stranger.get("/papers/2511.00002")
            #expect(try await stranger.post("/papers/2511.00002/organization", ["organization": ""]).status == .forbidden)
            #expect(try await stranger.post("/deepmind/members", ["username": "stranger", "role": "admin"]).status == .forbidden)

            #expect(try await owner.post("/deepmind/members", ["username": "stranger", "role": "member"]).status == .found)
            let members = try await client.get("/deepmind")
            #expect(members.text.contains(#"<a href="/users/stranger">stranger</a> · member"#) && members.text.contains("akhaliq</a> · admin"))
        }
    }

    @Test("author pages list papers by an author's exact name")
    func authorPages() async throws {
        var paper = SamplePapers.paper("2511.03001", title: "By O'Brien", featured: "2025-11-03")
        paper.authors = ["Ann O'Brien", "Bo 100%_Sure"]
        let site = try await CommunitySite(papers: WebFixtures.papers + [paper])
        try await site.run { client in
            let page = try await client.get("/authors/Ann%20O'Brien")
            #expect(page.status == .ok && page.text.contains("By O&#39;Brien"))
            #expect(try await client.get("/authors/Bo%20100%25_Sure").text.contains("By O"))
            #expect(try await client.get("/authors/Bo%20100%25XSure").text.contains("No paper here lists this author"))
            #expect(try await client.get("/papers/2511.03001").text.contains(#"<a href="/authors/Ann%20O%27Brien">"#))
        }
    }

    @Test("moderators hide papers and comments with a reason and ban members; hidden content leaves feeds, API and pages; the log shows it")
    func moderation() async throws {
        let site = try await CommunitySite()
        try await site.member("mod", role: .moderator)
        try await site.member("spammer")
        try await site.run { client in
            let spammer = Browser(client)
            try await spammer.logIn("spammer", password: "password-spammer")
            try await spammer.get("/papers/2511.00001")
            try await spammer.post("/papers/2511.00001/comments", ["body": "Buy now!"])
            let commentId = try #require(try await site.store.comments.comments(paperId: "2511.00001").first?.id)
            #expect(try await spammer.post("/comments/\(commentId)/hide", ["reason": "spam"]).status == .forbidden)

            let mod = Browser(client)
            try await mod.logIn("mod", password: "password-mod")
            try await mod.get("/papers/2511.00001")
            #expect(try await mod.post("/comments/\(commentId)/hide", ["reason": "nonsense"]).status == .badRequest)
            #expect(try await mod.post("/comments/\(commentId)/hide", ["reason": "spam"]).status == .found)
            let page = try await client.get("/papers/2511.00001")
            #expect(page.text.contains("hidden by a moderator (spam)") && !page.text.contains("Buy now!"))

            #expect(try await mod.post("/papers/2511.00002/hide", ["reason": "off-topic"]).status == .found)
            #expect(try await client.get("/papers/2511.00002").status == .notFound)
            #expect(!(try await client.get("/papers/date/2025-11-03").text.contains("Latest second")))
            #expect(!(try await client.get("/api/daily_papers?date=2025-11-03").text.contains("2511.00002")))
            #expect(try await client.get("/api/papers/2511.00002").status == .notFound)

            try await mod.get("/users/spammer")
            #expect(try await mod.post("/users/spammer/ban").status == .found)
            #expect(try await spammer.get("/settings").status == .found)
            #expect(try await spammer.logIn("spammer", password: "password-spammer").status == .forbidden)

            let log = try await mod.get("/moderation")
            for text in ["hide-comment", "hide-paper", "2511.00002", "off-topic", "ban-user", "spammer", "Show again"] {
                #expect(log.text.contains(text), "\(text)")
            }
            #expect(!(try await client.get("/moderation").text.contains("Show again")))
            #expect(try await mod.post("/papers/2511.00002/show").status == .found)
            #expect(try await client.get("/papers/2511.00002").status == .ok)
        }
    }
}
