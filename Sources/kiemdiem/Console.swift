import BatchRun
import Foundation
import KiemdiemCore
import Logging

/// What the operator reads on stderr: one line per event, in Vietnamese, each stamped with the
/// date and time when stderr is a file or the journal (cron.log, systemd), every outside text in
/// it escaped so a crafted file name cannot end a line or start a forged one (README, "Nothing
/// silently skipped").
enum Console {
    /// Where a person watches, the bar shows the time that matters; elsewhere each line says when.
    static let stamped = isatty(STDERR_FILENO) != 1

    /// "2026-12-03 01:30:05 " in local time, or nothing on a terminal.
    static func stamp(_ date: Date = Date()) -> String {
        guard stamped else { return "" }
        var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
        var fields = tm()
        localtime_r(&seconds, &fields)
        var buffer = [CChar](repeating: 0, count: 32)
        let count = strftime(&buffer, buffer.count, "%Y-%m-%d %H:%M:%S ", &fields)
        return String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// One line to stderr: `text` is one line; control characters in it are escaped.
    static func line(_ text: String) {
        FileHandle.standardError.write(Data((stamp() + DisplayName.escaped(text) + "\n").utf8))
    }
}

/// One line on stderr (see `Console`).
func writeError(_ text: String) {
    Console.line(text)
}

/// Logs go to stderr: stdout carries only what a command was asked to print.
func bootstrapLogging(verbose: Bool, bar: ProgressBar? = nil) {
    let level: Logger.Level = verbose ? .info : .warning
    LoggingSystem.bootstrap { _ in ConsoleLogHandler(level: level, bar: bar) }
}

/// swift-log's lines in the operator's words: `2026-12-03 01:30:05 kiemdiem: cảnh báo: … [tệp=…]`,
/// not StreamLogHandler's `warning kiemdiem.run: [BatchRun] …`. Through the bar on a terminal.
struct ConsoleLogHandler: LogHandler {
    let bar: ProgressBar?
    var logLevel: Logger.Level
    var metadata: Logger.Metadata = [:]
    var metadataProvider: Logger.MetadataProvider?

    init(level: Logger.Level, bar: ProgressBar?) {
        self.logLevel = level
        self.bar = bar
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    /// The library's metadata keys, as the operator reads them.
    static let keys: [String: String] = [
        "file": "tệp", "to": "tới", "first": "bản đầu", "codes": "mã", "kind": "loại", "folder": "thư mục",
        "lines": "dòng", "already": "đã có", "bytes": "byte", "seconds": "giây", "count": "số",
    ]

    static func level(_ level: Logger.Level) -> String {
        switch level {
        case .trace, .debug: return "gỡ lỗi: "
        case .info, .notice: return ""
        case .warning: return "cảnh báo: "
        case .error, .critical: return "lỗi: "
        }
    }

    func log(event: LogEvent) {
        let merged = metadata.merging(event.metadata ?? [:]) { $1 }
        let details = merged.sorted { $0.key < $1.key }
            .map { "\(Self.keys[$0.key] ?? $0.key)=\($0.value)" }.joined(separator: " ")
        let text = DisplayName.escaped("kiemdiem: \(Self.level(event.level))\(event.message)\(details.isEmpty ? "" : " [\(details)]")")
        if let bar {
            bar.log(text)
        } else {
            FileHandle.standardError.write(Data((Console.stamp() + text + "\n").utf8))
        }
    }
}
