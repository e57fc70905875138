import Foundation

/// A calendar date as written on a form, without time zone. Valid by construction.
public struct CivilDate: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// `nil` when the date does not exist (31/11, 29/02 of a common year, month 13…).
    public init?(year: Int, month: Int, day: Int) {
        guard (1900...2200).contains(year), (1...12).contains(month),
              day >= 1, day <= CivilDate.daysIn(month: month, year: year) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// ISO `YYYY-MM-DD`, the contract's date format.
    public var iso: String {
        // Years are 1900…2200 (init), so four digits; written as bytes, not padded and interpolated.
        guard (0...9999).contains(year), (0...99).contains(month), (0...99).contains(day) else {
            // Not reached (init keeps dates in range): padded as ever.
            func pad(_ n: Int, _ width: Int) -> String {
                let s = String(n)
                return String(repeating: "0", count: max(0, width - s.count)) + s
            }
            return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
        }
        let zero = UInt8(ascii: "0"), dash = UInt8(ascii: "-")
        let bytes: [UInt8] = [
            zero + UInt8(year / 1000 % 10), zero + UInt8(year / 100 % 10), zero + UInt8(year / 10 % 10),
            zero + UInt8(year % 10), dash, zero + UInt8(month / 10), zero + UInt8(month % 10), dash,
            zero + UInt8(day / 10), zero + UInt8(day % 10),
        ]
        return String(decoding: bytes, as: UTF8.self)
    }

    public var description: String { iso }

    /// Parses `YYYY-MM-DD`.
    public init?(iso: String) {
        // "YYYY-MM-DD", as the store keeps every date, read from its ten bytes: the store reads
        // back tens of thousands of dates per night.
        var text = iso
        let fixed: (Int, Int, Int)? = text.withUTF8 { b in
            guard b.count == 10, b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-") else { return nil }
            func number(_ range: Range<Int>) -> Int? {
                var value = 0
                for i in range {
                    guard b[i] >= UInt8(ascii: "0"), b[i] <= UInt8(ascii: "9") else { return nil }
                    value = value * 10 + Int(b[i] - UInt8(ascii: "0"))
                }
                return value
            }
            guard let y = number(0..<4), let m = number(5..<7), let d = number(8..<10) else { return nil }
            return (y, m, d)
        }
        if let (y, m, d) = fixed {
            self.init(year: y, month: m, day: d)
            return
        }
        let parts = iso.split(separator: "-")
        guard parts.count == 3, let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// ISO `YYYY-MM-DD`, or day first: `dd/mm/yyyy`, `d-m-yyyy`, `d.m.yyyy` (as rosters and forms
    /// write them). `nil` for anything else or a date that does not exist.
    public init?(loose text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let iso = CivilDate(iso: trimmed) {
            self = iso
            return
        }
        for separator in ["/", "-", "."] as [Character] {
            let parts = trimmed.split(separator: separator, omittingEmptySubsequences: false)
            guard parts.count == 3, parts[2].count == 4, parts[0].count <= 2, parts[1].count <= 2,
                  let d = Int(parts[0]), let m = Int(parts[1]), let y = Int(parts[2]) else { continue }
            guard let date = CivilDate(year: y, month: m, day: d) else { return nil }
            self = date
            return
        }
        return nil
    }

    /// The date `days` days after 1970-01-01 (negative before), by Howard Hinnant's
    /// days-to-civil algorithm for the proleptic Gregorian calendar.
    public init?(daysSince1970 days: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        self.init(year: yoe + era * 400 + (month <= 2 ? 1 : 0), month: month, day: day)
    }

    public static func < (a: CivilDate, b: CivilDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    /// Whole calendar months from `self` to `later` (negative when `later` is earlier).
    public func months(until later: CivilDate) -> Int {
        var months = (later.year - year) * 12 + (later.month - month)
        if later.day < day { months -= 1 }
        return months
    }

    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let date = CivilDate(iso: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a date: \(text)"))
        }
        self = date
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(iso)
    }
}
