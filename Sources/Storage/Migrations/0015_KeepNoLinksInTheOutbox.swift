extension Migration {
    /// The outbox keeps no usable link once a mail has gone: each message may carry the copy to keep after sending
    /// (`archived_message`, its one-time link taken out), and the member a mail was sent for (`user_id`), so the
    /// mails per address, per member and in all can be counted over the last hour. Account mails already sent lose
    /// their bodies.
    static let keepNoLinksInTheOutbox = Migration(version: 15, name: "keep no account links in the outbox, count mails") { dialect in
        let bigint = dialect == .postgres ? "BIGINT" : "INTEGER"
        return [
            "ALTER TABLE outbox ADD COLUMN archived_message TEXT",
            "ALTER TABLE outbox ADD COLUMN user_id \(unsafeRaw: bigint)",
            """
            UPDATE outbox SET message = \(OutboxArchive.removedBody)
            WHERE status <> 'pending' AND kind IN ('verify-email', 'reset-password', 'change-email', 'confirmation', 'notice')
            """,
            "CREATE INDEX outbox_recipient_recent ON outbox (lower(recipient), created_at)",
            "CREATE INDEX outbox_user_recent ON outbox (user_id, created_at)",
            "CREATE INDEX outbox_recent ON outbox (created_at)",
        ]
    }
}

/// What the outbox keeps of sent mail.
public enum OutboxArchive {
    /// The body of a mail whose link was removed after it was sent, where no archived copy was composed.
    public static let removedBody = "(removed after sending: the mail held a one-time link)"
}
