extension Migration {
    /// Addresses are unique in any letter case: `ALICE@example.com` cannot become a second account beside
    /// `alice@example.com`, and look-ups by `lower(email)` use the index.
    static let indexEmailsInAnyCase = Migration(version: 10, name: "index e-mail addresses in any letter case") { _ in
        ["CREATE UNIQUE INDEX users_email_any_case ON users (lower(email))"]
    }
}
