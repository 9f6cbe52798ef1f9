import PapersCore
import Presentation
import Synchronization

/// A member's personal ("For you") digest: the papers ranked for them, each with the reason it is there.
public struct PersonalDigestItem: Sendable {
    public let paper: Paper
    public let reason: String

    public init(paper: Paper, reason: String) {
        self.paper = paper
        self.reason = reason
    }
}

extension DigestComposer {
    /// The member's personal digest of `items` for the edition `kind`, or nil when there is nothing to send.
    public func personalMessage(
        to member: User, kind: DigestEdition.Kind, items: [PersonalDigestItem], blocks: PersonalDigestBlocks = PersonalDigestBlocks(), now: Timestamp
    ) throws -> OutboxMessage? {
        guard let first = items.first else { return nil }
        let edition = DigestEdition(kind: kind, rankedPapers: items.map(\.paper))
        let address = try EmailAddress(member.email)
        let token = signer.token(.stopPersonal, subscriberId: member.id, email: member.email)
        let links = DigestLinks(
            unsubscribe: site.url(.unsubscribe, query: ["token": token]), settings: site.url(.following), site: site.url(.forYou))
        let shown = items.prefix(DigestEdition.maxPapers)
        let subject = "For you · \(edition.title): \(TeXText.plain(first.paper.title))"
        let message = MailMessage(
            from: sender, to: MailMessage.Mailbox(address: address), subject: subject.count > 150 ? String(subject.prefix(147)) + "…" : subject,
            encodedText: EncodedBody(
                joining: [EncodedBody(PersonalDigestBodies.textHeader(edition))]
                    + shown.flatMap { [EncodedBody("  Why: \($0.reason)\n"), blocks.text($0.paper, site: site)] }
                    + [EncodedBody(DigestText.footer(links))]),
            encodedHTML: EncodedBody(
                joining: [EncodedBody(DigestHTML.header(edition, subtitle: "ranked for you from what you follow, save and upvote").rendered)]
                    + shown.flatMap { [EncodedBody(PersonalDigestBodies.reasonRow($0.reason).rendered), blocks.html($0.paper, site: site)] }
                    + [EncodedBody(DigestHTML.footer(links).rendered)]),
            extraHeaders: listHeaders(unsubscribe: links.unsubscribe, token: token, list: "DailyPapers personal digest <for-you.dailypapers>"),
            messageID:
                "<foryou.\(edition.key).\(member.id).\(now.millisecondsSinceEpoch)@\(sender.address.value.split(separator: "@").last ?? "dailypapers")>",
            date: InternetDate.mail(now))
        try message.validate()
        return OutboxMessage(
            key: "foryou:\(edition.key):\(member.id)", subscriberId: nil, recipient: address.value, kind: "digest", edition: "foryou:\(edition.key)",
            message: message.rendered, userId: member.id)
    }
}

/// The parts of a personal digest that differ from the general one: its header and the reason above each paper.
enum PersonalDigestBodies {
    static func textHeader(_ edition: DigestEdition) -> String {
        "Daily Papers — For you — \(edition.title)\nThe papers ranked for you from what you follow, save and upvote.\n"
    }

    static func reasonRow(_ reason: String) -> HTML {
        "<tr><td style=\"padding:12px 0 0;font-size:13px;color:#1d4ed8\">Why: \(reason)</td></tr>\n"
    }
}

/// Each paper's rendered and encoded digest blocks, kept while one run composes many members' digests: the week's
/// top papers appear in most of them, and rendering a block (links found in its abstract, escaping, encoding) is
/// most of a message's cost. Bounded: cleared past `capacity` papers.
public final class PersonalDigestBlocks: Sendable {
    private let blocks = Mutex<[String: (text: EncodedBody, html: EncodedBody)]>([:])
    let capacity: Int

    public init(capacity: Int = 20_000) {
        self.capacity = capacity
    }

    func text(_ paper: Paper, site: SiteAddress) -> EncodedBody {
        rendered(paper, site: site).text
    }

    func html(_ paper: Paper, site: SiteAddress) -> EncodedBody {
        rendered(paper, site: site).html
    }

    private func rendered(_ paper: Paper, site: SiteAddress) -> (text: EncodedBody, html: EncodedBody) {
        if let known = blocks.withLock({ $0[paper.id] }) { return known }
        let made = (EncodedBody(DigestText.block(paper, site: site)), EncodedBody(DigestHTML.block(paper, site: site).rendered))
        blocks.withLock { blocks in
            if blocks.count >= capacity { blocks.removeAll(keepingCapacity: true) }
            blocks[paper.id] = made
        }
        return made
    }
}
