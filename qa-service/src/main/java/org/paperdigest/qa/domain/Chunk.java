package org.paperdigest.qa.domain;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.paperdigest.llm.PaperText;

/**
 * A piece of a paper's text small enough to hand to the model, with where it came from. Evidence takes its page and
 * section from here, never from the model.
 *
 * @param page    1-based page of a PDF's text; null for an abstract or a text without pages (a web page)
 * @param section the heading the text stands under, where one was detected; else null
 */
public record Chunk(Integer page, String section, String text) {

    /**
     * {@code chunks} as an answer prompt gives them: one {@code <chunk n="…" page="…" section="…">} element each,
     * numbered from 1 in the given order (the numbers a quote names), the text made safe to stand in the prompt.
     */
    public static String numbered(List<Chunk> chunks) {
        return IntStream.range(0, chunks.size()).mapToObj(i -> {
            Chunk c = chunks.get(i);
            String where = (c.page() == null ? "" : " page=\"" + c.page() + "\"")
                    + (c.section() == null ? "" : " section=\"" + c.section().replaceAll("[\"<>]", "'") + "\"");
            return "<chunk n=\"" + (i + 1) + "\"" + where + ">\n" + PaperText.neutralised(c.text()) + "\n</chunk>";
        }).collect(Collectors.joining("\n\n"));
    }
}
