import ArgumentParser
import Foundation

/// `--help` in the operator's language. swift-argument-parser prints its headings and its own
/// lines in English ("USAGE:", "OPTIONS:", "Show help information."), so the help screen is
/// rendered here from the command's description (`_dumpHelp()`, its ToolInfo), with Vietnamese
/// headings and the commands' Vietnamese texts, and in English with `--language en`.
enum HelpScreen {
    enum Language { case vi, en }

    /// `kiemdiem [CMD] … -h|--help …`, `kiemdiem help [CMD]`, or no argument at all: the
    /// command whose help is asked for (`nil` = the root) and the language; `nil` when the
    /// arguments ask for something else.
    static func request(_ arguments: [String]) -> (command: String?, language: Language)? {
        let words = Array(arguments.prefix { $0 != "--" })
        var language = Language.vi
        for (index, word) in words.enumerated() {
            if word == "--language=en" || (word == "--language" && words.dropFirst(index + 1).first == "en") { language = .en }
        }
        let names = Set(Kiemdiem.configuration.subcommands.map { $0._commandName })
        if words.isEmpty { return (nil, language) }
        if words[0] == "help" {
            return (words.dropFirst().first.flatMap { names.contains($0) ? $0 : nil }, language)
        }
        guard words.contains("-h") || words.contains("--help") else { return nil }
        return (names.contains(words[0]) ? words[0] : nil, language)
    }

    /// The help screen of `command` (`nil` = kiemdiem itself).
    static func render(_ command: String?, language: Language) -> String {
        let type: ParsableCommand.Type = command.flatMap { name in
            Kiemdiem.configuration.subcommands.first { $0._commandName == name }
        } ?? Kiemdiem.self
        guard let info = try? JSONDecoder().decode(ToolInfo.self, from: Data(type._dumpHelp().utf8)).command else {
            return type.helpMessage()
        }
        let en = language == .en
        let name = command.map { "kiemdiem \($0)" } ?? "kiemdiem"
        let key = command ?? "kiemdiem"
        let abstract = en ? EnglishHelp.abstracts[key] ?? info.abstract : info.abstract
        let discussion = en ? EnglishHelp.discussions[key] ?? info.discussion : info.discussion
        let arguments = (info.arguments ?? []).filter { argument in
            argument.shouldDisplay != false && !(argument.names ?? []).contains { ["help", "h", "version"].contains($0.name) }
        }
        var out: [String] = []
        out.append(name + (abstract.map { " — \($0)" } ?? ""))
        out.append("")
        let synopsis = arguments.map(\.synopsis).joined(separator: " ")
        if command == nil {
            out.append("\(en ? "Usage" : "Cách dùng"): kiemdiem <\(en ? "command" : "lệnh")> [\(en ? "options" : "tùy chọn")]")
        } else {
            out.append("\(en ? "Usage" : "Cách dùng"): \(name)\(synopsis.isEmpty ? "" : " " + synopsis)")
        }
        if let discussion, !discussion.isEmpty {
            out.append("")
            out += discussion.split(separator: "\n", omittingEmptySubsequences: false).flatMap { wrap(String($0)) }
        }
        var rows: [(String, String)] = []
        let positional = arguments.filter { $0.kind == "positional" }
        if !positional.isEmpty {
            out.append("")
            out.append(en ? "Arguments:" : "Tham số:")
            out += table(positional.map { ($0.label, text($0, command: key, en: en)) })
        }
        for argument in arguments where argument.kind != "positional" {
            rows.append((argument.label, text(argument, command: key, en: en)))
        }
        rows.append(("-h, --help", en ? "Show this help (in Vietnamese without --language en)." : "Hiện hướng dẫn này (tiếng Anh: thêm --language en)."))
        if command == nil { rows.append(("--version", en ? "Print the version." : "In số phiên bản.")) }
        out.append("")
        out.append(en ? "Options:" : "Tùy chọn:")
        out += table(rows)
        if command == nil {
            out.append("")
            out.append(en ? "Commands:" : "Lệnh:")
            out += table((info.subcommands ?? []).filter { $0.commandName != "help" }.map { sub in
                (sub.commandName, (en ? EnglishHelp.abstracts[sub.commandName] : nil) ?? sub.abstract ?? "")
            })
            out.append("")
            out.append(en ? "See 'kiemdiem <command> --help' for each command (README: a section per command)."
                          : "Xem 'kiemdiem <lệnh> --help' cho từng lệnh (README có một mục cho mỗi lệnh).")
        }
        return out.joined(separator: "\n")
    }

    private static func text(_ argument: ToolInfo.Argument, command: String, en: Bool) -> String {
        let option = argument.preferredName?.name ?? argument.valueName ?? ""
        var text = (en ? EnglishHelp.options["\(command).\(option)"] : nil) ?? argument.abstract ?? ""
        if let value = argument.defaultValue, !value.isEmpty, argument.kind == "option" {
            text += en ? " (default: \(value))" : " (mặc định: \(value))"
        }
        return text
    }

    /// One line of prose cut at 100 columns, its indent kept.
    private static func wrap(_ line: String) -> [String] {
        let indent = String(line.prefix { $0 == " " })
        var lines: [String] = []
        var current = ""
        for word in line.dropFirst(indent.count).split(separator: " ") {
            if !current.isEmpty && indent.count + current.count + 1 + word.count > 100 {
                lines.append(indent + current)
                current = String(word)
            } else {
                current += (current.isEmpty ? "" : " ") + word
            }
        }
        lines.append(indent + current)
        return lines
    }

    /// Two columns, the second aligned, wrapped to 100 columns under itself.
    private static func table(_ rows: [(String, String)]) -> [String] {
        let width = min(30, (rows.map { $0.0.count }.max() ?? 0) + 2)
        var lines: [String] = []
        for (left, right) in rows {
            var words = right.split(separator: " ").map(String.init)
            var line = "  " + left.padding(toLength: max(width, left.count + 2), withPad: " ", startingAt: 0)
            if left.count + 2 > width {
                lines.append("  " + left)
                line = "  " + String(repeating: " ", count: width)
            }
            let indent = "  " + String(repeating: " ", count: width)
            var first = true
            while !words.isEmpty {
                let word = words.removeFirst()
                if !first && line.count + 1 + word.count > 100 {
                    lines.append(line)
                    line = indent + word
                } else {
                    line += (first ? "" : " ") + word
                }
                first = false
            }
            lines.append(line)
        }
        return lines
    }
}

/// The part of swift-argument-parser's ToolInfoV0 (`--experimental-dump-help`) the help screen
/// reads.
struct ToolInfo: Decodable {
    var command: Command

    struct Command: Decodable {
        var commandName: String
        var abstract: String?
        var discussion: String?
        var subcommands: [Command]?
        var arguments: [Argument]?
    }

    struct Name: Decodable {
        var kind: String
        var name: String

        var spelled: String { kind == "short" ? "-" + name : kind == "longWithSingleDash" ? "-" + name : "--" + name }
    }

    struct Argument: Decodable {
        var kind: String
        var shouldDisplay: Bool?
        var isOptional: Bool?
        var isRepeating: Bool?
        var names: [Name]?
        var preferredName: Name?
        var valueName: String?
        var defaultValue: String?
        var abstract: String?

        var label: String {
            let value = "<\(valueName ?? "")>"
            if kind == "positional" { return value + (isRepeating == true ? " ..." : "") }
            let spelled = (names ?? []).sorted { $0.kind == "short" && $1.kind != "short" }.map(\.spelled).joined(separator: ", ")
            return kind == "option" ? spelled + " " + value : spelled
        }

        var synopsis: String {
            let name = preferredName?.spelled ?? names?.first?.spelled ?? ""
            let core: String
            switch kind {
            case "positional": core = "<\(valueName ?? "")>" + (isRepeating == true ? " ..." : "")
            case "option": core = "\(name) <\(valueName ?? "")>"
            default: core = name
            }
            return isOptional == true ? "[\(core)]" : core
        }
    }
}
