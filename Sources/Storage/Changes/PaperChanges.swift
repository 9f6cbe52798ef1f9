import PapersCore

/// One entry of the paper change log: this paper's text or visibility changed (or it was added or deleted).
public struct PaperChange: Sendable, Equatable {
    public let seq: Int64
    public let paperId: String

    public init(seq: Int64, paperId: String) {
        self.seq = seq
        self.paperId = paperId
    }
}

extension [PaperChange] {
    /// Each paper the changes name, once.
    public var paperIds: [String] { [String](Set(map(\.paperId))) }
}

/// What the keyword index reads of a visible paper: the words it ranks on.
public struct SearchablePaper: Sendable, Equatable {
    public let paperId: String
    public let title: String
    public let abstract: String
    public let authors: [String]
    /// The organization's short name and display name, when the paper has one.
    public let organization: [String]

    public init(paperId: String, title: String, abstract: String, authors: [String], organization: [String]) {
        self.paperId = paperId
        self.title = title
        self.abstract = abstract
        self.authors = authors
        self.organization = organization
    }
}
