// swift-tools-version: 6.0
import PackageDescription

// One target per stage of the batch (see docs/architecture.md in shared/); C libraries sit in
// their own system-library targets and are imported by exactly one wrapper module each.
let package = Package(
    name: "kiemdiem",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "kiemdiem", targets: ["kiemdiem"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        // System libraries (Debian -dev packages; see README "Requirements").
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        .systemLibrary(name: "CLibZip", pkgConfig: "libzip", providers: [.apt(["libzip-dev"])]),
        .systemLibrary(name: "CXlsxWriter", pkgConfig: "xlsxwriter", providers: [.apt(["libxlsxwriter-dev"])]),
        .systemLibrary(name: "COpenSSLCrypto", pkgConfig: "libcrypto", providers: [.apt(["libssl-dev"])]),
        // Linux system calls Swift's Glibc module does not declare (syncfs), header only.
        .systemLibrary(name: "CLinux"),

        // Domain vocabulary shared by every stage: findings, levels, the review form, text folding.
        .target(name: "KiemdiemCore", dependencies: [.target(name: "CLinux", condition: .when(platforms: [.linux]))]),
        // Stage 1a: bytes → parts (libzip, limits, file sniffing) and the safe XML reader (libxml2).
        .target(name: "OOXMLPackage", dependencies: ["KiemdiemCore", "CLibZip", "CLibXML2", "COpenSSLCrypto"]),
        // Stage 1b: WordprocessingML parts → blocks (paragraphs, tables), streaming.
        .target(name: "WordDocument", dependencies: ["KiemdiemCore", "OOXMLPackage"]),
        // Stage 2: blocks → ReviewForm.
        .target(name: "ReviewForms", dependencies: ["KiemdiemCore", "WordDocument"]),
        // Stages 3–4: validation and classification by ruleset year.
        .target(name: "ReviewRules", dependencies: ["KiemdiemCore"]),
        // Stage 5: report workbooks (libxlsxwriter).
        .target(name: "Workbooks", dependencies: ["KiemdiemCore", "CXlsxWriter"]),
        // The result package a board sends to the level above: its parts, signed (Ed25519 in OOXMLPackage).
        .target(name: "ResultPackages", dependencies: ["KiemdiemCore", "OOXMLPackage"]),
        // Return notices: a one-page .docx per refused form (libxml2's writer and libzip, through OOXMLPackage).
        .target(name: "ReturnNotices", dependencies: ["KiemdiemCore", "OOXMLPackage"]),
        // A PostgreSQL connection over libpq, loaded with dlopen on first use (LibPQ.swift), for a shared store.
        .target(name: "PostgresClient"),
        // The store: every submission, verdict, finding and level, per year (GRDB over SQLite,
        // or a board's schema in a shared PostgreSQL database).
        .target(name: "Ledger", dependencies: ["KiemdiemCore", "ReviewRules", "PostgresClient",
                                               .product(name: "GRDB", package: "GRDB.swift")]),
        // The nightly run and `inspect`: configuration, intake, lock, log, publishing.
        .target(name: "BatchRun", dependencies: [
            "KiemdiemCore", "OOXMLPackage", "WordDocument", "ReviewForms", "ReviewRules", "Workbooks", "Ledger", "ResultPackages", "ReturnNotices",
            .product(name: "Yams", package: "Yams"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        .executableTarget(name: "kiemdiem", dependencies: [
            "BatchRun", "KiemdiemCore",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
            .product(name: "Logging", package: "swift-log"),
        ]),

        // Helpers the test targets share (the package root, the built binary, child processes,
        // stored ZIPs); a regular target so that more than one test target can import it.
        .target(name: "KiemdiemTestSupport", path: "Tests/KiemdiemTestSupport"),
        .testTarget(name: "KiemdiemCoreTests", dependencies: ["KiemdiemCore", "KiemdiemTestSupport"]),
        .testTarget(name: "OOXMLPackageTests", dependencies: ["OOXMLPackage", "KiemdiemTestSupport"]),
        .testTarget(name: "WordDocumentTests", dependencies: ["WordDocument", "OOXMLPackage", "KiemdiemTestSupport"]),
        .testTarget(name: "ReviewFormsTests", dependencies: ["ReviewForms", "WordDocument", "OOXMLPackage"]),
        .testTarget(name: "ReviewRulesTests", dependencies: ["ReviewRules"]),
        .testTarget(name: "WorkbooksTests", dependencies: ["Workbooks"]),
        .testTarget(name: "ResultPackagesTests", dependencies: ["ResultPackages", "OOXMLPackage"]),
        .testTarget(name: "ReturnNoticesTests", dependencies: ["ReturnNotices", "OOXMLPackage", "KiemdiemTestSupport"]),
        .testTarget(name: "LedgerTests", dependencies: ["Ledger", "ReviewRules"]),
        .testTarget(name: "HostileTests", dependencies: ["BatchRun", "KiemdiemCore", "OOXMLPackage", "KiemdiemTestSupport"]),
        .testTarget(name: "BatchRunTests", dependencies: ["BatchRun", "Ledger", "KiemdiemTestSupport", "ResultPackages", "OOXMLPackage", "Workbooks", .product(name: "Logging", package: "swift-log")], exclude: ["read_workbook.py", "read_pdf.py"]),
    ],
    swiftLanguageModes: [.v6]
)
