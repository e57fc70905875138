import Foundation
import KiemdiemCore
import Ledger
import Logging
import OOXMLPackage
import ReviewRules

/// `logs/audit.jsonl` (docs/contract.md §4.2): every decision, once, one JSON object per event,
/// chained and anchored like the rejection log (`ChainedLog`). `rejections.jsonl` keeps its
/// meaning (one line per finding of a rejected form) for the consumers that read it; this log is
/// its sibling for auditors: accepted and rejected forms, supersessions, the same bytes again,
/// capped levels, decisions a rule overrode, exemptions, and organisations classified.
///
/// The events are made from the store when they are logged, so they say what the store says;
/// the lines are written and fsync'd, then one transaction records them in `audit_events`, marks
/// their decisions logged and anchors them. A kill in between leaves lines the store has not
/// anchored, recognised by their `event_id` on the next run (`recover`).
struct AuditLog {
    static let name = AuditedLog.audit.rawValue
    static let schema = "kiemdiem.audit/1"
    /// Decisions per write: a first run over an old store logs its whole history in pieces.
    static let chunk = 2000

    let chain: ChainedLog
    let ledger: Ledger

    init(workspace: Workspace, key: AuditKey?, ledger: Ledger) {
        chain = ChainedLog(name: Self.name, url: workspace.auditLog, key: key)
        self.ledger = ledger
    }

    /// One event and the line body it makes (without the chain fields).
    struct Event {
        var id: String
        var body: [(String, JSONValue)]
        var record: AuditEventRecord
    }

    /// The events of one decision: the arrival's own event, then what it implies.
    static func events(of decision: PendingDecision, time: String) -> [Event] {
        let submission = decision.submission
        var made: [Event] = []
        func add(_ id: String, _ event: String, _ findings: [Finding], extra: [(String, JSONValue)] = [],
                 recordedAt: String?, arrivedAt: String?, file: String, storedAs: String) {
            let ruleset = submission.ruleset ?? Ruleset(reviewYear: submission.year)
            let member: JSONValue = submission.kind == .collective || submission.fullName == nil ? .null : .object([
                ("full_name", .string(submission.fullName)), ("date_of_birth", .date(submission.dateOfBirth)),
            ])
            let cellKey = submission.partyCell.map(OrganisationKey.cell)
            let committeeKey = submission.partyCommittee.map(OrganisationKey.committee)
            var body: [(String, JSONValue)] = [
                ("schema", .string(schema)), ("event_id", .string(id)), ("event", .string(event)),
                ("run_id", .int(Int(decision.runID))), ("time", .string(time)), ("recorded_at", .string(recordedAt)),
                ("arrived_at", .string(arrivedAt)), ("year", .int(submission.year)), ("ruleset", .raw(submission.ruleset)),
                ("kind", .raw(submission.kind)), ("template", .raw(submission.template)), ("file", .string(file)),
                ("stored_as", .string(storedAs)), ("sha256", .string(submission.sha256)), ("member", member),
                ("party_committee", .string(submission.partyCommittee)), ("party_cell", .string(submission.partyCell)),
                ("committee_key", .string(committeeKey)), ("cell_key", .string(cellKey)),
                ("verdict", .string(submission.verdict.rawValue)), ("level", .raw(submission.level)),
                ("status", .string(submission.status.rawValue)), ("basis", .raw(submission.basis)),
            ]
            body += extra
            body.append(("findings", .array(findings.map { finding in
                let citation = RuleBook.citation(for: finding, ruleset: ruleset)
                return .object([
                    ("code", .string(finding.code.rawValue)), ("severity", .string(finding.severity.rawValue)),
                    ("field", .string(finding.field)), ("regulation", .string(citation?.regulation)),
                    ("article", .string(citation?.article)), ("location", .string(finding.location)),
                    ("evidence", .string(finding.evidence)), ("message", .string(finding.message(.vi))),
                ])
            })))
            let record = AuditEventRecord(
                eventID: id, event: event, runID: decision.runID, recordedAt: recordedAt ?? time, year: submission.year,
                submissionID: submission.id, fullName: submission.kind == .collective ? nil : submission.fullName,
                dateOfBirth: submission.dateOfBirth?.iso, memberKey: submission.memberKey, cellKey: cellKey,
                committeeKey: committeeKey, verdict: submission.verdict.rawValue, level: submission.level?.rawValue,
                codes: findings.map(\.code.rawValue), line: "")
            made.append(Event(id: id, body: body, record: record))
        }
        switch decision.source {
        case .arrival(let arrivalID, _, let originalName, let storedPath, let recordedAt, let claimedAt, let duplicateOf):
            let id = "a\(arrivalID)"
            let arrivedAt = claimedAt
            if let first = duplicateOf {
                add(id, "duplicate", [], extra: [("duplicate_of", .string(first))], recordedAt: recordedAt,
                    arrivedAt: arrivedAt, file: originalName, storedAs: storedPath)
                return made
            }
            // The supersession is its own event, logged when it happens.
            let findings = submission.findings.filter { $0.code != .duplicateSubmission }
            add(id, submission.verdict.rawValue, findings, recordedAt: recordedAt, arrivedAt: arrivedAt,
                file: originalName, storedAs: storedPath)
            guard submission.verdict == .accepted else { return made }
            let capped = findings.filter { $0.code == .levelCapped }
            if !capped.isEmpty {
                add(id + "/level_capped", "level_capped", capped, recordedAt: recordedAt, arrivedAt: arrivedAt,
                    file: originalName, storedAs: storedPath)
            }
            // The committee decided a level a rule does not allow: the decision stands, the
            // conflict is logged (docs/rules.md "The result: the competent body decides").
            let conflicts = findings.filter { $0.code == .decisionConflictsWithRule }
            if !conflicts.isEmpty, let decided = submission.committeeLevel {
                add(id + "/rule_conflict", "rule_conflict", conflicts,
                    extra: [("decided_level", .string(decided.rawValue))], recordedAt: recordedAt,
                    arrivedAt: arrivedAt, file: originalName, storedAs: storedPath)
            }
            let exempt = findings.filter { $0.code == .exemptMember }
            if !exempt.isEmpty {
                add(id + "/exempt", "exempt", exempt, recordedAt: recordedAt, arrivedAt: arrivedAt, file: originalName,
                    storedAs: storedPath)
            }
            if submission.kind == .collective {
                let event = decision.organisationClassifiedBefore ? "organisation_reclassified" : "organisation_classified"
                add(id + "/" + event, event, [], recordedAt: recordedAt, arrivedAt: arrivedAt, file: originalName,
                    storedAs: storedPath)
            }
        case .supersession(let winner):
            add("s\(submission.id ?? 0)/superseded", "superseded", submission.findings.filter { $0.code == .duplicateSubmission },
                extra: [("superseded_by", .string(winner))], recordedAt: nil, arrivedAt: nil,
                file: submission.originalName, storedAs: submission.storedPath)
        }
        return made
    }

    /// The store's index entry of one line of the log, read back from the line itself (`recover`),
    /// `nil` for a line that is not an event of this log.
    static func record(line: Data) -> AuditEventRecord? {
        guard let object = (try? JSONSerialization.jsonObject(with: line)) as? [String: Any],
              object["schema"] as? String == schema,
              let id = object["event_id"] as? String, let event = object["event"] as? String,
              let runID = (object["run_id"] as? NSNumber)?.int64Value, let year = (object["year"] as? NSNumber)?.intValue
        else { return nil }
        let member = object["member"] as? [String: Any]
        let findings = object["findings"] as? [[String: Any]] ?? []
        return AuditEventRecord(
            eventID: id, event: event, runID: runID,
            recordedAt: object["recorded_at"] as? String ?? object["time"] as? String ?? "", year: year,
            submissionID: nil, fullName: member?["full_name"] as? String, dateOfBirth: member?["date_of_birth"] as? String,
            memberKey: nil, cellKey: object["cell_key"] as? String, committeeKey: object["committee_key"] as? String,
            verdict: object["verdict"] as? String, level: object["level"] as? String,
            codes: findings.compactMap { $0["code"] as? String }, line: String(decoding: line, as: UTF8.self))
    }

    /// Logs every decision not yet logged, a chunk per write.
    func logPending(time: String, runID: Int64) throws(WorkspaceError) {
        while true {
            let pending = try wrap { try ledger.pendingDecisions(limit: Self.chunk) }
            guard !pending.isEmpty else { return }
            let events = pending.flatMap { Self.events(of: $0, time: time) }
            let anchored = try wrap { try ledger.logHead(Self.name).lines }
            let written = try chain.append(events.map(\.body), anchored: anchored, runID: runID, time: time)
            let records = zip(events, written.lines).map { event, line in
                var record = event.record
                record.line = line
                return record
            }
            try wrap { try ledger.recordAudit(records, decisions: pending, appended: written.appended) }
        }
    }

    func head() throws(WorkspaceError) -> LogHead {
        let head = try wrap { try ledger.logHead(Self.name) }
        return LogHead(log: Self.name, lines: head.lines, sha256: head.sha256)
    }

    /// After a kill between a write and its store transaction: the lines after the store's head
    /// whose `event_id` belongs to the first pending chunk are recorded as they are, the chunk's
    /// other events appended, and the whole chunk marked logged, once (see `RejectionLog.recover`).
    func recover(time: String, runID: Int64, logger: Logger) throws(WorkspaceError) {
        guard FileManager.default.fileExists(atPath: chain.url.path) else { return }
        try ChainedLog.truncateUnfinishedLine(chain.url, logger: logger)
        let head = try wrap { try ledger.logHead(Self.name) }
        let pending = try wrap { try ledger.pendingDecisions(limit: Self.chunk) }
        let events = pending.flatMap { Self.events(of: $0, time: time) }
        let ids = Set(events.map(\.id))
        let eventID = { (line: Data) in ((try? JSONSerialization.jsonObject(with: line)) as? [String: Any])?["event_id"] as? String }
        let split = ChainedLog.unanchoredTail(chain.url, head: head, atMost: events.count) { eventID($0).map(ids.contains) ?? false }
        if split.headMissing {
            logger.warning("nhật ký quyết định: không thấy dòng cuối kho dữ liệu đã neo ở cuối tệp; kiemdiem verify-log sẽ báo chỗ khác")
        }
        var found: [String: String] = [:]
        var caughtUp: [String] = []
        for line in split.unanchored {
            guard let id = eventID(line), ids.contains(id) else {
                logger.warning("nhật ký quyết định: có dòng không do kiemdiem ghi sau dòng cuối đã neo; kiemdiem verify-log sẽ báo")
                break
            }
            found[id] = String(decoding: line, as: UTF8.self)
            caughtUp.append(ContentDigest.sha256Hex(Array(line)))
        }
        guard !found.isEmpty else {
            // Nothing of the chunk was written: the ordinary logging writes it.
            if !split.adopted.isEmpty {
                try wrap { try ledger.anchor(chain.anchor(split.adopted, anchored: head.lines, runID: runID, time: time)) }
            }
            return
        }
        let before = split.adopted + caughtUp
        let rest = events.filter { found[$0.id] == nil }
        let written = try chain.append(rest.map(\.body), anchored: head.lines + before.count, runID: runID, time: time)
        var newLines = written.lines.makeIterator()
        let records = events.map { event in
            var record = event.record
            record.line = found[event.id] ?? newLines.next() ?? ""
            return record
        }
        logger.info("nhật ký quyết định: hoàn tất dòng của lượt chạy bị ngắt", metadata: ["already": "\(found.count)"])
        let appended = chain.anchor(before + written.appended.lineHashes, anchored: head.lines, runID: runID, time: time)
        try wrap { try ledger.recordAudit(records, decisions: pending, appended: appended) }
    }
}
