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
            Đọc bản kiểm điểm cuối năm của đảng viên (.docx), kiểm tra theo quy định của năm kiểm \
            điểm, xếp loại từng đảng viên và lập sổ tổng hợp cho cấp ủy.

            Chạy hằng đêm:   kiemdiem run --config pipeline.yml
            Xem một tệp:     kiemdiem inspect --json bai-kiem-diem.docx
            """,
        version: ProgramVersion.current,
        subcommands: [Run.self, Inspect.self, Status.self, Report.self, Notices.self, VerifyLog.self, InitKey.self, Recover.self, Audit.self,
                      Export.self, Rollup.self, BenchPackages.self])

    /// The parser's own help screens and errors are English: help is rendered by `HelpScreen`,
    /// errors are worded by `ArgumentErrors`; the commands run as swift-argument-parser would run them.
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        if let request = HelpScreen.request(arguments) {
            print(HelpScreen.render(request.command, language: request.language))
            Foundation.exit(0)
        }
        var command: ParsableCommand
        do {
            command = try parseAsRoot(arguments)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                print(fullMessage(for: error))   // --version
                Foundation.exit(0)
            }
            writeError("kiemdiem: \(ArgumentErrors.vietnamese(message(for: error), arguments: arguments))")
            let named = arguments.first.flatMap { first in configuration.subcommands.contains { $0._commandName == first } ? first : nil }
            writeError("kiemdiem: xem kiemdiem \(named.map { $0 + " " } ?? "")--help")
            Foundation.exit(code.rawValue)
        }
        do {
            try command.run()
        } catch let exit as ExitCode {
            Foundation.exit(exit.rawValue)
        } catch {
            writeError("kiemdiem: lỗi nội bộ: \(error)")
            Foundation.exit(ExitStatus.internalError.rawValue)
        }
    }
}

/// swift-argument-parser's error messages in Vietnamese, naming the option or value it named.
enum ArgumentErrors {
    static func vietnamese(_ english: String, arguments: [String]) -> String {
        let rules: [(String, ([String]) -> String)] = [
            (#"^Unknown option '([^']+)'\. Did you mean '([^']+)'\?$"#, { "tùy chọn không biết: \($0[0]) (có phải \($0[1])?)" }),
            (#"^Unknown option '([^']+)'$"#, { "tùy chọn không biết: \($0[0])" }),
            (#"^Missing value for '([^']+)'$"#, { "thiếu giá trị cho \($0[0])" }),
            (#"^Missing expected argument '([^']+)'$"#, { "thiếu tham số \($0[0])" }),
            (#"^Missing one of: (.+)$"#, { "thiếu một trong các tham số: \($0[0])" }),
            (#"^The value '(.*)' is invalid for '([^']+)'"#, { "giá trị '\($0[0])' không hợp lệ cho \($0[1])" }),
            (#"^The value '(.*)' is invalid"#, { "giá trị '\($0[0])' không hợp lệ" }),
            (#"^The option '([^']+)' does not take any value, but '(.*)' was specified\.$"#,
             { "tùy chọn \($0[0]) không nhận giá trị (đã cho '\($0[1])')" }),
            (#"^Unexpected argument '(.*)'$"#, { "tham số thừa: '\($0[0])'" }),
            (#"^(\d+) unexpected arguments: (.*)$"#, { "\($0[0]) tham số thừa: \($0[1])" }),
            (#"^Invalid option: (.+)$"#, { "tùy chọn không hợp lệ: \($0[0])" }),
            (#"^Missing required subcommand\.$"#, { _ in "thiếu tên lệnh (run, inspect, status, …)" }),
            (#"^Value to be set with (.+) had already been set with (.+)$"#, { _ in "một tùy chọn được cho hai lần" }),
        ]
        let first = english.split(separator: "\n").first.map(String.init) ?? english
        for (pattern, word) in rules {
            guard let regex = try? NSRegularExpression(pattern: pattern),
                  let match = regex.firstMatch(in: first, range: NSRange(first.startIndex..., in: first)) else { continue }
            let groups = (1..<match.numberOfRanges).map { index -> String in
                Range(match.range(at: index), in: first).map { String(first[$0]) } ?? ""
            }
            return word(groups)
        }
        // Our own validations are worded in Vietnamese already (`ValidationError`).
        if first.unicodeScalars.contains(where: { $0.value > 0x7F }) { return first }
        return "tham số dòng lệnh không đúng: \(arguments.joined(separator: " "))"
    }
}
