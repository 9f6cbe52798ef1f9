import Foundation

/// Writes `contents` to a temporary file of its own folder and returns its path.
public func temporaryFile(_ contents: String, name: String = "input.jsonl") throws -> String {
    try temporaryFile(Data(contents.utf8), name: name)
}

/// Writes `data` to a temporary file of its own folder and returns its path.
public func temporaryFile(_ data: Data, name: String) throws -> String {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dailypapers-import-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let path = folder.appendingPathComponent(name).path
    try data.write(to: URL(fileURLWithPath: path))
    return path
}
