import KiemdiemCore
import OOXMLPackage
import ResultPackages
import Testing

/// A small package with every kind of content: a cell, Biểu 6F, an organisation with a check and a
/// finding, a member with a capped level, a refused file.
func samplePackage(board: String = "Đảng bộ xã Triệu Phong", year: Int = 2025) -> ResultPackage {
    let rule = RuleCitation(id: "quota", regulation: "QĐ 366-QĐ/TW", article: "Điều 11", confirmed: true,
                            vietnamese: "Tỷ lệ", english: "Quota")
    let organisation = OrganisationResult(
        organisation: Organisation(key: OrganisationKey.organisation(board), name: board, kind: .dangBoCoSo, type: .xa),
        year: year, selfLevel: .good, totalScore: 87.5,
        classification: Classification(level: .good, status: .final, basis: .committeeDecision, ruleset: .y2025),
        checks: [OrganisationCheck(rule: rule, outcome: .passed, detail: .share(counted: 3, of: 4, percent: 75))],
        findings: [Finding(.dateOrder, field: "organisation.level", severity: .warning,
                           detail: .order(.organisationBeforeUnits(pending: 2)))])
    let member = PackageMember(
        fullName: "Hồ Thị Thanh Tâm", dateOfBirth: CivilDate(year: 1988, month: 3, day: 9), partyCell: "Chi bộ Thôn 1",
        partyCommittee: board, selfLevel: .excellent, cellLevel: .excellent, committeeLevel: nil, level: .good,
        status: .provisional, basis: .rule, ruleset: .y2025,
        reasons: [LevelReason(rule: rule, detail: .capped(from: .excellent, to: .good))], file: "tam.docx",
        sha256: String(repeating: "a", count: 64), findings: [Finding(.levelCapped, field: "classification.level",
                                                                      detail: .capped(from: .excellent, to: .good))])
    let refused = PackageRejectedFile(file: "tep-rong.docx", sha256: String(repeating: "b", count: 64), fullName: nil,
                                      partyCell: nil, partyCommittee: nil, findings: [Finding(.emptyFile, field: "file")])
    var levels = LevelCounts()
    levels.good = 1
    return ResultPackage(
        board: BoardPart(year: year, name: board, key: OrganisationKey.organisation(board), ruleset: "2025",
                         program: "kiemdiem 0.1.0", asOf: "2025-12-31T22:05:09+07:00",
                         logs: [PackageLog(log: "rejections", lines: 1, headSha256: String(repeating: "c", count: 64))]),
        statistics: StatisticsPart(cells: [PackageCell(partyCell: "Chi bộ Thôn 1", partyCommittee: board, submitted: 2,
                                                       accepted: 1, rejected: 1, exempt: 0, levels: levels, unclassified: 0)],
                                   reviewCounts: PackageReviewCounts(required: 3, reviewed: 1, newlyAdmitted: 1, exempted: 0,
                                                                     suspended: 0, missing: 1),
                                   quota: []),
        organisations: [organisation], members: [member], rejected: [refused])
}

@Suite struct PackageFileTests {
    let key = Ed25519.generate()!
    var trusted: [TrustedBoard] { [TrustedBoard(name: "ĐẢNG BỘ XÃ TRIỆU PHONG", publicKey: key.publicKey)] }

    @Test func aPackageReadsBackAsWrittenAndIsDeterministic() throws {
        let package = samplePackage()
        let bytes = try PackageFile.write(package, privatePEM: key.privatePEM)
        #expect(try PackageFile.write(package, privatePEM: key.privatePEM) == bytes)
        let check = PackageFile.check(bytes, trusted: trusted, year: 2025)
        #expect(check.refusal == nil)
        #expect(check.package == package)
        #expect(check.board?.name == "ĐẢNG BỘ XÃ TRIỆU PHONG")
        #expect(check.sha256 == ContentDigest.sha256Hex(bytes))
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.split(separator: "\n").count == 7)
        #expect(text.hasPrefix(#"{"content":{"as_of":"2025-12-31T22:05:09+07:00""#))
    }

    /// Every single byte changed anywhere is refused, and never counted.
    @Test func anyChangedByteIsRefused() throws {
        let bytes = try PackageFile.write(samplePackage(), privatePEM: key.privatePEM)
        var codes: Set<FindingCode> = []
        for index in stride(from: 0, to: bytes.count, by: 7) {
            var changed = bytes
            changed[index] = changed[index] == UInt8(ascii: "1") ? UInt8(ascii: "2") : UInt8(ascii: "1")
            let check = PackageFile.check(changed, trusted: trusted, year: 2025)
            #expect(check.refusal != nil, "byte \(index)")
            check.refusal.map { _ = codes.insert($0.code) }
        }
        #expect(codes.contains(.packageTampered))
        #expect(codes.isSubset(of: [.packageTampered, .packageMalformed, .packageUnknownKey, .packageUnsigned]))
        // A digit inside the members part: that part's digest.
        let text = String(decoding: bytes, as: UTF8.self)
        let changed = Array(text.replacingOccurrences(of: "\"1988-03-09\"", with: "\"1988-03-08\"").utf8)
        let refusal = try #require(PackageFile.check(changed, trusted: trusted, year: 2025).refusal)
        #expect(refusal.code == .packageTampered)
        #expect(refusal.evidence == "phần members: SHA-256 khác bảng kê")
        #expect(refusal.message(.vi).contains("gửi lại bản gốc"))
        // Not decoding the members still checks their digest.
        #expect(PackageFile.check(changed, trusted: trusted, year: 2025, members: false).refusal?.code == .packageTampered)
        let light = PackageFile.check(bytes, trusted: trusted, year: 2025, members: false)
        #expect(light.refusal == nil && light.package?.members == [] && light.package?.rejected.count == 1)
    }

    @Test func unknownKeyUnsignedWrongYearOtherBoardAndDamageHaveTheirCodes() throws {
        let stranger = try #require(Ed25519.generate())
        let foreign = try PackageFile.write(samplePackage(), privatePEM: stranger.privatePEM)
        #expect(PackageFile.check(foreign, trusted: trusted, year: 2025).refusal?.code == .packageUnknownKey)

        let bytes = try PackageFile.write(samplePackage(), privatePEM: key.privatePEM)
        let lines = bytes.split(separator: 0x0A).map(Array.init)
        let unsigned: [UInt8] = lines.dropLast().flatMap { $0 + [0x0A] }
        #expect(PackageFile.check(unsigned, trusted: trusted, year: 2025).refusal?.code == .packageUnsigned)
        #expect(PackageFile.check(Array(bytes.dropLast(40)), trusted: trusted, year: 2025).refusal?.code == .packageMalformed)
        #expect(PackageFile.check([], trusted: trusted, year: 2025).refusal?.code == .packageMalformed)
        #expect(PackageFile.check(Array("PK\u{3}\u{4}\n".utf8), trusted: trusted, year: 2025).refusal?.code == .packageMalformed)

        let wrongYear = PackageFile.check(bytes, trusted: trusted, year: 2024)
        #expect(wrongYear.refusal?.code == .packageYearMismatch)
        #expect(wrongYear.refusal?.message(.vi).contains("năm của đợt: 2024") == true)

        let otherBoard = try PackageFile.write(samplePackage(board: "Đảng bộ xã Hải Lăng"), privatePEM: key.privatePEM)
        #expect(PackageFile.check(otherBoard, trusted: trusted, year: 2025).refusal?.code == .packageBoardMismatch)

        // The parts reordered under a valid manifest and signature.
        var swapped = lines
        swapped.swapAt(3, 4)
        #expect(PackageFile.check(swapped.flatMap { $0 + [UInt8(0x0A)] }, trusted: trusted, year: 2025).refusal?.code == .packageTampered)
    }
}
