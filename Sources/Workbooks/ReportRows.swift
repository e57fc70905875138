/// The long lists of a report — `Đảng viên`, `Bị từ chối`, `Cảnh báo` — handed to the writer one
/// row at a time in sheet order, so that a workbook of any size is written without holding them.
/// `ConsolidatedReport` is the in-memory source; the nightly run reads them from the store.
///
/// A source may throw any error; the writer reports it as a `WorkbookError`.
public protocol ReportRows {
    /// Whether some member row names a committee: `Đảng viên` then has a `Đảng bộ` column,
    /// which must be known before its header row is written.
    var membersNameCommittee: Bool { get }
    func forEachMember(_ body: (MemberRow) throws -> Void) throws
    func forEachRejection(_ body: (RejectionRow) throws -> Void) throws
    func forEachWarning(_ body: (RejectionRow) throws -> Void) throws
}

extension ConsolidatedReport: ReportRows {
    public var membersNameCommittee: Bool { members.contains { $0.partyCommittee?.isEmpty == false } }
    public func forEachMember(_ body: (MemberRow) throws -> Void) throws { try members.forEach(body) }
    public func forEachRejection(_ body: (RejectionRow) throws -> Void) throws { try rejections.forEach(body) }
    public func forEachWarning(_ body: (RejectionRow) throws -> Void) throws { try warnings.forEach(body) }
}

/// Runs a source's row loop, keeping the writer's own errors and naming any other one.
func streamRows(of sheet: String, _ body: () throws -> Void) throws(WorkbookError) {
    do {
        try body()
    } catch let error as WorkbookError {
        throw error
    } catch {
        throw WorkbookError("\(sheet): không đọc được các dòng từ kho dữ liệu: \(error)", function: nil)
    }
}
