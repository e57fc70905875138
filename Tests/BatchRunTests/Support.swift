import Foundation
import KiemdiemTestSupport

let fixtures = packageRoot.appendingPathComponent("Fixtures")

/// JSON with sorted keys, for comparisons whose failures are readable.
func canonical(_ value: Any) -> String {
    let data = try! JSONSerialization.data(withJSONObject: value, options: [.sortedKeys, .prettyPrinted, .fragmentsAllowed])
    return String(decoding: data, as: UTF8.self)
}

import Logging

/// Tests check outcomes, not log lines.
let quiet = Logger(label: "kiemdiem.test", factory: { _ in SwiftLogNoOpLogHandler() })
