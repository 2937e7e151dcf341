package org.paperdigest.fetcher.extract;

import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSNumber;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.color.PDColor;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.graphics.state.PDGraphicsState;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;
import org.apache.pdfbox.text.TextPosition;
import org.apache.pdfbox.util.Matrix;
import org.paperdigest.events.FlaggedPassage.Kind;

/**
 * Tells which glyphs of a page no reader sees: drawn in invisible mode or fully transparent, in a size under 2 pt,
 * outside the page's visible box, in the colour of what lies beneath them (white on a white page, but not white on
 * a dark box or on an image), or painted over afterwards by an opaque rectangle.
 *
 * <p>The text stripper reports the graphics operators it sees ({@link #operator}) and each glyph as it is drawn
 * ({@link #glyph}); colour and cover depend on what is painted before and after a glyph, so they are judged once the
 * page is done ({@link #kind}). Shapes are judged by their bounding boxes, erring towards visible: any shape under a
 * glyph counts as its background, an image or a shading as one of unknown colour, and only a rectangle can cover.
 */
final class GlyphVisibility {

    /** Glyphs set smaller than this, in points, cannot be read. */
    static final float TINY = 2f;
    /** Text whose contrast ratio with its background is under this cannot be told from it. */
    private static final double MIN_CONTRAST = 1.2;
    private static final int WHITE = 0xFFFFFF;
    private static final double SLACK = 1;
    /** Colour of a background that is not one colour (an image, a shading, a pattern). */
    private static final int UNKNOWN = -1;

    /** A painted area, in the order painted; {@code colour} is RGB or {@link #UNKNOWN}. */
    private record Paint(Rectangle2D box, int colour, boolean opaqueRectangle) {
    }

    /** A glyph as drawn: its box, its colour, and how many areas were painted before it. */
    private record Glyph(Rectangle2D box, int colour, int paintedBefore, Kind kind) {
    }

    private final List<Paint> paints = new ArrayList<>();
    private final Map<TextPosition, Glyph> glyphs = new IdentityHashMap<>();
    private Rectangle2D path;
    private boolean rectangleOnly;
    private int subpaths;
    private PDRectangle visibleBox;

    void startPage(PDRectangle cropBox) {
        paints.clear();
        glyphs.clear();
        visibleBox = cropBox;
        clearPath();
    }

    private void clearPath() {
        path = null;
        subpaths = 0;
    }

    /** Follows the operators that paint areas: paths and their fills, images, shadings. */
    void operator(Operator operator, List<COSBase> operands, PDGraphicsState state, PDResources resources) {
        Matrix ctm = state.getCurrentTransformationMatrix();
        switch (operator.getName()) {
            case "m", "l", "c", "v", "y" -> {
                subpaths += operator.getName().equals("m") ? 1 : 0;
                for (int i = 0; i + 1 < operands.size(); i += 2) {
                    extend(ctm.transformPoint(number(operands, i), number(operands, i + 1)), false);
                }
            }
            case "re" -> {
                subpaths++;
                float x = number(operands, 0);
                float y = number(operands, 1);
                float w = number(operands, 2);
                float h = number(operands, 3);
                extend(ctm.transformPoint(x, y), true);
                extend(ctm.transformPoint(x + w, y + h), true);
                extend(ctm.transformPoint(x, y + h), true);
                extend(ctm.transformPoint(x + w, y), true);
            }
            case "f", "F", "f*", "B", "B*", "b", "b*" -> {
                double alpha = state.getSoftMask() == null ? state.getNonStrokeAlphaConstant() : 0.5;
                // A fill no one sees is no background; one that lets what lies beneath show has no one colour.
                // Several subpaths make shapes with holes (an outline drawn as a filled ring): no one colour either.
                if (path != null && alpha > 0) {
                    boolean whole = alpha >= 1 && subpaths <= 1;
                    int colour = whole ? rgb(state.getNonStrokingColor()) : UNKNOWN;
                    paints.add(new Paint(path, colour, whole && rectangleOnly));
                }
                clearPath();
            }
            case "n", "S", "s" -> clearPath();
            case "Do" -> {
                if (!operands.isEmpty() && operands.get(0) instanceof COSName name && isImage(resources, name)) {
                    paints.add(new Paint(unitSquare(ctm), UNKNOWN, false));
                }
            }
            case "BI" -> paints.add(new Paint(unitSquare(ctm), UNKNOWN, false));
            case "sh" -> paints.add(new Paint(new Rectangle2D.Float(-1e6f, -1e6f, 2e6f, 2e6f), UNKNOWN, false));
            default -> {
            }
        }
    }

    /** Notes a glyph as it is drawn, with what can be told at once. */
    void glyph(TextPosition text, PDGraphicsState state) {
        Matrix at = text.getTextMatrix();
        float width = Math.max(text.getWidthDirAdj(), 0.1f);
        float height = Math.max(text.getHeightDir(), 0.1f);
        Rectangle2D box = new Rectangle2D.Float(at.getTranslateX(), at.getTranslateY(), width, height);
        RenderingMode mode = state.getTextState().getRenderingMode();
        boolean stroked = mode == RenderingMode.STROKE || mode == RenderingMode.STROKE_CLIP;
        Kind kind = null;
        if (mode == RenderingMode.NEITHER || mode == RenderingMode.NEITHER_CLIP) {
            kind = Kind.INVISIBLE_MODE;
        } else if ((stroked ? state.getAlphaConstant() : state.getNonStrokeAlphaConstant()) <= 0) {
            kind = Kind.HIDDEN_COLOUR;
        } else if (text.getYScale() < TINY && text.getHeightDir() < TINY) {
            kind = Kind.TINY;
        } else if (visibleBox != null && !visibleBox.contains((float) box.getCenterX(), (float) box.getCenterY())) {
            kind = Kind.OFF_PAGE;
        }
        int colour = rgb(stroked ? state.getStrokingColor() : state.getNonStrokingColor());
        glyphs.put(text, new Glyph(box, colour, paints.size(), kind));
    }

    /** Why no reader sees the glyph, or null when it is seen (or was never noted). */
    Kind kind(TextPosition text) {
        Glyph glyph = glyphs.get(text);
        if (glyph == null) {
            return null;
        }
        if (glyph.kind() != null) {
            return glyph.kind();
        }
        if (glyph.colour() != UNKNOWN && lowContrast(glyph.colour(), background(glyph))) {
            return Kind.HIDDEN_COLOUR;
        }
        for (int i = glyph.paintedBefore(); i < paints.size(); i++) {
            Paint paint = paints.get(i);
            if (paint.opaqueRectangle() && covers(paint.box(), glyph.box())) {
                return Kind.COVERED;
            }
        }
        return null;
    }

    /** Whether the rectangle holds the glyph's box, give or take a point (glyph boxes are estimates). */
    private static boolean covers(Rectangle2D rectangle, Rectangle2D glyph) {
        return rectangle.getMinX() - SLACK <= glyph.getMinX() && glyph.getMaxX() <= rectangle.getMaxX() + SLACK
                && rectangle.getMinY() - SLACK <= glyph.getMinY() && glyph.getMaxY() <= rectangle.getMaxY() + SLACK;
    }

    /** The colour of the last area painted under the glyph's middle before it, else the page's white. */
    private int background(Glyph glyph) {
        for (int i = glyph.paintedBefore() - 1; i >= 0; i--) {
            Paint paint = paints.get(i);
            if (paint.box().contains(glyph.box().getCenterX(), glyph.box().getCenterY())) {
                return paint.colour();
            }
        }
        return WHITE;
    }

    private static boolean lowContrast(int text, int background) {
        if (background == UNKNOWN) {
            return false;
        }
        double a = luminance(text);
        double b = luminance(background);
        return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05) < MIN_CONTRAST;
    }

    /** Relative luminance of an sRGB colour. */
    private static double luminance(int rgb) {
        return 0.2126 * linear(rgb >> 16) + 0.7152 * linear(rgb >> 8) + 0.0722 * linear(rgb);
    }

    private static double linear(int channel) {
        double c = (channel & 0xFF) / 255.0;
        return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }

    private static int rgb(PDColor colour) {
        try {
            return colour == null ? UNKNOWN : colour.toRGB() & 0xFFFFFF;
        } catch (IOException | RuntimeException e) {
            // Patterns and colour spaces PDFBox cannot convert: judged visible.
            return UNKNOWN;
        }
    }

    private void extend(Point2D.Float point, boolean rectangle) {
        if (path == null) {
            path = new Rectangle2D.Float(point.x, point.y, 0, 0);
            rectangleOnly = rectangle;
        } else {
            path.add(point);
            rectangleOnly &= rectangle;
        }
    }

    private static Rectangle2D unitSquare(Matrix ctm) {
        Rectangle2D box = new Rectangle2D.Float();
        box.setFrameFromDiagonal(ctm.transformPoint(0, 0), ctm.transformPoint(1, 1));
        box.add(ctm.transformPoint(0, 1));
        box.add(ctm.transformPoint(1, 0));
        return box;
    }

    private static boolean isImage(PDResources resources, COSName name) {
        try {
            return resources != null && resources.getXObject(name) instanceof PDImageXObject;
        } catch (IOException e) {
            return false;
        }
    }

    private static float number(List<COSBase> operands, int index) {
        return index < operands.size() && operands.get(index) instanceof COSNumber number ? number.floatValue() : 0;
    }
}
