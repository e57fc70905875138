import Testing
@testable import WordDocument

/// The charts, written out row by row (letter × plain/acute/grave/hook/tilde/dot) independently
/// of the decoder's tables, so a slip in either shows up here.
let tcvn3Chart: [(encoded: String, unicode: String)] = [
    ("a¸µ¶·¹", "aáàảãạ"), ("¨¾»¼½Æ", "ăắằẳẵặ"), ("©ÊÇÈÉË", "âấầẩẫậ"),
    ("eÐÌÎÏÑ", "eéèẻẽẹ"), ("ªÕÒÓÔÖ", "êếềểễệ"), ("iÝ×ØÜÞ", "iíìỉĩị"),
    ("oãßáâä", "oóòỏõọ"), ("«èåæçé", "ôốồổỗộ"), ("¬íêëìî", "ơớờởỡợ"),
    ("uóïñòô", "uúùủũụ"), ("\u{AD}øõö÷ù", "ưứừửữự"), ("yýúûüþ", "yýỳỷỹỵ"), ("®", "đ"),
]

let tcvn3Capitals: [(encoded: String, unicode: String)] = [
    ("a¸µ¶·¹", "AÁÀẢÃẠ"), ("¨¾»¼½Æ", "ĂẮẰẲẴẶ"), ("©ÊÇÈÉË", "ÂẤẦẨẪẬ"),
    ("eÐÌÎÏÑ", "EÉÈẺẼẸ"), ("ªÕÒÓÔÖ", "ÊẾỀỂỄỆ"), ("iÝ×ØÜÞ", "IÍÌỈĨỊ"),
    ("oãßáâä", "OÓÒỎÕỌ"), ("«èåæçé", "ÔỐỒỔỖỘ"), ("¬íêëìî", "ƠỚỜỞỠỢ"),
    ("uóïñòô", "UÚÙỦŨỤ"), ("\u{AD}øõö÷ù", "ƯỨỪỬỮỰ"), ("yýúûüþ", "YÝỲỶỸỴ"), ("®", "Đ"),
]

let vniChart: [(encoded: [String], unicode: String)] = [
    (["a", "aù", "aø", "aû", "aõ", "aï"], "aáàảãạ"),
    (["aê", "aé", "aè", "aú", "aü", "aë"], "ăắằẳẵặ"),
    (["aâ", "aá", "aà", "aå", "aã", "aä"], "âấầẩẫậ"),
    (["e", "eù", "eø", "eû", "eõ", "eï"], "eéèẻẽẹ"),
    (["eâ", "eá", "eà", "eå", "eã", "eä"], "êếềểễệ"),
    (["i", "í", "ì", "æ", "ó", "ò"], "iíìỉĩị"),
    (["o", "où", "oø", "oû", "oõ", "oï"], "oóòỏõọ"),
    (["oâ", "oá", "oà", "oå", "oã", "oä"], "ôốồổỗộ"),
    (["ô", "ôù", "ôø", "ôû", "ôõ", "ôï"], "ơớờởỡợ"),
    (["u", "uù", "uø", "uû", "uõ", "uï"], "uúùủũụ"),
    (["ö", "öù", "öø", "öû", "öõ", "öï"], "ưứừửữự"),
    (["y", "yù", "yø", "yû", "yõ", "î"], "yýỳỷỹỵ"),
    (["ñ"], "đ"),
]

@Test(arguments: tcvn3Chart.indices)
func tcvn3DecodesEveryLetterAndTone(_ row: Int) {
    let (encoded, unicode) = tcvn3Chart[row]
    for (byte, letter) in zip(encoded, unicode) {
        #expect(LegacyVietnamese.tcvn3.decode(String(byte)) == String(letter), "\(byte)")
    }
}

@Test(arguments: tcvn3Capitals.indices)
func tcvn3CapitalFontsDecodeEveryLetterAndToneUpperCase(_ row: Int) {
    let (encoded, unicode) = tcvn3Capitals[row]
    for (byte, letter) in zip(encoded, unicode) {
        #expect(LegacyVietnamese.tcvn3Capitals.decode(String(byte)) == String(letter), "\(byte)")
    }
}

@Test func tcvn3UntonedCapitalsInTheNormalFont() {
    #expect(LegacyVietnamese.tcvn3.decode("\u{A1}\u{A2}\u{A3}\u{A4}\u{A5}\u{A6}\u{A7}") == "ĂÂÊÔƠƯĐ")
}

@Test(arguments: vniChart.indices)
func vniDecodesEveryLetterAndToneInBothCases(_ row: Int) {
    let (encoded, unicode) = vniChart[row]
    for (sequence, letter) in zip(encoded, unicode) {
        #expect(LegacyVietnamese.vni.decode(sequence) == String(letter), "\(sequence)")
        #expect(LegacyVietnamese.vni.decode(sequence.uppercased()) == String(letter).uppercased(), "\(sequence)")
    }
}

@Test func legacyFontNamesAreRecognised() {
    #expect(LegacyVietnamese.forFont(".VnTime") == .tcvn3)
    #expect(LegacyVietnamese.forFont(".VnArial") == .tcvn3)
    #expect(LegacyVietnamese.forFont(".VnTimeH") == .tcvn3Capitals)
    #expect(LegacyVietnamese.forFont(".VnArialH") == .tcvn3Capitals)
    #expect(LegacyVietnamese.forFont("VNI-Times") == .vni)
    #expect(LegacyVietnamese.forFont("VNI-Helve") == .vni)
    #expect(LegacyVietnamese.forFont("Times New Roman") == nil)
}

@Test func legacySentencesDecode() {
    #expect(LegacyVietnamese.tcvn3.decode("§¶ng viªn ng­êi d©n téc Kinh") == "Đảng viên người dân tộc Kinh")
    #expect(LegacyVietnamese.vni.decode("Ñaûng vieân ngöôøi daân toäc Kinh") == "Đảng viên người dân tộc Kinh")
    #expect(LegacyVietnamese.vni.decode("ÑAÛNG COÄNG SAÛN VIEÄT NAM") == "ĐẢNG CỘNG SẢN VIỆT NAM")
    // ASCII stays ASCII in both.
    #expect(LegacyVietnamese.vni.decode("Nam 2025: A-B") == "Nam 2025: A-B")
    #expect(LegacyVietnamese.tcvn3.decode("Nam 2025: A-B") == "Nam 2025: A-B")
}
