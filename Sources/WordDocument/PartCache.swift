import Foundation
import OOXMLPackage

/// Parsed `styles.xml` and `numbering.xml` shared by the documents of one run.
///
/// Every form made from one template carries the same styles and numbering parts, and
/// python-docx's styles part is 17 times the size of the main part: parsing it was 40 % of the
/// instructions per form. An entry is found by the part's stored (still compressed) bytes plus
/// the crc, method and size that decide what they inflate to, compared in full, and by the
/// limits it was parsed under, so a different part can never be served from it whatever its
/// hash or size, and a hit needs no inflating. Only successful parses are kept: a broken part is
/// parsed, and reported, again in every file that carries it.
///
/// Bounded in entries and in bytes (stored plus inflated size of the parts kept), least recently
/// used out first, so an inbox of distinct styles costs a parse each and no memory growth.
public final class PartCache: @unchecked Sendable {
    public let capacity: Int
    public let byteBudget: Int

    enum Kind: Sendable { case styles, numbering }
    enum Value: Sendable {
        case styles(StyleSheet)
        case numbering(NumberingDefinitions)
    }

    private struct Entry {
        var kind: Kind
        var limits: PackageLimits
        var stored: StoredEntry
        var value: Value
        var cost: Int { stored.bytes.count + stored.size }
    }

    /// Most recently used last.
    private var entries: [Entry] = []
    private var bytes = 0
    private var hits = 0
    private var misses = 0
    private let lock = NSLock()

    /// `capacity` entries at most, holding parts of `byteBudget` bytes at most in all (a part
    /// larger than a quarter of the budget is never kept).
    public init(capacity: Int = 32, byteBudget: Int = 32 << 20) {
        self.capacity = max(0, capacity)
        self.byteBudget = max(0, byteBudget)
    }

    func value(_ kind: Kind, stored: StoredEntry, limits: PackageLimits) -> Value? {
        lock.lock()
        defer { lock.unlock() }
        guard let index = entries.lastIndex(where: {
            $0.kind == kind && $0.limits == limits && $0.stored == stored
        }) else {
            misses += 1
            return nil
        }
        hits += 1
        let entry = entries.remove(at: index)
        entries.append(entry)
        return entry.value
    }

    /// The largest stored plus inflated size of a part that may be kept.
    var maxEntryCost: Int { capacity > 0 ? byteBudget / 4 : 0 }

    func insert(_ value: Value, kind: Kind, stored: StoredEntry, limits: PackageLimits) {
        let entry = Entry(kind: kind, limits: limits, stored: stored, value: value)
        guard entry.cost <= maxEntryCost else { return }
        lock.lock()
        defer { lock.unlock() }
        // Two threads may have parsed the same part at once: keep one copy.
        if entries.contains(where: { $0.kind == kind && $0.limits == limits && $0.stored == stored }) { return }
        entries.append(entry)
        bytes += entry.cost
        while entries.count > capacity || bytes > byteBudget {
            bytes -= entries.removeFirst().cost
        }
    }

    var statistics: (hits: Int, misses: Int, entries: Int, bytes: Int) {
        lock.lock()
        defer { lock.unlock() }
        return (hits, misses, entries.count, bytes)
    }
}
