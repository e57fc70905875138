import Foundation
import KiemdiemCore
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
        let root: [String: Any]
        do {
            guard let loaded = try Yams.load(yaml: text) as? [String: Any] else {
                throw ConfigurationError("pipeline.yml phải là một bảng khóa: giá trị")
            }
            root = loaded
        } catch let error as ConfigurationError {
            throw error
        } catch {
            throw ConfigurationError("pipeline.yml không đúng cú pháp YAML: \(error)")
        }
        var reader = Keys(root, path: "")
        func resolve(_ p: String) -> String {
            p.hasPrefix("/") ? p : URL(fileURLWithPath: base).appendingPathComponent(p).standardizedFileURL.path
        }
        let inbox = resolve(try reader.string("inbox"))
        let workspace = resolve(try reader.string("workspace"))
        let year = try reader.int("year", in: 2018...2100)
        var report = Keys(try reader.table("report"), path: "report.")
        let workbook = resolve(try report.string("workbook"))
        let roster = try reader.optionalString("roster").map(resolve)
        let languageText = try report.optionalString("language") ?? "vi"
        guard let language = MessageLanguage(rawValue: languageText) else {
            throw ConfigurationError("report.language phải là vi hoặc en, không phải \"\(languageText)\"")
        }
        var config = PipelineConfig(inbox: inbox, workspace: workspace, year: year, workbook: workbook, language: language)
        config.roster = roster
        try OrganisationSettings.read(&reader, into: &config, resolve: resolve)
        config.perCell = try report.optionalBool("per_cell") ?? false
        config.identity = try Self.identity(&report)
        if let intakeTable = try reader.optionalTable("intake") {
            var intake = Keys(intakeTable, path: "intake.")
            if let settle = try intake.optionalInt("settle_seconds", in: 0...86_400) { config.settleSeconds = Double(settle) }
            if let bytes = try intake.optionalInt("max_file_bytes", in: 1...(1 << 34)) { config.limits.maxFileBytes = bytes }
            if let workers = try intake.optionalInt("workers", in: 1...64) { config.workers = workers }
            try intake.rejectUnknown()
        }
        if let limitsTable = try reader.optionalTable("limits") {
            var limits = Keys(limitsTable, path: "limits.")
            if let v = try limits.optionalInt("max_entry_bytes", in: 1...(1 << 34)) { config.limits.maxEntryBytes = v }
            if let v = try limits.optionalInt("max_total_inflated_bytes", in: 1...(1 << 36)) { config.limits.maxTotalInflatedBytes = v }
            if let v = try limits.optionalInt("max_ratio", in: 1...100_000) { config.limits.maxRatio = v }
            if let v = try limits.optionalInt("max_entries", in: 1...10_000_000) { config.limits.maxEntries = v }
            if let v = try limits.optionalInt("max_xml_depth", in: 8...100_000) { config.limits.maxXMLDepth = v }
            try limits.rejectUnknown()
        }
        if let rulesTable = try reader.optionalTable("rules") {
            var rules = Keys(rulesTable, path: "rules.")
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
            try rules.rejectUnknown()
        }
        if let auditTable = try reader.optionalTable("audit") {
            var audit = Keys(auditTable, path: "audit.")
            config.audit.keyFile = try audit.optionalString("key_file").map(resolve)
            try audit.rejectUnknown()
        }
        try report.rejectUnknown()
        try reader.rejectUnknown()
        return config
    }

    /// `report.organisation` (a name, or a table of `name` and `superior`), `report.place`,
    /// `report.signers` (`prepared_by`, `on_behalf_of`, `title`, `name`).
    static func identity(_ report: inout Keys) throws(ConfigurationError) -> ReportIdentity {
        var identity = ReportIdentity()
        if report.table["organisation"] is [String: Any] {
            var organisation = Keys(try report.table("organisation"), path: "report.organisation.")
            identity.organisation = try organisation.optionalString("name")
            identity.superior = try organisation.optionalString("superior")
            try organisation.rejectUnknown()
        } else {
            identity.organisation = try report.optionalString("organisation")
        }
        identity.place = try report.optionalString("place")
        if let table = try report.optionalTable("signers") {
            var signers = Keys(table, path: "report.signers.")
            identity.preparedBy = try signers.optionalString("prepared_by")
            identity.onBehalfOf = try signers.optionalString("on_behalf_of")
            identity.signerTitle = try signers.optionalString("title")
            identity.signedBy = try signers.optionalString("name")
            try signers.rejectUnknown()
        }
        return identity
    }

    /// The organisations block of pipeline.yml: `organisations:` (the file) and
    /// `organisation_rules:` (the inferred organisation rules, each off by default; docs/rules.md).
    enum OrganisationSettings {
        static func read(_ reader: inout Keys, into config: inout PipelineConfig,
                         resolve: (String) -> String) throws(ConfigurationError) {
            config.organisations = try reader.optionalString("organisations").map(resolve)
            guard let table = try reader.optionalTable("organisation_rules") else { return }
            var rules = Keys(table, path: "organisation_rules.")
            if let on = try rules.optionalBool("member_shares") { config.rules.organisationMemberShares = on }
            if let on = try rules.optionalBool("discipline_every_year") { config.rules.organisationDisciplineEveryYear = on }
            if let on = try rules.optionalBool("disciplined_units_every_year") { config.rules.disciplinedUnitsEveryYear = on }
            if let on = try rules.optionalBool("units_first_every_year") { config.rules.unitsBeforeOrganisationEveryYear = on }
            if let on = try rules.optionalBool("founding_every_year") { config.rules.foundingEveryYear = on }
            try rules.rejectUnknown()
        }
    }

    /// The organisations file read, `nil` when none is configured or it cannot be read (`run`
    /// refuses an unreadable one with 78 before this is asked).
    public func organisationTree() -> OrganisationTree? {
        organisations.flatMap { try? OrganisationsFile.load(path: $0) }
    }

    /// Typed access to one YAML table that remembers which keys were read, so a misspelt key is
    /// an error instead of a silently ignored setting.
    struct Keys {
        let table: [String: Any]
        let path: String
        var used: Set<String> = []

        init(_ table: [String: Any], path: String) {
            self.table = table
            self.path = path
        }

        mutating func value(_ key: String) -> Any? {
            used.insert(key)
            return table[key]
        }

        mutating func string(_ key: String) throws(ConfigurationError) -> String {
            guard let text = try optionalString(key) else { throw ConfigurationError("thiếu khóa \(path)\(key)") }
            return text
        }

        mutating func optionalString(_ key: String) throws(ConfigurationError) -> String? {
            guard let raw = value(key) else { return nil }
            if let text = raw as? String, !text.isEmpty { return text }
            throw ConfigurationError("\(path)\(key) phải là một chuỗi")
        }

        mutating func int(_ key: String, in range: ClosedRange<Int>) throws(ConfigurationError) -> Int {
            guard let number = try optionalInt(key, in: range) else { throw ConfigurationError("thiếu khóa \(path)\(key)") }
            return number
        }

        mutating func optionalInt(_ key: String, in range: ClosedRange<Int>) throws(ConfigurationError) -> Int? {
            guard let raw = value(key) else { return nil }
            guard let number = raw as? Int, range.contains(number) else {
                throw ConfigurationError("\(path)\(key) phải là số nguyên trong khoảng \(range.lowerBound)…\(range.upperBound)")
            }
            return number
        }

        mutating func optionalIntList(_ key: String) throws(ConfigurationError) -> [Int]? {
            guard let raw = value(key) else { return nil }
            guard let list = raw as? [Any], let numbers = list as? [Int] else {
                throw ConfigurationError("\(path)\(key) phải là một danh sách số nguyên")
            }
            return numbers
        }

        mutating func optionalBool(_ key: String) throws(ConfigurationError) -> Bool? {
            guard let raw = value(key) else { return nil }
            guard let flag = raw as? Bool else { throw ConfigurationError("\(path)\(key) phải là true hoặc false") }
            return flag
        }

        mutating func table(_ key: String) throws(ConfigurationError) -> [String: Any] {
            guard let table = try optionalTable(key) else { throw ConfigurationError("thiếu mục \(path)\(key)") }
            return table
        }

        mutating func optionalTable(_ key: String) throws(ConfigurationError) -> [String: Any]? {
            guard let raw = value(key) else { return nil }
            guard let table = raw as? [String: Any] else { throw ConfigurationError("\(path)\(key) phải là một bảng khóa") }
            return table
        }

        func rejectUnknown() throws(ConfigurationError) {
            let unknown = Set(table.keys).subtracting(used).sorted()
            if !unknown.isEmpty {
                throw ConfigurationError("khóa không biết: \(unknown.map { path + $0 }.joined(separator: ", "))")
            }
        }
    }
}
