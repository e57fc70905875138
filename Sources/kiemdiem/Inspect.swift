import ArgumentParser
import BatchRun
import Foundation
import KiemdiemCore
import OOXMLPackage
import ReviewRules

struct Inspect: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Đọc và kiểm tra từng tệp, không đụng tới thư mục làm việc.",
        discussion: """
            Đọc, kiểm tra và xếp loại từng TỆP như lượt chạy đêm sẽ làm, không đụng tới thư mục \
            làm việc nào. Với --json, in mỗi tệp một đối tượng JSON (JSON Lines, lược đồ \
            kiemdiem.inspect/1) theo thứ tự tham số.

            Mã thoát: 0 mọi tệp hợp lệ · 3 có tệp bị từ chối · 66 một TỆP không có.
            """)

    @Argument(help: ArgumentHelp("Các tệp .docx cần đọc.", valueName: "TỆP"))
    var files: [String]

    @Flag(help: "In JSON theo hợp đồng, mỗi tệp một dòng.")
    var json = false

    @Flag(help: "Kèm nơi đọc được từng trường.")
    var explain = false

    @Option(help: ArgumentHelp("Năm của đợt kiểm điểm: tệp của năm khác bị từ chối (YEAR_MISMATCH).", valueName: "NĂM"))
    var year: Int?

    @Option(help: ArgumentHelp("Ngôn ngữ thông báo: vi hoặc en (mặc định: của --config, không thì vi).", valueName: "vi|en"))
    var language: String?

    @Option(help: ArgumentHelp("Danh sách đảng viên (CSV hoặc XLSX) để xét miễn, kỷ luật, nghỉ ốm.", valueName: "TỆP"))
    var roster: String?

    @Option(name: .shortAndLong, help: ArgumentHelp("Dùng giới hạn, quy tắc, năm và danh sách của tệp cấu hình này (như lượt chạy đêm).", valueName: "TỆP"))
    var config: String?

    func validate() throws {
        guard language.map({ MessageLanguage(rawValue: $0) != nil }) ?? true else {
            throw ValidationError("--language phải là vi hoặc en")
        }
    }

    func run() throws {
        for file in files where !FileManager.default.fileExists(atPath: file) {
            writeError("kiemdiem: không có tệp \(file)")
            throw ExitCode(ExitStatus.noInput.rawValue)
        }
        var pipeline = FormPipeline(rules: YearRules(options: RuleOptions(batchYear: year)))
        var rosterPath = roster
        var messages = language.flatMap(MessageLanguage.init(rawValue:)) ?? .vi
        if let config {
            // As tonight's run would see the file: its limits, rules, batch year, language and roster.
            let settings = try loadConfig(config)
            pipeline = FormPipeline(limits: settings.limits, rules: settings.yearRules)
            if language == nil { messages = settings.language }
            if let year { pipeline.rules.batchYear = year }
            rosterPath = roster ?? settings.roster
        }
        if let roster = rosterPath {
            do {
                pipeline.roster = try RosterFile.load(path: roster)
            } catch {
                writeError("kiemdiem: \(error)")
                throw ExitCode(ExitStatus.noInput.rawValue)
            }
            for warning in pipeline.roster?.warnings ?? [] { writeError("kiemdiem: danh sách đảng viên: \(warning)") }
        }
        var anyRejected = false
        for file in files {
            let outcome: FormOutcome
            do {
                outcome = try pipeline.process(fileAt: URL(fileURLWithPath: file))
            } catch {
                writeError("kiemdiem: \(error)")
                throw ExitCode(ExitStatus.noInput.rawValue)
            }
            anyRejected = anyRejected || outcome.rejected
            let name = URL(fileURLWithPath: file).lastPathComponent
            if json {
                print(outcome.json(file: name, explain: explain, language: messages).serialized())
            } else {
                print(summary(outcome, name: name, language: messages))
            }
        }
        if anyRejected { throw ExitCode(ExitStatus.someRejected.rawValue) }
    }

    private func summary(_ outcome: FormOutcome, name: String, language: MessageLanguage) -> String {
        var lines = ["\(name): \(outcome.rejected ? "BỊ TỪ CHỐI" : "HỢP LỆ")"]
        if let form = outcome.form {
            lines.append("  \(form.member.fullName ?? "(không rõ tên)") — \(form.partyCell ?? "(không rõ chi bộ)") — năm \(form.year.map(String.init) ?? "?")")
        }
        if let level = outcome.classification.level {
            let reason = LevelReason.text(outcome.classification.reasons, language).map { " — \($0)" } ?? ""
            lines.append("  Kết quả: \(level.vietnamese) (\(outcome.classification.status.vietnamese.lowercased()))\(reason)")
        }
        for finding in outcome.findings {
            lines.append("  [\(finding.code.rawValue)] \(finding.message(language))\(finding.evidence.map { ": \($0)" } ?? "")")
            if explain, let location = finding.location { lines.append("      ở: \(location)") }
            // What the member is told on the return notice (README "Phiếu trả lại").
            if finding.severity == .error { lines.append("      → \(finding.returnReason(language).sentence)") }
        }
        return lines.joined(separator: "\n")
    }
}
