import KiemdiemCore

/// What makes a sheet a Party document (docs/contract.md §5, "The Party document's frame"): the
/// organisation header — the superior organisation, the unit and "*" on the left; "ĐẢNG CỘNG SẢN
/// VIỆT NAM" with place and date on the right — a note naming the rules applied, and the signature
/// block, "NGƯỜI LẬP BIỂU" beside "T/M <body>" with the signer's post and name. The names come from
/// pipeline.yml `report.organisation`, `report.place` and `report.signers`; absent ones leave a
/// line to fill in by hand.
public struct DocumentFrame: Sendable, Equatable {
    /// The organisation above the unit ("Đảng bộ tỉnh Quảng Trị"), the first line on the left.
    public var superior: String?
    /// The unit whose report this is ("Đảng ủy Khối Cơ quan và Doanh nghiệp tỉnh").
    public var unit: String?
    /// The place before the date ("Quảng Trị").
    public var place: String?
    /// The day the report is made, in the board's calendar.
    public var date: CivilDate?
    /// `NGƯỜI LẬP BIỂU`'s name.
    public var preparedBy: String?
    /// The body that signs, after "T/M" ("Ban Thường vụ").
    public var onBehalfOf: String
    /// The signer's post under it ("Bí thư").
    public var signerTitle: String?
    /// The signer's name.
    public var signedBy: String?
    /// The rules the counts follow (regulation, review year, quota), printed under the table.
    public var rulesNote: String?

    public static let defaultBody = "Ban Thường vụ"
    public static let partyName = "ĐẢNG CỘNG SẢN VIỆT NAM"
    public static let preparerHeading = "NGƯỜI LẬP BIỂU"
    public static let signatureHint = "(Ký, ghi rõ họ tên)"

    public init(superior: String? = nil, unit: String? = nil, place: String? = nil, date: CivilDate? = nil,
                preparedBy: String? = nil, onBehalfOf: String = DocumentFrame.defaultBody, signerTitle: String? = nil,
                signedBy: String? = nil, rulesNote: String? = nil) {
        self.superior = superior
        self.unit = unit
        self.place = place
        self.date = date
        self.preparedBy = preparedBy
        self.onBehalfOf = onBehalfOf
        self.signerTitle = signerTitle
        self.signedBy = signedBy
        self.rulesNote = rulesNote
    }

    /// The left block, top down: the superior and the unit in capitals, then "*"; a dotted line
    /// to write the unit on when neither is known.
    public var leftLines: [String] {
        let names = [superior, unit].compactMap { $0.map(DocumentFrame.capitals) }
        return (names.isEmpty ? [DocumentFrame.blankLine] : names) + ["*"]
    }

    /// A line left to fill in by hand.
    public static let blankLine = "................................"

    /// "Quảng Trị, ngày 03 tháng 12 năm 2026"; dots where the place or the date is not known, as a
    /// printed form leaves them.
    public var placeAndDate: String {
        func twoDigits(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        let day = date.map { twoDigits($0.day) } ?? "....."
        let month = date.map { twoDigits($0.month) } ?? "....."
        let year = date.map { String($0.year) } ?? "......"
        let when = "ngày \(day) tháng \(month) năm \(year)"
        guard let place, !place.isEmpty else { return "......, " + when }
        return "\(place), \(when)"
    }

    /// "T/M BAN THƯỜNG VỤ".
    public var onBehalfHeading: String { "T/M " + DocumentFrame.capitals(onBehalfOf) }

    /// Vietnamese capitals keep their marks ("Đảng ủy" → "ĐẢNG ỦY").
    static func capitals(_ text: String) -> String { text.uppercased() }
}
