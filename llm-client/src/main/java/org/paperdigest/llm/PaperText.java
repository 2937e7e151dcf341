package org.paperdigest.llm;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Makes a paper's text safe to put between the tags of our prompts. A paper is data: its text may contain what looks
 * like our markup ({@code </abstract>}, {@code <chunk n="9">}, {@code <problems>}) or our re-ask wording, by accident
 * or to steer the model. Such tags get angle quotes instead of angle brackets ({@code ‹/abstract›}), so the paper
 * can neither close the element it stands in nor open one of ours, and a line that imitates our re-ask block is
 * marked as the paper's. Everything else is left as it is, so quotes still match the paper.
 */
public final class PaperText {

    /** Every element name our prompts use. */
    private static final Pattern OUR_TAG = Pattern.compile(
            "<(\\s*/?\\s*(?:abstract|title|protected|span|headings|chunk|paper|question|problems)\\b[^<>]{0,200})>",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern REASK_LINE = Pattern.compile(
            "(?im)^(\\s*)(your previous reply was rejected|fix every problem listed here)");

    private PaperText() {
    }

    public static String neutralised(String text) {
        if (text == null) {
            return null;
        }
        Matcher tag = OUR_TAG.matcher(text);
        String untagged = tag.replaceAll(m -> Matcher.quoteReplacement("‹" + m.group(1) + "›"));
        return REASK_LINE.matcher(untagged).replaceAll("$1(text of the paper:) $2");
    }

    /**
     * One {@code - } line per item, each {@link #neutralised}: how our prompts list a paper's headings and the
     * findings of a re-ask, which quote the model's reply to the paper.
     */
    public static String bulleted(List<String> items) {
        return items.stream().map(item -> "- " + neutralised(item)).collect(Collectors.joining("\n"));
    }
}
