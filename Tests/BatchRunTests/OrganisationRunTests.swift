import Foundation
import KiemdiemCore
import KiemdiemTestSupport
import Ledger
import Testing
@testable import BatchRun

/// A run over the two-level fixture (Fixtures/organisations, made by
/// Fixtures/generate/make_organisations.py): a đảng bộ xã with three chi bộ, and a đảng bộ cơ sở
/// with two chi bộ trực thuộc. The run records the seven organisations and the workbook gains
/// `Tổ chức đảng`, one row each with its levels kept apart, its score, each check and its reason.
@Suite(.serialized) struct OrganisationRunTests {
    func run() throws -> (root: URL, config: PipelineConfig) {
        let root = try temporaryDirectory("organisations")
        let inbox = root.appendingPathComponent("inbox")
        try FileManager.default.createDirectory(at: inbox, withIntermediateDirectories: true)
        let source = fixtures.appendingPathComponent("organisations/inbox")
        for name in try FileManager.default.contentsOfDirectory(atPath: source.path) {
            let copy = inbox.appendingPathComponent(name)
            try FileManager.default.copyItem(at: source.appendingPathComponent(name), to: copy)
            try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -600)], ofItemAtPath: copy.path)
        }
        var config = PipelineConfig(inbox: inbox.path, workspace: root.appendingPathComponent("workspace").path, year: 2025,
                                    workbook: root.appendingPathComponent("workspace/reports/tong-hop-2025.xlsx").path)
        config.organisations = fixtures.appendingPathComponent("organisations/danh-sach-to-chuc-2025.csv").path
        let result = NightlyRun(config: config, logger: quiet).run()
        #expect(result.status == .allAccepted, "\(result.message ?? "")")
        #expect(result.counts.accepted == 5)
        return (root, config)
    }

    @Test func theRunRecordsTheOrganisationsAndTheSheetShowsThem() throws {
        let (root, config) = try run()
        defer { try? FileManager.default.removeItem(at: root) }

        let ledger = try Ledger(path: root.appendingPathComponent("workspace/kiemdiem.sqlite").path)
        let stored = try ledger.organisations(year: 2025)
        #expect(stored.count == 7)
        let byName = Dictionary(uniqueKeysWithValues: stored.map { ($0.organisation.name, $0) })
        let xa = try #require(byName["Đảng bộ xã Triệu Phong"])
        #expect(xa.organisation.kind == .dangBoCapTren && xa.organisation.type == .xa)
        #expect(stored.filter { $0.organisation.parentKey == xa.organisation.key }.count == 3)
        let company = try #require(byName["Đảng bộ Công ty Cổ phần Cấp nước Quảng Trị"])
        #expect(company.organisation.kind == .dangBoCoSo)
        #expect(stored.filter { $0.organisation.parentKey == company.organisation.key }
            .allSatisfy { $0.organisation.kind == .chiBoTrucThuoc })

        // Thôn 1: self HTTNV, proposed HTTNV, decided HTXSNV, 88/100: the decision stays, the band conflicts.
        let thon1 = try #require(byName["Chi bộ Thôn 1"])
        #expect(thon1.selfLevel == .good && thon1.proposedLevel == .good && thon1.decidedLevel == .excellent)
        #expect(thon1.generalScore == 27 && thon1.taskScore == 61 && thon1.totalScore == 88)
        #expect(thon1.classification.level == .excellent && thon1.classification.status == .final)
        #expect(thon1.findings.contains { $0.code == .decisionConflictsWithRule && $0.rule?.id == "organisation.score-band" })
        #expect(thon1.findings.contains { $0.code == .quotaExceeded })
        // Thôn 3: 62/100, self HTTNV, not decided: provisional HTNV with its reason.
        let thon3 = try #require(byName["Chi bộ Thôn 3"])
        #expect(thon3.classification.level == .satisfactory && thon3.classification.status == .provisional)
        #expect(thon3.classification.reasons.first?.rule.id == "organisation.score-band")
        // The xã decided before two of its chi bộ: out of order (QĐ 366 Điều 12.2).
        #expect(xa.findings.contains { $0.code == .dateOrder })
        #expect(!company.findings.contains { $0.code == .dateOrder })

        let book = try NightlyRunTests().readWorkbook(config.workbook)
        let rows = book["rows"] as! [String: [[Any]]]
        let sheet = try #require(rows["Tổ chức đảng"])
        let (header, body) = table(sheet)
        #expect(Array(header.prefix(15)) == ["STT", "Tổ chức đảng", "Loại tổ chức", "Trực thuộc", "Loại hình", "Cấp quyết định",
                                             "Tự xếp loại", "Đề xuất", "Cấp có thẩm quyền xếp loại", "Kết quả", "Trạng thái",
                                             "Lý do", "Nhóm tiêu chí chung (/30)", "Kết quả thực hiện nhiệm vụ (/70)",
                                             "Tổng điểm (/100)"])
        #expect(header.contains { $0.hasPrefix("Kiểm tra: tổng điểm") } && header.last == "Cảnh báo")
        #expect(body.count == 7)
        func row(_ name: String) throws -> [String] {
            try #require(body.first { "\($0[1])" == name }).map { "\($0)" }
        }
        let t1 = try row("Chi bộ Thôn 1")
        #expect(t1[2] == "Chi bộ cơ sở" && t1[3] == "Đảng bộ xã Triệu Phong" && t1[4] == "Thôn, tổ dân phố")
        #expect(t1[6] == Level.good.vietnamese && t1[7] == Level.good.vietnamese && t1[8] == Level.excellent.vietnamese)
        #expect(t1[9] == Level.excellent.vietnamese && t1[10] == "Chính thức")
        #expect(t1[11].contains("giữ nguyên quyết định HTXSNV") && t1[11].contains("QĐ 366-QĐ/TW"))
        #expect(t1[12] == "27" && t1[13] == "61" && t1[14] == "88")
        let band = try #require(header.firstIndex { $0.hasPrefix("Kiểm tra: tổng điểm") })
        #expect(t1[band].hasPrefix("Không đạt: 88/100"))
        let t3 = try row("Chi bộ Thôn 3")
        #expect(t3[9] == Level.satisfactory.vietnamese && t3[10] == "Tạm thời" && t3[11].contains("HTTNV → HTNV"))
        // The organisation rows come one under the other, each under its parent.
        let names = body.map { "\($0[1])" }
        #expect(names.firstIndex(of: "Đảng bộ xã Triệu Phong")! < names.firstIndex(of: "Chi bộ Thôn 1")!)
    }

    /// The same organisation written two ways is one organisation in the store and the sheets.
    @Test func oneKeyAcrossSpellings() throws {
        let (root, config) = try run()
        defer { try? FileManager.default.removeItem(at: root) }
        // The Mẫu 01 of Thôn 1 writes "CHI BỘ THÔN 1", the organisations file "Chi bộ Thôn 1".
        let ledger = try Ledger(path: root.appendingPathComponent("workspace/kiemdiem.sqlite").path)
        let keys = try ledger.organisations(year: 2025).map(\.organisation.key)
        #expect(keys.filter { $0 == OrganisationKey.ofCell("CHI BỘ THÔN 1") }.count == 1)
        #expect(Set(keys).count == keys.count)
        let summary = try #require((try NightlyRunTests().readWorkbook(config.workbook)["rows"] as! [String: [[Any]]])["Tổng hợp"])
        #expect(table(summary).body.filter { OrganisationKey.cell("\($0[1])") == "thon 1" }.count <= 1)
    }
}
