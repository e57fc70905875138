import Foundation
import KiemdiemCore
import OOXMLPackage
import ResultPackages
import ReviewRules

/// rollup.yml: the superior's roll-up of its boards' result packages (docs/contract.md §6).
/// Relative paths are relative to the file, as in pipeline.yml; unknown keys are errors.
public struct RollupConfig: Sendable {
    public var year: Int
    /// The superior organisation: the workbook's author, the parent of the boards.
    public var superior: String
    public var inbox: String
    public var workspace: String
    public var workbook: String
    public var language: MessageLanguage = .vi
    public var settleSeconds: Double = 60
    /// The boards whose packages count, each with its Ed25519 public key.
    public var boards: [TrustedBoard]
    /// The quota rules of the superior's comparable groups (`rules.quota_percent`, `rules.quota_rounding`).
    public var rules = RuleOptions()
    /// `store: postgresql://…`: a shared store whose boards' exported packages are taken as if
    /// dropped in the inbox (docs/contract.md §6.4); `nil`, the inbox only.
    public var store: String?

    public init(year: Int, superior: String, inbox: String, workspace: String, workbook: String, boards: [TrustedBoard]) {
        self.year = year
        self.superior = superior
        self.inbox = inbox
        self.workspace = workspace
        self.workbook = workbook
        self.boards = boards
        self.rules.batchYear = year
    }

    public static func load(path: String) throws(ConfigurationError) -> RollupConfig {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw ConfigurationError("không đọc được tệp cấu hình \(path)")
        }
        return try parse(text, relativeTo: URL(fileURLWithPath: path).deletingLastPathComponent().path)
    }

    /// Every key rollup.yml may hold, by table (`boards` entries: `name`, `public_key`).
    static let schema: [String: Set<String>] = [
        "": ["year", "superior", "inbox", "workspace", "report", "boards", "language", "settle_seconds", "rules", "store"],
        "rules": ["quota_percent", "quota_rounding"],
    ]

    public static func parse(_ text: String, relativeTo base: String) throws(ConfigurationError) -> RollupConfig {
        let root = try PipelineConfig.top(text, file: "rollup.yml")
        try PipelineConfig.rejectUnknownKeys(root, schema: schema)
        func resolve(_ p: String) -> String {
            p.hasPrefix("/") ? p : URL(fileURLWithPath: base).appendingPathComponent(p).standardizedFileURL.path
        }
        let reader = PipelineConfig.Keys(root, path: "", schema: schema)
        let year = try reader.int("year", in: 2018...2100)
        let superior = try reader.string("superior")
        let inbox = resolve(try reader.string("inbox"))
        let workspace = resolve(try reader.string("workspace"))
        let workbook = resolve(try reader.string("report"))
        guard let list = reader.value("boards") as? [Any], !list.isEmpty else {
            throw ConfigurationError("boards phải là danh sách các tổ chức cấp dưới, mỗi mục có name và public_key")
        }
        var boards: [TrustedBoard] = []
        for (index, item) in list.enumerated() {
            let at = "boards[\(index + 1)]"
            guard let table = item as? [String: Any] else { throw ConfigurationError("\(at) phải là một bảng khóa có name và public_key") }
            let unknown = Set(table.keys).subtracting(["name", "public_key"]).sorted()
            if !unknown.isEmpty { throw ConfigurationError("khóa không biết: \(unknown.map { at + "." + $0 }.joined(separator: ", "))") }
            guard let name = table["name"] as? String, !name.isEmpty else { throw ConfigurationError("thiếu khóa \(at).name") }
            guard let hex = (table["public_key"] as? String)?.trimmingCharacters(in: .whitespaces),
                  let key = Hex.decode(hex), key.count == Ed25519.publicKeyBytes else {
                throw ConfigurationError("\(at).public_key phải là 64 chữ số hex (tệp .pub do kiemdiem init-key --kind board-ed25519 ghi)")
            }
            let board = TrustedBoard(name: name, publicKey: key)
            if let twin = boards.first(where: { $0.key == board.key || $0.publicKey == key }) {
                throw ConfigurationError("\(at): \(name) trùng tên hoặc khóa với \(twin.name)")
            }
            boards.append(board)
        }
        var config = RollupConfig(year: year, superior: superior, inbox: inbox, workspace: workspace, workbook: workbook,
                                  boards: boards)
        let languageText = try reader.optionalString("language") ?? "vi"
        guard let language = MessageLanguage(rawValue: languageText) else {
            throw ConfigurationError("language phải là vi hoặc en, không phải \"\(languageText)\"")
        }
        config.language = language
        if let settle = try reader.optionalInt("settle_seconds", in: 0...86_400) { config.settleSeconds = Double(settle) }
        if let store = try reader.optionalString("store") {
            guard SharedStore.isPostgresURL(store) else {
                throw ConfigurationError("store phải là địa chỉ kho PostgreSQL dùng chung của các đảng ủy cấp dưới, "
                                         + "postgresql://người-dùng@máy-chủ/cơ-sở-dữ-liệu (không ghi mật khẩu ở đây)")
            }
            config.store = store
        }
        if let rulesTable = try reader.optionalTable("rules") {
            let rules = PipelineConfig.Keys(rulesTable, path: "rules.", schema: schema)
            if let percent = try rules.optionalInt("quota_percent", in: 1...100) { config.rules.quotaRatio = Double(percent) / 100 }
            if let rounding = try rules.optionalString("quota_rounding") {
                guard let value = QuotaRounding(rawValue: rounding) else {
                    throw ConfigurationError("rules.quota_rounding phải là exact hoặc floor, không phải \"\(rounding)\"")
                }
                config.rules.quotaRounding = value
            }
        }
        return config
    }
}
