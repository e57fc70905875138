import Foundation
import KiemdiemCore
import OOXMLPackage

/// Reads the organisations file named in pipeline.yml (`organisations:`): CSV or XLSX, read like
/// the roster (`RosterFile`): the first row names the columns, a bad row is a warning with its
/// line and is skipped, never fatal.
///
/// | column | meaning |
/// |---|---|
/// | `Tên tổ chức` / `name` | required: "Chi bộ Thôn 1", "Đảng bộ xã Triệu Phong" |
/// | `Loại tổ chức` / `kind` | chi bộ trực thuộc · chi bộ cơ sở · đảng bộ bộ phận · đảng bộ cơ sở · đảng bộ cấp trên trực tiếp |
/// | `Trực thuộc` / `parent` | the organisation directly above |
/// | `Loại hình` / `type` | xã, phường, đặc khu, cơ quan hành chính, sự nghiệp, doanh nghiệp nhà nước, … |
/// | `Ngày thành lập` / `founded` | dd/mm/yyyy or yyyy-mm-dd |
/// | `Cấp quyết định` / `deciding_body` | who decides its level |
/// | `Đề xuất xếp loại` / `proposed_level` | the level proposed (e.g. by a đảng ủy bộ phận) |
/// | `Cấp có thẩm quyền xếp loại` / `decided_level` | the level decided |
/// | `Ngày quyết định` / `decided_on` | |
/// | `Xếp loại lại` / `reclassified_level` | a later re-classification (Mẫu 03): overrides the decision |
/// | `Ngày xếp loại lại` / `reclassified_on` | |
/// | `Bị kỷ luật` / `disciplined` | có/x/1: the organisation was disciplined in the year |
public enum OrganisationsFile {
    enum Column: CaseIterable {
        case name, kind, parent, type, founded, decidingBody, proposed, decided, decidedOn, reclassified,
             reclassifiedOn, disciplined

        var names: [String] {
            switch self {
            case .name: return ["ten to chuc", "to chuc", "ten", "name"]
            case .kind: return ["loai to chuc", "cap to chuc", "kind"]
            case .parent: return ["truc thuoc", "to chuc cap tren", "cap tren", "parent"]
            case .type: return ["loai hinh", "type"]
            case .founded: return ["ngay thanh lap", "founded"]
            case .decidingBody: return ["cap quyet dinh", "cap co tham quyen", "deciding_body", "deciding body"]
            case .proposed: return ["de xuat xep loai", "de xuat", "proposed_level", "proposed"]
            case .decided: return ["cap co tham quyen xep loai", "quyet dinh xep loai", "xep loai", "decided_level", "decided"]
            case .decidedOn: return ["ngay quyet dinh", "ngay xep loai", "decided_on"]
            case .reclassified: return ["xep loai lai", "reclassified_level", "reclassified"]
            case .reclassifiedOn: return ["ngay xep loai lai", "reclassified_on"]
            case .disciplined: return ["bi ky luat", "ky luat", "disciplined"]
            }
        }
    }

    public static func load(path: String) throws(ConfigurationError) -> OrganisationTree {
        parse(try TableFile.rows(path: path, what: "danh sách tổ chức đảng"))
    }

    static func parse(_ rows: [[String]]) -> OrganisationTree {
        guard let header = rows.first else { return OrganisationTree(warnings: ["danh sách tổ chức trống"]) }
        var warnings: [String] = []
        let index = TableFile.columns(header, Column.allCases, names: \.names, warnings: &warnings)
        guard index[.name] != nil else {
            return OrganisationTree(warnings: warnings + ["dòng 1: thiếu cột Tên tổ chức"])
        }
        var organisations: [Organisation] = []
        for (offset, row) in rows.dropFirst().enumerated() {
            let line = offset + 2
            func value(_ column: Column) -> String? { TableFile.value(row, index[column]) }
            if TableFile.isBlank(row) { continue }
            guard let name = value(.name) else {
                warnings.append("dòng \(line): thiếu tên tổ chức, bỏ qua")
                continue
            }
            var problems: [String] = []
            func parsed<T>(_ column: Column, _ label: String, _ parse: (String) -> T?) -> T? {
                guard let text = value(column) else { return nil }
                if let value = parse(text) { return value }
                problems.append("\(label) \"\(text)\" không đọc được")
                return nil
            }
            let kind = parsed(.kind, "loại tổ chức", OrganisationKind.parse)
            let parent = value(.parent)
            var organisation = Organisation(key: OrganisationKey.organisation(name, kind: kind), name: name, kind: kind,
                                            parentKey: parent.map { OrganisationKey.organisation($0) }, parentName: parent,
                                            line: line)
            organisation.type = parsed(.type, "loại hình", OrganisationType.parse)
            organisation.founded = parsed(.founded, "ngày thành lập", { CivilDate(loose: $0) })
            organisation.decidingBody = value(.decidingBody)
            organisation.proposedLevel = parsed(.proposed, "đề xuất xếp loại", Level.parse)
            organisation.decidedLevel = parsed(.decided, "xếp loại", Level.parse)
            organisation.decidedOn = parsed(.decidedOn, "ngày quyết định", { CivilDate(loose: $0) })
            organisation.reclassifiedLevel = parsed(.reclassified, "xếp loại lại", Level.parse)
            organisation.reclassifiedOn = parsed(.reclassifiedOn, "ngày xếp loại lại", { CivilDate(loose: $0) })
            organisation.disciplined = parsed(.disciplined, "bị kỷ luật", TableFile.flag) ?? false
            if problems.isEmpty {
                organisations.append(organisation)
            } else {
                warnings.append("dòng \(line): \(problems.joined(separator: "; ")), bỏ qua dòng này")
            }
        }
        return OrganisationTree(organisations, warnings: warnings)
    }
}
