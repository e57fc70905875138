import Foundation
import Testing

/// Issue 8's bound: every hostile fixture gets its code with a peak RSS under 200 MB, measured on
/// the real `kiemdiem inspect --json FILE` as a child process (wait4's ru_maxrss). One test runs
/// them in turn, so the figures are not disturbed by each other.
@Test(.timeLimit(.minutes(10)))
func everyHostileFixtureStaysUnderTwoHundredMegabytes() throws {
    var files = committedCases.map { hostileRoot.appendingPathComponent($0.file) }
    files += try bigCases.map { try BigFixtures.url($0.file) }
    var report: [String] = []
    for file in files {
        let cost = try measureInspect(file)
        let accepted = committedCases.first { $0.file == file.lastPathComponent }?.accepted ?? false
        #expect(cost.status == (accepted ? 0 : 3), "\(file.lastPathComponent): exit \(cost.status)")
        #expect(cost.peakKilobytes < 200 * 1024, "\(file.lastPathComponent): peak \(cost.peakKilobytes) kB")
        // A real child process peaks at megabytes: zero means the measurement itself failed,
        // and a bound checked on nothing would pass for any file.
        #expect(cost.peakKilobytes > 1024, "\(file.lastPathComponent): no peak measured (\(cost.peakKilobytes) kB)")
        report.append("\(file.lastPathComponent) \(cost.peakKilobytes / 1024) MB \(cost.seconds) s")
    }
    // The big generated cases are measured too, not only the committed ones.
    #expect(files.count == committedCases.count + bigCases.count && !bigCases.isEmpty && committedCases.count >= 20)
    print(report.joined(separator: "\n"))
}
