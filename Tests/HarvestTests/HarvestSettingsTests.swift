import Foundation
import Harvest
import PapersCore
import Testing

@Suite("harvest settings")
struct HarvestSettingsTests {
    @Test("categories map to OAI-PMH sets, and the User-Agent names the contact")
    func setsAndAgent() {
        let site = URL(fileURLWithPath: "/")
        let settings = HarvestSettings(
            categories: ["cs.CL", "cs.LG", "stat.ML", "hep-th"], oaiURL: site, listingURL: site, backfillFrom: nil, contact: "ops@example.org",
            featureMode: .manual, arxivInterval: .zero, hubURL: site, hubFrom: nil, timeout: .seconds(5))
        #expect(settings.oaiSets == ["cs", "stat", "physics:hep-th"])
        #expect(settings.userAgent.contains("mailto:ops@example.org"))
        #expect(settings.wants(["stat.ML", "math.ST"]) && !settings.wants(["math.AG"]))
    }

    @Test("Hugging Face's day rolls over at 21:30 in New York")
    func hubDay() throws {
        #expect(HubDailySync.currentDay(at: try #require(Timestamp(iso: "2026-12-02T02:29:00Z"))).description == "2026-12-01")
        #expect(HubDailySync.currentDay(at: try #require(Timestamp(iso: "2026-12-02T02:31:00Z"))).description == "2026-12-02")
    }
}
