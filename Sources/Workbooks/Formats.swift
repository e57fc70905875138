import CXlsxWriter

/// The workbook's whole, fixed set of cell formats, created once when the workbook opens.
///
/// Excel keeps one style record per distinct format; a writer that makes a format per cell
/// ends with "No more new fonts may be applied" or a repaired file (field notes §2.2 item 5).
/// Sheets pick from these by role and never call `workbook_add_format` themselves.
struct Formats {
    typealias Handle = UnsafeMutablePointer<lxw_format>

    /// Sheet title in row 1 (merged across the table).
    let title: Handle
    /// Column headings: bold, filled, bordered, wrapped.
    let header: Handle
    /// Body text.
    let text: Handle
    /// Counts and row numbers.
    let integer: Handle
    /// Dates as real Excel dates, shown the Vietnamese way.
    let date: Handle
    /// Shares of a whole, stored as fractions (0.25 shows as 25,0 %).
    let percent: Handle
    /// A share above a quota, e.g. HTXSNV above 20 % of HTTNV.
    let percentWarning: Handle
    /// A note next to a share above its quota.
    let warningText: Handle
    /// `Tổng cộng` label and totals.
    let totalText: Handle
    let totalInteger: Handle
    let totalPercent: Handle
    /// A subtotal row (`Cộng …`): bold on a lighter fill than `Tổng cộng`.
    let subtotalText: Handle
    let subtotalInteger: Handle
    let subtotalPercent: Handle
    /// The Party document's frame (`DocumentFrame`): the organisation lines on the left, the
    /// Party's name and the date on the right, the note under the table, the signature block.
    let frameLine: Handle
    let frameBold: Handle
    let frameItalic: Handle
    let frameNote: Handle

    static let integerFormat = "#,##0"
    static let dateFormat = "dd/mm/yyyy"
    static let percentFormat = "0.0%"

    private static let headerFill: lxw_color_t = 0xD9E1F2
    private static let totalFill: lxw_color_t = 0xF2F2F2
    private static let subtotalFill: lxw_color_t = 0xFAFAFA
    private static let warningFill: lxw_color_t = 0xFFC7CE
    private static let warningFont: lxw_color_t = 0x9C0006

    init(workbook: UnsafeMutablePointer<lxw_workbook>) throws(WorkbookError) {
        func make(_ configure: (Handle) -> Void) throws(WorkbookError) -> Handle {
            guard let format = workbook_add_format(workbook) else {
                throw WorkbookError("workbook_add_format(): out of memory", function: "workbook_add_format")
            }
            configure(format)
            return format
        }
        func bordered(_ format: Handle) {
            format_set_border(format, UInt8(LXW_BORDER_THIN.rawValue))
            format_set_align(format, UInt8(LXW_ALIGN_VERTICAL_TOP.rawValue))
        }
        // Text wraps inside its column (the sheet sets the row's height to show every line), so a
        // long reason prints whole at a width that keeps the page at a readable size.
        func wrapped(_ format: Handle) {
            bordered(format)
            format_set_text_wrap(format)
        }
        func centred(_ format: Handle) {
            format_set_text_wrap(format)
            format_set_align(format, UInt8(LXW_ALIGN_CENTER.rawValue))
            format_set_align(format, UInt8(LXW_ALIGN_VERTICAL_TOP.rawValue))
        }

        title = try make { format in
            format_set_bold(format)
            format_set_font_size(format, 14)
            format_set_align(format, UInt8(LXW_ALIGN_CENTER.rawValue))
            format_set_align(format, UInt8(LXW_ALIGN_VERTICAL_CENTER.rawValue))
            format_set_text_wrap(format)
        }
        header = try make { format in
            format_set_bold(format)
            format_set_pattern(format, UInt8(LXW_PATTERN_SOLID.rawValue))
            format_set_bg_color(format, Self.headerFill)
            format_set_border(format, UInt8(LXW_BORDER_THIN.rawValue))
            format_set_text_wrap(format)
            format_set_align(format, UInt8(LXW_ALIGN_CENTER.rawValue))
            format_set_align(format, UInt8(LXW_ALIGN_VERTICAL_CENTER.rawValue))
        }
        text = try make(wrapped)
        integer = try make { format in
            bordered(format)
            format_set_num_format(format, Self.integerFormat)
        }
        date = try make { format in
            bordered(format)
            format_set_num_format(format, Self.dateFormat)
            format_set_align(format, UInt8(LXW_ALIGN_CENTER.rawValue))
        }
        percent = try make { format in
            bordered(format)
            format_set_num_format(format, Self.percentFormat)
        }
        percentWarning = try make { format in
            bordered(format)
            format_set_num_format(format, Self.percentFormat)
            format_set_bold(format)
            format_set_font_color(format, Self.warningFont)
            format_set_pattern(format, UInt8(LXW_PATTERN_SOLID.rawValue))
            format_set_bg_color(format, Self.warningFill)
        }
        warningText = try make { format in
            wrapped(format)
            format_set_bold(format)
            format_set_font_color(format, Self.warningFont)
        }
        // A totals row: bold on a fill, as text, count and share.
        func filled(_ fill: lxw_color_t) throws(WorkbookError) -> (Handle, Handle, Handle) {
            func base(_ format: Handle) {
                wrapped(format)
                format_set_bold(format)
                format_set_pattern(format, UInt8(LXW_PATTERN_SOLID.rawValue))
                format_set_bg_color(format, fill)
            }
            return (try make(base),
                    try make { format in base(format); format_set_num_format(format, Self.integerFormat) },
                    try make { format in base(format); format_set_num_format(format, Self.percentFormat) })
        }
        (totalText, totalInteger, totalPercent) = try filled(Self.totalFill)
        (subtotalText, subtotalInteger, subtotalPercent) = try filled(Self.subtotalFill)
        frameLine = try make(centred)
        frameBold = try make { format in
            centred(format)
            format_set_bold(format)
        }
        frameItalic = try make { format in
            centred(format)
            format_set_italic(format)
        }
        frameNote = try make { format in
            format_set_text_wrap(format)
            format_set_italic(format)
            format_set_align(format, UInt8(LXW_ALIGN_LEFT.rawValue))
            format_set_align(format, UInt8(LXW_ALIGN_VERTICAL_TOP.rawValue))
        }
    }
}
