import ArgumentParser
import BatchRun
import Foundation
import KiemdiemCore
import Logging

@main
struct Kiemdiem: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kiemdiem",
        abstract: "Đọc, kiểm tra, xếp loại bản kiểm điểm đảng viên (.docx) và lập sổ tổng hợp Excel.",
        discussion: """
            Reads Party members' year-end self-review forms (.docx), checks them against the rules \
            of the review year, classifies each member and writes the board's consolidated workbook.

            Chạy hằng đêm:   kiemdiem run --config pipeline.yml
            Xem một tệp:     kiemdiem inspect --json bai-kiem-diem.docx
            """,
        version: "0.1.0",
        subcommands: [Run.self, Inspect.self, Status.self, Report.self, VerifyLog.self, InitKey.self, Recover.self, Audit.self])
}

/// Logs go to stderr: stdout carries only what a command was asked to print.
func bootstrapLogging(verbose: Bool) {
    LoggingSystem.bootstrap { label in
        var handler = StreamLogHandler.standardError(label: label)
        handler.logLevel = verbose ? .info : .warning
        return handler
    }
}

func writeError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}
