package org.paperdigest.fetcher.extract;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Puts the lines of a page in reading order by the page's layout. Sorting by position, PDFBox reads across the page,
 * so on a two-column page a line of the left column and the line beside it in the right column come out as one line;
 * read as they are, the two columns interleave line by line.
 *
 * <p>The page is cut into blocks along its whitespace, recursively (an XY cut): a region is split down a gutter that
 * no word enters from the region's top to its bottom — left side read first —, else across the vertical gaps clearly
 * wider than the page's usual line gap — read top to bottom —, else, where a title or caption sits as close to two
 * columns as their own lines, at the few lines crossing the region's middle. So a full-width title, figure, table,
 * caption or equation stands in its place, and each band of two columns between them reads left column first, then
 * right. A gutter between a table's cells (rows of short lines side by side) is no column break: a table — its cells
 * mostly numbers, or a table's caption over it — keeps one row a line; any other grid (authors and their affiliations)
 * is read block by block, as pdftotext reads it. A band no whitespace cuts whose rows hold two pieces of prose apart
 * (a figure's text boxes) is read box by box ({@link TextBoxes}). Footnotes — lines in a smaller size at the foot of a
 * column, opening with a marker — go to the end of the page's text, before its footer; sideways text in the left
 * margin (arXiv's stamp) opens the page, and a rotated axis label stands beside its plot's ticks. The same cuts serve
 * a single column, ACL's and REVTeX's two, and a NeurIPS page with a figure of several text boxes.
 */
final class PageLayout {

    /** Width of the strip that must be free of text: wider than a space between words in justified text. */
    private static final float GUTTER = 6f;
    /** The words the median line of prose holds at least. */
    static final int PROSE_WORDS = 4;
    /** Fewer lines than this say too little to tell prose from a block of short lines (a name and its affiliation). */
    private static final int PROSE_LINES = 3;
    /** The share of its column's width the median line of prose runs. */
    private static final double FULL_LINE = 0.75;
    private static final Pattern TABLE_CAPTION =
            Pattern.compile("^(?:Table|TABLE|Tab\\.)\\s*(?:[A-Z]?\\d+|[IVXL]+)\\b");
    /** Two columns' widths differ by less than this share; a label column beside a description does not. */
    private static final double LIKE_WIDTH = 0.8;
    private static final Pattern NUMBER = Pattern.compile("^[-+−±(]?[\\d.,]*\\d");
    /** A footnote is set at most this share of the body text's size. */
    private static final float FOOTNOTE_SIZE = 0.92f;
    private static final Pattern FOOTNOTE_MARKER = Pattern.compile("^(?:\\d{1,2}|[*†‡§¶‖])\\s?(?=\\p{L})");

    private PageLayout() {
    }

    /** The text of the lines in reading order, one string per line. */
    static List<String> readingOrder(List<TextLine> lines) {
        List<TextLine> sideways = lines.stream().filter(line -> !line.upright() || line.words().isEmpty()).toList();
        List<TextLine> upright = lines.stream().filter(line -> line.upright() && !line.words().isEmpty()).toList();
        Blocks blocks = new Blocks(significantGap(upright), tableCaptions(upright));
        List<TextLine> ordered = new ArrayList<>(withFootnotesLast(blocks.order(upright)));
        // Sideways text in the left margin (arXiv's stamp) opens the page, as a header would; a rotated axis label
        // goes beside the first line to its right below its middle (the figure's ticks), else last.
        double textLeft = upright.stream().mapToDouble(TextLine::left).min().orElse(Double.MAX_VALUE);
        int opening = 0;
        for (TextLine line : sideways) {
            if (line.words().isEmpty()) {
                continue;
            }
            double middle = (line.top() + line.bottom()) / 2;
            int at = line.right() < textLeft ? opening++ : ordered.size();
            for (int i = opening; i < ordered.size() && at == ordered.size(); i++) {
                TextLine next = ordered.get(i);
                if (next.upright() && next.top() > middle && next.left() > line.right()) {
                    at = i;
                }
            }
            ordered.add(at, line);
        }
        return ordered.stream().map(TextLine::text).toList();
    }

    /**
     * The captions of the page's tables ("Table 2:", "TABLE II.", "Tab. 3"), each from its label to the next gap:
     * PDFBox joins a caption in one column with the line beside it in the other.
     */
    private static List<TextLine> tableCaptions(List<TextLine> lines) {
        List<TextLine> captions = new ArrayList<>();
        for (TextLine line : lines) {
            List<TextLine.Word> words = line.words();
            for (int i = 0; i + 1 < words.size(); i++) {
                boolean opens = i == 0 || words.get(i).left() - words.get(i - 1).right() >= GUTTER;
                if (opens && TABLE_CAPTION.matcher(words.get(i).text() + " " + words.get(i + 1).text()).find()) {
                    int end = i + 1;
                    while (end < words.size() && words.get(end).left() - words.get(end - 1).right() < GUTTER) {
                        end++;
                    }
                    captions.add(new TextLine(words.subList(i, end), true));
                }
            }
        }
        return captions;
    }

    /**
     * The smallest vertical gap between lines that separates blocks: clearly more than the gap between two lines of
     * a paragraph (the page's commonest), as above a heading, a float, a display equation or a footer.
     */
    private static float significantGap(List<TextLine> lines) {
        Map<Integer, Integer> gaps = new HashMap<>();
        for (int i = 1; i < lines.size(); i++) {
            float gap = lines.get(i).top() - lines.get(i - 1).bottom();
            if (gap > 0) {
                gaps.merge(Math.round(gap), 1, Integer::sum);
            }
        }
        int leading = gaps.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(3);
        return leading + 0.6f * bodySize(lines);
    }

    /**
     * Cuts a region of the page along its whitespace, recursively: down a gutter free of text from the region's top
     * to its bottom (read left side first), else across the gaps wider than {@code gap} (read top to bottom); a
     * region with no cut is read row by row. Columns, the blocks of a figure and full-width floats come out whole.
     */
    private record Blocks(float gap, List<TextLine> tableCaptions) {

        List<TextLine> order(List<TextLine> region) {
            return order(region, false);
        }

        /** {@code inTable}: the region is part of a table, whose rows stay whole however its cells are cut. */
        private List<TextLine> order(List<TextLine> region, boolean inTable) {
            Optional<Strip> gutter = gutter(region);
            if (gutter.isPresent()) {
                List<TextLine> left = side(region, leftOf(gutter.get().middle()));
                List<TextLine> right = side(region, rightOf(gutter.get().middle()));
                if (!cells(left, right)) {
                    List<TextLine> ordered = new ArrayList<>(order(left, inTable));
                    ordered.addAll(order(right, inTable));
                    return ordered;
                }
                inTable = inTable || isTable(region, right);
                if (!inTable) {
                    return grid(region);
                }
            }
            List<List<TextLine>> bands = bands(region);
            if (bands.size() == 1) {
                Optional<List<TextLine>> boxes = TextBoxes.read(region);
                if (boxes.isPresent()) {
                    return boxes.get();
                }
                bands = runsBetweenCrossingLines(region);
            }
            if (bands.size() == 1) {
                return region;
            }
            List<TextLine> ordered = new ArrayList<>();
            List<Section> sections = inTable ? bands.stream().map(band -> new Section(band, null)).toList()
                    : sections(bands);
            for (Section section : sections) {
                if (section.bands == 1) {
                    ordered.addAll(order(section.lines, inTable));
                } else {
                    ordered.addAll(order(side(section.lines, leftOf(section.gutter.middle())), false));
                    ordered.addAll(order(side(section.lines, rightOf(section.gutter.middle())), false));
                }
            }
            return ordered;
        }

        /**
         * Bands in sections: consecutive bands each cut into two columns down a common gutter are one section, read
         * left column first. A heading in one column can leave a gap at the height of a gap in the other (a
         * figure's whitespace, say), which cuts the page across both columns; the columns still run on below it.
         */
        private List<Section> sections(List<List<TextLine>> bands) {
            List<Section> sections = new ArrayList<>();
            for (List<TextLine> band : bands) {
                Optional<Strip> gutter = columnGutter(band);
                Section last = sections.isEmpty() ? null : sections.get(sections.size() - 1);
                Optional<Strip> common = last == null || last.gutter == null || gutter.isEmpty() ? Optional.empty()
                        : last.gutter.and(gutter.get());
                if (common.isPresent()) {
                    last.add(band, common.get());
                } else {
                    sections.add(new Section(band, gutter.orElse(null)));
                }
            }
            return sections;
        }

        /** The gutter between two columns of the band, if the band has one (not one between a table's cells). */
        private static Optional<Strip> columnGutter(List<TextLine> band) {
            return gutter(band).filter(strip -> !cells(side(band, leftOf(strip.middle())),
                    side(band, rightOf(strip.middle()))));
        }

        /**
         * A grid of short lines that no caption calls a table — authors and their affiliations — read as pdftotext
         * reads it: row of blocks by row, each block whole.
         */
        private List<TextLine> grid(List<TextLine> region) {
            List<List<TextLine>> rows = bands(region);
            if (rows.size() == 1) {
                return TextBoxes.blockByBlock(region);
            }
            List<TextLine> ordered = new ArrayList<>();
            rows.forEach(row -> ordered.addAll(order(row)));
            return ordered;
        }

        /**
         * Whether a grid is a table: its cells right of the gutter are mostly numbers, or a table's caption stands
         * on the page above or below it. A table's rows can stand far from its caption, past a header row or a
         * rule, so any caption over the grid's width counts.
         */
        private boolean isTable(List<TextLine> region, List<TextLine> rightCells) {
            long words = rightCells.stream().mapToLong(line -> line.words().size()).sum();
            long numbers = rightCells.stream().flatMap(line -> line.words().stream())
                    .filter(word -> NUMBER.matcher(word.text()).find()).count();
            double left = region.stream().mapToDouble(TextLine::left).min().orElseThrow();
            double right = region.stream().mapToDouble(TextLine::right).max().orElseThrow();
            return numbers * 2 >= words
                    || tableCaptions.stream().anyMatch(caption -> caption.left() < right && caption.right() > left);
        }

        /**
         * Where no whitespace cuts the region, but a few lines cross its middle — a title or a caption set close to
         * two columns —, the runs of lines between those lines, and each crossing line on its own. One run for a
         * region most of whose lines cross its middle, as a single column's do.
         */
        private static List<List<TextLine>> runsBetweenCrossingLines(List<TextLine> region) {
            double from = region.stream().mapToDouble(TextLine::left).min().orElse(0);
            double to = region.stream().flatMap(line -> line.words().stream()).mapToDouble(TextLine.Word::right)
                    .max().orElse(0);
            double middle = leastCrossed(region, from + 0.4 * (to - from), from + 0.6 * (to - from));
            long crossing = region.stream().filter(line -> crosses(line, middle)).count();
            if (crossing == 0 || crossing * 2 >= region.size()) {
                return List.of(region);
            }
            List<List<TextLine>> runs = new ArrayList<>();
            List<TextLine> run = new ArrayList<>();
            for (TextLine line : region) {
                if (crosses(line, middle)) {
                    if (!run.isEmpty()) {
                        runs.add(run);
                        run = new ArrayList<>();
                    }
                    runs.add(List.of(line));
                } else {
                    run.add(line);
                }
            }
            if (!run.isEmpty()) {
                runs.add(run);
            }
            return runs;
        }

        private static double leastCrossed(List<TextLine> region, double from, double to) {
            double best = from;
            long fewest = Long.MAX_VALUE;
            for (double x = from; x <= to; x += 0.5) {
                double at = x;
                long crossing = region.stream().filter(line -> crosses(line, at)).count();
                if (crossing < fewest) {
                    fewest = crossing;
                    best = x;
                }
            }
            return best;
        }

        private static boolean crosses(TextLine line, double x) {
            return line.words().stream()
                    .anyMatch(word -> word.left() < x + GUTTER / 2 && word.right() > x - GUTTER / 2);
        }

        /** The region's lines in runs separated by gaps wider than {@code gap}, top to bottom. */
        private List<List<TextLine>> bands(List<TextLine> region) {
            List<TextLine> byTop = new ArrayList<>(region);
            byTop.sort(Comparator.comparingDouble(TextLine::top));
            List<List<TextLine>> bands = new ArrayList<>();
            List<TextLine> band = new ArrayList<>();
            float bottom = -Float.MAX_VALUE;
            for (TextLine line : byTop) {
                if (!band.isEmpty() && line.top() - bottom > gap) {
                    bands.add(band);
                    band = new ArrayList<>();
                }
                band.add(line);
                bottom = Math.max(bottom, line.bottom());
            }
            bands.add(band);
            // Each band keeps the order PDFBox gave its lines.
            return bands.stream().map(run -> region.stream().filter(run::contains).toList()).toList();
        }

        /**
         * The widest strip, at least {@value #GUTTER} points wide, that no word of the region enters, with at least
         * two lines on each side.
         */
        private static Optional<Strip> gutter(List<TextLine> region) {
            List<float[]> spans = region.stream().flatMap(line -> line.words().stream())
                    .map(word -> new float[] {word.left(), word.right()})
                    .sorted(Comparator.comparingDouble(span -> span[0])).toList();
            double best = 0;
            Optional<Strip> gutter = Optional.empty();
            float reach = spans.isEmpty() ? 0 : spans.get(0)[1];
            for (float[] span : spans) {
                if (span[0] - reach >= GUTTER && span[0] - reach > best) {
                    best = span[0] - reach;
                    gutter = Optional.of(new Strip(reach, span[0]));
                }
                reach = Math.max(reach, span[1]);
            }
            if (gutter.isEmpty()) {
                return gutter;
            }
            double middle = gutter.get().middle();
            boolean twoSides = side(region, leftOf(middle)).size() >= 2 && side(region, rightOf(middle)).size() >= 2;
            return twoSides ? gutter : Optional.empty();
        }

        /**
         * Whether two sides of a gutter are cells of a grid (rows of short lines side by side), not columns: columns
         * are both prose, or of like width with prose on one side — the other may hold a float's short lines —, or
         * prose beside a few lines (a figure's labels), far fewer than a table's column beside it would hold.
         */
        private static boolean cells(List<TextLine> left, List<TextLine> right) {
            if (sideBySide(left, right) * 2 < Math.min(left.size(), right.size())) {
                return false;
            }
            boolean leftProse = isProse(left);
            boolean rightProse = isProse(right);
            boolean fewBesideProse = leftProse && right.size() * 2 < left.size()
                    || rightProse && left.size() * 2 < right.size();
            return !(leftProse && rightProse || (leftProse || rightProse) && likeWidths(left, right)
                    || fewBesideProse);
        }

        private static boolean likeWidths(List<TextLine> left, List<TextLine> right) {
            double leftWidth = width(left);
            double rightWidth = width(right);
            return Math.min(leftWidth, rightWidth) >= LIKE_WIDTH * Math.max(leftWidth, rightWidth);
        }


        /** How many lines of the left side have a line of the right side on the same baseline. */
        private static long sideBySide(List<TextLine> left, List<TextLine> right) {
            return left.stream().filter(line -> right.stream()
                    .anyMatch(other -> Math.abs(other.bottom() - line.bottom()) < 1)).count();
        }

        private static Predicate<TextLine.Word> leftOf(double x) {
            return word -> word.right() <= x;
        }

        private static Predicate<TextLine.Word> rightOf(double x) {
            return word -> word.left() >= x;
        }

        /** The part of each line on one side of the gutter, for the lines that have one. */
        private static List<TextLine> side(List<TextLine> lines, Predicate<TextLine.Word> onSide) {
            return lines.stream().map(line -> new TextLine(line.words().stream().filter(onSide).toList(), true))
                    .filter(line -> !line.words().isEmpty()).toList();
        }
    }

    /** A vertical strip of the page free of text, from one x to another. */
    private record Strip(double from, double to) {

        double middle() {
            return (from + to) / 2;
        }

        /** The part both strips share, if it is still wide enough to part two columns. */
        Optional<Strip> and(Strip other) {
            Strip common = new Strip(Math.max(from, other.from), Math.min(to, other.to));
            return common.to - common.from >= GUTTER ? Optional.of(common) : Optional.empty();
        }
    }

    /** Consecutive bands of a page read as one, down their common gutter when there are several. */
    private static final class Section {
        final List<TextLine> lines = new ArrayList<>();
        Strip gutter;
        int bands;

        Section(List<TextLine> band, Strip gutter) {
            add(band, gutter);
        }

        void add(List<TextLine> band, Strip common) {
            lines.addAll(band);
            gutter = common;
            bands++;
        }
    }

    /** From the leftmost word of the lines to the rightmost. */
    private static double width(List<TextLine> lines) {
        return lines.stream().mapToDouble(TextLine::right).max().orElse(0)
                - lines.stream().mapToDouble(TextLine::left).min().orElse(0);
    }

    /**
     * Whether the lines read as a column of prose: three lines at least, the median line has at least
     * {@value #PROSE_WORDS} words (PDFBox may keep spaces inside a word) and runs most of the column's width, as
     * justified or ragged lines do. A table's column of names or phrases has as many words, but its cells end where
     * they end.
     */
    static boolean isProse(List<TextLine> lines) {
        if (lines.size() < PROSE_LINES) {
            return false;
        }
        List<Integer> counts = lines.stream().map(line -> line.text().strip().split("\\s+").length).sorted().toList();
        double left = lines.stream().mapToDouble(TextLine::left).min().orElseThrow();
        List<Double> widths = lines.stream().map(line -> line.right() - left).sorted().toList();
        return counts.get(counts.size() / 2) >= PROSE_WORDS
                && widths.get(widths.size() / 2) >= FULL_LINE * width(lines);
    }

    /**
     * The lines with each footnote block moved to the end of the page, before any footer line below it. A footnote
     * block is a run of lines smaller than the body text, the first opening with a marker, that ends a column: the
     * line after it starts higher on the page (the next column) or it is the last.
     */
    static List<TextLine> withFootnotesLast(List<TextLine> lines) {
        float body = bodySize(lines);
        List<TextLine> rest = new ArrayList<>();
        List<TextLine> footnotes = new ArrayList<>();
        int i = 0;
        while (i < lines.size()) {
            int end = i;
            if (FOOTNOTE_MARKER.matcher(lines.get(i).text()).find() && isSmall(lines.get(i), body)) {
                end = i + 1;
                while (end < lines.size() && isSmall(lines.get(end), body)
                        && lines.get(end).top() >= lines.get(end - 1).top()) {
                    end++;
                }
                float blockBottom = lines.get(end - 1).bottom();
                boolean endsColumn = end == lines.size() || lines.get(end).top() < lines.get(i).top()
                        || lines.subList(end, lines.size()).stream().allMatch(line -> line.top() >= blockBottom);
                if (!endsColumn) {
                    end = i;
                }
            }
            if (end > i) {
                footnotes.addAll(lines.subList(i, end));
                i = end;
            } else {
                rest.add(lines.get(i++));
            }
        }
        if (footnotes.isEmpty()) {
            return lines;
        }
        float footnotesBottom = (float) footnotes.stream().mapToDouble(TextLine::bottom).max().orElseThrow();
        int footer = rest.size();
        while (footer > 0 && rest.get(footer - 1).top() > footnotesBottom) {
            footer--;
        }
        List<TextLine> ordered = new ArrayList<>(rest.subList(0, footer));
        ordered.addAll(footnotes);
        ordered.addAll(rest.subList(footer, rest.size()));
        return ordered;
    }

    private static boolean isSmall(TextLine line, float body) {
        return line.size() > 0 && line.size() <= body * FOOTNOTE_SIZE;
    }

    /** The size most characters of the page are set in. */
    private static float bodySize(List<TextLine> lines) {
        Map<Float, Integer> chars = new HashMap<>();
        for (TextLine line : lines) {
            for (TextLine.Word word : line.words()) {
                chars.merge(Math.round(word.size() * 2) / 2f, word.text().length(), Integer::sum);
            }
        }
        return chars.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(0f);
    }
}
