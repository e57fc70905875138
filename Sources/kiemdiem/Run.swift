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

    func run() throws {
        bootstrapLogging(verbose: verbose)
        let pipeline: PipelineConfig
        do {
            pipeline = try PipelineConfig.load(path: config)
        } catch {
            writeError("kiemdiem: lỗi cấu hình \(config): \(error)")
            throw ExitCode(ExitStatus.configuration.rawValue)
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
