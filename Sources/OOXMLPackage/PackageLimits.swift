/// Caps on what one submitted file may make us read (pipeline.yml `limits:`). Every cap turns
/// into a finding, never into a crash or an unbounded allocation.
public struct PackageLimits: Sendable, Equatable {
    /// Largest file accepted at all (`FILE_TOO_LARGE`).
    public var maxFileBytes: Int
    /// Largest inflated size of any one entry that we read (`ARCHIVE_LIMIT_EXCEEDED`).
    public var maxEntryBytes: Int
    /// Largest inflated size of all entries together, as declared by the central directory.
    public var maxTotalInflatedBytes: Int
    /// Largest inflated/compressed ratio of an entry that we read (a zip bomb's signature).
    public var maxRatio: Int
    /// Most entries in the archive.
    public var maxEntries: Int
    /// Deepest XML element nesting in any part read.
    public var maxXMLDepth: Int

    public init(maxFileBytes: Int = 50 << 20, maxEntryBytes: Int = 64 << 20, maxTotalInflatedBytes: Int = 256 << 20,
                maxRatio: Int = 200, maxEntries: Int = 5_000, maxXMLDepth: Int = 256) {
        self.maxFileBytes = maxFileBytes
        self.maxEntryBytes = maxEntryBytes
        self.maxTotalInflatedBytes = maxTotalInflatedBytes
        self.maxRatio = maxRatio
        self.maxEntries = maxEntries
        self.maxXMLDepth = maxXMLDepth
    }
}
