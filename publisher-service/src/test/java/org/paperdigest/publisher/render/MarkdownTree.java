package org.paperdigest.publisher.render;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;

/** Reads rendered Markdown back through a CommonMark parser, so tests check what a reader sees. */
final class MarkdownTree {

    private final Node document;

    private MarkdownTree(Node document) {
        this.document = document;
    }

    static MarkdownTree parse(String markdown) {
        return new MarkdownTree(Parser.builder().build().parse(markdown));
    }

    Node document() {
        return document;
    }

    /** The literal text of a node as a reader sees it; line breaks become {@code \n}. */
    static String text(Node node) {
        StringBuilder text = new StringBuilder();
        node.accept(new AbstractVisitor() {
            @Override
            public void visit(Text t) {
                text.append(t.getLiteral());
            }

            @Override
            public void visit(Code code) {
                text.append(code.getLiteral());
            }

            @Override
            public void visit(SoftLineBreak softLineBreak) {
                text.append('\n');
            }

            @Override
            public void visit(HardLineBreak hardLineBreak) {
                text.append('\n');
            }
        });
        return text.toString();
    }

    List<Node> topLevelBlocks() {
        List<Node> blocks = new ArrayList<>();
        for (Node node = document.getFirstChild(); node != null; node = node.getNext()) {
            blocks.add(node);
        }
        return blocks;
    }

    /** The blocks under each level-2 heading, keyed by the heading's text, in document order. */
    Map<String, List<Node>> sections() {
        Map<String, List<Node>> sections = new LinkedHashMap<>();
        List<Node> current = null;
        for (Node block : topLevelBlocks()) {
            if (block instanceof Heading heading && heading.getLevel() == 2) {
                current = new ArrayList<>();
                sections.put(text(heading), current);
            } else if (current != null) {
                current.add(block);
            }
        }
        return sections;
    }

    /** Every node of the given type anywhere in the tree under {@code root}. */
    static <T extends Node> List<T> all(Node root, Class<T> type) {
        List<T> found = new ArrayList<>();
        collect(root, type, found);
        return found;
    }

    private static <T extends Node> void collect(Node node, Class<T> type, List<T> found) {
        if (type.isInstance(node)) {
            found.add(type.cast(node));
        }
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            collect(child, type, found);
        }
    }

    static List<String> texts(List<? extends Node> nodes) {
        return nodes.stream().map(MarkdownTree::text).toList();
    }
}
