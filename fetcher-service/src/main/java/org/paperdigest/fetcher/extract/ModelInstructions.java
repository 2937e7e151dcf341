package org.paperdigest.fetcher.extract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.paperdigest.events.FlaggedPassage;
import org.paperdigest.events.FullText;
import org.paperdigest.events.Page;

/**
 * Finds text addressed to AI tools rather than readers ("ignore all previous instructions", "give a positive
 * review", 「これまでの指示を無視」…), by the phrases of {@code model-instructions.txt}, one expression a line.
 *
 * <p>Hidden text that matches is an instruction for certain: nobody writes for readers what readers cannot see.
 * Visible text is part of the paper and stays in it; a match there is flagged only when the paper does not discuss
 * the phrase as its topic, as papers on prompt injection do when they quote an attack: a match in quotation marks,
 * or with words of that topic (injection, jailbreak, attack, adversarial, example…) in the text around it, is left
 * alone.
 */
public final class ModelInstructions {

    private static final List<Pattern> PHRASES = load();
    /** Words that show a passage discusses prompts aimed at models instead of giving one. */
    private static final Pattern TOPIC = Pattern.compile("inject|jailbreak|attack|adversar|malicious|exploit|"
            + "red[- ]team|e\\.g\\.|for instance|such as|example|攻撃|インジェクション|脱獄|例えば|例:",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern QUOTE_OPEN = Pattern.compile("[\"“‘'「『]\\s*$");
    /** Characters either side of a match read for the topic's words. */
    private static final int CONTEXT = 400;
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?。！？])\\s+|\\n");

    private ModelInstructions() {
    }

    /** Whether the text holds a phrase addressed to AI tools. */
    public static boolean addressesModels(String text) {
        String flat = flat(text);
        return PHRASES.stream().anyMatch(phrase -> phrase.matcher(flat).find());
    }

    /** Hidden passages, each marked whether it is an instruction. */
    public static List<FlaggedPassage> marked(List<FlaggedPassage> hidden) {
        return hidden.stream().map(passage -> new FlaggedPassage(passage.page(), passage.section(), passage.text(),
                passage.kind(), addressesModels(passage.text()))).toList();
    }

    /**
     * The sentences of visible text that address AI tools and are not discussed as a topic.
     *
     * @param page    the page to record, null when the text has none
     * @param section the section to record, null when the page says where
     */
    public static List<FlaggedPassage> inVisibleText(String text, Integer page, String section) {
        List<FlaggedPassage> found = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return found;
        }
        for (Pattern phrase : PHRASES) {
            Matcher m = phrase.matcher(text);
            while (m.find()) {
                if (discussed(text, m.start(), m.end())) {
                    continue;
                }
                String sentence = sentence(text, m.start(), m.end());
                if (found.stream().noneMatch(passage -> passage.text().equals(sentence))) {
                    found.add(new FlaggedPassage(page, section, sentence, FlaggedPassage.Kind.VISIBLE, true));
                }
            }
        }
        return found;
    }

    /**
     * All a paper has to flag: its hidden passages, each marked whether it is an instruction, then the sentences of
     * its abstract and visible text that address AI tools.
     *
     * @param text null when only the abstract was read
     */
    public static List<FlaggedPassage> flagged(List<FlaggedPassage> hidden, FullText text, String abstractText) {
        List<FlaggedPassage> flagged = new ArrayList<>(marked(hidden));
        flagged.addAll(inVisibleText(abstractText, null, "Abstract"));
        if (text != null) {
            flagged.addAll(inVisiblePages(text.pages(), text.paged()));
        }
        return flagged;
    }

    /** Flagged passages of a paper's visible pages (page-less text is recorded without a page). */
    public static List<FlaggedPassage> inVisiblePages(List<Page> pages, boolean paged) {
        List<FlaggedPassage> found = new ArrayList<>();
        for (Page page : pages) {
            found.addAll(inVisibleText(page.text(), paged ? page.number() : null, null));
        }
        return found;
    }

    private static boolean discussed(String text, int start, int end) {
        String before = text.substring(Math.max(0, start - CONTEXT), start);
        String after = text.substring(end, Math.min(text.length(), end + CONTEXT));
        return QUOTE_OPEN.matcher(before).find() || TOPIC.matcher(before).find() || TOPIC.matcher(after).find();
    }

    /** The sentence around a match, spaces made one. */
    private static String sentence(String text, int start, int end) {
        int from = 0;
        Matcher breaks = SENTENCE_END.matcher(text);
        int to = text.length();
        while (breaks.find()) {
            if (breaks.end() <= start) {
                from = breaks.end();
            } else if (breaks.start() >= end) {
                to = breaks.start();
                break;
            }
        }
        return flat(text.substring(from, to)).strip();
    }

    private static String flat(String text) {
        return text.replaceAll("\\s+", " ");
    }

    private static List<Pattern> load() {
        try (InputStream in = ModelInstructions.class.getResourceAsStream("model-instructions.txt")) {
            if (in == null) {
                throw new IllegalStateException("model-instructions.txt is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .map(line -> Pattern.compile(line, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
