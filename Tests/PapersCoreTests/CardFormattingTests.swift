import Testing

@testable import PapersCore

@Suite struct CardFormattingTests {
    @Test func datesOmitTheYearOnlyInTheCurrentYear() throws {
        #expect(CardFormatting.shortDate(try #require(Day(iso: "2025-03-24")), currentYear: 2025) == "Mar 24")
        #expect(CardFormatting.shortDate(try #require(Day(iso: "2024-10-01")), currentYear: 2025) == "Oct 1, 2024")
        #expect(CardFormatting.shortDate(try #require(Day(iso: "2026-01-09")), currentYear: 2025) == "Jan 9, 2026")
    }

    @Test func bylineShowsOrganizationElseAuthorCount() {
        var paper = Paper(id: "1", title: "t", abstract: "", authors: ["A", "B", "C"])
        #expect(CardFormatting.byline(for: paper)?.text == "• 3 authors")
        paper.authorCount = 1
        #expect(CardFormatting.byline(for: paper)?.text == "• 1 author")
        paper.organization = Organization(name: "nvidia", fullname: "NVIDIA")
        #expect(CardFormatting.byline(for: paper) == .organization(Organization(name: "nvidia", fullname: "NVIDIA")))
        let unknown = Paper(id: "2", title: "t", abstract: "")
        #expect(CardFormatting.byline(for: unknown) == nil)
    }

    @Test func windowTitles() throws {
        #expect(CardFormatting.title(of: .day(try #require(Day(iso: "2025-11-03")))) == "Nov 3, 2025")
        #expect(CardFormatting.title(of: .month(YearMonth(year: 2025, month: 10))) == "October 2025")
        #expect(CardFormatting.title(of: .week(try #require(ISOWeek(iso: "2025-W44")))) == "Week 44, 2025 · Oct 27 – Nov 2")
    }
}

@Suite struct CodeLinksTests {
    @Test func prefersTheGithubRepoField() {
        let paper = Paper(id: "1", title: "t", abstract: "See https://github.com/a/b.", githubRepo: "https://github.com/org/repo")
        #expect(CodeLinks.links(for: paper) == ["https://github.com/org/repo"])
    }

    @Test func findsRepositoriesInAbstractsWithoutTrailingPunctuation() {
        let text =
            "Code: https://github.com/chaudatascience/cha_mae_vit. Also (https://gitlab.com/x/y), and https://github.com/solo and https://github.com/chaudatascience/cha_mae_vit again."
        #expect(CodeLinks.links(in: text) == ["https://github.com/chaudatascience/cha_mae_vit", "https://gitlab.com/x/y"])
    }
}

@Suite struct PaperIdentityTests {
    @Test func recognisesArxivIds() {
        #expect(PaperIdentity.normalizedArxivId("2410.11779") == "2410.11779")
        #expect(PaperIdentity.normalizedArxivId("2410.11779v3") == "2410.11779")
        #expect(PaperIdentity.normalizedArxivId(" 0704.0001 ") == "0704.0001")
        #expect(PaperIdentity.normalizedArxivId("quant-ph/0210005v1") == "quant-ph/0210005")
        #expect(PaperIdentity.normalizedArxivId("2410.1") == nil)
        #expect(PaperIdentity.normalizedArxivId("../etc/passwd") == nil)
    }

    @Test func derivedIdsAreStableAndIgnoreCaseAndSpacing() {
        let first = PaperIdentity.derivedId(forTitle: "Model Breadcrumbs:  Scaling Multi-Task Model Merging")
        let second = PaperIdentity.derivedId(forTitle: "model breadcrumbs: scaling multi-task model merging")
        #expect(first == second)
        #expect(first.hasPrefix("dp-") && first.count == 19)
        #expect(PaperIdentity.isPlausiblePaperId(first))
        #expect(first != PaperIdentity.derivedId(forTitle: "Another title"))
    }
}

@Suite struct PaperUpdateTests {
    @Test func mergesOnlyTheFieldsASourceCarries() {
        let stored = Paper(id: "2401.00001", title: "Old", abstract: "A", upvotes: 40, githubRepo: "https://github.com/a/b")
        let snapshot = Paper(id: "2401.00001", title: "New title", abstract: "B", categories: ["cs.CL"])
        let update = PaperUpdate(paper: snapshot, fields: [.title, .abstract, .categories])
        let merged = update.applied(to: stored)
        #expect(merged.title == "New title")
        #expect(merged.categories == ["cs.CL"])
        #expect(merged.upvotes == 40)
        #expect(merged.githubRepo == "https://github.com/a/b")
        #expect(update.applied(to: nil) == snapshot)
    }
}
