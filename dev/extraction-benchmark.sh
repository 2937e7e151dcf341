#!/usr/bin/env bash
# Prints the PDF text extraction time of each fixture PDF beside Poppler's pdftotext on this machine.
# Needs pdftotext (Debian package poppler-utils) and the fetcher's test classes: ./mvnw -B install -DskipTests first.
# PDFs are given as arguments (paths from anywhere); without any, the fixture PDFs.
# PDF_REPORT names another report of the fetcher's test classes to run the same way (dev/reading-order.sh).
set -euo pipefail
pdfs=()
for pdf in "$@"; do pdfs+=("$(realpath "$pdf")"); done
cd "$(dirname "$0")/.."
command -v pdftotext >/dev/null || { echo "pdftotext is needed (apt-get install poppler-utils)" >&2; exit 1; }
if [ ${#pdfs[@]} -eq 0 ]; then
  pdfs=("$PWD"/test-support/src/main/resources/fixtures/pdf/*.pdf "$PWD"/fetcher-service/src/test/resources/layout/*.pdf
    "$PWD"/fetcher-service/src/test/resources/two-column/*.pdf)
fi
./mvnw -B -q test-compile -pl fetcher-service
args=$(printf '%s ' "${pdfs[@]}")
./mvnw -B -q exec:java -pl fetcher-service -Dexec.classpathScope=test \
  -Dexec.mainClass=org.paperdigest.fetcher.extract.${PDF_REPORT:-ExtractionBenchmark} -Dexec.args="$args"
