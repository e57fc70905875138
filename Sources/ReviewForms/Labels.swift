import KiemdiemCore

/// The printed labels of the forms, folded (see `AlignedFold`: accents, case and đ folded), with
/// the variants people type: the one table of synonyms. Only this file knows the wording of the
/// forms; lines are compared after `bare` (list markers dropped) and whitespace collapsing.
enum Labels {
    /// A key without what people or writers put before a label: bullets, dashes, "+", boxes,
    /// list numbers made by Word or pandoc ("1.", "a)") stay for `HeadingNumber`.
    static func bare(_ key: String) -> String {
        guard let first = key.unicodeScalars.first, !(first.properties.isAlphabetic || (first.value >= 0x30 && first.value <= 0x39)) else {
            return key
        }
        return String(key.drop { !$0.isLetter && !$0.isNumber }.drop { $0 == " " })
    }

    /// How many Characters precede a label on its line: list markers, then a heading number
    /// ("II.", "2.", "a)") and the spaces after it.
    static func leadLength(_ chars: [Character]) -> Int {
        var i = 0
        while i < chars.count, !chars[i].isLetter { i += 1 }
        var j = i
        while j < chars.count, j - i < 5, chars[j].isLetter || chars[j].isNumber { j += 1 }
        guard j < chars.count, j > i, [".", ")", "-", "/"].contains(chars[j]) else { return i }
        let token = chars[i..<j]
        guard token.allSatisfy({ "ivx".contains($0) }) || token.allSatisfy(\.isNumber) || token.count == 1 else { return i }
        while j < chars.count, !chars[j].isLetter { j += 1 }
        return j
    }

    /// "(Ký, ghi rõ họ tên)", "(Xác lập thời điểm…)": a note in brackets, not a typed mark "(x)".
    static func isNote(_ key: String) -> Bool {
        guard key.hasPrefix("(") else { return false }
        return key.dropFirst().prefix { $0.isLetter }.count >= 2
    }

    static func isSignatureLabel(_ key: String) -> Bool {
        let bare = bare(key)
        return bare.hasPrefix(signature) || bare.hasPrefix("nguoi viet kiem diem")
    }

    /// The 2025 part B groups (HD 43): the label, its printed maximum, whether it is the total.
    static let scoreGroups: [(label: String, max: Double, isTotal: Bool)] = [
        ("nhom tieu chi chung", 30, false),
        ("nhom tieu chi ve ket qua thuc hien nhiem vu", 70, false),
        ("tong diem", 100, true),
    ]

    enum Identity: CaseIterable {
        case fullName, dateOfBirth, partyPosition, governmentPosition, massOrganisationPosition, workUnit, partyCell

        var variants: [String] {
            switch self {
            case .fullName: return ["ho va ten dang vien", "ho ten dang vien", "ho va ten", "ho, ten", "ho ten"]
            case .dateOfBirth: return ["ngay, thang, nam sinh", "ngay thang nam sinh", "ngay sinh", "sinh ngay", "nam sinh"]
            case .partyPosition: return ["chuc vu ve dang", "chuc vu trong dang", "chuc vu dang"]
            case .governmentPosition: return ["chuc vu chinh quyen, doan the", "chuc vu chinh quyen", "chuc vi chinh quyen"]
            case .massOrganisationPosition: return ["chuc vu doan the"]
            case .workUnit: return ["co quan, don vi cong tac", "don vi cong tac", "noi cong tac"]
            case .partyCell: return ["chi bo"]
            }
        }

        var field: String {
            switch self {
            case .fullName: return "member.full_name"
            case .dateOfBirth: return "member.date_of_birth"
            case .partyPosition: return "member.party_position"
            case .governmentPosition: return "member.government_position"
            case .massOrganisationPosition: return "member.mass_organisation_position"
            case .workUnit: return "member.work_unit"
            case .partyCell: return "party_cell"
            }
        }
    }

    /// Sections I–VII, by what their heading says after the number.
    enum Section: Int, CaseIterable, Comparable {
        case strengths = 1, shortcomings, remediation, explanations, collectiveResponsibility, improvementPlan, selfRating

        static func < (a: Section, b: Section) -> Bool { a.rawValue < b.rawValue }

        var roman: String { ["i", "ii", "iii", "iv", "v", "vi", "vii"][rawValue - 1] }

        var field: String {
            switch self {
            case .strengths: return "sections.strengths"
            case .shortcomings: return "sections.shortcomings"
            case .remediation: return "sections.remediation"
            case .explanations: return "sections.explanations"
            case .collectiveResponsibility: return "sections.collective_responsibility"
            case .improvementPlan: return "sections.improvement_plan"
            case .selfRating: return "self_assessment"
            }
        }

        /// Does a heading text (number already removed) open this section? `numbered` is true when
        /// the number was a Roman numeral matching the section, which allows shorter wordings.
        func matches(_ rest: String, romanMatches: Bool) -> Bool {
            switch self {
            case .strengths:
                return rest.hasPrefix("uu diem")
            case .shortcomings:
                return rest.hasPrefix("han che") && (romanMatches || rest.containsLabel("nguyen nhan"))
            case .remediation:
                return rest.hasPrefix("ket qua khac phuc")
            case .explanations:
                return rest.hasPrefix("giai trinh")
            case .collectiveResponsibility:
                // The collective report of 2025 prints V. "Trách nhiệm của tập thể, cá nhân".
                return rest.hasPrefix("lam ro trach nhiem") || rest.hasPrefix("trach nhiem cua tap the")
            case .improvementPlan:
                return rest.hasPrefix("phuong huong")
            case .selfRating:
                return rest.hasPrefix("tu nhan muc xep loai") || rest.hasPrefix("tu nhan xep loai")
                    || rest.hasPrefix("tu cham diem")
                    // 2025 (HD 43): part B, or its first item when part B's own title is left out.
                    || rest.hasPrefix("noi dung tu danh gia") || rest.hasPrefix("danh gia theo cac nhom tieu chi")
                    || rest.hasPrefix("de xuat xep loai muc chat luong")
                    || rest.hasPrefix("tu danh gia, xep loai") || rest.hasPrefix("tu xep loai")
                    || rest.hasPrefix("tu danh gia xep loai")
            }
        }
    }

    /// Sub-item headings printed by the template: a section holding only these is blank.
    static let templateSubItems = [
        "ve pham chat chinh tri", "ve tu tuong chinh tri", "ve thuc hien chuc trach", "ve ket qua thuc hien",
        "ve thuc hien nhiem vu", "ve chinh tri",
        "ket qua cong tac lanh dao", "trach nhiem trong cong viec", "trach nhiem neu guong",
        "viec thuc hien cam ket tu duong", "han che, khuyet diem", "nguyen nhan cua han che",
    ]

    static let ratingRow = "tu danh gia ve cap do thuc hien"
    static let civilServantLevel = ["xep loai can bo, cong chuc, vien chuc", "xep loai cong chuc, vien chuc",
                                    "xep loai can bo, cong chuc"]
    static let partyMemberLevel = ["xep loai dang vien", "de xuat xep loai muc chat luong", "tu xep loai",
                                   "tu nhan xep loai", "tu nhan muc xep loai", "xep loai chat luong dang vien"]
    static let signature = "nguoi tu kiem diem"
    static let cellComment = ["nhan xet, danh gia cua chi uy", "nhan xet, danh gia cua chi bo", "nhan xet cua chi bo",
                              "nhan xet, danh gia cua chi uy (chi bo)"]
    static let cellProposal = ["chi bo de xuat xep loai", "chi bo de nghi xep loai", "de xuat xep loai"]
    static let committeeDecision = ["dang uy, chi uy co so xep loai", "dang uy chi uy co so xep loai",
                                    "dang uy xep loai", "chi uy co so xep loai", "cap uy xep loai"]
    static let meetingDate = ["ngay hop kiem diem", "ngay hoi nghi kiem diem", "hop kiem diem ngay"]
    /// Titles printed above a signer's name, not the name itself.
    static let signerTitles: Set<String> = ["bi thu", "pho bi thu", "bi thu chi bo", "pho bi thu chi bo", "bi thu dang uy"]
    static let civilServantComment = ["nhan xet, danh gia cua nguoi quan ly, su dung cong chuc",
                                      "nhan xet, danh gia cua nguoi quan ly", "nhan xet cua thu truong"]
    static let civilServantAssessedLevel = ["muc xep loai chat luong cong chuc, vien chuc", "muc xep loai chat luong cong chuc",
                                    "xep loai chat luong cong chuc, vien chuc:"]
    static let headOfAgency = "thu truong co quan"
    static let cellSigner = "t/m chi uy"
    static let committeeSigner = "t/m dang uy"
    static let signatureNote = "xac lap thoi diem"
}

/// Strips a heading number ("I.", "II-", "1.", "a)", "2/") and returns the Roman numeral when
/// there was one.
enum HeadingNumber {
    static func split(_ key: String) -> (roman: String?, rest: String) {
        // Walks only the first few Characters (an Array of the whole line was built here before).
        var end = key.startIndex
        var i = 0
        while end < key.endIndex, key[end].isLetter || key[end].isNumber {
            key.formIndex(after: &end)
            i += 1
            if i > 5 { return (nil, key) }
        }
        guard i > 0, end < key.endIndex, [".", "-", ")", "/", ":", " "].contains(key[end]) else {
            return (nil, key)
        }
        let token = String(key[..<end])
        let isRoman = token.allSatisfy { "ivx".contains($0) }
        let isNumber = token.allSatisfy { $0.isNumber } || (token.count == 1 && token.first!.isLetter)
        guard isRoman || isNumber else { return (nil, key) }
        var j = end
        while j < key.endIndex, [".", "-", ")", "/", ":", " ", "\t"].contains(key[j]) { key.formIndex(after: &j) }
        return (isRoman ? token : nil, String(key[j...]))
    }

    /// The leading Arabic number of a sub-item line ("3. Kết quả…" → 3).
    static func arabic(_ key: String) -> Int? {
        var digits = ""
        for ch in key {
            if ch.isNumber { digits.append(ch) } else { break }
        }
        guard !digits.isEmpty, digits.count <= 2 else { return nil }
        let after = key.dropFirst(digits.count).first
        guard let after, [".", "-", ")", "/"].contains(after) else { return nil }
        return Int(digits)
    }
}
