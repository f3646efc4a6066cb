#pragma once
// The HTML report's inline style and script: no network, no CDN, one file.
namespace ds::results::html {
extern const char* const kStyle;
// Reads the JSON data islands (#lineage-data, #viewer-data), shows the heatmap tooltip and
// renders the viewer lazily (one prompt at a time); sets body[data-ready-ms] when done.
extern const char* const kScript;
}  // namespace ds::results::html
