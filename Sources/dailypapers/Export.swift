import ArgumentParser
import Foundation
import Ingestion
import Storage

/// `dailypapers export`: writes every paper in the lossless own format.
struct Export: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Export every paper as JSON Lines in DailyPapers' own format (import reads it back losslessly)."
    )

    @OptionGroup var databaseOptions: DatabaseOptions

    @Option(name: .shortAndLong, help: "The file to write (written to a temporary file, then renamed). Default: standard output.")
    var output: String?

    func run() async throws {
        try await databaseOptions.withCurrentSchema { try await self.run(database: $0) }
    }

    func run(database: any SQLDatabase) async throws {
        let exporter = Exporter(store: SQLPaperStore(database: database))
        guard let output else {
            let count = try await exporter.run { FileHandle.standardOutput.write($0) }
            Terminal.error("exported \(count) papers")
            return
        }
        let temporary = output + ".partial"
        guard FileManager.default.createFile(atPath: temporary, contents: nil), let handle = FileHandle(forWritingAtPath: temporary) else {
            throw CommandFailure("Cannot write \(temporary): check that its folder exists and is writable")
        }
        do {
            let count = try await exporter.run { try handle.write(contentsOf: $0) }
            try handle.close()
            guard rename(temporary, output) == 0 else {
                throw CommandFailure("Cannot move \(temporary) to \(output): \(String(cString: strerror(errno)))")
            }
            print("Exported \(count) papers to \(output)")
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
            throw error
        }
    }
}
