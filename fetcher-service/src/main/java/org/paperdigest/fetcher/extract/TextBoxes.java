package org.paperdigest.fetcher.extract;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/**
 * Reads a region of text boxes set side by side — a figure's panels of prose, a diagram's notes — box by box. Where
 * no whitespace runs through the whole region, a row of it can still hold two boxes, each line broken by a wide
 * gap; read row by row, their lines would interleave. So each line is cut at its wide gaps into pieces, a piece
 * joins the box whose last piece stands right above it, and the boxes are read in the order their own whitespace
 * gives (left before right where a gap runs down between them, else top to bottom).
 *
 * <p>Only prose is read so: where the pieces are short (a table's cells, an author list) or no two boxes read as
 * prose (a table's columns of phrases), rows stay whole, so a table keeps one row a line.
 */
final class TextBoxes {

    /** A gap between words wider than this many times their size parts two boxes: a space is far narrower. */
    private static final float PIECE_GAP = 1.2f;
    /** The most a box's next line may stand below its last, in times its size: more than a line's leading. */
    private static final float LINE_GAP = 1.0f;
    /** Sizes this far apart set a box's lines apart: a name over its affiliation, a heading over its text. */
    private static final float SIZE_STEP = 0.5f;

    private TextBoxes() {
    }

    /** The region's lines box by box, or empty where no row holds two boxes of prose. */
    static Optional<List<TextLine>> read(List<TextLine> region) {
        List<TextLine> pieces = new ArrayList<>();
        List<Integer> sideBySide = new ArrayList<>();
        for (TextLine line : region) {
            List<TextLine> cut = pieces(line);
            if (cut.size() > 1) {
                // The second longest piece: a table's row has one long cell at most, a row of two boxes two.
                sideBySide.add(cut.stream().map(piece -> piece.words().size()).sorted(Comparator.reverseOrder())
                        .toList().get(1));
            }
            pieces.addAll(cut);
        }
        if (sideBySide.isEmpty()) {
            return Optional.empty();
        }
        List<Integer> counts = sideBySide.stream().sorted().toList();
        if (counts.get(counts.size() / 2) < PageLayout.PROSE_WORDS) {
            return Optional.empty();
        }
        List<Box> boxes = boxes(pieces);
        if (boxes.stream().filter(box -> box.lines.size() > 1 && PageLayout.isProse(box.lines)).count() < 2) {
            return Optional.empty();
        }
        return Optional.of(inOrder(boxes, false));
    }

    /**
     * A grid's lines block by block, whatever the blocks hold — authors and their affiliations —, a row of blocks
     * before the next as pdftotext reads them; a line in another size (a name over its affiliation) opens a block.
     */
    static List<TextLine> blockByBlock(List<TextLine> region) {
        return inOrder(boxes(region.stream().flatMap(line -> pieces(line).stream()).toList()), true);
    }

    private static List<TextLine> inOrder(List<Box> boxes, boolean rowsFirst) {
        List<TextLine> ordered = new ArrayList<>();
        order(boxes, rowsFirst).forEach(box -> ordered.addAll(box.lines));
        return ordered;
    }

    /** The line cut at each gap wider than {@value #PIECE_GAP} times its words' size. */
    private static List<TextLine> pieces(TextLine line) {
        List<TextLine.Word> words = new ArrayList<>(line.words());
        words.sort(Comparator.comparingDouble(TextLine.Word::left));
        List<TextLine> pieces = new ArrayList<>();
        List<TextLine.Word> piece = new ArrayList<>();
        for (TextLine.Word word : words) {
            if (!piece.isEmpty()) {
                TextLine.Word last = piece.get(piece.size() - 1);
                if (word.left() - last.right() > PIECE_GAP * Math.max(word.em(), last.em())) {
                    pieces.add(new TextLine(piece, line.upright()));
                    piece = new ArrayList<>();
                }
            }
            piece.add(word);
        }
        pieces.add(new TextLine(piece, line.upright()));
        return pieces;
    }

    /** A box: lines set one below the other, each overlapping the one above it. */
    private static final class Box {
        final List<TextLine> lines = new ArrayList<>();
        float left = Float.MAX_VALUE;
        float right = -Float.MAX_VALUE;
        float top = Float.MAX_VALUE;
        float bottom = -Float.MAX_VALUE;

        void add(TextLine line) {
            lines.add(line);
            left = Math.min(left, line.left());
            right = Math.max(right, line.right());
            top = Math.min(top, line.top());
            bottom = Math.max(bottom, line.bottom());
        }

        TextLine last() {
            return lines.get(lines.size() - 1);
        }
    }

    /** Pieces top to bottom, each added to the box right above it that it overlaps most, else a box of its own. */
    private static List<Box> boxes(List<TextLine> pieces) {
        List<TextLine> byTop = new ArrayList<>(pieces);
        byTop.sort(Comparator.comparingDouble(TextLine::top).thenComparingDouble(TextLine::left));
        List<Box> boxes = new ArrayList<>();
        for (TextLine piece : byTop) {
            Box best = null;
            double most = 0;
            for (Box box : boxes) {
                TextLine last = box.last();
                double overlap = Math.min(last.right(), piece.right()) - Math.max(last.left(), piece.left());
                float below = piece.top() - last.bottom();
                boolean sameSize = Math.abs(last.size() - piece.size()) < SIZE_STEP;
                if (overlap > most && sameSize && below > -last.em() / 2 && below < LINE_GAP * piece.em()) {
                    most = overlap;
                    best = box;
                }
            }
            if (best == null) {
                best = new Box();
                boxes.add(best);
            }
            best.add(piece);
        }
        return boxes;
    }

    /**
     * Boxes in reading order: the ones left of a gap that runs down between all of them first, else the bands
     * between gaps across, top to bottom, else by their tops; {@code rowsFirst} tries the gaps across first.
     */
    private static List<Box> order(List<Box> boxes, boolean rowsFirst) {
        if (boxes.size() < 2) {
            return boxes;
        }
        Optional<Float> down = widestGap(boxes, box -> box.left, box -> box.right);
        Optional<Float> across = widestGap(boxes, box -> box.top, box -> box.bottom);
        if (down.isPresent() && (!rowsFirst || across.isEmpty())) {
            List<Box> ordered = new ArrayList<>(order(boxes.stream().filter(box -> box.right <= down.get()).toList(),
                    rowsFirst));
            ordered.addAll(order(boxes.stream().filter(box -> box.left >= down.get()).toList(), rowsFirst));
            return ordered;
        }
        if (across.isPresent()) {
            List<Box> ordered = new ArrayList<>(order(boxes.stream().filter(box -> box.bottom <= across.get())
                    .toList(), rowsFirst));
            ordered.addAll(order(boxes.stream().filter(box -> box.top >= across.get()).toList(), rowsFirst));
            return ordered;
        }
        List<Box> byTop = new ArrayList<>(boxes);
        byTop.sort(Comparator.comparingDouble((Box box) -> box.top).thenComparingDouble(box -> box.left));
        return byTop;
    }

    /** The middle of the widest gap between the boxes' extents along one axis, if there is one. */
    private static Optional<Float> widestGap(List<Box> boxes, ToDoubleFunction<Box> from,
            ToDoubleFunction<Box> to) {
        List<Box> sorted = new ArrayList<>(boxes);
        sorted.sort(Comparator.comparingDouble(from));
        double reach = to.applyAsDouble(sorted.get(0));
        double widest = 0;
        Optional<Float> middle = Optional.empty();
        for (Box box : sorted) {
            double gap = from.applyAsDouble(box) - reach;
            if (gap > widest) {
                widest = gap;
                middle = Optional.of((float) ((from.applyAsDouble(box) + reach) / 2));
            }
            reach = Math.max(reach, to.applyAsDouble(box));
        }
        return middle;
    }
}
