/// The kind of a Party organisation in the tree (docs/rules.md "Tổ chức đảng"; HD 43 Mục 3).
public enum OrganisationKind: String, Sendable, Codable, CaseIterable {
    case chiBoTrucThuoc = "chi_bo_truc_thuoc"
    case chiBoCoSo = "chi_bo_co_so"
    case dangBoBoPhan = "dang_bo_bo_phan"
    case dangBoCoSo = "dang_bo_co_so"
    case dangBoCapTren = "dang_bo_cap_tren"

    public var vietnamese: String {
        switch self {
        case .chiBoTrucThuoc: return "Chi bộ trực thuộc"
        case .chiBoCoSo: return "Chi bộ cơ sở"
        case .dangBoBoPhan: return "Đảng bộ bộ phận"
        case .dangBoCoSo: return "Đảng bộ cơ sở"
        case .dangBoCapTren: return "Đảng bộ cấp trên trực tiếp"
        }
    }

    /// A chi bộ: its units are members; a đảng bộ's are its subordinate organisations.
    public var isCell: Bool { self == .chiBoTrucThuoc || self == .chiBoCoSo }

    /// "Chi bộ trực thuộc", "chi_bo_co_so", "ĐẢNG BỘ CƠ SỞ", "đảng bộ cấp trên trực tiếp của TCCSĐ"…
    public static func parse(_ text: String) -> OrganisationKind? {
        let folded = TextFolding.fold(text).replacingOccurrences(of: "_", with: " ")
        if folded.hasPrefix("chi bo truc thuoc") { return .chiBoTrucThuoc }
        if folded.hasPrefix("chi bo co so") { return .chiBoCoSo }
        if folded.hasPrefix("dang bo bo phan") { return .dangBoBoPhan }
        if folded.hasPrefix("dang bo co so") { return .dangBoCoSo }
        if folded.hasPrefix("dang bo cap tren") { return .dangBoCapTren }
        return nil
    }
}

/// The type of the unit an organisation leads (loại hình, as Biểu 7A counts them).
public enum OrganisationType: String, Sendable, Codable, CaseIterable {
    case xa, phuong, dacKhu = "dac_khu"
    case coQuanDang = "co_quan_dang"
    case coQuanHanhChinh = "co_quan_hanh_chinh"
    case suNghiep = "su_nghiep"
    case doanhNghiepNhaNuoc = "doanh_nghiep_nha_nuoc"
    case doanhNghiepCoPhan = "doanh_nghiep_co_phan"
    case doanhNghiepTuNhan = "doanh_nghiep_tu_nhan"
    case doanhNghiepVonNuocNgoai = "doanh_nghiep_von_nuoc_ngoai"
    case quanDoiCongAn = "quan_doi_cong_an"
    case thonToDanPho = "thon_to_dan_pho"
    case khac

    public var vietnamese: String {
        switch self {
        case .xa: return "Xã"
        case .phuong: return "Phường"
        case .dacKhu: return "Đặc khu"
        case .coQuanDang: return "Cơ quan Đảng, Mặt trận, đoàn thể"
        case .coQuanHanhChinh: return "Cơ quan hành chính"
        case .suNghiep: return "Đơn vị sự nghiệp"
        case .doanhNghiepNhaNuoc: return "Doanh nghiệp nhà nước"
        case .doanhNghiepCoPhan: return "Doanh nghiệp cổ phần"
        case .doanhNghiepTuNhan: return "Doanh nghiệp tư nhân"
        case .doanhNghiepVonNuocNgoai: return "Doanh nghiệp có vốn đầu tư nước ngoài"
        case .quanDoiCongAn: return "Quân đội, Công an"
        case .thonToDanPho: return "Thôn, tổ dân phố"
        case .khac: return "Loại hình khác"
        }
    }

    /// "xã", "Phường", "cơ quan hành chính", "sự nghiệp", "doanh nghiệp nhà nước", "su_nghiep"…
    public static func parse(_ text: String) -> OrganisationType? {
        let folded = TextFolding.fold(text).replacingOccurrences(of: "_", with: " ")
        if let exact = allCases.first(where: { $0.rawValue.replacingOccurrences(of: "_", with: " ") == folded }) { return exact }
        let table: [(String, OrganisationType)] = [
            ("xa", .xa), ("phuong", .phuong), ("thi tran", .phuong), ("dac khu", .dacKhu),
            ("co quan dang", .coQuanDang), ("mat tran", .coQuanDang), ("doan the", .coQuanDang),
            ("co quan hanh chinh", .coQuanHanhChinh), ("hanh chinh", .coQuanHanhChinh),
            ("don vi su nghiep", .suNghiep), ("co so su nghiep", .suNghiep), ("su nghiep", .suNghiep),
            ("doanh nghiep nha nuoc", .doanhNghiepNhaNuoc), ("doanh nghiep co phan", .doanhNghiepCoPhan),
            ("doanh nghiep tu nhan", .doanhNghiepTuNhan), ("doanh nghiep co von dau tu nuoc ngoai", .doanhNghiepVonNuocNgoai),
            ("doanh nghiep von nuoc ngoai", .doanhNghiepVonNuocNgoai), ("doanh nghiep", .doanhNghiepNhaNuoc),
            ("quan doi", .quanDoiCongAn), ("cong an", .quanDoiCongAn), ("thon", .thonToDanPho), ("to dan pho", .thonToDanPho),
            ("khac", .khac), ("loai hinh khac", .khac),
        ]
        return table.first { folded == $0.0 }?.1 ?? table.first { folded.hasPrefix($0.0) }?.1
    }
}

/// One Party organisation as the board knows it: from the forms (the chi bộ and đảng bộ each
/// names) and from the organisations file (`organisations:` in pipeline.yml), merged by key.
public struct Organisation: Sendable, Equatable, Codable {
    /// `OrganisationKey.organisation`: one key however the name is written.
    public var key: String
    /// The spelling to show: the organisations file's, else the first form's.
    public var name: String
    public var kind: OrganisationKind?
    public var parentKey: String?
    public var parentName: String?
    public var type: OrganisationType?
    public var founded: CivilDate?
    /// Who decides its level ("BTV Đảng ủy xã Triệu Phong").
    public var decidingBody: String?
    /// The levels the deciding body recorded in the organisations file: proposed (e.g. by a
    /// đảng ủy bộ phận), decided, and a later re-classification (Mẫu 03), with their dates.
    public var proposedLevel: Level?
    public var decidedLevel: Level?
    public var decidedOn: CivilDate?
    public var reclassifiedLevel: Level?
    public var reclassifiedOn: CivilDate?
    /// The organisation was disciplined in the year (a subordinate unit's discipline counts
    /// against the organisation above it).
    public var disciplined: Bool
    /// The line of the organisations file, `nil` for an organisation known from forms only.
    public var line: Int?

    public init(key: String, name: String, kind: OrganisationKind? = nil, parentKey: String? = nil,
                parentName: String? = nil, type: OrganisationType? = nil, founded: CivilDate? = nil,
                decidingBody: String? = nil, proposedLevel: Level? = nil, decidedLevel: Level? = nil,
                decidedOn: CivilDate? = nil, reclassifiedLevel: Level? = nil, reclassifiedOn: CivilDate? = nil,
                disciplined: Bool = false, line: Int? = nil) {
        self.key = key
        self.name = name
        self.kind = kind
        self.parentKey = parentKey
        self.parentName = parentName
        self.type = type
        self.founded = founded
        self.decidingBody = decidingBody
        self.proposedLevel = proposedLevel
        self.decidedLevel = decidedLevel
        self.decidedOn = decidedOn
        self.reclassifiedLevel = reclassifiedLevel
        self.reclassifiedOn = reclassifiedOn
        self.disciplined = disciplined
        self.line = line
    }
}

/// One organisation check of a year's rules and how it came out (docs/rules.md "Tổ chức đảng").
public struct OrganisationCheck: Sendable, Equatable, Codable {
    public enum Outcome: String, Sendable, Codable {
        /// The rule holds.
        case passed
        /// The rule does not hold: `allows` is the highest level it allows.
        case failed
        /// The facts the rule needs are not known (no members classified, no organisations file).
        case notEvaluated = "not_evaluated"
    }

    public var rule: RuleCitation
    public var outcome: Outcome
    public var allows: Level?
    /// The facts it was judged on (a share, a score, a count).
    public var detail: FindingDetail?

    public init(rule: RuleCitation, outcome: Outcome, allows: Level? = nil, detail: FindingDetail? = nil) {
        self.rule = rule
        self.outcome = outcome
        self.allows = allows
        self.detail = detail
    }

    /// "Đạt", "Không đạt: 3/4 (75 %) — tối đa HTTNV", "Chưa đủ dữ liệu".
    public func text(_ language: MessageLanguage) -> String {
        let vi = language == .vi
        let facts = detail.map { ": " + $0.text(language) } ?? ""
        switch outcome {
        case .passed: return (vi ? "Đạt" : "Passed") + facts
        case .failed:
            let cap = allows.map { vi ? " — tối đa \($0.abbreviation)" : " — at most \($0.abbreviation)" } ?? ""
            return (vi ? "Không đạt" : "Failed") + facts + cap
        case .notEvaluated: return vi ? "Chưa đủ dữ liệu" : "Not enough data"
        }
    }
}

/// An organisation's year: its levels kept apart (self-assessed on Mẫu 01, proposed, decided,
/// a re-classification overriding), its score, the result with its reasons, each check, and the
/// findings for the deciding body.
public struct OrganisationResult: Sendable, Equatable, Codable {
    public var organisation: Organisation
    public var year: Int
    public var selfLevel: Level?
    public var proposedLevel: Level?
    public var decidedLevel: Level?
    /// Mẫu 01 (2025): …/30, …/70 and …/100.
    public var generalScore: Double?
    public var taskScore: Double?
    public var totalScore: Double?
    public var classification: Classification
    public var checks: [OrganisationCheck]
    public var findings: [Finding]
    /// The Mẫu 01 the self-assessment was read from.
    public var reportFile: String?

    public init(organisation: Organisation, year: Int, selfLevel: Level? = nil, proposedLevel: Level? = nil,
                decidedLevel: Level? = nil, generalScore: Double? = nil, taskScore: Double? = nil,
                totalScore: Double? = nil, classification: Classification, checks: [OrganisationCheck] = [],
                findings: [Finding] = [], reportFile: String? = nil) {
        self.organisation = organisation
        self.year = year
        self.selfLevel = selfLevel
        self.proposedLevel = proposedLevel
        self.decidedLevel = decidedLevel
        self.generalScore = generalScore
        self.taskScore = taskScore
        self.totalScore = totalScore
        self.classification = classification
        self.checks = checks
        self.findings = findings
        self.reportFile = reportFile
    }
}
