#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// A system call's failure in the operator's words. `strerror` and Foundation speak English
/// ("No space left on device", "The file doesn't exist."); what users read is Vietnamese
/// (README, "When a run fails"), and the caller puts the path beside it.
public enum SystemError {
    /// `errno` as a short Vietnamese clause: "ổ đĩa đầy (ENOSPC)".
    public static func text(_ code: Int32) -> String {
        let words: String
        switch code {
        case ENOENT: words = "không có"
        case EACCES, EPERM: words = "không có quyền"
        case ENOSPC: words = "ổ đĩa đầy"
        case EDQUOT: words = "hết hạn mức dung lượng đĩa"
        case EROFS: words = "ổ đĩa chỉ cho đọc"
        case ENOTDIR: words = "một phần của đường dẫn không phải thư mục"
        case EISDIR: words = "là một thư mục"
        case EEXIST: words = "đã có"
        case ENOTEMPTY: words = "thư mục không rỗng"
        case EIO: words = "lỗi đọc ghi của ổ đĩa"
        case ENAMETOOLONG: words = "tên quá dài"
        case ELOOP: words = "liên kết vòng hoặc là liên kết"
        case EXDEV: words = "ở ổ đĩa khác"
        case EMFILE, ENFILE: words = "mở quá nhiều tệp cùng lúc"
        case EBUSY: words = "đang bị dùng"
        case ETIMEDOUT: words = "hết thời gian chờ (ổ mạng?)"
        case ESTALE: words = "ổ chia sẻ đã mất kết nối"
        case ENXIO, ENODEV: words = "thiết bị không có"
        case EAGAIN: words = "tạm thời không dùng được"
        case EINVAL: words = "tham số không hợp lệ"
        case EFBIG: words = "tệp quá lớn"
        case ENOMEM: words = "hết bộ nhớ"
        default: words = "lỗi hệ thống số \(code)"
        }
        return words + (name(code).map { " (\($0))" } ?? "")
    }

    /// Any error a Foundation call threw, in the same words when it carries an errno.
    public static func text(_ error: any Error) -> String {
        let ns = error as NSError
        if ns.domain == NSPOSIXErrorDomain { return text(Int32(ns.code)) }
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return text(Int32(underlying.code))
        }
        if ns.domain == NSCocoaErrorDomain {
            switch CocoaError.Code(rawValue: ns.code) {
            case .fileNoSuchFile, .fileReadNoSuchFile: return text(ENOENT)
            case .fileReadNoPermission, .fileWriteNoPermission: return text(EACCES)
            case .fileWriteOutOfSpace: return text(ENOSPC)
            case .fileWriteVolumeReadOnly: return text(EROFS)
            case .fileWriteFileExists: return text(EEXIST)
            case .fileReadTooLarge: return text(EFBIG)
            default: return "lỗi hệ thống (mã \(ns.code))"
            }
        }
        return "lỗi hệ thống (mã \(ns.code))"
    }

    private static func name(_ code: Int32) -> String? {
        let names: [Int32: String] = [
            ENOENT: "ENOENT", EACCES: "EACCES", EPERM: "EPERM", ENOSPC: "ENOSPC", EDQUOT: "EDQUOT", EROFS: "EROFS",
            ENOTDIR: "ENOTDIR", EISDIR: "EISDIR", EEXIST: "EEXIST", ENOTEMPTY: "ENOTEMPTY", EIO: "EIO",
            ENAMETOOLONG: "ENAMETOOLONG", ELOOP: "ELOOP", EXDEV: "EXDEV", EMFILE: "EMFILE", ENFILE: "ENFILE",
            EBUSY: "EBUSY", ETIMEDOUT: "ETIMEDOUT", ESTALE: "ESTALE", ENXIO: "ENXIO", ENODEV: "ENODEV",
            EAGAIN: "EAGAIN", EINVAL: "EINVAL", EFBIG: "EFBIG", ENOMEM: "ENOMEM",
        ]
        return names[code]
    }
}
