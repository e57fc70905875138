#include <libxml/xmlversion.h>
/* Debian builds libxml2 with ICU, so <libxml/encoding.h> pulls in the ICU headers, whose UErrorCode
   clashes with Foundation's bundled _FoundationICU in any module that also imports Foundation.
   We never touch the ICU-only fields of xmlCharEncodingHandler, so we hide them. */
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlwriter.h>
/* xmlFree is a global function-pointer variable: Swift 6 rejects it as shared mutable state. */
static inline void kd_xml_free(void *p) { xmlFree(p); }
