import Glibc

/// libpq's functions, loaded with `dlopen` when the first connection is made, not linked.
///
/// Linked, libpq brought twenty more shared libraries (Kerberos, LDAP, GnuTLS, SASL, …) into
/// every start of the program, including the nightly runs and the thousands of `inspect` calls
/// of a board that never uses a shared store: 5 ms and 4 MB of resident memory each time
/// (`kiemdiem --help`: 23 → 18 ms, 30.9 → 26.9 MB). Loaded here, only a shared store pays for it, and a machine without
/// libpq (the `libpq5` package) runs everything else and says what to install when asked for one.
///
/// The signatures are libpq-fe.h's (PostgreSQL 15), which libpq.so.5 keeps stable: `PGconn *`
/// and `PGresult *` are opaque, the status enums are C `int`s.
struct LibPQ: @unchecked Sendable {
    // @unchecked: immutable C function pointers.
    typealias Connection = OpaquePointer
    typealias Result = OpaquePointer
    typealias CStrings = UnsafePointer<UnsafePointer<CChar>?>
    typealias NoticeProcessor = @convention(c) (UnsafeMutableRawPointer?, UnsafePointer<CChar>?) -> Void

    // ConnStatusType and ExecStatusType values used here (libpq-fe.h).
    static let connectionOK: Int32 = 0
    static let commandOK: Int32 = 1
    static let tuplesOK: Int32 = 2
    /// PG_DIAG_SQLSTATE
    static let diagnosticSQLState = Int32(UInt8(ascii: "C"))

    let connectdbParams: @convention(c) (CStrings?, CStrings?, Int32) -> Connection?
    let status: @convention(c) (Connection?) -> Int32
    let errorMessage: @convention(c) (Connection?) -> UnsafeMutablePointer<CChar>?
    let finish: @convention(c) (Connection?) -> Void
    let setNoticeProcessor: @convention(c) (Connection?, NoticeProcessor?, UnsafeMutableRawPointer?) -> NoticeProcessor?
    let exec: @convention(c) (Connection?, UnsafePointer<CChar>?) -> Result?
    let prepare: @convention(c) (Connection?, UnsafePointer<CChar>?, UnsafePointer<CChar>?, Int32, UnsafePointer<UInt32>?) -> Result?
    let execPrepared: @convention(c) (Connection?, UnsafePointer<CChar>?, Int32, CStrings?, UnsafePointer<Int32>?,
                                      UnsafePointer<Int32>?, Int32) -> Result?
    let resultStatus: @convention(c) (Result?) -> Int32
    let resultErrorMessage: @convention(c) (Result?) -> UnsafeMutablePointer<CChar>?
    let resultErrorField: @convention(c) (Result?, Int32) -> UnsafeMutablePointer<CChar>?
    let clear: @convention(c) (Result?) -> Void
    let ntuples: @convention(c) (Result?) -> Int32
    let nfields: @convention(c) (Result?) -> Int32
    let fname: @convention(c) (Result?, Int32) -> UnsafeMutablePointer<CChar>?
    let getisnull: @convention(c) (Result?, Int32, Int32) -> Int32
    let getvalue: @convention(c) (Result?, Int32, Int32) -> UnsafeMutablePointer<CChar>?

    /// The library's file name: the soname of every libpq since PostgreSQL 8.3.
    static let soname = "libpq.so.5"

    /// Loaded once for the process (a Swift static), or why it could not be.
    static let shared: Swift.Result<LibPQ, PostgresError> = load()

    static func loaded() throws(PostgresError) -> LibPQ { try shared.get() }

    private static func load() -> Swift.Result<LibPQ, PostgresError> {
        guard let handle = dlopen(soname, RTLD_NOW | RTLD_LOCAL) else {
            let reason = dlerror().map { String(cString: $0) } ?? soname
            return .failure(PostgresError(message: "không nạp được thư viện libpq của PostgreSQL (\(reason)): "
                                          + "cài gói libpq5 (apt install libpq5) để dùng kho dùng chung"))
        }
        // Each function's type is the field's it fills.
        func symbol<F>(_ name: String) throws(PostgresError) -> F {
            guard let address = dlsym(handle, name) else {
                throw PostgresError(message: "thư viện \(soname) thiếu hàm \(name): cài lại gói libpq5")
            }
            return unsafeBitCast(address, to: F.self)
        }
        do throws(PostgresError) {
            return .success(LibPQ(
                connectdbParams: try symbol("PQconnectdbParams"), status: try symbol("PQstatus"),
                errorMessage: try symbol("PQerrorMessage"), finish: try symbol("PQfinish"),
                setNoticeProcessor: try symbol("PQsetNoticeProcessor"), exec: try symbol("PQexec"),
                prepare: try symbol("PQprepare"), execPrepared: try symbol("PQexecPrepared"),
                resultStatus: try symbol("PQresultStatus"), resultErrorMessage: try symbol("PQresultErrorMessage"),
                resultErrorField: try symbol("PQresultErrorField"), clear: try symbol("PQclear"),
                ntuples: try symbol("PQntuples"), nfields: try symbol("PQnfields"), fname: try symbol("PQfname"),
                getisnull: try symbol("PQgetisnull"), getvalue: try symbol("PQgetvalue")))
        } catch {
            dlclose(handle)
            return .failure(error)
        }
    }
}
