import ArgumentParser
import BatchRun
import Foundation
import Logging

/// Loads pipeline.yml or exits 78 with the reason.
func loadConfig(_ path: String) throws -> PipelineConfig {
    do {
        return try PipelineConfig.load(path: path)
    } catch {
        writeError("kiemdiem: lỗi cấu hình \(path): \(error)")
        throw ExitCode(ExitStatus.configuration.rawValue)
    }
}

struct Status: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Tình trạng: tệp đang chờ, tệp kẹt trong processing/, lượt chạy gần nhất.",
        discussion: "Prints what waits in the inbox, what a killed run left in processing/ (the next run finishes it), and the last run's counts.")

    @Option(name: .shortAndLong, help: "Tệp cấu hình.")
    var config: String = "pipeline.yml"

    func run() throws {
        let pipeline = try loadConfig(config)
        let status: Operator.Status
        do {
            status = try Operator.status(pipeline)
        } catch {
            writeError("kiemdiem: \(error)")
            throw ExitCode(ExitStatus.ioError.rawValue)
        }
        print("Hộp thư đến: \(status.waiting) tệp sẵn sàng, \(status.unsettled) đang tải lên, \(status.foreign) tệp không phải .docx")
        print("Đang xử lý dở (processing/): \(status.processing)")
        print("Tổng số tệp đã nhận: \(status.arrivals)")
        if let run = status.lastRun {
            let c = run.counts
            print("Lượt chạy gần nhất #\(run.id): bắt đầu \(run.startedAt), kết thúc \(run.finishedAt ?? "chưa xong (bị ngắt?)"), "
                  + "mã thoát \(run.exitCode.map(String.init) ?? "-"); nhận \(c.claimed), hợp lệ \(c.accepted), từ chối \(c.rejected), trùng \(c.duplicates)")
        } else {
            print("Chưa có lượt chạy nào.")
        }
    }
}

struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Lập lại sổ tổng hợp từ kho dữ liệu, không nhận tệp mới.",
        discussion: "Rebuilds the year's workbook from the store and publishes it atomically. Exit 0, 74 on I/O error, 75 if a run holds the lock.")

    @Option(name: .shortAndLong, help: "Tệp cấu hình.")
    var config: String = "pipeline.yml"

    func run() throws {
        bootstrapLogging(verbose: false)
        let result = Operator.rebuildReport(try loadConfig(config), logger: Logger(label: "kiemdiem.report"))
        if let workbook = result.workbook { print(workbook) }
        if let message = result.message { writeError("kiemdiem: \(message)") }
        if result.status != .allAccepted { throw ExitCode(result.status.rawValue) }
    }
}

struct VerifyLog: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify-log",
        abstract: "Kiểm tra nhật ký từ chối chưa bị xóa hay sửa dòng nào.",
        discussion: "Each line of logs/rejections.jsonl carries the SHA-256 of the line before it. Exit 0 when the chain holds, 65 at the first broken line.")

    @Option(name: .shortAndLong, help: "Tệp cấu hình.")
    var config: String = "pipeline.yml"

    func run() throws {
        switch Operator.verifyLog(try loadConfig(config)) {
        case .success(let lines):
            print("Nhật ký toàn vẹn: \(lines) dòng.")
        case .failure(let error):
            print("Nhật ký bị thay đổi: \(error)")
            throw ExitCode(65)
        }
    }
}
