import KiemdiemCore
import OOXMLPackage
import ReviewForms
import ReviewRules
import WordDocument

/// Form layer: a document.xml (seeded from the real forms in Fixtures/inbox-2020) wrapped into a
/// minimal package, read into blocks, extracted into a ReviewForm, then validated and classified,
/// which is what FormPipeline does for one file minus the SHA-256.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzForm(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let xml = Array(UnsafeBufferPointer(start: data, count: size))
    let bytes = MiniPackage.package(replacing: "word/document.xml", with: xml)
    let document: WordDocument
    do throws(ReadFailure) {
        document = try WordReader().read(bytes)
    } catch {
        return 0
    }
    let extraction = FormExtractor().extract(document)
    if let form = extraction.form {
        let verdict = FormRules.evaluate(form, prior: document.findings + extraction.findings,
                                         options: RuleOptions(batchYear: 2020))
        _ = verdict.classification
        _ = form.json.serialized()
    }
    return 0
}
