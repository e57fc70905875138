import KiemdiemCore

/// A made-up board's package, consistent in itself (its cells count its members, Biểu 6F its
/// roster), for the province-sized roll-up benchmark and the roll-up's kill test: written and
/// signed by the real `PackageFile.write`, so the roll-up reads exactly what an export writes.
/// Deterministic in its arguments.
public enum SyntheticPackage {
    public static func boardName(_ index: Int) -> String { "Đảng bộ xã Thử Nghiệm \(index)" }

    /// Board `index` with `members` members in chi bộ of 30; `revision` makes a newer package of
    /// the same board (a later store state, one more refused file).
    public static func make(board index: Int, members: Int, year: Int, revision: Int = 0) -> ResultPackage {
        var seed = UInt64(truncatingIfNeeded: index &* 7919 &+ revision &* 104_729 &+ 1)
        func next(_ bound: Int) -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((seed >> 33) % UInt64(bound))
        }
        let name = boardName(index)
        let boardKey = OrganisationKey.organisation(name)
        let ruleset = Ruleset(reviewYear: year)
        let cellCount = max(1, (members + 29) / 30)
        var cells: [PackageCell] = []
        var people: [PackageMember] = []
        var organisations: [OrganisationResult] = []
        var refused: [PackageRejectedFile] = []
        var boardLevels: [Level: Int] = [:]
        for c in 0..<cellCount {
            let cellName = "Chi bộ Thôn \(c + 1)"
            let size = min(30, members - c * 30)
            var levels = LevelCounts()
            for m in 0..<size {
                let roll = next(100)
                let level: Level = roll < 12 ? .excellent : roll < 80 ? .good : roll < 97 ? .satisfactory : .unsatisfactory
                levels[level] += 1
                let decided = next(10) < 8
                let file = "dv-\(index)-\(c + 1)-\(m + 1).docx"
                people.append(PackageMember(
                    fullName: "Đảng Viên \(index).\(c + 1).\(m + 1)",
                    dateOfBirth: CivilDate(year: 1950 + next(50), month: 1 + next(12), day: 1 + next(28)),
                    partyCell: cellName, partyCommittee: name, selfLevel: level, cellLevel: level,
                    committeeLevel: decided ? level : nil, level: level, status: decided ? .final : .provisional,
                    basis: decided ? .committeeDecision : .cellReview, ruleset: ruleset, reasons: [], file: file,
                    sha256: ContentDigest64.of(file), findings: []))
            }
            let rejected = next(20) == 0 ? 1 : 0
            if rejected == 1 {
                let file = "loi-\(index)-\(c + 1).docx"
                refused.append(PackageRejectedFile(file: file, sha256: ContentDigest64.of(file), fullName: nil, partyCell: cellName,
                                                   partyCommittee: name, findings: [Finding(.missingField, field: "signature")]))
            }
            cells.append(PackageCell(partyCell: cellName, partyCommittee: name, submitted: size + rejected, accepted: size,
                                     rejected: rejected, exempt: 0, levels: levels, unclassified: 0))
            let cellLevel: Level = next(5) == 0 ? .excellent : .good
            boardLevels[cellLevel, default: 0] += 1
            organisations.append(OrganisationResult(
                organisation: Organisation(key: OrganisationKey.ofCell(cellName), name: cellName, kind: .chiBoCoSo,
                                           parentKey: boardKey, parentName: name, type: .thonToDanPho),
                year: year, selfLevel: cellLevel, decidedLevel: cellLevel,
                classification: Classification(level: cellLevel, status: .final, basis: .committeeDecision, ruleset: ruleset)))
        }
        let boardLevel: Level = next(4) == 0 ? .excellent : .good
        organisations.insert(OrganisationResult(
            organisation: Organisation(key: boardKey, name: name, kind: .dangBoCoSo, type: .xa),
            year: year, decidedLevel: boardLevel,
            classification: Classification(level: boardLevel, status: .final, basis: .committeeDecision, ruleset: ruleset)),
            at: 0)
        for extra in 0..<revision {
            let file = "loi-\(index)-sua-\(extra + 1).docx"
            refused.append(PackageRejectedFile(file: file, sha256: ContentDigest64.of(file), fullName: nil, partyCell: nil,
                                               partyCommittee: nil, findings: [Finding(.emptyFile, field: "file")]))
        }
        let required = members + members / 50
        let board = BoardPart(year: year, name: name, key: boardKey, ruleset: ruleset.rawValue,
                              program: "kiemdiem \(ProgramVersion.current)",
                              asOf: "\(year + 1)-01-\(10 + min(revision, 18))T22:00:00+07:00",
                              logs: [PackageLog(log: "rejections", lines: refused.count, headSha256: ContentDigest64.of("r\(index)")),
                                     PackageLog(log: "audit", lines: members + refused.count, headSha256: ContentDigest64.of("a\(index)"))])
        return ResultPackage(
            board: board,
            statistics: StatisticsPart(cells: cells,
                                       reviewCounts: PackageReviewCounts(required: required, reviewed: members,
                                                                         newlyAdmitted: required - members, exempted: 0,
                                                                         suspended: 0, missing: 0),
                                       quota: []),
            organisations: organisations, members: people, rejected: refused)
    }
}

/// A 64-hex name for a made-up file: not a real digest of anything, only the right shape.
enum ContentDigest64 {
    static func of(_ text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        let part = String(hash, radix: 16)
        return String(repeating: String(repeating: "0", count: 16 - part.count) + part, count: 4)
    }
}
