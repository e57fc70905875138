import KiemdiemCore
import Testing
@testable import BatchRun

/// The organisations file, read like the roster: columns by name, a bad row a warning with its line.
@Suite struct OrganisationsFileTests {
    @Test func readsEachColumnAndWarnsOnABadRow() throws {
        let tree = OrganisationsFile.parse(CSVRows.parse("""
            TÊN TỔ CHỨC;loai to chuc;Trực thuộc;Loại hình;Ngày thành lập;Cấp quyết định;Xếp loại;Xếp loại lại;Bị kỷ luật;Ghi chú
            Đảng bộ xã A;đảng bộ cấp trên trực tiếp;;xã;01/07/2025;BTV Tỉnh ủy;HTTNV;;;
            CHI BỘ THÔN 1;Chi bộ cơ sở;Đảng bộ xã A;thôn;2020-01-05;BTV Đảng ủy xã A;HTXS;HTNV;có;
            Chi bộ Thôn 2;chi bộ gì đó;Đảng bộ xã A;;;;;;;
            """))
        #expect(tree.warnings.contains("dòng 1: cột không biết \"Ghi chú\", bỏ qua"))
        #expect(tree.warnings.contains { $0.hasPrefix("dòng 4: loại tổ chức \"chi bộ gì đó\" không đọc được") })
        #expect(tree.all.count == 2)
        let cell = try #require(tree[OrganisationKey.ofCell("Chi bộ Thôn 1")])
        #expect(cell.kind == .chiBoCoSo && cell.type == .thonToDanPho && cell.parentKey == OrganisationKey.ofCommittee("Đảng bộ xã A"))
        #expect(cell.decidedLevel == .excellent && cell.reclassifiedLevel == .satisfactory && cell.disciplined)
        #expect(cell.founded == CivilDate(year: 2020, month: 1, day: 5) && cell.line == 3)
        #expect(tree.children(of: OrganisationKey.ofCommittee("ĐẢNG BỘ XÃ A")).map(\.name) == ["CHI BỘ THÔN 1"])
        #expect(tree[OrganisationKey.ofCommittee("Đảng bộ xã A")]?.type == .xa)
    }
}
