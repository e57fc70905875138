import Foundation
import Testing
@testable import Workbooks

private let libreOfficePath = "/usr/bin/soffice"

/// A second, independent consumer: LibreOffice must open the workbook and export it.
/// (Opening in LibreOffice does not prove Excel will not repair the file — field notes §2.2
/// item 8 — but a refusal here would be a certain defect.)
@Suite(.enabled(if: FileManager.default.isExecutableFile(atPath: libreOfficePath), "LibreOffice not installed"),
       .timeLimit(.minutes(2)))
struct LibreOfficeTests {
    static let soffice = libreOfficePath
    /// Comma, double quote, UTF-8 (76), from line 1, …, cells as shown (so dates read dd/mm/yyyy).
    static let csvOptions = "44,34,76,1,,0,false,true,true,false,false"

    @Test func convertsToCSV() throws {
        let scratch = try ScratchDirectory()
        let profile = "/tmp/lo-profile-wb-\(getpid())-\(UUID().uuidString)"
        defer {
            scratch.remove()
            try? FileManager.default.removeItem(atPath: profile)
        }
        let workbook = scratch.file("tong-hop.xlsx")
        try WorkbookWriter.write(Fixtures.report, to: workbook)

        // By default LibreOffice exports only the first sheet.
        let first = try convert(workbook, options: Self.csvOptions, into: scratch.file("first"), profile: profile)
        let summary = try String(contentsOfFile: scratch.file("first/tong-hop.csv"), encoding: .utf8)
        #expect(first == 0)
        #expect(summary.contains("Chi bộ Tài chính – Kế hoạch"))
        #expect(summary.contains("Tổng cộng,25,22,3,1,3,13,3,1,1"))

        // Sheet index -1 (LibreOffice ≥ 7.2) writes every sheet to `<name>-<sheet>.csv`.
        let all = try convert(workbook, options: Self.csvOptions + ",-1", into: scratch.file("all"), profile: profile)
        #expect(all == 0)
        let members = try String(contentsOfFile: scratch.file("all/tong-hop-Đảng viên.csv"), encoding: .utf8)
        #expect(members.contains("Nguyễn Thị Ánh Tuyết,07/03/1985,Chi bộ Văn phòng"))
        #expect(members.contains("Hoàn thành xuất sắc nhiệm vụ"))
        // A literal "_x0041_" in an inline (streamed) string survives its escape.
        let rejected = try String(contentsOfFile: scratch.file("all/tong-hop-Bị từ chối.csv"), encoding: .utf8)
        #expect(rejected.contains("Mã _x0041_ giữ nguyên"))
    }

    private func convert(_ path: String, options: String, into directory: String, profile: String) throws -> Int32 {
        try WorkbookReader.run([
            Self.soffice, "--headless", "-env:UserInstallation=file://\(profile)",
            "--convert-to", "csv:Text - txt - csv (StarCalc):\(options)", "--outdir", directory, path,
        ]).status
    }
}
