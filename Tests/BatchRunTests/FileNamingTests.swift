import Foundation
import Testing
@testable import BatchRun

/// The names the run gives folders and files without Foundation: each shortcut gives what the
/// general path gives.
@Suite struct FileNamingTests {
    static let cellNames = [
        "Chi bộ Thôn 1", "Chi bộ Phòng Tổ chức", "CHI BỘ KHU PHỐ 3", "Chi bộ Trường THCS Nguyễn Trãi",
        "Chi bộ Ấp Mỹ Đức", "Chi bộ Quân sự xã (cũ)", "Đảng bộ xã Triệu Phong", "x", String(repeating: "ư", count: 100),
        // Not plain: the general path decides.
        "Chi bộ 1/2", "Chi bộ: A", " Chi bộ Thôn 1", "Chi bộ Thôn 1 ", ".an", "Chi\u{A0}bộ", "Chi bộ\nThôn 2",
        "Chi bo\u{0302} decomposed", "Chi bộ \u{85}", String(repeating: "a", count: 101), "Tổ \"Đảng\" <1>", "a\u{7F}b",
        "Chi bộ 😀", "Chi bộ \u{2028} dòng",
    ]

    @Test func aPlainCellNameIsItsOwnFolderNameAndEveryOtherIsCleaned() {
        for name in Self.cellNames {
            #expect(Workspace.folderName(name) == Workspace.cleanedFolderName(name), "\(name)")
        }
        #expect(Workspace.isPlainFolderName("Chi bộ Thôn 1"))
        #expect(Workspace.isPlainFolderName("Chi bộ Trường THCS Nguyễn Trãi"))
        #expect(!Workspace.isPlainFolderName("Chi bộ 1/2"))
        #expect(!Workspace.isPlainFolderName("Chi bo\u{0302} decomposed"))
        #expect(Workspace.folderName(nil) == "khong-ro-chi-bo")
        #expect(Workspace.folderName("") == "khong-ro-chi-bo")
    }

    @Test func theFileNameOfAnOriginalIsItsLastComponent() {
        for (original, name) in [("a.docx", "a.docx"), ("chi-bo-1/Nguyễn Văn Bảy.docx", "Nguyễn Văn Bảy.docx"),
                                 ("x/y/z.docx", "z.docx"), ("", "")] {
            #expect(ClaimedName.fileName(ofOriginal: original) == name)
            #expect(ClaimedName.fileName(ofOriginal: original) == (original as NSString).lastPathComponent)
        }
    }
}
