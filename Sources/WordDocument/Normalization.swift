import Foundation

extension String {
    var precomposedScalars: [Unicode.Scalar] { Array(precomposedStringWithCanonicalMapping.unicodeScalars) }
    var decomposedScalars: [Unicode.Scalar] { Array(decomposedStringWithCanonicalMapping.unicodeScalars) }
}
