import Foundation
import KiemdiemCore
import Ledger
import OOXMLPackage
import ReviewRules
import Yams

/// A configuration that cannot be used (exit 78): the message says which key and why.
public struct ConfigurationError: Error, CustomStringConvertible, Sendable {
    public var description: String
    public init(_ description: String) { self.description = description }
}

/// `audit:` in pipeline.yml.
public struct AuditSettings: Sendable {
    /// The HMAC key of the chain (`audit.key_file`), outside the workspace; `nil` = unkeyed chain.
    public var keyFile: String?

    public init(keyFile: String? = nil) { self.keyFile = keyFile }

    /// The key, read and checked, or `nil` when none is configured.
    public func key(workspace: String) throws(ConfigurationError) -> AuditKey? {
        try keyFile.map { path throws(ConfigurationError) in try AuditKey.load(path: path, workspace: workspace) }
    }
}

/// `report.organisation`, `report.place` and `report.signers` in pipeline.yml: who the workbook's
/// sheets say made them (docs/contract.md §5, "The Party document's frame"). Absent, the unit is
/// the committee most forms name and the other lines are left to fill in by hand.
public struct ReportIdentity: Sendable, Equatable {
    /// The unit ("Đảng ủy Khối Cơ quan và Doanh nghiệp tỉnh"): `organisation` or `organisation.name`.
    public var organisation: String?
    /// The line above it ("Đảng bộ tỉnh Quảng Trị"): `organisation.superior`.
    public var superior: String?
    public var place: String?
    /// `signers.prepared_by`: NGƯỜI LẬP BIỂU.
    public var preparedBy: String?
    /// `signers.on_behalf_of`: the body after "T/M" (default "Ban Thường vụ").
    public var onBehalfOf: String?
    /// `signers.title`: the signer's post ("Bí thư", "Phó Bí thư").
    public var signerTitle: String?
    /// `signers.name`.
    public var signedBy: String?

    public init() {}
}

/// `export:` in pipeline.yml: what `kiemdiem export` signs with and whom it reports for
/// (docs/contract.md §6).
public struct ExportSettings: Sendable {
    /// The board's Ed25519 private key (PEM, `kiemdiem init-key --kind board-ed25519`), outside
    /// the workspace.
    public var keyFile: String?
    /// The organisation the package reports for, as the superior's rollup.yml names it; by
    /// default the đảng bộ most forms name.
    public var board: String?

    public init(keyFile: String? = nil, board: String? = nil) {
        self.keyFile = keyFile
        self.board = board
    }
}

/// `notices:` in pipeline.yml: the return notices of refused forms (README "Phiếu trả lại").
public struct NoticeSettings: Sendable, Equatable {
    /// Where members send the corrected form (`notices.return_to`); `nil`: ReturnNotice's default.
    public var returnTo: String?

    public init(returnTo: String? = nil) { self.returnTo = returnTo }
}

/// pipeline.yml. Relative paths are relative to the file's own directory, so cron can run the
/// batch from anywhere.
public struct PipelineConfig: Sendable {
    public var inbox: String
    public var workspace: String
    public var year: Int
    public var settleSeconds: Double
    public var limits: PackageLimits
    public var workbook: String
    /// The language the writers (the rejection log, the workbook, `inspect --config`) word findings in.
    public var language: MessageLanguage
    public var rules: RuleOptions
    public var workers: Int
    /// The roster file (CSV or XLSX), when configured: exemptions, discipline, sick leave and the
    /// list of members who have not submitted.
    public var roster: String?
    /// The organisations file (CSV or XLSX, `organisations:`): kind, parent, type, founding date,
    /// deciding body and the body's levels of each organisation (docs/rules.md "Tổ chức đảng").
    public var organisations: String?
    /// Also write one workbook per party cell, for its secretary (`report.per_cell`).
    public var perCell = false
    /// The audit logs' keys (pipeline.yml `audit:`, docs/contract.md §4).
    public var audit = AuditSettings()
    /// Who the workbook says made it (`report.organisation`, `report.place`, `report.signers`).
    public var identity = ReportIdentity()
    /// The result package for the level above (pipeline.yml `export:`).
    public var export = ExportSettings()
    /// The return notices (`notices:`).
    public var notices = NoticeSettings()
    /// `store:` and `store_board:`: the board's schema in a shared PostgreSQL database; `nil`
    /// (the default) keeps the workspace's own `kiemdiem.sqlite`.
    public var sharedStore: SharedStore?

    public init(inbox: String, workspace: String, year: Int, workbook: String, settleSeconds: Double = 60,
                limits: PackageLimits = PackageLimits(), language: MessageLanguage = .vi, workers: Int = 2) {
        self.inbox = inbox
        self.workspace = workspace
        self.year = year
        self.workbook = workbook
        self.settleSeconds = settleSeconds
        self.limits = limits
        self.language = language
        self.rules = RuleOptions(batchYear: year)
        self.workers = workers
    }

    /// The run's rules: every year's book with `rules:` applied, resolved once.
    public var yearRules: YearRules { YearRules(options: rules) }

    public static func load(path: String) throws(ConfigurationError) -> PipelineConfig {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw ConfigurationError("không đọc được tệp cấu hình \(path)")
        }
        let base = URL(fileURLWithPath: path).deletingLastPathComponent().path
        return try parse(text, relativeTo: base)
    }

    public static func parse(_ text: String, relativeTo base: String) throws(ConfigurationError) -> PipelineConfig {
        let root = try top(text, file: "pipeline.yml")
        try rejectUnknownKeys(root)
        let reader = Keys(root, path: "")
        func resolve(_ p: String) -> String {
            p.hasPrefix("/") ? p : URL(fileURLWithPath: base).appendingPathComponent(p).standardizedFileURL.path
        }
        let inbox = resolve(try reader.string("inbox"))
        let workspace = resolve(try reader.string("workspace"))
        let year = try reader.int("year", in: 2018...2100)
        let report = Keys(try reader.table("report"), path: "report.")
        let workbook = resolve(try report.string("workbook"))
        let roster = try reader.optionalString("roster").map(resolve)
        let languageText = try report.optionalString("language") ?? "vi"
        guard let language = MessageLanguage(rawValue: languageText) else {
            throw ConfigurationError("report.language phải là vi hoặc en, không phải \"\(languageText)\"")
        }
        var config = PipelineConfig(inbox: inbox, workspace: workspace, year: year, workbook: workbook, language: language)
        config.roster = roster
        try OrganisationSettings.read(reader, into: &config, resolve: resolve)
        config.perCell = try report.optionalBool("per_cell") ?? false
        config.identity = try Self.identity(report)
        if let intakeTable = try reader.optionalTable("intake") {
            let intake = Keys(intakeTable, path: "intake.")
            if let settle = try intake.optionalInt("settle_seconds", in: 0...86_400) { config.settleSeconds = Double(settle) }
            if let bytes = try intake.optionalInt("max_file_bytes", in: 1...(1 << 34)) { config.limits.maxFileBytes = bytes }
            if let workers = try intake.optionalInt("workers", in: 1...64) { config.workers = workers }
        }
        if let limitsTable = try reader.optionalTable("limits") {
            let limits = Keys(limitsTable, path: "limits.")
            if let v = try limits.optionalInt("max_entry_bytes", in: 1...(1 << 34)) { config.limits.maxEntryBytes = v }
            if let v = try limits.optionalInt("max_total_inflated_bytes", in: 1...(1 << 36)) { config.limits.maxTotalInflatedBytes = v }
            if let v = try limits.optionalInt("max_ratio", in: 1...100_000) { config.limits.maxRatio = v }
            if let v = try limits.optionalInt("max_entries", in: 1...10_000_000) { config.limits.maxEntries = v }
            if let v = try limits.optionalInt("max_xml_depth", in: 8...100_000) { config.limits.maxXMLDepth = v }
        }
        if let rulesTable = try reader.optionalTable("rules") {
            let rules = Keys(rulesTable, path: "rules.")
            if let months = try rules.optionalInt("months_after_year_end", in: 0...24) { config.rules.monthsAfterYearEnd = months }
            if let link = try rules.optionalBool("civil_servant_link") { config.rules.civilServantLink = link }
            if let months = try rules.optionalInt("sick_leave_cap_months_after_2022", in: 1...12) {
                config.rules.sickLeaveCapMonthsAfter2022 = Double(months)
            }
            if let months = try rules.optionalInt("admission_months", in: 0...24) { config.rules.admissionMonths = months }
            if let percent = try rules.optionalInt("quota_percent", in: 1...100) { config.rules.quotaRatio = Double(percent) / 100 }
            if let rounding = try rules.optionalString("quota_rounding") {
                guard let value = QuotaRounding(rawValue: rounding) else {
                    throw ConfigurationError("rules.quota_rounding phải là exact hoặc floor, không phải \"\(rounding)\"")
                }
                config.rules.quotaRounding = value
            }
            if let bands = try rules.optionalIntList("score_bands_2025") {
                guard bands.count == 3, bands[0] > bands[1], bands[1] > bands[2], bands[2] > 0, bands[0] <= 100 else {
                    throw ConfigurationError("rules.score_bands_2025 phải là ba ngưỡng giảm dần, ví dụ [90, 70, 50]")
                }
                config.rules.scoreBands = bands.map(Double.init)
            }
        }
        if let noticesTable = try reader.optionalTable("notices") {
            let notices = Keys(noticesTable, path: "notices.")
            config.notices.returnTo = try notices.optionalString("return_to")
        }
        config.sharedStore = try SharedStore.read(reader)
        if let auditTable = try reader.optionalTable("audit") {
            let audit = Keys(auditTable, path: "audit.")
            config.audit.keyFile = try audit.optionalString("key_file").map(resolve)
        }
        if let exportTable = try reader.optionalTable("export") {
            let export = Keys(exportTable, path: "export.")
            config.export.keyFile = try export.optionalString("key_file").map(resolve)
            config.export.board = try export.optionalString("board")
        }
        return config
    }

    /// `report.organisation` (a name, or a table of `name` and `superior`), `report.place`,
    /// `report.signers` (`prepared_by`, `on_behalf_of`, `title`, `name`).
    static func identity(_ report: Keys) throws(ConfigurationError) -> ReportIdentity {
        var identity = ReportIdentity()
        if report.table["organisation"] is [String: Any] {
            let organisation = Keys(try report.table("organisation"), path: "report.organisation.")
            identity.organisation = try organisation.optionalString("name")
            identity.superior = try organisation.optionalString("superior")
        } else {
            identity.organisation = try report.optionalString("organisation")
        }
        identity.place = try report.optionalString("place")
        if let table = try report.optionalTable("signers") {
            let signers = Keys(table, path: "report.signers.")
            identity.preparedBy = try signers.optionalString("prepared_by")
            identity.onBehalfOf = try signers.optionalString("on_behalf_of")
            identity.signerTitle = try signers.optionalString("title")
            identity.signedBy = try signers.optionalString("name")
        }
        return identity
    }

    /// What `run`, `run --dry-run` and `status` need of the paths before they look at anything
    /// (exit 78, README "When a run fails"): the inbox exists and is a folder, and the inbox and
    /// the workspace do not overlap. An inbox that is the workspace, or lies in its processing/,
    /// archive/, rejected/ or logs/, would take the run's own files as uploads; a workspace inside
    /// the inbox would be read as uploads (subfolders are read). The inbox may sit elsewhere in
    /// the workspace (the bundled `workspace/inbox`).
    public func checkPaths() throws(ConfigurationError) {
        var info = stat()
        guard stat(inbox, &info) == 0 else {
            throw ConfigurationError("hộp thư đến \(DisplayName.escaped(inbox)) (khóa inbox) \(SystemError.text(errno)): "
                                     + "tạo thư mục đó, gắn lại ổ chia sẻ, hoặc sửa inbox trong pipeline.yml")
        }
        guard info.st_mode & S_IFMT == S_IFDIR else {
            throw ConfigurationError("hộp thư đến \(DisplayName.escaped(inbox)) (khóa inbox) không phải thư mục")
        }
        let box = Self.canonical(inbox), work = Self.canonical(workspace)
        func within(_ path: String, _ folder: String) -> Bool { path == folder || path.hasPrefix(folder == "/" ? "/" : folder + "/") }
        if box == work {
            throw ConfigurationError("inbox và workspace là cùng một thư mục (\(DisplayName.escaped(box))): đặt hộp thư đến ra ngoài, "
                                     + "ví dụ \(DisplayName.escaped(work))/inbox")
        }
        for folder in ["processing", "archive", "rejected", "logs"] where within(box, work + "/" + folder) {
            throw ConfigurationError("hộp thư đến \(DisplayName.escaped(box)) nằm trong \(folder)/ của thư mục làm việc: "
                                     + "lượt chạy sẽ nhận lại chính tệp của nó; đặt inbox ra ngoài \(folder)/")
        }
        if within(work, box) {
            throw ConfigurationError("thư mục làm việc \(DisplayName.escaped(work)) nằm trong hộp thư đến \(DisplayName.escaped(box)): "
                                     + "tệp đã lưu sẽ bị nhận lại như tệp mới; đặt workspace ra ngoài hộp thư")
        }
    }

    /// The path with links resolved as far as it exists (the rest appended as written), so two
    /// spellings of one folder compare equal.
    static func canonical(_ path: String) -> String {
        var head = URL(fileURLWithPath: path).standardizedFileURL.path
        var tail: [String] = []
        while head != "/" && !head.isEmpty {
            if let resolved = realpath(head, nil) {
                defer { free(resolved) }
                return ([String(cString: resolved)] + tail.reversed()).joined(separator: "/").replacingOccurrences(of: "//", with: "/")
            }
            tail.append((head as NSString).lastPathComponent)
            head = (head as NSString).deletingLastPathComponent
        }
        return "/" + tail.reversed().joined(separator: "/")
    }

    /// Where the store is, from the workspace folder and `store:`.
    public func storeLocation() -> StoreLocation {
        sharedStore.map { .postgres(url: $0.url, board: $0.board) }
            ?? .sqlite(path: URL(fileURLWithPath: workspace).appendingPathComponent("kiemdiem.sqlite").path)
    }

    /// The organisations block of pipeline.yml: `organisations:` (the file) and
    /// `organisation_rules:` (the inferred organisation rules, each off by default; docs/rules.md).
    enum OrganisationSettings {
        static func read(_ reader: Keys, into config: inout PipelineConfig,
                         resolve: (String) -> String) throws(ConfigurationError) {
            config.organisations = try reader.optionalString("organisations").map(resolve)
            guard let table = try reader.optionalTable("organisation_rules") else { return }
            let rules = Keys(table, path: "organisation_rules.")
            if let on = try rules.optionalBool("member_shares") { config.rules.organisationMemberShares = on }
            if let on = try rules.optionalBool("discipline_every_year") { config.rules.organisationDisciplineEveryYear = on }
            if let on = try rules.optionalBool("disciplined_units_every_year") { config.rules.disciplinedUnitsEveryYear = on }
            if let on = try rules.optionalBool("units_first_every_year") { config.rules.unitsBeforeOrganisationEveryYear = on }
            if let on = try rules.optionalBool("founding_every_year") { config.rules.foundingEveryYear = on }
        }
    }

    /// The organisations file read, `nil` when none is configured or it cannot be read (`run`
    /// refuses an unreadable one with 78 before this is asked).
    public func organisationTree() -> OrganisationTree? {
        organisations.flatMap { try? OrganisationsFile.load(path: $0) }
    }

    /// Every key pipeline.yml may hold, by table ("" is the top level). Checked before any value
    /// is read, so a misspelt key is named as unknown ("khóa không biết: report.workbok") rather
    /// than as the missing key it was meant to be (README, `pipeline.yml`).
    static let schema: [String: Set<String>] = [
        "": ["inbox", "workspace", "year", "roster", "organisations", "organisation_rules", "report", "intake", "limits",
             "rules", "audit", "export", "store", "store_board", "notices"],
        "report": ["workbook", "language", "per_cell", "organisation", "place", "signers"],
        "report.organisation": ["name", "superior"],
        "report.signers": ["prepared_by", "on_behalf_of", "title", "name"],
        "intake": ["settle_seconds", "max_file_bytes", "workers"],
        "limits": ["max_entry_bytes", "max_total_inflated_bytes", "max_ratio", "max_entries", "max_xml_depth"],
        "rules": ["months_after_year_end", "civil_servant_link", "sick_leave_cap_months_after_2022", "admission_months",
                  "quota_percent", "quota_rounding", "score_bands_2025"],
        "organisation_rules": ["member_shares", "discipline_every_year", "disciplined_units_every_year",
                               "units_first_every_year", "founding_every_year"],
        "audit": ["key_file"],
        "export": ["key_file", "board"],
        "notices": ["return_to"],
    ]

    /// The top table of a configuration file (pipeline.yml, rollup.yml), YAML errors said where, in Vietnamese.
    static func top(_ text: String, file: String) throws(ConfigurationError) -> [String: Any] {
        do {
            guard let loaded = try Yams.load(yaml: text) as? [String: Any] else {
                throw ConfigurationError("\(file) phải là một bảng khóa: giá trị")
            }
            return loaded
        } catch let error as ConfigurationError {
            throw error
        } catch {
            // libyaml's own words are English: say where, in ours.
            var place = ""
            if let error = error as? YamlError {
                switch error {
                case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _):
                    place = " ở dòng \(mark.line), cột \(mark.column)"
                case .duplicatedKeysInMapping(let duplicates, _):
                    place = ": khóa lặp lại \(duplicates.joined(separator: ", "))"
                default: break
                }
            }
            throw ConfigurationError("\(file) không đúng cú pháp YAML\(place) (thụt lề bằng dấu cách, mỗi dòng \"khóa: giá trị\")")
        }
    }

    static func rejectUnknownKeys(_ root: [String: Any], schema: [String: Set<String>] = schema) throws(ConfigurationError) {
        var unknown = Set(root.keys).subtracting(schema[""] ?? []).sorted()
        for (table, keys) in schema.sorted(by: { $0.key < $1.key }) where !table.isEmpty {
            // "report.signers" is root["report"]["signers"]; a value that is not a table (a
            // plain `organisation: name`) has no keys to check.
            var values: Any? = root
            for part in table.split(separator: ".") { values = (values as? [String: Any])?[String(part)] }
            guard let values = values as? [String: Any] else { continue }
            unknown += Set(values.keys).subtracting(keys).sorted().map { table + "." + $0 }
        }
        if !unknown.isEmpty { throw ConfigurationError("khóa không biết: \(unknown.joined(separator: ", "))") }
    }

    /// Typed access to one YAML table whose keys `schema` lists.
    struct Keys {
        let table: [String: Any]
        let path: String
        /// The keys of the file (`PipelineConfig.schema`, `RollupConfig.schema`).
        let schema: [String: Set<String>]

        init(_ table: [String: Any], path: String, schema: [String: Set<String>] = PipelineConfig.schema) {
            self.table = table
            self.path = path
            self.schema = schema
        }

        func value(_ key: String) -> Any? {
            precondition(schema[String(path.dropLast())]?.contains(key) == true, "\(path)\(key) is missing from the schema")
            return table[key]
        }

        func string(_ key: String) throws(ConfigurationError) -> String {
            guard let text = try optionalString(key) else { throw ConfigurationError("thiếu khóa \(path)\(key)") }
            return text
        }

        func optionalString(_ key: String) throws(ConfigurationError) -> String? {
            guard let raw = value(key) else { return nil }
            if let text = raw as? String, !text.isEmpty { return text }
            throw ConfigurationError("\(path)\(key) phải là một chuỗi")
        }

        func int(_ key: String, in range: ClosedRange<Int>) throws(ConfigurationError) -> Int {
            guard let number = try optionalInt(key, in: range) else { throw ConfigurationError("thiếu khóa \(path)\(key)") }
            return number
        }

        func optionalInt(_ key: String, in range: ClosedRange<Int>) throws(ConfigurationError) -> Int? {
            guard let raw = value(key) else { return nil }
            guard let number = raw as? Int, range.contains(number) else {
                throw ConfigurationError("\(path)\(key) phải là số nguyên trong khoảng \(range.lowerBound)…\(range.upperBound)")
            }
            return number
        }

        func optionalIntList(_ key: String) throws(ConfigurationError) -> [Int]? {
            guard let raw = value(key) else { return nil }
            guard let list = raw as? [Any], let numbers = list as? [Int] else {
                throw ConfigurationError("\(path)\(key) phải là một danh sách số nguyên")
            }
            return numbers
        }

        func optionalBool(_ key: String) throws(ConfigurationError) -> Bool? {
            guard let raw = value(key) else { return nil }
            guard let flag = raw as? Bool else { throw ConfigurationError("\(path)\(key) phải là true hoặc false") }
            return flag
        }

        func table(_ key: String) throws(ConfigurationError) -> [String: Any] {
            guard let table = try optionalTable(key) else { throw ConfigurationError("thiếu mục \(path)\(key)") }
            return table
        }

        func optionalTable(_ key: String) throws(ConfigurationError) -> [String: Any]? {
            guard let raw = value(key) else { return nil }
            guard let table = raw as? [String: Any] else { throw ConfigurationError("\(path)\(key) phải là một bảng khóa") }
            return table
        }
    }
}

/// A shared PostgreSQL store (README "A shared store for a province"; docs/contract.md "The store").
public struct SharedStore: Sendable, Equatable {
    /// A libpq connection URI, `postgresql://user@host:port/database`. No password here: libpq
    /// reads it from `~/.pgpass` or `PGPASSWORD`.
    public var url: String
    /// The board's name in the store: its schema is `kiemdiem_<board>`.
    public var board: String

    public init(url: String, board: String) {
        self.url = url
        self.board = board
    }

    /// Whether `store:` names a PostgreSQL server (a libpq URI), in pipeline.yml and rollup.yml alike.
    static func isPostgresURL(_ store: String) -> Bool {
        store.hasPrefix("postgresql://") || store.hasPrefix("postgres://")
    }

    static func read(_ reader: PipelineConfig.Keys) throws(ConfigurationError) -> SharedStore? {
        let store = try reader.optionalString("store")
        let board = try reader.optionalString("store_board")
        guard let store, store != "sqlite" else {
            if board != nil { throw ConfigurationError("store_board chỉ dùng cùng store: postgresql://… (kho dùng chung)") }
            return nil
        }
        guard isPostgresURL(store) else {
            throw ConfigurationError("store phải là sqlite (mặc định, tệp kiemdiem.sqlite trong thư mục làm việc) "
                                     + "hoặc địa chỉ kho PostgreSQL dùng chung postgresql://người-dùng@máy-chủ/cơ-sở-dữ-liệu")
        }
        guard let board else {
            throw ConfigurationError("thiếu khóa store_board: tên của đảng ủy này trong kho dùng chung (ví dụ store_board: xa_an_binh)")
        }
        guard StoreLocation.isValidBoard(board) else {
            throw ConfigurationError("store_board \"\(board)\" không dùng được: chỉ chữ thường không dấu a–z, chữ số và _, tối đa 32 ký tự")
        }
        return SharedStore(url: store, board: board)
    }
}
