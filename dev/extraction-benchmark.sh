#!/usr/bin/env bash
# Prints the PDF text extraction time of each fixture PDF beside Poppler's pdftotext on this machine.
# Needs pdftotext (Debian package poppler-utils) and the fetcher's test classes: ./mvnw -B install -DskipTests first.
# Further PDFs can be given as arguments.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v pdftotext >/dev/null || { echo "pdftotext is needed (apt-get install poppler-utils)" >&2; exit 1; }
pdfs=("$@")
if [ ${#pdfs[@]} -eq 0 ]; then
  pdfs=(test-support/src/main/resources/fixtures/pdf/*.pdf fetcher-service/src/test/resources/layout/*.pdf)
fi
./mvnw -B -q -o test-compile -pl fetcher-service
args=$(printf '%s ' "${pdfs[@]/#/$PWD/}")
./mvnw -B -q -o exec:java -pl fetcher-service -Dexec.classpathScope=test \
  -Dexec.mainClass=org.paperdigest.fetcher.extract.ExtractionBenchmark -Dexec.args="$args"
