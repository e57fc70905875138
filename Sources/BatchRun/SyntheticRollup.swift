import Foundation
import OOXMLPackage
import ResultPackages

/// A made-up province for the roll-up benchmark (`kiemdiem bench-packages`, Benchmarks/
/// rollup.sh) and tests: `boards` boards of `members` members each, one key per board, their
/// packages written and signed by the real writer into `folder/inbox/`, and the `rollup.yml`
/// that trusts them (`folder/rollup.yml`, workspace `folder/workspace`).
public enum SyntheticRollup {
    @discardableResult
    public static func prepare(folder: String, boards: Int, members: Int, year: Int,
                               superior: String = "Tỉnh ủy Thử Nghiệm") throws -> String {
        let inbox = folder + "/inbox"
        try FileManager.default.createDirectory(atPath: inbox, withIntermediateDirectories: true)
        var yaml = """
            # Made by kiemdiem bench-packages: \(boards) boards × \(members) members.
            year: \(year)
            superior: \(superior)
            inbox: inbox
            workspace: workspace
            report: workspace/reports/tong-hop-cap-tren-\(year).xlsx
            settle_seconds: 0
            boards:

            """
        for index in 1...max(1, boards) {
            guard let key = Ed25519.generate() else { throw WorkspaceError("OpenSSL không tạo được khóa Ed25519") }
            let package = SyntheticPackage.make(board: index, members: members, year: year)
            let bytes = try PackageFile.write(package, privatePEM: key.privatePEM)
            let path = inbox + "/ket-qua-\(year)-\(index).\(ResultPackage.fileExtension)"
            guard FileManager.default.createFile(atPath: path, contents: Data(bytes)) else {
                throw WorkspaceError("không ghi được \(path)")
            }
            yaml += "  - name: \(SyntheticPackage.boardName(index))\n    public_key: \(Hex.encode(key.publicKey))\n"
        }
        let config = folder + "/rollup.yml"
        guard FileManager.default.createFile(atPath: config, contents: Data(yaml.utf8)) else {
            throw WorkspaceError("không ghi được \(config)")
        }
        return config
    }
}
