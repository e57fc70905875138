import ArgumentParser
import BatchRun
import Foundation
import Logging

struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Lượt chạy hằng đêm: nhận các tệp đã tải xong trong hộp thư đến, xử lý và lập sổ tổng hợp.",
        discussion: """
            Nhận mọi tệp .docx đã tải lên xong trong hộp thư đến khai ở pipeline.yml, đọc, kiểm \
            tra và xếp loại từng tệp, ghi vào kho dữ liệu của thư mục làm việc, chuyển tệp vào \
            archive/ (hợp lệ) hoặc rejected/ (bị từ chối, lý do ghi ở logs/rejections.jsonl), rồi \
            lập lại sổ tổng hợp của năm từ kho dữ liệu. Kết thúc bằng một dòng tóm tắt ra stderr; \
            thanh tiến độ chỉ hiện khi stderr là màn hình, --verbose thêm một dòng cho mỗi tệp.

            Mã thoát: 0 mọi tệp hợp lệ · 3 xong, có tệp bị từ chối · 69 mất kho dữ liệu (chạy \
            kiemdiem recover) · 74 lỗi đọc ghi ở thư mục làm việc, ví dụ ổ đĩa đầy (không mất gì; \
            lượt sau làm tiếp) · 75 một lượt chạy khác đang giữ khóa · 78 lỗi cấu hình · 70 lỗi nội bộ.
            """)

    @Option(name: .shortAndLong, help: configHelp)
    var config: String = "pipeline.yml"

    @Flag(name: .shortAndLong, help: "In ra stderr một dòng cho mỗi tệp.")
    var verbose = false

    @Flag(help: "Chỉ đọc hộp thư đến và báo đêm nay sẽ quyết định gì với từng tệp; không chuyển, không ghi gì.")
    var dryRun = false

    func run() throws {
        // A bar only where a person watches: under cron or systemd stderr is a file or the
        // journal, where carriage returns and escape codes would be noise.
        let bar = isatty(STDERR_FILENO) == 1 ? ProgressBar() : nil
        bootstrapLogging(verbose: verbose, bar: bar)
        let pipeline = try loadConfig(config)
        if dryRun {
            var anyRejected = false
            let outcomes: [(file: String, outcome: FormOutcome?)]
            do {
                outcomes = try Operator.dryRun(pipeline)
            } catch let error as ConfigurationError {
                writeError("kiemdiem: lỗi cấu hình \(config): \(error)")
                throw ExitCode(ExitStatus.configuration.rawValue)
            } catch {
                writeError("kiemdiem: \(error)")
                throw ExitCode(ExitStatus.ioError.rawValue)
            }
            for (file, outcome) in outcomes {
                guard let outcome else { print("\(file): không đọc được"); continue }
                anyRejected = anyRejected || outcome.rejected
                let codes = outcome.findings.map(\.code.rawValue).joined(separator: ", ")
                print("\(file): \(outcome.rejected ? "sẽ bị từ chối" : "hợp lệ")\(codes.isEmpty ? "" : " — \(codes)")")
            }
            if anyRejected { throw ExitCode(ExitStatus.someRejected.rawValue) }
            return
        }
        let result = NightlyRun(config: pipeline, logger: Logger(label: "kiemdiem.run"),
                                progress: { bar?.update($0) }).run()
        bar?.clear()
        let c = result.counts
        var line = "kiemdiem: nhận \(c.claimed) · \(RunResult.acceptedWords(c.accepted, collective: result.acceptedCollective))"
            + String(format: " · từ chối %d · trùng %d · %.1f s", c.rejected, c.duplicates, result.seconds)
        if let workbook = result.workbook { line += " · sổ tổng hợp: \(workbook)" }
        if let head = result.logHead { line += " · nhật ký: \(head)" }
        if let head = result.auditHead { line += " · quyết định: \(head)" }
        if let message = result.message {
            line += result.status == .configuration ? " · lỗi cấu hình \(config): \(message)" : " · \(message)"
        }
        writeError(line)
        if result.status != .allAccepted { throw ExitCode(result.status.rawValue) }
    }
}

/// One line at the bottom of the terminal, redrawn in place: `[#####·····]  57/200  ten-tep.docx`.
final class ProgressBar: @unchecked Sendable {
    // The run reports from its own thread and log lines may come from the workers: one lock
    // keeps a log line from landing in the middle of the bar.
    private let lock = NSLock()
    private var shown = ""
    private var last = RunProgress(done: 0, total: 0, file: nil)
    private var drawnAt = Date.distantPast

    func update(_ progress: RunProgress) {
        lock.lock()
        defer { lock.unlock() }
        last = progress
        // At most ten redraws a second, but always the last one, so the bar never lies at the end.
        guard progress.done == progress.total || Date().timeIntervalSince(drawnAt) >= 0.1 else { return }
        draw()
    }

    /// Removes the bar so the summary line starts on a clean line.
    func clear() {
        lock.lock()
        defer { lock.unlock() }
        if !shown.isEmpty { emit("\r\u{1B}[K") }
        shown = ""
    }

    /// Writes a log line above the bar, then puts the bar back.
    func log(_ text: String) {
        lock.lock()
        defer { lock.unlock() }
        emit((shown.isEmpty ? "" : "\r\u{1B}[K") + text + "\n")
        if !shown.isEmpty { draw() }
    }

    private func draw() {
        guard last.total > 0 else { return }
        let width = 30
        let filled = last.done * width / last.total
        var text = "[" + String(repeating: "#", count: filled) + String(repeating: "·", count: width - filled) + "] "
            + "\(last.done)/\(last.total)"
        if let file = last.file { text += "  " + file }
        // Never wrap: a wrapped line cannot be redrawn in place.
        text = String(text.prefix(max(20, Self.columns() - 1)))
        emit("\r\u{1B}[K" + text)
        shown = text
        drawnAt = Date()
    }

    private func emit(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

    private static func columns() -> Int {
        var size = winsize()
        return ioctl(STDERR_FILENO, UInt(TIOCGWINSZ), &size) == 0 && size.ws_col > 0 ? Int(size.ws_col) : 80
    }
}
