package org.paperdigest.qa.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.paperdigest.events.Page;
import org.paperdigest.events.PaperFetched;

/**
 * Cuts a paper's text into chunks of about {@code targetWords} words. A chunk never crosses a page, so its page is
 * the quote's page; it starts anew at each detected section heading, which becomes its section (the quote's
 * section) rather than part of its text. Text read from a web page has no pages: its chunks have page null and are
 * cited by section alone; arXiv's HTML rendering has the pages of the PDF its blocks were found in.
 * A table — its caption "Table 2: …" with the rows above or below it — is a chunk of its own whose section is the
 * table ("Table 2"), its rows on lines of their own; the section before it goes on after it.
 * An abstract-only paper is one chunk: its abstract, page null, section "Abstract".
 */
public final class Chunker {

    public static final String ABSTRACT = "Abstract";
    /** The only full-text format whose pages are real pages a reader can turn to. */
    private static final String PDF = "pdf";

    /** Numbered headings as PDF extraction leaves them: {@code 2.1   The Collection Pipeline}, {@code A.1 Data}. */
    private static final Pattern NUMBERED_HEADING = Pattern.compile(
            "(?:[A-Z](?:\\.\\d{1,2}){1,2}|\\d{1,2}(?:\\.\\d{1,2}){0,2})\\.?\\s+([A-Z][\\p{L}\\p{N} ,:&()'’/-]{1,70})");
    /** A number standing alone inside a "title" marks a list of footnoted names (affiliations), not a heading. */
    private static final Pattern STRAY_NUMBER = Pattern.compile("(?:^|\\s)\\d+(?:\\s|$)");
    private static final Pattern NAMED_HEADING = Pattern.compile(
            "(?i)(?:Abstract|Introduction|Related Work|Background|Conclusions?|Discussion|Limitations"
                    + "|Acknowledge?ments?|References|Appendix(?: [A-Z])?)");
    /** A table's caption, "Table 2: …" or "Table A.1. …"; the table is its name. */
    private static final Pattern TABLE_CAPTION = Pattern.compile("^(Table\\s+(?:[A-Z]\\.?)?\\d+)[:.]\\s");
    /** Cells a web table's row is rendered with. */
    private static final String CELL_SEPARATOR = " | ";
    private static final Pattern NUMBER = Pattern.compile("^[(±+-]?\\d+(?:[.,]\\d+)?[%)*†]?$");
    private static final int LONGEST_HEADING_WORDS = 10;
    private static final int SMALLEST_CHUNK_WORDS = 25;

    private final int targetWords;

    public Chunker(int targetWords) {
        this.targetWords = targetWords;
    }

    /** Whether the paper has any text to cut: full text or an abstract (checked without cutting it). */
    public static boolean hasText(PaperFetched paper) {
        String abstractText = paper.metadata().abstractText();
        return abstractText != null && !abstractText.isBlank() || paper.fullText() != null
                && paper.fullText().pages().stream().anyMatch(page -> !page.text().isBlank());
    }

    public List<Chunk> chunks(PaperFetched paper) {
        List<Chunk> chunks = paper.fullText() == null ? List.of()
                : pageChunks(paper.fullText().pages(),
                        paper.fullText().paged() || PDF.equals(paper.fullText().format()));
        if (!chunks.isEmpty()) {
            return chunks;
        }
        String abstractText = paper.metadata().abstractText();
        if (abstractText == null || abstractText.isBlank()) {
            return List.of();
        }
        return List.of(new Chunk(null, ABSTRACT, abstractText.strip().replaceAll("\\s+", " ")));
    }

    List<Chunk> pageChunks(List<Page> pages, boolean paged) {
        List<Chunk> chunks = new ArrayList<>();
        String section = null;
        for (Page page : pages) {
            boolean table = false;
            boolean captionOpen = false;
            Builder current = new Builder(paged ? page.number() : null, section);
            for (String rawLine : page.text().split("\\R")) {
                String line = rawLine.strip().replaceAll("\\s+", " ");
                if (line.isEmpty()) {
                    if (current.words >= targetWords) {
                        current = current.flushInto(chunks, table ? current.section : section);
                    }
                    continue;
                }
                if (isHeading(line)) {
                    // The heading becomes the chunks' section, not part of their text, so quotes stay prose.
                    section = line;
                    current = current.flushInto(chunks, section);
                    continue;
                }
                Matcher caption = TABLE_CAPTION.matcher(line);
                if (caption.find()) {
                    // A table is a chunk of its own named after it: its rows printed above the caption, the
                    // caption, its rows below; then the section goes on.
                    List<String> rowsAbove = current.takeTrailingRows();
                    current = current.flushInto(chunks, caption.group(1));
                    rowsAbove.forEach(current::add);
                    current.add(line);
                    table = true;
                    captionOpen = !line.endsWith(".");
                    continue;
                }
                if (table && (isRow(line) || captionOpen)) {
                    // A caption set on several lines goes on to its full stop.
                    captionOpen = captionOpen && !isRow(line) && !line.endsWith(".");
                    current.add(line);
                    continue;
                }
                if (table) {
                    table = false;
                    current = current.flushInto(chunks, section);
                }
                current.add(line);
                boolean sentenceEnds = line.endsWith(".") || line.endsWith("?") || line.endsWith("!");
                if (current.words >= 2 * targetWords || current.words >= targetWords && sentenceEnds) {
                    current = current.flushInto(chunks, section);
                }
            }
            current.flushInto(chunks, section);
        }
        return chunks;
    }

    /** Distinct section headings in reading order: the outline the question prompt shows. */
    public static List<String> headings(List<Chunk> chunks) {
        return chunks.stream().map(Chunk::section).filter(s -> s != null).distinct().toList();
    }

    /** A table row: a web table's cells, or a PDF line mostly of numbers (at least two). */
    static boolean isRow(String line) {
        if (line.contains(CELL_SEPARATOR)) {
            return true;
        }
        String[] tokens = line.split(" ");
        long numbers = java.util.Arrays.stream(tokens).filter(token -> NUMBER.matcher(token).matches()).count();
        return numbers >= 2 && numbers * 2 >= tokens.length;
    }

    static boolean isHeading(String line) {
        if (line.split(" ").length > LONGEST_HEADING_WORDS || line.endsWith(".") || line.endsWith(",")) {
            return false;
        }
        Matcher numbered = NUMBERED_HEADING.matcher(line);
        if (numbered.matches()) {
            return !STRAY_NUMBER.matcher(numbered.group(1)).find();
        }
        return NAMED_HEADING.matcher(line).matches();
    }

    /** Accumulates the lines of one chunk on one page. */
    private final class Builder {
        final Integer page;
        final String section;
        final List<String> lines = new ArrayList<>();
        int words;

        Builder(Integer page, String section) {
            this.page = page;
            this.section = section;
        }

        void add(String line) {
            lines.add(line);
            words += line.split(" ").length;
        }

        /** The table rows this chunk ends with, taken out of it: a table printed above its caption. */
        List<String> takeTrailingRows() {
            int from = lines.size();
            while (from > 0 && isRow(lines.get(from - 1))) {
                from--;
            }
            List<String> rows = new ArrayList<>(lines.subList(from, lines.size()));
            lines.subList(from, lines.size()).clear();
            words = lines.stream().mapToInt(line -> line.split(" ").length).sum();
            return rows;
        }

        /** The text: lines joined by spaces (a word broken by a hyphen joined whole), a table's rows by line breaks. */
        String text() {
            StringBuilder text = new StringBuilder();
            boolean tableChunk = section != null && TABLE_CAPTION.matcher(section + ": ").find();
            for (String line : lines) {
                boolean hyphenatedBreak = text.length() > 1 && text.charAt(text.length() - 1) == '-'
                        && Character.isLetter(text.charAt(text.length() - 2));
                if (text.length() > 0 && !hyphenatedBreak) {
                    text.append(tableChunk ? '\n' : ' ');
                }
                text.append(line);
            }
            return text.toString();
        }

        /** Emits this chunk (a short tail joins the chunk before it on the same page) and starts the next. */
        Builder flushInto(List<Chunk> chunks, String nextSection) {
            if (words > 0) {
                Chunk last = chunks.isEmpty() ? null : chunks.get(chunks.size() - 1);
                boolean joinsLast = words < SMALLEST_CHUNK_WORDS && last != null && Objects.equals(last.page(), page)
                        && Objects.equals(last.section(), section);
                if (joinsLast) {
                    chunks.set(chunks.size() - 1, new Chunk(page, section, last.text() + " " + text()));
                } else {
                    chunks.add(new Chunk(page, section, text()));
                }
            }
            return new Builder(page, nextSection);
        }
    }
}
