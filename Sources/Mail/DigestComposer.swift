import PapersCore
import Storage

/// Writes one digest message per subscriber: a plain-text part and an HTML part that renders well in mail clients
/// (inline styles, no scripts, no remote fonts), with one-click unsubscribe headers (RFC 8058).
public struct DigestComposer: Sendable {
    /// The site's public address, which every link in a message points to.
    public let site: SiteAddress
    public let sender: MailMessage.Mailbox
    public let signer: LinkSigner
    /// A mailto address for `List-Unsubscribe`, when the instance has one that reaches a person or a script.
    public let unsubscribeMailbox: String?

    public init(siteURL: String, sender: MailMessage.Mailbox, signer: LinkSigner, unsubscribeMailbox: String? = nil) {
        site = SiteAddress(siteURL)
        self.sender = sender
        self.signer = signer
        self.unsubscribeMailbox = unsubscribeMailbox
    }

    /// Renders and encodes everything about an edition that is the same for every subscriber, once.
    /// With `meaning`, topics also match papers by meaning, not only by their words.
    public func prepare(_ edition: DigestEdition, meaning: TopicMeaning? = nil) -> PreparedEdition {
        PreparedEdition(edition: edition, site: site, meaning: meaning)
    }

    /// The message for `subscriber`, or nil when none of the edition's papers matches their topics.
    public func message(for subscriber: Subscriber, edition: DigestEdition, now: Timestamp) throws -> OutboxMessage? {
        try message(for: subscriber, prepared: prepare(edition), now: now)
    }

    /// The message for `subscriber` from a prepared edition, or nil when none of its papers matches their topics.
    public func message(for subscriber: Subscriber, prepared: PreparedEdition, now: Timestamp) throws -> OutboxMessage? {
        let indices = prepared.paperIndices(matching: subscriber.topics)
        guard let first = indices.first else { return nil }
        let edition = prepared.edition
        let address = try EmailAddress(subscriber.email)
        let unsubscribeToken = signer.token(.unsubscribe, subscriberId: subscriber.id, email: subscriber.email)
        let manageToken = signer.token(.manage, subscriberId: subscriber.id, email: subscriber.email)
        let links = DigestLinks(
            unsubscribe: site.url(.unsubscribe, query: ["token": unsubscribeToken]),
            settings: site.url(.subscriptionSettings, query: ["token": manageToken]),
            site: site.url(.home)
        )
        let headers = listHeaders(
            unsubscribe: links.unsubscribe, token: unsubscribeToken,
            list: "DailyPapers \(subscriber.frequency.rawValue) digest <\(subscriber.frequency.rawValue).dailypapers>")
        let subject = "Daily Papers · \(edition.title): \(TeXText.plain(edition.papers[first].title))"
        let message = MailMessage(
            from: sender,
            to: MailMessage.Mailbox(address: address),
            subject: subject.count > 150 ? String(subject.prefix(147)) + "…" : subject,
            encodedText: EncodedBody(
                joining: [prepared.textHeader] + indices.map { prepared.textBlocks[$0] } + [EncodedBody(DigestText.footer(links))]),
            encodedHTML: EncodedBody(
                joining: [prepared.htmlHeader] + indices.map { prepared.htmlBlocks[$0] } + [EncodedBody(DigestHTML.footer(links).rendered)]),
            extraHeaders: headers,
            messageID:
                "<\(edition.key).\(subscriber.id).\(now.millisecondsSinceEpoch)@\(sender.address.value.split(separator: "@").last ?? "dailypapers")>",
            date: InternetDate.mail(now)
        )
        try message.validate()
        return OutboxMessage(
            key: "\(edition.key):\(subscriber.id)", subscriberId: subscriber.id, recipient: address.value,
            kind: "digest", edition: edition.key, message: message.rendered
        )
    }
}

extension DigestComposer {
    /// One-click unsubscribe (RFC 8058), with the instance's mailbox when it has one, and the list's name.
    func listHeaders(unsubscribe: String, token: String, list: String) -> [(String, String)] {
        var listUnsubscribe = "<\(unsubscribe)>"
        if let mailbox = unsubscribeMailbox { listUnsubscribe += ", <mailto:\(mailbox)?subject=unsubscribe%20\(token)>" }
        return [("List-Unsubscribe", listUnsubscribe), ("List-Unsubscribe-Post", "List-Unsubscribe=One-Click"), ("List-Id", list)]
    }
}

/// The parts of an edition's digest that every subscriber shares, rendered and encoded once.
public struct PreparedEdition: Sendable {
    public let edition: DigestEdition
    let textHeader: EncodedBody
    let htmlHeader: EncodedBody
    let textBlocks: [EncodedBody]
    let htmlBlocks: [EncodedBody]
    private let haystacks: [[UInt8]]
    private let meaning: EditionMeaning?

    init(edition: DigestEdition, site: SiteAddress, meaning: TopicMeaning?) {
        self.edition = edition
        textHeader = EncodedBody(DigestText.header(edition))
        htmlHeader = EncodedBody(DigestHTML.header(edition).rendered)
        textBlocks = edition.papers.map { EncodedBody(DigestText.block($0, site: site)) }
        htmlBlocks = edition.papers.map { EncodedBody(DigestHTML.block($0, site: site).rendered) }
        haystacks = edition.papers.map { Array(([$0.title, $0.abstract] + $0.aiKeywords).joined(separator: " \n ").lowercased().utf8) }
        self.meaning = meaning.map { EditionMeaning(meaning: $0, paperIds: edition.papers.map(\.id)) }
    }

    /// The positions of the papers a subscriber with `topics` gets: all without topics, else those matching one
    /// by its words or (when the edition knows meanings) by meaning.
    func paperIndices(matching topics: [String]) -> [Int] {
        guard !topics.isEmpty else { return Array(edition.papers.indices) }
        let needles = topics.map { Array($0.lowercased().utf8) }
        return haystacks.indices.filter { index in
            needles.contains { TopicMatch.contains(haystacks[index], word: $0) }
                || (meaning.map { meaning in topics.contains { meaning.matches(index, topic: $0) } } ?? false)
        }
    }
}

/// The per-subscriber links a digest carries.
struct DigestLinks {
    let unsubscribe: String
    let settings: String
    let site: String
}
