import ArgumentParser
import BatchRun
import Logging

struct Notices: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Lập lại các phiếu trả lại bản kiểm điểm từ kho dữ liệu, không nhận tệp mới.",
        discussion: """
            Mỗi bản kiểm điểm bị từ chối mà người gửi chưa gửi bản khác được tiếp nhận có một \
            “PHIẾU TRẢ LẠI BẢN KIỂM ĐIỂM” (.docx, một trang A4): gửi ai, tệp nào, nhận lúc nào, từng lý do \
            theo đúng mục của mẫu cùng nội dung thấy trong tệp, cần làm gì, và gửi lại bản đã sửa về đâu \
            (notices.return_to trong pipeline.yml). Phiếu nằm trong reports/tra-lai-<năm>/<chi bộ>/ cạnh \
            sổ tổng hợp; lượt chạy đêm cũng lập lại chúng sau sổ tổng hợp. Phiếu của người đã gửi bản \
            được tiếp nhận bị xóa khỏi thư mục đó; không tệp nào khác bị đụng tới.

            In ra đường dẫn từng phiếu. Mã thoát: 0 · 69 kho dữ liệu bị mất · 74 lỗi đọc ghi · \
            75 một lượt chạy khác đang giữ khóa · 78 lỗi cấu hình.
            """)

    @Option(name: .shortAndLong, help: "Tệp cấu hình.")
    var config: String = "pipeline.yml"

    func run() throws {
        bootstrapLogging(verbose: false)
        switch Operator.rebuildNotices(try loadConfig(config), logger: Logger(label: "kiemdiem.notices")) {
        case .success(let summary):
            for name in summary.written { print("\(summary.folder)/\(name)") }
            writeError("kiemdiem: \(summary.written.count) phiếu trả lại trong \(summary.folder)"
                       + (summary.removed.isEmpty ? "" : "; xóa \(summary.removed.count) phiếu không còn cần"))
        case .failure(let failure):
            writeError("kiemdiem: \(failure.message)")
            throw ExitCode(failure.status.rawValue)
        }
    }
}
