extension Hub {
    /// The answer to a new comment or reply (`{"newMessage": …}`), as huggingface.co gives it.
    public struct NewMessage: Codable, Sendable {
        public var newMessage: Message

        public init(newMessage: Message) {
            self.newMessage = newMessage
        }
    }

    /// A comment of a paper's discussion.
    public struct Message: Codable, Sendable {
        public var id: String
        public var type = "comment"
        public var createdAt: String
        public var author: User
        public var data: MessageData
        public var parentId: String?

        public init(id: String, createdAt: String, author: User, data: MessageData, parentId: String?) {
            self.id = id
            self.createdAt = createdAt
            self.author = author
            self.data = data
            self.parentId = parentId
        }
    }

    /// A comment's text (raw and as HTML) and its state.
    public struct MessageData: Codable, Sendable {
        public struct Latest: Codable, Sendable {
            public var raw: String
            public var html: String
            public var updatedAt: String
        }

        public var latest: Latest
        public var edited = false
        public var hidden = false
        public var numEdits = 0

        public init(raw: String, html: String, updatedAt: String) {
            latest = Latest(raw: raw, html: html, updatedAt: updatedAt)
        }
    }
}
