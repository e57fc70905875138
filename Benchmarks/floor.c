/* The floor: what it costs only to unzip word/document.xml and walk it with libxml2's streaming
 * reader, counting text bytes. No extraction, no store, no workbook. One thread.
 *
 * With --all-parts it walks every XML part kiemdiem's reader parses, not only the main one:
 * [Content_Types].xml, the two .rels, document, styles, numbering and headers. That is the
 * floor for the same parsing work (python-docx writes a 350 KB styles.xml, 17x its main part).
 *
 *   gcc -O2 -o floor floor.c $(pkg-config --cflags --libs libxml-2.0 libzip)
 *   ./floor [--all-parts] FILE...    -> "floor: N docs, T text bytes, S s, R docs/s"
 *   ./floor [--all-parts] < LIST      (one path per line)
 */
#include <libxml/xmlreader.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <zip.h>

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

static int all_parts = 0;

static int wanted(const char *name) {
    if (!all_parts) return strcmp(name, "word/document.xml") == 0;
    size_t n = strlen(name);
    if (strcmp(name, "[Content_Types].xml") == 0 || strcmp(name, "_rels/.rels") == 0 ||
        strcmp(name, "word/_rels/document.xml.rels") == 0 || strcmp(name, "word/document.xml") == 0 ||
        strcmp(name, "word/styles.xml") == 0 || strcmp(name, "word/numbering.xml") == 0) return 1;
    return strncmp(name, "word/header", 11) == 0 && n > 4 && strcmp(name + n - 4, ".xml") == 0;
}

static long walk_entry(zip_t *archive, zip_int64_t index) {
    zip_stat_t st;
    long text = -1;
    if (zip_stat_index(archive, index, 0, &st) != 0) return -1;
    char *xml = malloc(st.size + 1);
    zip_file_t *entry = zip_fopen_index(archive, index, 0);
    zip_int64_t got = entry ? zip_fread(entry, xml, st.size) : -1;
    if (entry) zip_fclose(entry);
    if (got == (zip_int64_t)st.size) {
        xmlTextReaderPtr reader = xmlReaderForMemory(xml, (int)got, NULL, NULL, XML_PARSE_NONET);
        text = 0;
        while (reader && xmlTextReaderRead(reader) == 1) {
            int type = xmlTextReaderNodeType(reader);
            if (type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE) {
                const xmlChar *value = xmlTextReaderConstValue(reader);
                if (value) text += (long)strlen((const char *)value);
            }
        }
        if (reader) xmlFreeTextReader(reader);
    }
    free(xml);
    return text;
}

static long walk(const char *path) {
    FILE *f = fopen(path, "rb");
    if (!f) return -1;
    fseek(f, 0, SEEK_END);
    long size = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *bytes = malloc(size > 0 ? size : 1);
    if (fread(bytes, 1, size, f) != (size_t)size) { fclose(f); free(bytes); return -1; }
    fclose(f);
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t *source = zip_source_buffer_create(bytes, size, 0, &error);
    zip_t *archive = source ? zip_open_from_source(source, ZIP_RDONLY, &error) : NULL;
    long text = -1;
    if (archive) {
        zip_int64_t entries = zip_get_num_entries(archive, 0);
        int found = 0;
        text = 0;
        for (zip_int64_t i = 0; i < entries && text >= 0; i++) {
            const char *name = zip_get_name(archive, i, 0);
            if (!name || !wanted(name)) continue;
            long n = walk_entry(archive, i);
            if (n < 0) text = -1; else text += n;
            if (strcmp(name, "word/document.xml") == 0) found = 1;
        }
        if (!found) text = -1;
        zip_close(archive);
    } else if (source) {
        zip_source_free(source);
    }
    free(bytes);
    return text;
}

int main(int argc, char **argv) {
    xmlInitParser();
    double start = now();
    long docs = 0, failed = 0, text = 0;
    int first = 1;
    if (argc > 1 && strcmp(argv[1], "--all-parts") == 0) { all_parts = 1; first = 2; }
    if (first < argc) {
        for (int i = first; i < argc; i++) {
            long n = walk(argv[i]);
            if (n < 0) failed++; else { docs++; text += n; }
        }
    } else {                  /* no FILE: one path per line on stdin (100,000 names exceed ARG_MAX) */
        char line[4096];
        while (fgets(line, sizeof line, stdin)) {
            line[strcspn(line, "\n")] = 0;
            if (!*line) continue;
            long n = walk(line);
            if (n < 0) failed++; else { docs++; text += n; }
        }
    }
    double seconds = now() - start;
    printf("floor%s: %ld docs, %ld failed, %ld text bytes, %.3f s, %.1f docs/s\n", all_parts ? " (all parts)" : "", docs, failed, text, seconds,
           docs / (seconds > 0 ? seconds : 1e-9));
    return failed ? 1 : 0;
}
