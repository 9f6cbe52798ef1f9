import Foundation
import PapersCore
import Presentation
import Testing

/// Citations: names split as reference managers read them, keys, and BibTeX's escaping, character by character.
@Suite struct CitationTests {
    static let june12 = Day(daysSinceEpoch: 17_329)

    @Test func namesSplitIntoFamilyAndGiven() {
        #expect(PersonName("Ashish Vaswani") == PersonName(given: "Ashish", family: "Vaswani"))
        #expect(PersonName("Zoë van der Berg") == PersonName(given: "Zoë", family: "van der Berg"))
        #expect(PersonName("王小明") == PersonName(given: "", family: "王小明"))
        #expect(PersonName("  Jean   de la Fontaine ") == PersonName(given: "Jean", family: "de la Fontaine"))
        #expect(PersonName("van Gogh") == PersonName(given: "van", family: "Gogh"))
    }

    @Test func bibtexEscapesSpecialsAndAccents() {
        #expect(BibTeX.escape("a{b}c%d&e$f#g_h\\i^j~k") == "a\\{b\\}c\\%d\\&e\\$f\\#g\\_h\\textbackslash{}i\\textasciicircum{}j\\textasciitilde{}k")
        #expect(BibTeX.escape("Müller Łukasiewicz Dvořák Ørsted ß") == "M{\\\"u}ller {\\L}ukasiewicz Dvo{\\v r}{\\'a}k {\\O}rsted {\\ss}")
        #expect(BibTeX.escape("王小明 😀") == "王小明 😀")
        #expect(BibTeX.escape(" line\none\t\ttab\u{0007} ") == "line one tab")
    }

    @Test func keysAreStableAndCarryTheId() {
        let paper = Paper(
            id: "1706.03762", arxivId: "1706.03762", title: "Attention Is All You Need", abstract: "",
            authors: ["Ashish Vaswani", "Noam Shazeer"], publishedAt: Timestamp(day: Self.june12))
        let citation = Citation(paper, siteURL: "https://papers.example.org")
        #expect(citation.key == "vaswani2017attention-1706.03762")
        #expect(citation.url == "https://arxiv.org/abs/1706.03762")
        let old = Paper(id: "quant-ph/0210005", arxivId: "quant-ph/0210005", title: "On ß", abstract: "", authors: ["Łukasz Øster"])
        #expect(Citation(old, siteURL: "").key == "oster-quant-ph-0210005")
        let local = Paper(id: "abc123", title: "Local", abstract: "")
        #expect(Citation(local, siteURL: "https://papers.example.org").url == "https://papers.example.org/papers/abc123")
    }

    @Test func bibtexEntryIsArxivs() {
        let paper = Paper(
            id: "1706.03762", arxivId: "1706.03762", title: "Attention Is All You Need", abstract: "", authors: ["Ashish Vaswani"],
            publishedAt: Timestamp(day: Self.june12), categories: ["cs.CL", "cs.LG"], journalRef: "NeurIPS 2017",
            doi: "10.48550/arXiv.1706.03762")
        #expect(
            BibTeX.entry(Citation(paper, siteURL: "")) == """
                @misc{vaswani2017attention-1706.03762,
                      title={Attention Is All You Need},
                      author={Vaswani, Ashish},
                      year={2017},
                      eprint={1706.03762},
                      archivePrefix={arXiv},
                      primaryClass={cs.CL},
                      doi={10.48550/arXiv.1706.03762},
                      journal={NeurIPS 2017},
                      url={https://arxiv.org/abs/1706.03762},
                }


                """)
    }

    @Test func citationFilesAreNamedByTheirEnding() {
        #expect(CitationFormat.split("2410.11779.csl.json")?.format == .cslJSON)
        #expect(CitationFormat.split("2410.11779.bib")?.name == "2410.11779")
        #expect(CitationFormat.split(".ris") == nil)
        #expect(CitationFormat.split("2410.11779") == nil)
    }
}
