import ArgumentParser
import BatchRun
import Foundation
import Logging

struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Xuất gói kết quả có chữ ký số của một năm để gửi cấp trên (kiemdiem rollup).",
        discussion: """
            Lập từ kho dữ liệu một tệp .kiemdiem: cây tổ chức đảng, kết quả của từng đảng viên và từng \
            tổ chức cùng các phát hiện, số liệu (Tổng hợp, Biểu 6F), mốc của nhật ký (số dòng, mã dòng \
            cuối), bộ quy định và phiên bản chương trình; một bảng kê SHA-256 của từng phần, ký bằng khóa \
            Ed25519 của đảng ủy (export.key_file trong pipeline.yml, tạo bằng \
            kiemdiem init-key --kind board-ed25519). Cùng một kho dữ liệu cho cùng một tệp, từng byte.

            Mặc định ghi cạnh sổ tổng hợp: ket-qua-<năm>-<tên tổ chức>.kiemdiem. Gửi tệp này cho cấp \
            trên; cấp trên đặt vào hộp thư của kiemdiem rollup. Gói cũng được giữ trong kho dữ liệu \
            (cùng từng byte): với kho dùng chung, cấp trên lấy thẳng từ đó, không cần chuyển tệp.

            Mã thoát: 0 đã ghi · 66 kho chưa có bản nào của năm · 69 kho dữ liệu bị mất · 74 lỗi đọc ghi · \
            75 một lượt chạy đang giữ khóa · 78 lỗi cấu hình (thiếu hoặc sai export.key_file).
            """)

    @Option(name: .shortAndLong, help: "Tệp cấu hình.")
    var config: String = "pipeline.yml"

    @Option(help: ArgumentHelp("Năm kiểm điểm của gói (mặc định: year trong pipeline.yml).", valueName: "NĂM"))
    var year: Int?

    @Option(help: ArgumentHelp("Tệp gói sẽ ghi.", valueName: "TỆP"))
    var out: String?

    func run() throws {
        bootstrapLogging(verbose: false)
        let pipeline = try loadConfig(config)
        let result = PackageExport.export(pipeline, year: year ?? pipeline.year, to: out,
                                          logger: Logger(label: "kiemdiem.export"))
        guard result.status == .allAccepted, let path = result.path else {
            writeError("kiemdiem: \(result.message ?? "không xuất được gói kết quả")")
            throw ExitCode(result.status.rawValue)
        }
        print(path)
        writeError("kiemdiem: gói kết quả của \(result.board ?? "-"): \(result.members) đảng viên · SHA-256 \(result.sha256 ?? "-")")
    }
}

struct Rollup: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Tổng hợp cấp trên: nhận các gói kết quả có chữ ký của cấp dưới và lập sổ tổng hợp.",
        discussion: """
            Nhận mọi tệp .kiemdiem đã tải xong trong hộp thư của rollup.yml, kiểm tra chữ ký Ed25519 với \
            khóa công khai của các tổ chức cấp dưới đã khai (boards), bảng kê SHA-256 và năm; gói hợp lệ \
            vào archive/<năm>/<tổ chức>/, gói bị từ chối vào rejected/<ngày>/ với mã lý do \
            (PACKAGE_TAMPERED, PACKAGE_UNKNOWN_KEY, …). Cùng nội dung gửi lại được tính một lần; gói mới \
            hơn của cùng tổ chức thay gói cũ (cả hai được giữ). Rồi lập sổ tổng hợp của cấp trên: theo \
            chi bộ, theo tổ chức cấp dưới, theo loại hình, Biểu 6F, tỷ lệ HTXSNV trong các nhóm tổ chức, \
            tổ chức chưa gửi gói hoặc xếp loại trước cấp dưới, và danh sách gói đã nhận.

            Có store: postgresql://… trong rollup.yml: nhận thêm các gói mà cấp dưới đã xuất vào kho dùng \
            chung đó, kiểm tra như gói gửi bằng tệp.

            Mã thoát: 0 mọi gói hợp lệ · 3 có gói bị từ chối (sai định dạng, sai năm) · 65 có gói mà chữ \
            ký hoặc bảng kê không khớp, không có chữ ký hoặc ký bằng khóa lạ: liên hệ tổ chức gửi · 74 lỗi \
            đọc ghi hoặc không đọc được kho dùng chung (không mất gì, lượt sau làm tiếp) · 75 một lượt khác đang giữ khóa · 78 lỗi cấu hình.
            """)

    @Option(name: .shortAndLong, help: "Tệp cấu hình của cấp trên.")
    var config: String = "rollup.yml"

    @Flag(name: .shortAndLong, help: "In từng gói ra stderr.")
    var verbose = false

    func run() throws {
        bootstrapLogging(verbose: verbose)
        let rollup: RollupConfig
        do {
            rollup = try RollupConfig.load(path: config)
        } catch {
            writeError("kiemdiem: lỗi cấu hình \(config): \(error)")
            throw ExitCode(ExitStatus.configuration.rawValue)
        }
        let result = RollupRun(config: rollup, logger: Logger(label: "kiemdiem.rollup")).run()
        var line = String(format: "kiemdiem: nhận %d gói · hợp lệ %d · từ chối %d · trùng %d · tính %d/%d tổ chức · %.1f s",
                          result.claimed, result.accepted, result.rejected, result.duplicates, result.boardsCounted,
                          rollup.boards.count, result.seconds)
        if let workbook = result.workbook { line += " · sổ tổng hợp: \(workbook)" }
        if let message = result.message { line += " · \(message)" }
        writeError(line)
        if result.status != .allAccepted { throw ExitCode(result.status.rawValue) }
    }
}

/// For `make bench` (Benchmarks/rollup.sh): a made-up province's signed packages and its rollup.yml.
struct BenchPackages: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-packages",
        abstract: "Tạo các gói kết quả giả lập (đo hiệu năng tổng hợp cấp trên).",
        discussion: "Writes BOARDS signed packages of MEMBERS members each into FOLDER/inbox and FOLDER/rollup.yml trusting their keys; then run kiemdiem rollup --config FOLDER/rollup.yml.",
        shouldDisplay: false)

    @Option(help: "Số tổ chức cấp dưới.") var boards = 100
    @Option(help: "Số đảng viên mỗi tổ chức.") var members = 600
    @Option(help: "Năm kiểm điểm.") var year = 2025
    @Argument(help: ArgumentHelp("Thư mục sẽ tạo.", valueName: "THƯ_MỤC")) var folder: String

    func run() throws {
        do {
            print(try SyntheticRollup.prepare(folder: folder, boards: boards, members: members, year: year))
        } catch {
            writeError("kiemdiem: \(error)")
            throw ExitCode(74)
        }
    }
}
