package org.paperdigest.summarizer.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.paperdigest.events.Page;
import org.paperdigest.events.PaperFetched;
import org.paperdigest.llm.JapaneseText;
import org.paperdigest.llm.NumberClaims;

/**
 * Checks the model's key results, the short lines a reader sees under a paper's title: Japanese, short, at most
 * {@link #MOST_LINES}, and every number in them stated by the paper (its abstract or its full text), by the same
 * number check as qa's answers. A line that fails is left out; the paper is published without it, never held back.
 */
public final class KeyResultsCheck {

    public static final int MOST_LINES = 3;
    /** A line is read at a glance under the title; a paragraph there would bury the list. */
    static final int LONGEST_LINE = 80;

    /** The lines that passed, in the model's order, and one finding (an instruction for the re-ask) per failure. */
    public record Checked(List<String> kept, List<String> findings) {
    }

    private final List<String> sources;
    private final List<String> naming;

    private KeyResultsCheck(List<String> sources, List<String> naming) {
        this.sources = sources;
        this.naming = naming;
    }

    /** Numbers are looked up in the abstract and every page of the full text; the title only names things. */
    public static KeyResultsCheck of(PaperFetched paper) {
        List<String> sources = new ArrayList<>();
        sources.add(paper.metadata().abstractText());
        if (paper.fullText() != null && paper.fullText().pages() != null) {
            paper.fullText().pages().stream().map(Page::text).forEach(sources::add);
        }
        String title = paper.metadata().title();
        return new KeyResultsCheck(List.copyOf(sources), title == null ? List.of() : List.of(title));
    }

    public Checked check(List<String> lines) {
        List<String> kept = new ArrayList<>();
        List<String> findings = new ArrayList<>();
        List<String> given = lines == null ? List.of()
                : lines.stream().filter(line -> line != null && !line.isBlank())
                        .map(line -> line.strip().replaceAll("\\s*\\R\\s*", " ")).toList();
        if (given.size() > MOST_LINES) {
            findings.add("keyResultsJa has " + given.size() + " lines: give at most " + MOST_LINES);
        }
        for (String line : given) {
            String finding = problem(line);
            if (finding == null) {
                if (kept.size() < MOST_LINES) {
                    kept.add(line);
                }
            } else {
                findings.add(finding);
            }
        }
        return new Checked(List.copyOf(kept), List.copyOf(findings));
    }

    private String problem(String line) {
        int length = JapaneseText.length(line);
        if (length > LONGEST_LINE) {
            return "keyResultsJa line \"" + line + "\" has " + length + " characters; the limit is " + LONGEST_LINE
                    + ": shorten it";
        }
        if (!JapaneseText.hasKana(line)) {
            return "keyResultsJa line \"" + line + "\" is not Japanese: write it in Japanese";
        }
        Set<String> unsupported = NumberClaims.unsupported(line, sources, naming);
        if (!unsupported.isEmpty()) {
            return "keyResultsJa line \"" + line + "\" states " + String.join(", ", unsupported)
                    + ", which the paper does not state: use only figures the abstract states, as it writes them";
        }
        return null;
    }
}
