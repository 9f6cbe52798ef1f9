extension Migration {
    /// What Hugging Face records carry beyond the paper (`HubDetails`), as JSON, so the API serves it back.
    static let storeHubDetails = Migration(version: 11, name: "store the Hugging Face details of papers") { _ in
        ["ALTER TABLE papers ADD COLUMN hub TEXT"]
    }
}
