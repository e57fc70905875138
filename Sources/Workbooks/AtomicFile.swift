import KiemdiemCore

/// The workbook (and, for `kiemdiem export`, any bytes) published as KiemdiemCore's
/// `DurableFile` publishes every file the board opens (the previous version or the complete new
/// one, never a truncated one), with its failures as `WorkbookError`.
public enum AtomicFile {
    static func publish(to path: String, _ write: (String) throws(WorkbookError) -> Void) throws(WorkbookError) {
        try mapped { try DurableFile.publish(to: path) { temporary in try write(temporary) } }
    }

    /// Publishes `bytes` at `path` the same way: the result packages of `kiemdiem export`, which
    /// the level above must never receive cut short.
    public static func publish(_ bytes: [UInt8], to path: String) throws(WorkbookError) {
        try mapped { try DurableFile.publish(bytes, to: path) }
    }

    static func split(_ path: String) -> (directory: String, base: String) { DurableFile.split(path) }

    private static func mapped(_ body: () throws -> Void) throws(WorkbookError) {
        do {
            try body()
        } catch let error as WorkbookError {
            throw error
        } catch let error as DurableFileError {
            // The message ("rename(…): …"), the call and errno, as the workbook always reported them.
            throw WorkbookError(error.description, function: error.systemErrno == nil ? error.function : error.call,
                                systemErrno: error.systemErrno)
        } catch {
            throw WorkbookError("\(error)")
        }
    }
}
