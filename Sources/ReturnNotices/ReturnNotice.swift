import KiemdiemCore

/// "PHIẾU TRẢ LẠI BẢN KIỂM ĐIỂM": what one refused form's writer is told (README "Phiếu trả lại"):
/// who it is for, which file arrived when, each reason in the form's own words, and where to send
/// the corrected form, under the board's Party document header. A value: the writer
/// (`NoticeDocument`) makes it a one-page .docx.
public struct ReturnNotice: Sendable, Equatable {
    /// The header's left block, top down: the superior organisation and the board (`report.organisation`).
    public var organisation: [String]
    /// The place before the date on the right (`report.place`), or dots to fill in.
    public var place: String?
    /// The day the notice is made.
    public var date: CivilDate
    /// The review year.
    public var year: Int
    /// Whom it is addressed to.
    public var addressee: Addressee
    /// The chi bộ and đảng bộ the form names, as written.
    public var partyCell: String?
    public var partyCommittee: String?
    /// The file's name as received, escaped (DisplayName).
    public var file: String
    /// When the file was taken from the inbox ("2026-12-03T01:30:12+07:00"), as the store has it.
    public var arrivedAt: String?
    /// Each reason the form was refused (`Finding.returnReason`).
    public var reasons: [ReturnReason]
    /// Where the corrected form goes (`notices.return_to`).
    public var returnTo: String

    public enum Addressee: Sendable, Equatable {
        /// A member's own form: "đồng chí <name>".
        case member(String)
        /// A collective report (Mẫu 01): the chi ủy of the cell or the đảng bộ that sent it.
        case collective
        /// Nothing in the file names anyone: whoever sent it.
        case unknown
    }

    public init(organisation: [String], place: String?, date: CivilDate, year: Int, addressee: Addressee,
                partyCell: String?, partyCommittee: String?, file: String, arrivedAt: String?,
                reasons: [ReturnReason], returnTo: String) {
        self.organisation = organisation
        self.place = place
        self.date = date
        self.year = year
        self.addressee = addressee
        self.partyCell = partyCell
        self.partyCommittee = partyCommittee
        self.file = file
        self.arrivedAt = arrivedAt
        self.reasons = reasons
        self.returnTo = returnTo
    }

    /// The default of `notices.return_to`.
    public static let defaultReturnTo = "văn phòng cấp ủy (nơi đã nhận bản kiểm điểm), qua hộp thư nhận bản kiểm điểm của đợt"

    public static let title = "PHIẾU TRẢ LẠI BẢN KIỂM ĐIỂM"
    static let partyName = "ĐẢNG CỘNG SẢN VIỆT NAM"

    // MARK: - The notice's words

    /// "Quảng Trị, ngày 03 tháng 12 năm 2026", dots for a place not configured.
    var placeAndDate: String {
        "\(place.flatMap { $0.isEmpty ? nil : $0 } ?? "……………"), ngày \(two(date.day)) tháng \(two(date.month)) năm \(date.year)"
    }

    var subtitle: String { "Đợt kiểm điểm, đánh giá, xếp loại chất lượng năm \(year)" }

    /// "Kính gửi: đồng chí Nguyễn Văn An, Chi bộ Thôn 1".
    var salutation: String {
        let unit = [partyCell, partyCommittee].compactMap { $0 }.first
        switch addressee {
        case .member(let name):
            return "Kính gửi: đồng chí \(name)" + (unit.map { ", \($0)" } ?? "")
        case .collective:
            return "Kính gửi: " + (partyCell.map { "Chi ủy \($0)" } ?? partyCommittee.map { "Ban Thường vụ \($0)" } ?? "người gửi báo cáo")
        case .unknown:
            return "Kính gửi: người gửi tệp “\(file)”" + (unit.map { " (\($0))" } ?? "")
        }
    }

    var document: String {
        if case .collective = addressee { return "Báo cáo kiểm điểm tập thể" }
        return "Bản kiểm điểm"
    }

    /// What arrived, when, and that it was not received.
    var opening: String {
        let when = arrivedAt.map { " nhận lúc \(NoticeTime.shown($0))" } ?? ""
        let plural = reasons.count > 1 ? "các lý do" : "lý do"
        return "\(document) gửi qua tệp “\(file)”\(when) chưa được tiếp nhận vì \(plural) dưới đây. "
            + "Đề nghị sửa lại theo cột “Cần làm” rồi gửi lại."
    }

    var sendBack: String { "Nơi gửi lại bản đã sửa: \(returnTo)." }

    var closing: String {
        "Bản đã sửa được kiểm tra lại trong lượt xử lý tiếp theo; khi đã được tiếp nhận, phiếu này không còn giá trị. "
            + "Không cần gửi kèm phiếu này."
    }

    private func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
}

/// The store's arrival time ("2026-12-03T01:30:12+07:00") as a member reads it: "01:30 ngày 03/12/2026".
enum NoticeTime {
    static func shown(_ iso: String) -> String {
        let chars = Array(iso)
        guard chars.count >= 16, chars[4] == "-", chars[7] == "-", chars[10] == "T" else { return iso }
        let day = String(chars[8...9]), month = String(chars[5...6]), year = String(chars[0...3])
        return "\(String(chars[11...15])) ngày \(day)/\(month)/\(year)"
    }
}
