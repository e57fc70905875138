import KiemdiemTestSupport
import Foundation
import Testing

/// Issue 17, "Vietnamese for every user-facing word": help screens, argument errors, log lines,
/// statuses and failure messages, through the built binary as an operator meets them.
@Suite(.serialized) struct OperatorWordsTests {
    static let subcommands = ["run", "inspect", "status", "report", "notices", "verify-log", "init-key", "recover", "audit", "export", "rollup"]

    /// Words of an English sentence, as they would leak from a library (swift-argument-parser,
    /// Foundation, strerror, SQLite, swift-log). Paths, file names, option names, codes and
    /// `key=value` pairs are dropped before looking: those are not sentences.
    static let english: Set<String> = [
        "the", "file", "files", "error", "warning", "doesn't", "usage", "options", "option", "not", "cannot", "couldn't",
        "failed", "invalid", "missing", "unknown", "show", "such", "permission", "denied", "directory", "space", "left",
        "device", "and", "with", "information", "expected", "argument", "arguments", "value", "exist", "because",
        "database", "disk", "full", "overview", "subcommands", "default", "see", "info", "notice", "critical",
    ]

    /// The English words found in `text`, with the line each is in.
    static func englishWords(_ text: String) -> [String] {
        var found: [String] = []
        for line in text.split(separator: "\n") {
            for token in line.split(whereSeparator: { $0 == " " || $0 == "\t" }) {
                if token.contains("/") || token.contains(".") && !token.hasSuffix(".") || token.contains("_") || token.contains("=")
                    || token.hasPrefix("-") || token.hasPrefix("<") || token.hasPrefix("[") && token.contains("=") { continue }
                let word = token.lowercased().trimmingCharacters(in: CharacterSet.letters.union(CharacterSet(charactersIn: "'")).inverted)
                if english.contains(word) { found.append("\(word) ← \(line)") }
            }
        }
        return found
    }

    @Test func everyHelpScreenIsVietnamese() throws {
        for command in [[]] + Self.subcommands.map({ [$0] }) {
            for flag in ["--help", "-h"] {
                let result = try runProcess(kiemdiemBinary, command + [flag])
                #expect(result.status == 0, "\(command)")
                let text = result.stdout
                #expect(text.contains("Cách dùng: kiemdiem"), "\(command): \(text)")
                #expect(text.contains("Tùy chọn:"), "\(command)")
                for heading in ["USAGE:", "OPTIONS:", "ARGUMENTS:", "SUBCOMMANDS:", "OVERVIEW:", "Show help information", "(default:"] {
                    #expect(!text.contains(heading), "\(command): \(heading)")
                }
                #expect(Self.englishWords(text).isEmpty, "\(command): \(Self.englishWords(text))")
                #expect(result.stderr.isEmpty)
            }
        }
        let root = try runProcess(kiemdiemBinary, [])
        #expect(root.status == 0 && root.stdout.contains("Lệnh:"), "no arguments: the root's help")
        let helpRun = try runProcess(kiemdiemBinary, ["help", "run"])
        #expect(helpRun.stdout.contains("Cách dùng: kiemdiem run"))
        // Every option of a command is in its help (the screen is made from the declarations).
        let audit = try runProcess(kiemdiemBinary, ["audit", "--help"]).stdout
        for option in ["--member", "--born", "--chi-bo", "--dang-bo", "--year", "--code", "--verdict", "--event", "--from", "--to",
                       "--format", "--output", "--explain", "--config"] {
            #expect(audit.contains(option), "\(option)")
        }
    }

    @Test func helpIsEnglishWithLanguageEn() throws {
        for command in Self.subcommands {
            let result = try runProcess(kiemdiemBinary, [command, "--help", "--language", "en"])
            #expect(result.status == 0)
            #expect(result.stdout.contains("Usage: kiemdiem \(command)"), "\(command): \(result.stdout)")
            #expect(result.stdout.contains("Options:"))
            #expect(!result.stdout.contains("Cách dùng"))
        }
    }

    @Test(arguments: [
        (["run", "--bogus"], "tùy chọn không biết: --bogus"),
        (["run", "--verbos"], "có phải --verbose"),
        (["run", "--config"], "thiếu giá trị cho --config"),
        (["inspect", "--year", "hai-nghin", "x.docx"], "giá trị 'hai-nghin' không hợp lệ cho --year"),
        (["inspect"], "thiếu tham số"),
        (["status", "thua"], "tham số thừa: 'thua'"),
        (["run", "--dry-run=yes"], "--dry-run không nhận giá trị"),
        (["chay"], "tham số thừa"),
    ])
    func argumentErrorsAreVietnameseAndNameTheOption(arguments: [String], says: String) throws {
        let result = try runProcess(kiemdiemBinary, arguments)
        #expect(result.status == 64, "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        let lines = stderrLines(result.stderr)
        #expect(lines.first?.contains(says) == true, "\(result.stderr)")
        #expect(lines.last?.contains("--help") == true)
        #expect(Self.englishWords(result.stderr).isEmpty, "\(Self.englishWords(result.stderr))")
    }

    /// The default demo (`run` over a copy of the sample inbox, as `make run` does) and the
    /// failures an operator meets: not one English sentence on stderr, every line dated and
    /// from kiemdiem, statuses in Vietnamese.
    @Test func noEnglishSentenceReachesStderr() throws {
        let box = try BinaryBox("words")
        defer { box.remove() }
        var outputs: [(String, ProcessResult)] = []
        func record(_ label: String, _ result: ProcessResult) { outputs.append((label, result)) }

        let missing = box.root.appendingPathComponent("khong-co").path
        try FileManager.default.moveItem(at: box.inbox, to: box.root.appendingPathComponent("tam"))
        record("run, no inbox", try box.kiemdiem(["run"]))
        record("dry run, no inbox", try box.kiemdiem(["run"], ["--dry-run"]))
        record("status, no inbox", try box.kiemdiem(["status"]))
        try FileManager.default.moveItem(at: box.root.appendingPathComponent("tam"), to: box.inbox)

        // archive/ is a file: the run cannot file anything (74), then the night goes on.
        try FileManager.default.createDirectory(at: box.workspace, withIntermediateDirectories: true)
        try Data("không phải thư mục".utf8).write(to: box.workspace.appendingPathComponent("archive"))
        record("run, archive blocked", try box.kiemdiem(["run"], ["--verbose"]))
        try FileManager.default.removeItem(at: box.workspace.appendingPathComponent("archive"))
        let demo = try box.kiemdiem(["run"], ["--verbose"])
        #expect(demo.status == 3, "\(demo.stderr)")
        record("the demo", demo)
        let status = try box.kiemdiem(["status"])
        #expect(status.stdout.contains("kết thúc") && status.stdout.contains("mã thoát 3"), "\(status.stdout)")
        record("status", status)
        record("report", try box.kiemdiem(["report"]))
        record("verify-log", try box.kiemdiem(["verify-log"]))
        record("inspect, missing roster", try runProcess(kiemdiemBinary, ["inspect", "--roster", missing,
                                                                           fixtures.appendingPathComponent("inbox-2020/nguyen-van-an.docx").path]))
        record("inspect, missing file", try runProcess(kiemdiemBinary, ["inspect", missing + ".docx"]))
        record("audit, unwritable output", try box.kiemdiem(["audit"], ["--format", "xlsx", "--output", missing + "/x/y.xlsx"]))
        record("init-key, missing folder", try runProcess(kiemdiemBinary, ["init-key", missing + "/a/b.key"]))
        let broken = box.root.appendingPathComponent("hong.yml")
        try "inbox: [\nworkspace: w\n".write(to: broken, atomically: true, encoding: .utf8)
        record("run, broken YAML", try runProcess(kiemdiemBinary, ["run", "--config", broken.path]))
        record("run, no config", try runProcess(kiemdiemBinary, ["run", "--config", missing + ".yml"]))
        // The store lost under a filed archive (69).
        try FileManager.default.removeItem(at: box.workspace.appendingPathComponent("kiemdiem.sqlite"))
        record("run, store lost", try box.kiemdiem(["run"]))
        record("status, store lost", try box.kiemdiem(["status"]))

        for (label, result) in outputs {
            #expect(result.status != 0 || label == "status" || label == "report" || label == "verify-log" || label.hasPrefix("the demo"),
                    "\(label)")
            let words = Self.englishWords(result.stderr)
            #expect(words.isEmpty, "\(label): \(words)")
            for line in result.stderr.split(separator: "\n") {
                #expect(unstamped(line)?.hasPrefix("kiemdiem: ") == true, "\(label): \(line)")
            }
            for leak in ["[BatchRun]", "kiemdiem.run", "warning", "(final)", "The file", "Error:"] {
                #expect(!result.stderr.contains(leak), "\(label): \(leak)")
            }
        }
        let inspect = try runProcess(kiemdiemBinary, ["inspect", fixtures.appendingPathComponent("inbox-2020/nguyen-van-an.docx").path])
        #expect(inspect.stdout.contains("(chính thức)") || inspect.stdout.contains("(tạm thời)"), "\(inspect.stdout)")
        #expect(!inspect.stdout.contains("(final)") && !inspect.stdout.contains("(provisional)"))
    }
}
