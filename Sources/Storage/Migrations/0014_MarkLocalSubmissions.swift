extension Migration {
    /// Whether a paper's submitter is a member here (`submitted_here = 1`) or a Hugging Face user named by an import:
    /// the same name can be both, and only a member here has a page on this site. Existing submissions by a name
    /// that a member holds are taken to be theirs.
    static let markLocalSubmissions = Migration(version: 14, name: "tell members' submissions from imported ones") { _ in
        [
            "ALTER TABLE papers ADD COLUMN submitted_here INTEGER NOT NULL DEFAULT 0",
            "UPDATE papers SET submitted_here = 1 WHERE submitted_by IN (SELECT username FROM users)",
        ]
    }
}
