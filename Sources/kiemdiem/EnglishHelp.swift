/// The help screens' texts in English (`--help --language en`); the Vietnamese ones are the
/// commands' own declarations. Keyed by command name, and by "command.option".
enum EnglishHelp {
    static let abstracts: [String: String] = [
        "kiemdiem": "Reads, checks and classifies Party members' review forms (.docx) and writes the Excel workbook.",
        "run": "The nightly batch: takes the settled uploads of the inbox, files them and rebuilds the workbook.",
        "inspect": "Reads and checks each file, touching no workspace.",
        "status": "What waits in the inbox, what a killed run left in processing/, the last run.",
        "report": "Rebuilds the workbook from the store, taking no new file.",
        "notices": "Rebuilds the return notices of refused forms from the store, taking no new file.",
        "verify-log": "Checks the logs against the anchors in the store: no line removed, edited, reordered or spliced in.",
        "init-key": "Makes a secret key file (default: the logs' HMAC key, audit.key_file; or the board's signing key).",
        "export": "Writes the year's signed result package for the level above (kiemdiem rollup).",
        "rollup": "The superior's roll-up: takes its boards' signed result packages and writes its workbook.",
        "recover": "Rebuilds the store from archive/, rejected/ and the logs when it is lost, empty or damaged.",
        "audit": "Queries the decision log (logs/audit.jsonl) across every review year in the store.",
    ]

    static let discussions: [String: String] = [
        "kiemdiem": """
            Reads Party members' year-end self-review forms (.docx), checks them against the rules \
            of the review year, classifies each member and writes the board's consolidated workbook.

            Nightly:        kiemdiem run --config pipeline.yml
            One file:       kiemdiem inspect --json form.docx
            """,
        "run": """
            Takes every settled .docx from the inbox named in pipeline.yml, reads, checks and \
            classifies it, records it in the workspace store, moves it to archive/ (accepted) or \
            rejected/ (refused, with its reasons in logs/rejections.jsonl), and rebuilds the year's \
            workbook from the store. Ends with one summary line on stderr; a progress bar is drawn \
            only when stderr is a terminal, and --verbose adds one line per file.

            Exit status: 0 every form accepted · 3 finished, some forms rejected · 69 store lost \
            (run kiemdiem recover) · 74 I/O error on the workspace, e.g. disk full (nothing lost; \
            the next run finishes the work) · 75 another run holds the lock · 78 configuration \
            error · 70 internal error.
            """,
        "inspect": """
            Reads, checks and classifies each FILE as the nightly run would, without touching any \
            workspace. With --json, prints one JSON object per file (JSON Lines, schema \
            kiemdiem.inspect/1) in argument order.

            Exit status: 0 all accepted · 3 some rejected · 66 a FILE does not exist.
            """,
        "status": """
            Prints what waits in the inbox, what a killed run left in processing/ (the next run \
            finishes it), whether the last run is running, finished (exit status, counts) or was \
            killed, and the free space on the workspace's disk. Reads only, also during a run.

            Exit status: 0 · 69 store lost · 74 disk nearly full or I/O error · 78 configuration \
            error (e.g. the inbox does not exist).
            """,
        "report": "Rebuilds the year's workbook from the store and publishes it atomically. Exit status: 0 · 74 I/O error · 75 a run holds the lock · 78 configuration error.",
        "notices": """
            Every refused form whose sender has sent nothing accepted since gets a one-page A4 .docx,             “PHIẾU TRẢ LẠI BẢN KIỂM ĐIỂM”: to whom, which file, when it arrived, each reason in the             form's own section with the text seen, what to do, and where to send the corrected form             (notices.return_to in pipeline.yml). The notices are in reports/tra-lai-<year>/<chi bộ>/             beside the workbook; the nightly run rebuilds them after the workbook too. A notice whose             sender's later form was accepted is removed from that folder; no other file is touched.

            Prints each notice's path. Exit status: 0 · 69 store lost · 74 I/O error · 75 a run holds             the lock · 78 configuration error.
            """,
        "verify-log": """
            Each line of the logs carries the SHA-256 of the line before it (prev_sha256) and, with \
            audit.key_file, its HMAC-SHA-256 (prev_hmac). The store keeps every line's hash and, \
            per append, the count and head. verify-log compares the file with the store and the \
            store with the file, and names the first line that differs. Note the head printed on \
            the summary line and check it later with --anchor LINES:HASH.

            Run it while no run is active. Exit status: 0 whole · 65 changed (first differing line) \
            · 78 configuration error.
            """,
        "init-key": """
            --kind audit-hmac (default): writes 32 random bytes (64 hex digits) to FILE with mode \
            600, never over an existing file. Keep it outside the workspace and name it in \
            pipeline.yml as audit.key_file. --kind board-ed25519: writes an Ed25519 private key \
            (PEM, mode 600) that signs the board's result packages (export.key_file), and its public \
            key (64 hex digits) to FILE.pub and stdout, for the superior's rollup.yml. \
            Exit status: 0 made · 73 not made (file exists, folder not writable).
            """,
        "export": """
            Writes one .kiemdiem file from the store: the board's organisation tree, every member's \
            and organisation's result with its findings, the counts (Tổng hợp, Biểu 6F), the logs' \
            heads, the ruleset and program version, and a manifest of SHA-256 digests signed with \
            the board's Ed25519 key (export.key_file). The same store gives the same bytes. By \
            default beside the workbook: ket-qua-<year>-<board>.kiemdiem. The package is also kept \
            in the store, the same bytes: from a shared store the superior's rollup takes it directly.

            Exit status: 0 written · 66 no form of the year in the store · 69 store lost · 74 I/O \
            error · 75 a run holds the lock · 78 configuration error (no or bad export.key_file).
            """,
        "rollup": """
            Takes every settled .kiemdiem file of rollup.yml's inbox, checks its Ed25519 signature \
            against the trusted boards' public keys, its SHA-256 manifest and its year, files it to \
            archive/<year>/<board>/ or rejected/<day>/ with its code (PACKAGE_TAMPERED, \
            PACKAGE_UNKNOWN_KEY, …), and writes the superior's workbook. The same bytes again count \
            once; a newer package of a board supersedes the older (both kept). With store: \
            postgresql://… in rollup.yml, the packages the boards exported into that shared store are \
            taken too, checked as files are.

            Exit status: 0 every package counted · 3 some refused (malformed, wrong year) · 65 some \
            not provably the board's (changed, unsigned, unknown key): call the board · 74 I/O \
            error or shared store unreachable (nothing lost) · 75 locked · 78 configuration error.
            """,
        "recover": """
            For exit status 69: the store kiemdiem.sqlite is missing, empty or damaged while \
            archive/ holds files. The damaged store is kept beside it; every file in archive/ and \
            rejected/ is read again in the order it was filed, the decisions re-derived, the log \
            checked, and the workbook rebuilt. No file is moved.

            Exit status: 0 rebuilt · 74 I/O error · 75 a run holds the lock · 78 configuration error.
            """,
        "audit": """
            Each event is one decision: accepted, rejected, same bytes again, superseded, level \
            capped, rule conflict, exempt, organisation classified or re-classified. Filters add \
            up; names match without accents, case or extra spaces.

            Exit status: 0 · 64 bad arguments · 74 store unreadable · 78 configuration error.
            """,
    ]

    static let options: [String: String] = [
        "run.config": "The pipeline.yml configuration file.",
        "run.verbose": "One line per file on stderr.",
        "run.dry-run": "Only read the inbox and say what tonight would decide for each file; move and write nothing.",
        "inspect.TỆP": "The .docx files to read.",
        "inspect.json": "Print the contract's JSON, one line per file.",
        "inspect.explain": "Add where each field was read.",
        "inspect.year": "The review year: forms of another year are refused (YEAR_MISMATCH).",
        "inspect.language": "Language of messages: vi or en (default: that of --config, else vi).",
        "inspect.roster": "The roster (CSV or XLSX): exemptions, discipline, sick leave.",
        "inspect.config": "Use the limits, rules, year and roster of this configuration (as the nightly run).",
        "status.config": "The pipeline.yml configuration file.",
        "report.config": "The pipeline.yml configuration file.",
        "notices.config": "The pipeline.yml configuration file.",
        "verify-log.config": "The pipeline.yml configuration file.",
        "verify-log.anchor": "A head noted earlier: the line count and the short hash of that line (e.g. 56:1a2b3c4d5e6f).",
        "init-key.kind": "The kind of key.",
        "init-key.TỆP": "The path of the key file to make.",
        "recover.config": "The pipeline.yml configuration file.",
        "export.config": "The pipeline.yml configuration file.",
        "export.year": "The review year of the package (default: pipeline.yml's year).",
        "export.out": "The package file to write.",
        "rollup.config": "The superior's rollup.yml.",
        "rollup.verbose": "One line per package on stderr.",
        "audit.config": "The pipeline.yml configuration file.",
        "audit.member": "The member's full name.",
        "audit.born": "Date of birth (YYYY-MM-DD or dd/mm/yyyy).",
        "audit.chi-bo": "The chi bộ (party cell).",
        "audit.dang-bo": "The đảng bộ (party committee).",
        "audit.year": "A review year, or a range (2019-2021).",
        "audit.code": "A finding code (e.g. LEVEL_CAPPED).",
        "audit.verdict": "accepted or rejected.",
        "audit.event": "An event name (docs/contract.md §4.2).",
        "audit.from": "From this recording date (YYYY-MM-DD), inclusive.",
        "audit.to": "Up to this recording date (YYYY-MM-DD), inclusive.",
        "audit.format": "table (default), jsonl, csv or xlsx.",
        "audit.output": "The .xlsx file to write (required with --format xlsx).",
        "audit.explain": "For each finding: evidence, place in the document, regulation and article.",
    ]
}
