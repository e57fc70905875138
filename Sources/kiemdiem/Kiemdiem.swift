import ArgumentParser
import BatchRun

@main
struct Kiemdiem: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kiemdiem",
        abstract: "Đọc, kiểm tra và tổng hợp bản kiểm điểm đảng viên (.docx) thành sổ Excel.",
        subcommands: [])
}
