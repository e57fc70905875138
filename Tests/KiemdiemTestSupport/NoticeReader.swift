import Foundation

/// Where LibreOffice is; tests that need it are enabled only when it is there.
public let sofficePath = "/usr/bin/soffice"
public var sofficeInstalled: Bool { FileManager.default.isExecutableFile(atPath: sofficePath) }

/// A .docx as three independent readers see it: LibreOffice's text export, python-docx's
/// paragraphs and table cells, and the pages of LibreOffice's PDF export as pdfplumber measures
/// them (size in points, the smallest character).
public struct DocumentReading: Sendable {
    public var libreOfficeText: String
    public var pythonDocxText: String
    public var pages: Int
    /// Each page's width × height in points (A4 is 595 × 842).
    public var pageSizes: [[Double]]
    public var smallestFont: Double
}

/// Reads every file with LibreOffice (one `soffice` for the text, one for the PDFs), then
/// python-docx and pdfplumber. Throws when a reader fails: a notice one of them cannot open is a defect.
public func readDocuments(_ files: [String]) throws -> [String: DocumentReading] {
    let work = try temporaryDirectory("read-docx")
    defer { try? FileManager.default.removeItem(at: work) }
    let profile = "file://" + work.appendingPathComponent("profile").path
    for (filter, folder) in [("txt:Text (encoded):UTF8", "txt"), ("pdf", "pdf")] {
        let out = work.appendingPathComponent(folder).path
        let result = try runProcess(URL(fileURLWithPath: sofficePath),
                                    ["--headless", "-env:UserInstallation=\(profile)", "--convert-to", filter, "--outdir", out] + files)
        guard result.status == 0 else { throw ReadingError("soffice --convert-to \(filter): \(result.stderr)") }
    }
    let script = """
        import json, sys, docx, pdfplumber
        out = {}
        for path, pdf in zip(sys.argv[1::2], sys.argv[2::2]):
            d = docx.Document(path)
            parts = [p.text for p in d.paragraphs]
            for t in d.tables:
                for row in t.rows:
                    for cell in row.cells:
                        parts.append(cell.text)
            with pdfplumber.open(pdf) as p:
                sizes = [[float(pg.width), float(pg.height)] for pg in p.pages]
                fonts = [c["size"] for pg in p.pages for c in pg.chars if c["text"].strip()]
            out[path] = {"text": "\\n".join(parts), "pages": len(sizes), "sizes": sizes, "smallest": min(fonts) if fonts else 0}
        print(json.dumps(out, ensure_ascii=False))
        """
    var arguments = ["-c", script]
    for file in files {
        let stem = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
        arguments += [file, work.appendingPathComponent("pdf/\(stem).pdf").path]
    }
    let python = try runProcess(URL(fileURLWithPath: "/usr/bin/env"), ["python3"] + arguments)
    guard python.status == 0, let data = python.stdout.data(using: .utf8),
          let parsed = try JSONSerialization.jsonObject(with: data) as? [String: [String: Any]] else {
        throw ReadingError("python-docx / pdfplumber: \(python.stderr)")
    }
    var readings: [String: DocumentReading] = [:]
    for file in files {
        let stem = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
        let text = try String(contentsOf: work.appendingPathComponent("txt/\(stem).txt"), encoding: .utf8)
        guard let entry = parsed[file] else { throw ReadingError("no reading of \(file)") }
        readings[file] = DocumentReading(libreOfficeText: text, pythonDocxText: entry["text"] as? String ?? "",
                                         pages: entry["pages"] as? Int ?? 0,
                                         pageSizes: entry["sizes"] as? [[Double]] ?? [],
                                         smallestFont: entry["smallest"] as? Double ?? 0)
    }
    return readings
}

public struct ReadingError: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
