#pragma once
// Text into markup: escaping for XML/HTML, marked shared phrases, and excerpts of long
// answers cut at character boundaries around what is marked.
#include <string>
#include <string_view>
#include <vector>

#include "results/reports/report_data.hpp"
#include "results/layer.hpp"

namespace ds::results {

// Escapes &, <, >, quotes; replaces control characters XML 1.0 forbids with U+FFFD.
std::string xml_escape(std::string_view text);

// Text for a markdown line or table cell: HTML-significant characters as entities (&lt; ...),
// the markdown that could hide or forge content backslash-escaped (\ ` | and the ( of "](":
// no code span, link, image or extra cell), line breaks as spaces, invalid UTF-8 and control characters as
// U+FFFD. Emphasis characters (* _ ~) are left as they are: model names are full of '_', and
// at worst they render in italics. (No code spans for outside text: inside one, an entity
// shows as written, and raw HTML stays in the file.)
std::string markdown_text(std::string_view text);

// The escaped text with each span wrapped in <mark>.
std::string marked_html(std::string_view text, const std::vector<Span>& marks);

// At most max_bytes of `text` (cut at UTF-8 character starts, "…" where cut), starting a
// little before the first mark; `marks` are moved and clipped to the excerpt.
std::string excerpt_around(const std::string& text, std::vector<Span>& marks, size_t max_bytes);

}  // namespace ds::results
