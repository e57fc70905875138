#!/usr/bin/env bash
# Builds the libFuzzer targets into .build-fuzz/ (git-ignored): each library module is compiled
# on its own with coverage + AddressSanitizer (-sanitize=fuzzer,address), exactly as SwiftPM would
# lay the modules out, so `import KiemdiemCore` and friends resolve unchanged; then each target is
# linked with them. libxml2/libzip/libcrypto stay the uninstrumented system libraries.
# Usage: Fuzz/build.sh            (from anywhere; prints the built binaries)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
OUT="$ROOT/.build-fuzz"
MODS="$OUT/modules"
mkdir -p "$MODS" "$OUT/obj" "$OUT/bin"
cd "$ROOT"

SAN=(-sanitize=fuzzer,address -O -g -parse-as-library -swift-version 6)
CINC=(-I Sources/CLibXML2 -I Sources/CLibZip -I Sources/COpenSSLCrypto -Xcc -I/usr/include/libxml2)

# Dependency order of the modules the targets use (see Package.swift).
stale=0
for module in KiemdiemCore OOXMLPackage WordDocument ReviewForms ReviewRules; do
    obj="$OUT/obj/$module.o"
    # Rebuild a module when one of its sources is newer than its object, and every module after
    # a rebuilt one, since its imports changed (cheap incremental, never stale).
    if [[ $stale == 0 && -f "$obj" && -z "$(find "Sources/$module" -name '*.swift' -newer "$obj")" ]]; then continue; fi
    stale=1
    echo "compile $module" >&2
    swiftc "${SAN[@]}" "${CINC[@]}" -I "$MODS" -module-name "$module" -wmo \
        -emit-module -emit-module-path "$MODS/$module.swiftmodule" \
        -c Sources/"$module"/*.swift -o "$obj"
done

OBJS=("$OUT"/obj/{KiemdiemCore,OOXMLPackage,WordDocument,ReviewForms,ReviewRules}.o)
for target in package word form; do
    echo "link fuzz-$target" >&2
    swiftc "${SAN[@]}" "${CINC[@]}" -I "$MODS" -module-name "fuzz_$target" \
        Fuzz/Targets/fuzz_"$target".swift Tests/HostileTests/MiniPackage.swift Tests/KiemdiemTestSupport/StoredZip.swift "${OBJS[@]}" \
        -lxml2 -lzip -lcrypto -o "$OUT/bin/fuzz-$target" 2> >(grep -v "Cannot export local symbol '__asan" >&2)
    echo "$OUT/bin/fuzz-$target"
done
