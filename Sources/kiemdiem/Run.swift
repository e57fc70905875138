import ArgumentParser
import BatchRun
import Foundation
import Logging

struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Lượt chạy hằng đêm: nhận các tệp đã tải xong trong hộp thư đến, xử lý và lập sổ tổng hợp.",
        discussion: """
            Takes every settled .docx from the inbox named in pipeline.yml, reads, checks and \
            classifies it, records it in the workspace store, moves it to archive/ (accepted) or \
            rejected/ (refused, with its reasons in logs/rejections.jsonl), and rebuilds the year's \
            workbook from the store.

            Exit status: 0 every form accepted · 3 finished, some forms rejected · 75 another run \
            holds the lock · 78 configuration error · 74 I/O error on the workspace (nothing lost; \
            the next run finishes the work) · 70 internal error.
            """)

    @Option(name: .shortAndLong, help: "Tệp cấu hình (the pipeline configuration).")
    var config: String = "pipeline.yml"

    @Flag(name: .shortAndLong, help: "In từng tệp ra stderr (log every file to stderr).")
    var verbose = false

    @Flag(help: "Chỉ đọc và báo kết quả từng tệp, không nhận, không ghi gì (touch nothing).")
    var dryRun = false

    func run() throws {
        bootstrapLogging(verbose: verbose)
        let pipeline = try loadConfig(config)
        if dryRun {
            var anyRejected = false
            for (file, outcome) in Operator.dryRun(pipeline) {
                guard let outcome else { print("\(file): không đọc được"); continue }
                anyRejected = anyRejected || outcome.rejected
                let codes = outcome.findings.map(\.code.rawValue).joined(separator: ", ")
                print("\(file): \(outcome.rejected ? "sẽ bị từ chối" : "hợp lệ")\(codes.isEmpty ? "" : " — \(codes)")")
            }
            if anyRejected { throw ExitCode(ExitStatus.someRejected.rawValue) }
            return
        }
        let result = NightlyRun(config: pipeline, logger: Logger(label: "kiemdiem.run")).run()
        let c = result.counts
        var line = String(format: "kiemdiem: nhận %d · hợp lệ %d · từ chối %d · trùng %d · %.1f s",
                          c.claimed, c.accepted, c.rejected, c.duplicates, result.seconds)
        if let workbook = result.workbook { line += " · sổ tổng hợp: \(workbook)" }
        if let message = result.message { line += " · \(message)" }
        writeError(line)
        if result.status != .allAccepted { throw ExitCode(result.status.rawValue) }
    }
}
