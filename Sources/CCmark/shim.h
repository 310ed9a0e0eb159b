#ifndef PUFA_CMARK_SHIM_H
#define PUFA_CMARK_SHIM_H
#include <stdlib.h>
#include <string.h>
#include <cmark-gfm.h>
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm-core-extensions.h>

/// Renders GitHub-flavoured Markdown to HTML in cmark-gfm's safe mode (raw HTML and javascript:/vbscript:/file:/
/// data: links are dropped), with tables, strikethrough, autolinks, task lists and the tag filter. The result is
/// malloc'ed: free() it. NULL only when memory runs out.
static inline char *pufa_markdown_to_html(const char *text, size_t length) {
    static const char *names[] = {"table", "strikethrough", "autolink", "tagfilter", "tasklist"};
    cmark_gfm_core_extensions_ensure_registered();
    int options = CMARK_OPT_DEFAULT | CMARK_OPT_VALIDATE_UTF8;
    cmark_parser *parser = cmark_parser_new(options);
    if (!parser) return NULL;
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        cmark_syntax_extension *extension = cmark_find_syntax_extension(names[i]);
        if (extension) cmark_parser_attach_syntax_extension(parser, extension);
    }
    cmark_parser_feed(parser, text, length);
    cmark_node *document = cmark_parser_finish(parser);
    char *html = document ? cmark_render_html(document, options, cmark_parser_get_syntax_extensions(parser)) : NULL;
    if (document) cmark_node_free(document);
    cmark_parser_free(parser);
    return html;
}
#endif
