#!/usr/bin/env bash
# Prints, page by page, how our text of each PDF given agrees with Poppler's pdftotext on this machine: word
# coverage and word 4-gram adjacency, the measure ReadingOrderTest uses. Same needs and arguments as
# dev/extraction-benchmark.sh.
PDF_REPORT=ReadingOrderReport exec "$(dirname "$0")/extraction-benchmark.sh" "$@"
