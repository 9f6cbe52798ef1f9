/// The vectors one scan reads, splittable into parts of about equal size.
struct ScanWork: Sendable {
    let partition: IVFPartition?
    let lists: [Int]
    let rows: Int

    /// Calls `body` with every slot of part `part` of `parts`: whole lists dealt out by size, or a range of slots.
    func forEachSlot(part: Int, of parts: Int, _ body: (Int32) -> Void) {
        guard let partition else {
            let start = rows * part / parts
            let end = rows * (part + 1) / parts
            for slot in Int32(start)..<Int32(end) { body(slot) }
            return
        }
        var taken = 0
        for list in lists {
            let size = partition.size(of: list)
            // A list belongs to the part its middle row falls in, so parts get about the same number of rows.
            if (taken + size / 2) * parts / max(rows, 1) == part { partition.forEachSlot(in: list, body) }
            taken += size
        }
    }
}
