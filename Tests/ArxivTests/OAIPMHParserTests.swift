import Arxiv
import Foundation
import PapersCore
import TestSupport
import Testing

@Suite("OAI-PMH answers")
struct OAIPMHParserTests {
    static func recorded(_ name: String) throws -> Data {
        try Data(contentsOf: URL(fileURLWithPath: SharedData.path("fixtures/arxiv-oai/\(name)")))
    }

    @Test("a recorded ListRecords page: its records, the resumption token with its cursor and list size, the answer's date")
    func listRecords() throws {
        let page = try OAIPMHParser.page(from: try Self.recorded("arXivRaw-ListRecords-from-2014-10-01.xml"))
        #expect(page.records.count == 6)
        #expect(page.resumptionToken == "726959|1001")
        #expect(page.cursor == 0 && page.completeListSize == 58011)
        #expect(page.responseDate?.description == "2015-01-06T20:49:59.000Z")
        let first = try #require(page.records.first)
        #expect(first.id == "0704.0471" && first.datestamp == "2014-11-18")
        #expect(first.authors == ["D.V. Shetty", "S.J. Yennello", "G.A. Souliotis"])
        #expect(first.categories == ["nucl-ex", "nucl-th"])
        #expect(first.journalRef == "Phys.Rev.C76:024606,2007; Erratum-ibid.C76:039902,2007")
        #expect(
            first.update.paper.title
                == "Density dependence of the symmetry energy and the nuclear equation of state: A Dynamical and Statistical model perspective")
        #expect(first.update.paper.abstract.contains("extremely \" stiff \" and \" soft \" form"))
        #expect(first.update.paper.publishedAt?.description == "2007-04-03T22:04:11.000Z")
        #expect(page.records.map(\.id) == ["0704.0471", "0704.0716", "0704.0874", "0704.1109", "0704.1114", "0704.1586"])
    }

    @Test("versions: the first version's date is the publication, the latest is kept with the count; licence and comments")
    func versions() throws {
        let page = try OAIPMHParser.page(from: try Self.recorded("arXivRaw-GetRecord-1302.2146.xml"))
        let update = try #require(page.records.first).update
        #expect(page.resumptionToken == nil)
        #expect(update.paper.id == "1302.2146")
        #expect(update.paper.publishedAt?.description == "2013-02-08T21:00:01.000Z")
        #expect(update.paper.versions == ArxivVersions(count: 2, latestAt: Timestamp(iso: "2013-04-02T01:50:08Z"), withdrawn: false))
        #expect(update.paper.license == "http://arxiv.org/licenses/nonexclusive-distrib/1.0/")
        #expect(update.paper.authors == ["Joshua Berger", "Maxim Perelstein", "Michael Saelim", "Philip Tanedo"])
        #expect(update.fields.contains(.versions) && !update.fields.contains(.upvotes) && !update.fields.contains(.featuredOn))
    }

    @Test("every recorded protocol error is read as its code, with arXiv's message")
    func protocolErrors() throws {
        for code in ["badArgument", "badResumptionToken", "badVerb", "idDoesNotExist", "noRecordsMatch"] {
            do {
                _ = try OAIPMHParser.page(from: try Self.recorded("error-\(code).xml"))
                Issue.record("\(code) was not reported")
            } catch let error as OAIError {
                #expect(error.code == code)
                #expect(error.known?.rawValue == code)
                #expect(error.description.hasPrefix("arXiv's OAI-PMH answered \(code): "))
            }
        }
    }

    @Test("a page cut off in the middle, or not OAI-PMH at all, is an error that says so")
    func truncated() throws {
        let whole = try Self.recorded("arXivRaw-ListRecords-from-2014-10-01.xml")
        for cut in [whole.prefix(whole.count / 2), whole.prefix(whole.count - 12), Data("<html>busy</html>".utf8)] {
            #expect(throws: ArxivError.self) { _ = try OAIPMHParser.page(from: Data(cut)) }
        }
    }

    @Test("the arXiv format: authors from keyname and forenames, the created day as publication; deleted records listed")
    func arxivFormat() throws {
        let document = """
            <?xml version="1.0" encoding="UTF-8"?>
            <OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/"><responseDate>2026-12-01T04:00:00Z</responseDate>
            <ListRecords><record><header><identifier>oai:arXiv.org:2611.00001</identifier><datestamp>2026-11-30</datestamp>
            <setSpec>cs</setSpec></header><metadata><arXiv xmlns="http://arxiv.org/OAI/arXiv/"><id>2611.00001</id>
            <created>2026-11-02</created><updated>2026-11-29</updated><authors><author><keyname>Hopper</keyname>
            <forenames>Grace M.</forenames></author><author><keyname>Turing</keyname><forenames>Alan</forenames></author>
            </authors><title>A Title</title><categories>cs.LG cs.AI</categories><comments>This paper has been withdrawn by the authors</comments>
            <license>http://creativecommons.org/licenses/by/4.0/</license><abstract>An abstract.</abstract></arXiv></metadata></record>
            <record><header status="deleted"><identifier>oai:arXiv.org:2611.00002</identifier><datestamp>2026-11-30</datestamp></header></record>
            <resumptionToken cursor="1" completeListSize="2"></resumptionToken></ListRecords></OAI-PMH>
            """
        let page = try OAIPMHParser.page(from: Data(document.utf8))
        let record = try #require(page.records.first)
        #expect(record.authors == ["Grace M. Hopper", "Alan Turing"])
        #expect(record.update.paper.publishedAt?.description == "2026-11-02T00:00:00.000Z")
        #expect(record.isWithdrawn)
        #expect(page.deletedIds == ["2611.00002"])
        #expect(page.resumptionToken == nil, "an empty token ends the list")
    }

    @Test("author lists split at top-level commas and 'and's, affiliations kept whole, in one pass over long lists")
    func authors() {
        #expect(ArxivRecord.splitAuthors("A. One, B. Two (MIT, USA), and C. Three") == ["A. One", "B. Two (MIT, USA)", "C. Three"])
        #expect(ArxivRecord.splitAuthors("A. One and B. Two") == ["A. One", "B. Two"])
        #expect(ArxivRecord.splitAuthors("Anderson Andrews") == ["Anderson Andrews"])
        let many = Array(repeating: "Author Name", count: 5_000).joined(separator: " and ")
        #expect(ArxivRecord.splitAuthors(many).count == 5_000)
        #expect(ArxivRecord.splitAuthors(String(repeating: "(", count: 20_000)).count == 1)
    }
}
