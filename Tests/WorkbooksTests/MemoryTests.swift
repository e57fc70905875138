import Foundation
import KiemdiemCore
import Testing
@testable import Workbooks

/// Board scale is a few thousand members; 10,000 checks that writing them stays small (the
/// long sheets stream; here the rows still come from arrays held by the report). Linux only:
/// reads the peak RSS from /proc after resetting it.
@Suite struct MemoryTests {
    static func report(members count: Int) -> ConsolidatedReport {
        let cells = (1...40).map { index in
            CellSummary(partyCell: "Chi bộ số \(index)", submitted: count / 40, accepted: count / 40,
                        levels: [.excellent: 20, .good: 180, .satisfactory: 45, .unsatisfactory: 5])
        }
        let members = (0..<count).map { index in
            MemberRow(fullName: "Nguyễn Văn Thành \(index)", dateOfBirth: CivilDate(year: 1960 + index % 40, month: 1 + index % 12, day: 1 + index % 28),
                      partyCell: "Chi bộ số \(1 + index % 40)", partyCommittee: "Đảng bộ Khối Cơ quan tỉnh",
                      selfLevel: .good, cellProposal: .good, committeeLevel: .good, result: .good,
                      status: .final, file: "2025/Chi bo \(1 + index % 40)/dang-vien-\(index).docx")
        }
        let rejections = (0..<count / 10).map { index in
            RejectionRow(file: "loi-\(index).docx", code: .missingField, field: "member.date_of_birth",
                         reason: "Thiếu ngày sinh của đảng viên", fullName: "Trần Thị Hoa \(index)", partyCell: "Chi bộ số 3")
        }
        return ConsolidatedReport(year: 2025, organisation: "Đảng bộ Khối Cơ quan tỉnh", cells: cells, members: members,
                                  rejections: rejections, createdAt: 1_767_225_600)
    }

    /// Kilobytes from a `/proc/self/status` line such as `VmHWM:   12345 kB`.
    static func status(_ key: String) -> Int? {
        guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        for line in text.split(separator: "\n") where line.hasPrefix(key + ":") {
            return Int(line.dropFirst(key.count + 1).filter(\.isNumber))
        }
        return nil
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/proc/self/clear_refs")))
    func tenThousandMembersStayWellUnderBudget() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let report = Self.report(members: 10_000)
        // "5" resets the peak-RSS counter (VmHWM) to the current RSS.
        try "5".write(toFile: "/proc/self/clear_refs", atomically: false, encoding: .utf8)
        let before = try #require(Self.status("VmRSS"))
        let clock = ContinuousClock()
        let elapsed = try clock.measure {
            try WorkbookWriter.write(report, to: scratch.file("lon.xlsx"))
        }
        let peak = try #require(Self.status("VmHWM"))
        let size = try FileManager.default.attributesOfItem(atPath: scratch.file("lon.xlsx"))[.size] as? Int ?? 0
        // Other tests run in the same process concurrently, so this is an upper bound.
        print("10,000 members: RSS before \(before / 1024) MiB, peak \(peak / 1024) MiB (+\((peak - before) / 1024) MiB),"
              + " \(elapsed), file \(size / 1024) KiB")
        #expect(peak - before < 200 * 1024)
    }
}
