import ArgumentParser
import BatchRun
import Foundation
import KiemdiemCore
import Ledger

struct Audit: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Tra cứu nhật ký quyết định (logs/audit.jsonl) qua mọi năm kiểm điểm trong kho dữ liệu.",
        discussion: """
            Mỗi sự kiện là một quyết định: hợp lệ, bị từ chối, trùng nội dung, bị bản mới thay thế, \
            bị hạ mức theo quy định, quyết định trái quy định, không xếp loại, tổ chức được xếp loại \
            hoặc xếp loại lại. Các bộ lọc cộng dồn; tên so không phân biệt dấu, hoa thường và khoảng \
            trắng; chi bộ, đảng bộ so theo khóa chuẩn hóa.

            Cột "Nhiều năm" ghi "Hai năm liền không hoàn thành nhiệm vụ" hoặc "N năm liền hoàn thành \
            xuất sắc nhiệm vụ" theo kết quả các năm trong kho.

            Ví dụ:
              kiemdiem audit --member "Nguyễn Văn An" --born 1980-05-12
              kiemdiem audit --chi-bo "Chi bộ Văn phòng" --verdict rejected --from 2020-11-01
              kiemdiem audit --member "Nguyễn Văn An" --format csv > an.csv
              kiemdiem audit --code LEVEL_CAPPED --format xlsx --output ha-muc.xlsx

            Mã thoát: 0 · 64 tham số sai · 74 không đọc được kho dữ liệu · 78 lỗi cấu hình. Nếu \
            nhật ký không toàn vẹn, một cảnh báo ra stderr (xem kiemdiem verify-log).
            """)

    @Option(name: .shortAndLong, help: configHelp)
    var config: String = "pipeline.yml"

    @Option(help: ArgumentHelp("Họ và tên đảng viên.", valueName: "HỌ TÊN"))
    var member: String?

    @Option(help: ArgumentHelp("Ngày sinh (YYYY-MM-DD hoặc dd/mm/yyyy).", valueName: "NGÀY"))
    var born: String?

    @Option(name: .customLong("chi-bo"), help: ArgumentHelp("Chi bộ.", valueName: "TÊN"))
    var chiBo: String?

    @Option(name: .customLong("dang-bo"), help: ArgumentHelp("Đảng bộ.", valueName: "TÊN"))
    var dangBo: String?

    @Option(help: ArgumentHelp("Năm kiểm điểm, hoặc khoảng năm (2019-2021).", valueName: "NĂM"))
    var year: String?

    @Option(help: ArgumentHelp("Mã phát hiện (ví dụ LEVEL_CAPPED).", valueName: "MÃ"))
    var code: String?

    @Option(help: ArgumentHelp("Kết quả: accepted (hợp lệ) hoặc rejected (bị từ chối).", valueName: "KẾT QUẢ"))
    var verdict: String?

    @Option(help: ArgumentHelp("Loại sự kiện (accepted, rejected, duplicate, superseded, level_capped, rule_conflict, exempt, organisation_classified, organisation_reclassified).",
                               valueName: "SỰ KIỆN"))
    var event: String?

    @Option(help: ArgumentHelp("Từ ngày ghi (YYYY-MM-DD), kể cả ngày đó.", valueName: "NGÀY"))
    var from: String?

    @Option(help: ArgumentHelp("Đến ngày ghi (YYYY-MM-DD), kể cả ngày đó.", valueName: "NGÀY"))
    var to: String?

    @Option(help: ArgumentHelp("Định dạng: table (bảng, mặc định), jsonl, csv, xlsx.", valueName: "ĐỊNH DẠNG"))
    var format: String = "table"

    @Option(name: .shortAndLong, help: ArgumentHelp("Tệp .xlsx sẽ ghi (bắt buộc với --format xlsx).", valueName: "TỆP"))
    var output: String?

    @Flag(help: "Với từng phát hiện: chứng cứ, vị trí trong văn bản, quy định và điều khoản.")
    var explain = false

    func run() throws {
        guard let format = AuditReport.Format(rawValue: format) else { try usage("--format phải là table, jsonl, csv hoặc xlsx") }
        if format == .xlsx, output == nil { try usage("--format xlsx cần --output TỆP.xlsx") }
        let pipeline = try loadConfig(config)
        var query = AuditQuery()
        query.fullName = member
        if let born {
            guard let date = CivilDate(iso: born) ?? CivilDate(loose: born) else { try usage("--born: \"\(born)\" không phải ngày") }
            query.dateOfBirth = date.iso
        }
        query.cellKey = chiBo.map(OrganisationKey.cell)
        query.committeeKey = dangBo.map(OrganisationKey.committee)
        if let year {
            let parts = year.split(separator: "-").compactMap { Int($0) }
            guard (1...2).contains(parts.count), parts.count == year.split(separator: "-").count, parts[0] <= parts[parts.count - 1] else {
                try usage("--year phải là một năm hoặc khoảng năm, ví dụ 2020 hoặc 2019-2021")
            }
            query.years = parts[0]...parts[parts.count - 1]
        }
        query.code = code
        if let verdict {
            guard Verdict(rawValue: verdict) != nil else { try usage("--verdict phải là accepted hoặc rejected") }
            query.verdict = verdict
        }
        query.events = event.map { [$0] }
        for (name, value) in [("--from", from), ("--to", to)] {
            if let value, CivilDate(iso: value) == nil { try usage("\(name): \"\(value)\" không phải ngày YYYY-MM-DD") }
        }
        query.from = from
        query.to = to

        if case .failure(let error) = Operator.verifyLog(pipeline, log: .audit) {
            writeError("kiemdiem: cảnh báo: nhật ký quyết định không toàn vẹn (\(error)); xem kiemdiem verify-log")
        }
        let rows: [AuditReport.Row]
        do {
            rows = try AuditReport.rows(pipeline, query: query)
        } catch {
            writeError("kiemdiem: \(error)")
            throw ExitCode(ExitStatus.ioError.rawValue)
        }
        switch format {
        case .table: print(AuditReport.table(rows, explain: explain), terminator: "")
        case .jsonl: print(AuditReport.jsonLines(rows), terminator: "")
        case .csv: print(AuditReport.csv(rows, explain: explain), terminator: "")
        case .xlsx:
            do {
                try AuditReport.xlsx(rows, explain: explain, to: output!)
            } catch {
                writeError("kiemdiem: không ghi được \(output!): \(error)")
                throw ExitCode(ExitStatus.ioError.rawValue)
            }
            print(output!)
        }
    }

    private func usage(_ message: String) throws -> Never {
        writeError("kiemdiem: \(message)")
        throw ExitCode(64)
    }
}
