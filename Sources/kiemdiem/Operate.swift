import ArgumentParser
import BatchRun
import Foundation
import Logging

/// `--config` of every command that reads pipeline.yml.
let configHelp = ArgumentHelp("Tệp cấu hình pipeline.yml.", valueName: "TỆP")

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
        discussion: """
            In số tệp đang chờ trong hộp thư đến, số tệp một lượt chạy bị ngắt để lại trong \
            processing/ (lượt sau làm tiếp), lượt chạy gần nhất: đang chạy, đã xong (mã thoát, số \
            tệp) hay bị ngắt giữa chừng, và chỗ trống trên ổ đĩa. Chỉ đọc, kể cả khi đang có lượt chạy.

            Mã thoát: 0 · 69 mất kho dữ liệu · 74 ổ đĩa gần đầy hoặc lỗi đọc ghi · 78 lỗi cấu hình \
            (ví dụ hộp thư đến không có).
            """)

    @Option(name: .shortAndLong, help: configHelp)
    var config: String = "pipeline.yml"

    func run() throws {
        let pipeline = try loadConfig(config)
        let status: Operator.Status
        do {
            status = try Operator.status(pipeline)
        } catch let error as ConfigurationError {
            writeError("kiemdiem: lỗi cấu hình \(config): \(error)")
            throw ExitCode(ExitStatus.configuration.rawValue)
        } catch let error as StoreLostError {
            writeError("kiemdiem: \(error)")
            throw ExitCode(ExitStatus.storeLost.rawValue)
        } catch {
            writeError("kiemdiem: \(error)")
            throw ExitCode(ExitStatus.ioError.rawValue)
        }
        print("Hộp thư đến: \(status.waiting) tệp sẵn sàng, \(status.unsettled) đang tải lên, \(status.foreign) tệp không phải .docx")
        print("Đang xử lý dở (processing/): \(status.processing)")
        print("Tổng số tệp đã nhận: \(status.arrivals)")
        let holder = status.activeRun.map { $0 > 0 ? "tiến trình \($0)" : "một tiến trình" }
        if let run = status.lastRun {
            let c = run.counts
            let end: String
            if let finished = run.finishedAt {
                end = "kết thúc \(finished), mã thoát \(run.exitCode.map(String.init) ?? "-")"
            } else if let holder {
                end = "đang chạy (\(holder) giữ khóa thư mục làm việc)"
            } else {
                end = "bị ngắt giữa chừng (kill, mất điện, máy khởi động lại): lượt chạy sau làm tiếp, không mất gì"
            }
            print("Lượt chạy gần nhất #\(run.id): bắt đầu \(run.startedAt), \(end); "
                  + "nhận \(c.claimed), \(RunResult.acceptedWords(c.accepted, collective: status.lastRunCollective)), từ chối \(c.rejected), trùng \(c.duplicates)")
            if run.finishedAt != nil, let holder { print("Đang chạy: \(holder) giữ khóa thư mục làm việc") }
        } else {
            print("Chưa có lượt chạy nào.")
            if let holder { print("Đang chạy: \(holder) giữ khóa thư mục làm việc") }
        }
        if let free = status.freeBytes {
            print("Chỗ trống trên ổ của thư mục làm việc: \(free / 1024) KiB")
        }
        if status.diskFull {
            writeError("kiemdiem: ổ đĩa của thư mục làm việc \(pipeline.workspace) gần đầy (còn \((status.freeBytes ?? 0) / 1024) KiB): "
                       + "lượt chạy sẽ thoát 74; giải phóng chỗ rồi chạy lại kiemdiem run, không mất tệp nào")
            throw ExitCode(ExitStatus.ioError.rawValue)
        }
    }
}

struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Lập lại sổ tổng hợp từ kho dữ liệu, không nhận tệp mới.",
        discussion: """
            Lập lại sổ tổng hợp của năm từ kho dữ liệu và thay sổ cũ trong một bước. Mã thoát: 0 · \
            74 lỗi đọc ghi · 75 một lượt chạy đang giữ khóa · 78 lỗi cấu hình.
            """)

    @Option(name: .shortAndLong, help: configHelp)
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
        abstract: "Kiểm tra nhật ký từ chối với các mốc trong kho dữ liệu: không dòng nào bị xóa, sửa, đảo hay chèn.",
        discussion: """
            Mỗi dòng của logs/rejections.jsonl mang SHA-256 của dòng trước (prev_sha256), và khi có \
            audit.key_file thì cả HMAC-SHA-256 của dòng trước theo khóa đó (prev_hmac). Kho dữ liệu \
            giữ SHA-256 của từng dòng và, sau mỗi lần ghi, số dòng cùng dòng cuối (có HMAC khi có khóa). \
            Lệnh so tệp với kho và kho với tệp, rồi báo dòng đầu tiên khác.

            Không có khóa, ai sửa được cả tệp lẫn kho dữ liệu vẫn làm chúng khớp nhau được; có khóa thì \
            không. Ghi lại số dòng và mã ngắn in ở dòng tóm tắt (hoặc chân trang sổ tổng hợp), rồi \
            kiểm lại sau bằng --anchor SỐ_DÒNG:MÃ.

            Chạy khi không có lượt chạy nào đang ghi. Mã thoát: 0 nhật ký toàn vẹn · 65 có chỗ bị \
            thay đổi (in dòng đầu tiên khác) · 78 lỗi cấu hình.
            """)

    @Option(name: .shortAndLong, help: configHelp)
    var config: String = "pipeline.yml"

    @Option(help: ArgumentHelp("Mốc đã ghi lại trước đó: số dòng và mã ngắn của dòng đó (ví dụ 56:1a2b3c4d5e6f).",
                               valueName: "SỐ_DÒNG:MÃ"))
    var anchor: String?

    func run() throws {
        let pipeline = try loadConfig(config)
        var expected: (log: AuditedLog, lines: Int, prefix: String)?
        if let anchor {
            var parts = anchor.split(separator: ":").map(String.init)
            let log = parts.count == 3 ? AuditedLog(rawValue: parts.removeFirst()) : .rejections
            guard let log, parts.count == 2, let lines = Int(parts[0]), lines >= 1, parts[1].count >= 6,
                  parts[1].allSatisfy(\.isHexDigit) else {
                writeError("kiemdiem: --anchor phải có dạng SỐ_DÒNG:MÃ hoặc audit:SỐ_DÒNG:MÃ, ví dụ 56:1a2b3c4d5e6f")
                throw ExitCode(64)
            }
            expected = (log, lines, parts[1])
        }
        var heads: [String] = []
        var broken = false
        for log in AuditedLog.allCases {
            let title = log == .rejections ? "Nhật ký" : "Nhật ký quyết định"
            let wanted = expected.flatMap { $0.log == log ? ($0.lines, $0.prefix) : nil }
            switch Operator.verifyLog(pipeline, log: log, expected: wanted) {
            case .success(let result):
                var head = "\(log == .rejections ? "" : "quyết định: ")\(result.head)"
                if result.unverifiedMACs { head += " (chưa kiểm HMAC: không có audit.key_file)" }
                heads.append(head)
            case .failure(let error):
                print("\(title) bị thay đổi: \(error) (logs/\(log.fileName))")
                broken = true
            }
        }
        if broken { throw ExitCode(65) }
        let keyed = (try? pipeline.audit.key(workspace: pipeline.workspace)) != nil && pipeline.audit.keyFile != nil
        print("Nhật ký toàn vẹn: \(heads.joined(separator: "; ")).\(keyed ? " Chuỗi HMAC khớp khóa audit.key_file." : "")")
    }
}

struct InitKey: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init-key",
        abstract: "Tạo tệp khóa bí mật (mặc định: khóa HMAC của nhật ký, audit.key_file; hoặc khóa ký gói kết quả).",
        discussion: """
            --kind audit-hmac (mặc định): ghi 32 byte ngẫu nhiên (64 chữ số hex) vào TỆP với quyền 600, \
            không bao giờ ghi đè một tệp đã có. Để tệp ngoài thư mục làm việc (ví dụ /etc/kiemdiem/audit.key) \
            rồi khai báo trong pipeline.yml:

              audit:
                key_file: /etc/kiemdiem/audit.key

            --kind board-ed25519: tạo khóa riêng Ed25519 (PEM, quyền 600) để ký gói kết quả gửi cấp trên \
            (kiemdiem export), và ghi khóa công khai (64 chữ số hex) vào TỆP.pub bên cạnh. Khai trong pipeline.yml:

              export:
                key_file: /etc/kiemdiem/board.key

            rồi gửi khóa công khai (in ra màn hình, cũng trong TỆP.pub) cho cấp trên qua một kênh tin cậy \
            để khai vào rollup.yml.

            Mất khóa thì không kiểm được HMAC của các dòng đã ghi, hay không ký được gói bằng khóa cũ; giữ \
            một bản sao ở nơi an toàn. Mã thoát: 0 đã tạo · 73 không tạo được (tệp đã có, thư mục không ghi được).
            """)

    @Option(help: ArgumentHelp("Loại khóa: \(KeyKind.allCases.map(\.rawValue).joined(separator: ", ")).", valueName: "LOẠI"))
    var kind: String = KeyKind.auditHMAC.rawValue

    @Argument(help: ArgumentHelp("Đường dẫn tệp khóa sẽ tạo.", valueName: "TỆP"))
    var path: String

    func run() throws {
        guard let kind = KeyKind(rawValue: kind) else {
            writeError("kiemdiem: --kind phải là một trong: \(KeyKind.allCases.map(\.rawValue).joined(separator: ", "))")
            throw ExitCode(64)
        }
        do {
            let id = try kind.create(at: path)
            switch kind {
            case .auditHMAC:
                print("Đã tạo khóa \(kind.rawValue) tại \(path) (mã khóa \(id)).")
            case .boardEd25519:
                print("Đã tạo khóa \(kind.rawValue) tại \(path); khóa công khai (gửi cấp trên, khai trong rollup.yml) ở \(path).pub:")
                print(id)
            }
        } catch {
            writeError("kiemdiem: \(error)")
            throw ExitCode(73)
        }
    }
}

struct Recover: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Dựng lại kho dữ liệu từ archive/, rejected/ và nhật ký khi kho bị mất, rỗng hoặc hỏng.",
        discussion: """
            Dùng khi lượt chạy thoát với mã 69: kho dữ liệu kiemdiem.sqlite không còn, rỗng hoặc hỏng trong \
            khi archive/ đã có tệp. Kho cũ được giữ lại bên cạnh (kiemdiem.sqlite.hong-<thời điểm>); mọi tệp \
            trong archive/ và rejected/ được đọc lại theo thứ tự đã nộp, các quyết định (trùng, thứ tự ngày) \
            được xét lại, nhật ký từ chối được kiểm tra, rồi sổ tổng hợp được lập lại. Không tệp nào bị di chuyển.

            Mã thoát: 0 đã dựng lại · 74 lỗi đọc ghi · 75 một lượt chạy khác đang giữ khóa · 78 lỗi cấu hình.
            """)

    @Option(name: .shortAndLong, help: configHelp)
    var config: String = "pipeline.yml"

    func run() throws {
        bootstrapLogging(verbose: false)
        let result = Operator.recover(try loadConfig(config), logger: Logger(label: "kiemdiem.recover"))
        let c = result.counts
        var line = "kiemdiem: dựng lại kho: \(c.claimed) tệp · hợp lệ \(c.accepted) · từ chối \(c.rejected) · trùng \(c.duplicates)"
        if let head = result.logHead { line += " · nhật ký: \(head)" }
        if let head = result.auditHead { line += " · quyết định: \(head)" }
        if let workbook = result.workbook { line += " · sổ tổng hợp: \(workbook)" }
        if let message = result.message { line += " · \(message)" }
        writeError(line)
        if result.status != .allAccepted { throw ExitCode(result.status.rawValue) }
    }
}
