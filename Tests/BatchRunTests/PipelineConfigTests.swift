import Foundation
import KiemdiemTestSupport
import Ledger
import Testing
@testable import BatchRun

@Suite struct PipelineConfigTests {
    @Test func theBundledConfigurationLoads() throws {
        let config = try PipelineConfig.load(path: packageRoot.appendingPathComponent("pipeline.yml").path)
        #expect(config.year == 2026)
        #expect(config.inbox.hasSuffix("/workspace/inbox"))
        #expect(config.roster?.hasSuffix("/Fixtures/demo-2026/danh-sach-dang-vien-2026.csv") == true)
        #expect(config.organisations?.hasSuffix("/Fixtures/demo-2026/danh-sach-to-chuc-2026.csv") == true)
        #expect(config.notices.returnTo?.hasPrefix("Văn phòng Đảng ủy xã Triệu Phong") == true)
        #expect(config.workbook.hasSuffix(".xlsx"))
        #expect(config.settleSeconds == 60)
    }

    @Test(arguments: [
        ("workspace: w\nyear: 2020\nreport:\n  workbook: x.xlsx\n", "inbox"),
        ("inbox: i\nworkspace: w\nyear: twenty\nreport:\n  workbook: x.xlsx\n", "year"),
        ("inbox: i\nworkspace: w\nyear: 2020\nreport:\n  workbook: x.xlsx\n  language: fr\n", "language"),
        ("inbox: i\nworkspace: w\nyear: 2020\nreport:\n  workbook: x.xlsx\nintake:\n  settle: 5\n", "intake.settle"),
        ("inbox: [\n", "YAML"),
        ("inbox: i\nworkspace: w\nyear: 2020\nreport:\n  workbook: x.xlsx\naudit:\n  key: k\n", "audit.key"),
        ("inbox: i\nworkspace: w\nyear: 2020\nreport:\n  workbook: x.xlsx\n  signers:\n    signer: A\n", "report.signers.signer"),
        ("inbox: i\nworkspace: w\nyear: 2020\nreport:\n  workbook: x.xlsx\n  organisation:\n    unit: A\n", "report.organisation.unit"),
        // Unknown keys are named before missing ones: the misspelling is what to fix.
        ("inbox: i\nyear: 2020\nreport:\n  workbok: x.xlsx\n", "khóa không biết: report.workbok"),
        ("inbox: i\nworkspace: w\nyear: 2020\nreport:\n  workbook: x.xlsx\ninbx: j\n", "khóa không biết: inbx"),
        ("inbox: i\nworkspace: w\nyear: 2020\nreport:\n  workbook: x.xlsx\n  language: [\n", "YAML ở dòng"),
        ("inbox: i\nworkspace: w\nyear: 2020\nreport:\n  workbook: x.xlsx\nnotices:\n  return: k\n", "notices.return"),
        ("inbox: i\nworkspace: w\nyear: 2020\nreport:\n  workbook: x.xlsx\nstore: postgresql://db/k\n", "store_board"),
        ("inbox: i\nworkspace: w\nyear: 2020\nreport:\n  workbook: x.xlsx\nstore: postgresql://db/k\nstore_board: Xã An Bình\n",
         "store_board \"Xã An Bình\""),
        ("inbox: i\nworkspace: w\nyear: 2020\nreport:\n  workbook: x.xlsx\nstore: mysql://db/k\nstore_board: a\n", "store phải là"),
        ("inbox: i\nworkspace: w\nyear: 2020\nreport:\n  workbook: x.xlsx\nstore_board: a\n", "store_board chỉ dùng"),
    ])
    func badConfigurationsNameTheKey(text: String, mentions: String) {
        #expect {
            _ = try PipelineConfig.parse(text, relativeTo: "/tmp")
        } throws: { error in
            "\(error)".contains(mentions)
        }
    }

    /// Who the workbook's sheets name (docs/contract.md §5.0): the unit as a name or with its
    /// superior, the place, the signers; none of them required.
    @Test func theBoardsNamePlaceAndSignersAreRead() throws {
        let base = "inbox: i\nworkspace: w\nyear: 2020\nreport:\n  workbook: x.xlsx\n"
        let plain = try PipelineConfig.parse(base + "  organisation: Đảng ủy xã Triệu Phong\n", relativeTo: "/tmp")
        #expect(plain.identity.organisation == "Đảng ủy xã Triệu Phong" && plain.identity.superior == nil)
        let full = try PipelineConfig.parse(base + """
              organisation:
                name: Đảng ủy xã Triệu Phong
                superior: Đảng bộ tỉnh Quảng Trị
              place: Triệu Phong
              signers:
                prepared_by: Lê Thị A
                on_behalf_of: Đảng ủy
                title: Bí thư
                name: Trần Văn B

            """, relativeTo: "/tmp")
        #expect(full.identity.superior == "Đảng bộ tỉnh Quảng Trị" && full.identity.place == "Triệu Phong")
        #expect(full.identity.preparedBy == "Lê Thị A" && full.identity.onBehalfOf == "Đảng ủy")
        #expect(full.identity.signerTitle == "Bí thư" && full.identity.signedBy == "Trần Văn B")
        let frame = ReportDocument.frame(full.identity, organisation: "ignored", year: 2020, rules: full.yearRules,
                                         createdAt: 1_607_385_600)  // 2020-12-08 UTC
        #expect(frame.leftLines == ["ĐẢNG BỘ TỈNH QUẢNG TRỊ", "ĐẢNG ỦY XÃ TRIỆU PHONG", "*"])
        #expect(frame.onBehalfHeading == "T/M ĐẢNG ỦY")
        #expect(frame.placeAndDate.hasPrefix("Triệu Phong, ngày ") && frame.placeAndDate.hasSuffix(" tháng 12 năm 2020"))
        #expect(frame.rulesNote?.contains("QĐ 132-QĐ/TW, HD 21-HD/BTCTW") == true)
        // Nothing configured: the đảng bộ the forms name, dots for the place.
        let none = ReportDocument.frame(ReportIdentity(), organisation: "Đảng bộ Khối", year: 2020, rules: full.yearRules,
                                        createdAt: 1_607_385_600)
        #expect(none.leftLines == ["ĐẢNG BỘ KHỐI", "*"] && none.placeAndDate.hasPrefix("......, ngày "))
        #expect(none.onBehalfHeading == "T/M BAN THƯỜNG VỤ")
    }

    /// `store:` defaults to the workspace's SQLite file; a postgresql URI with `store_board` is
    /// that board's schema in the shared store, and messages name it without its password.
    @Test func theStoreIsTheWorkspaceFileUnlessASharedOneIsNamed() throws {
        let base = "inbox: i\nworkspace: w\nyear: 2020\nreport:\n  workbook: x.xlsx\n"
        #expect(try PipelineConfig.parse(base, relativeTo: "/srv/kd").storeLocation() == .sqlite(path: "/srv/kd/w/kiemdiem.sqlite"))
        #expect(try PipelineConfig.parse(base + "store: sqlite\n", relativeTo: "/srv/kd").sharedStore == nil)
        let shared = try PipelineConfig.parse(base + "store: postgresql://kd:bimat@db.tinh/kiemdiem\nstore_board: xa_an_binh\n",
                                              relativeTo: "/srv/kd").storeLocation()
        #expect(shared == .postgres(url: "postgresql://kd:bimat@db.tinh/kiemdiem", board: "xa_an_binh"))
        #expect(shared.displayName == "postgresql://kd@db.tinh/kiemdiem (schema kiemdiem_xa_an_binh)")
    }

    /// `audit.key_file` resolves like every path, relative to the file; the key itself is read
    /// at the start of a run (and by verify-log), where a short or shared key is refused.
    @Test func theAuditKeyFileIsAPathOutsideTheWorkspace() throws {
        let config = try PipelineConfig.parse("inbox: i\nworkspace: w\nyear: 2020\nreport:\n  workbook: x.xlsx\naudit:\n  key_file: keys/audit.key\n",
                                              relativeTo: "/srv/kd")
        #expect(config.audit.keyFile == "/srv/kd/keys/audit.key")
        let root = try temporaryDirectory("key")
        defer { try? FileManager.default.removeItem(at: root) }
        let short = root.appendingPathComponent("short.key")
        try Data("abcd\n".utf8).write(to: short)
        chmod(short.path, 0o600)
        #expect(throws: ConfigurationError.self) { try AuditKey.load(path: short.path, workspace: "/nowhere") }
        let shared = root.appendingPathComponent("shared.key")
        try Data((String(repeating: "ab", count: 32) + "\n").utf8).write(to: shared)
        chmod(shared.path, 0o644)
        #expect { try AuditKey.load(path: shared.path, workspace: "/nowhere") } throws: { "\($0)".contains("chmod 600") }
        chmod(shared.path, 0o600)
        let key = try AuditKey.load(path: shared.path, workspace: "/nowhere")
        #expect(key.id.count == 16)
        #expect { try AuditKey.load(path: shared.path, workspace: root.path) } throws: { "\($0)".contains("ngoài thư mục làm việc") }
    }
}
