package org.paperdigest.qa;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.paperdigest.events.Category;
import org.paperdigest.events.ContentLevel;
import org.paperdigest.events.EventCodec;
import org.paperdigest.events.FullText;
import org.paperdigest.events.Page;
import org.paperdigest.events.PaperFetched;
import org.paperdigest.events.PaperKeys;
import org.paperdigest.events.PaperMetadata;

/** The GPQA paper as the fetcher would emit it, built from the recorded metadata and pdftotext output. */
public final class FixturePapers {

    private FixturePapers() {
    }

    /** The 28 pages of GPQA v1; pdftotext ends each page with a form feed. */
    public static List<Page> gpqaPages() {
        return pages("2311.12022v1_gpqa.pdftotext.txt");
    }

    /** The pages of a fixture text with one form feed after each page, numbered from 1. */
    public static List<Page> pages(String file) {
        String[] pages = resource(file).split("\f", -1);
        List<Page> result = new ArrayList<>();
        for (int i = 0; i < pages.length; i++) {
            if (i == pages.length - 1 && pages[i].isBlank()) {
                break;
            }
            result.add(new Page(i + 1, pages[i]));
        }
        return result;
    }

    public static PaperFetched gpqaFullText(String issueId) {
        FullText fullText = new FullText("pdf", "https://arxiv.org/pdf/2311.12022v1", gpqaPages(), false);
        return paper(issueId, ContentLevel.FULL_TEXT, fullText, metadata().abstractText());
    }

    public static PaperFetched gpqaAbstractOnly(String issueId) {
        return paper(issueId, ContentLevel.ABSTRACT_ONLY, null, metadata().abstractText());
    }

    public static PaperMetadata metadata() {
        JsonNode paper;
        try {
            paper = EventCodec.mapper().readTree(resource("2311.12022.json"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> authors = new ArrayList<>();
        paper.get("authors").forEach(a -> authors.add(a.asText()));
        List<Category> categories = new ArrayList<>();
        paper.get("categories").forEach(c -> categories.add(new Category(c.asText(), c.asText())));
        return new PaperMetadata(paper.get("title").asText(), authors, paper.get("abstract").asText(),
                LocalDate.parse(paper.get("published").asText().substring(0, 10)),
                LocalDate.parse(paper.get("updated").asText().substring(0, 10)), categories,
                "https://arxiv.org/abs/2311.12022v1", "https://arxiv.org/pdf/2311.12022v1", null, null, null);
    }

    private static PaperFetched paper(String issueId, ContentLevel level, FullText fullText, String abstractText) {
        PaperMetadata m = metadata();
        PaperMetadata metadata = new PaperMetadata(m.title(), m.authors(), abstractText, m.published(), m.updated(),
                m.categories(), m.url(), m.pdfUrl(), m.doi(), m.journalRef(), m.comment());
        return new PaperFetched(PaperFetched.SCHEMA_VERSION, issueId, PaperKeys.arxiv("2311.12022"), 1, null, "v1",
                metadata, level, fullText, List.of(), List.of("https://arxiv.org/pdf/2311.12022v1"), Instant.now());
    }

    public static String resource(String name) {
        try (InputStream in = FixturePapers.class.getResourceAsStream("/fixtures/" + name)) {
            if (in == null) {
                throw new IllegalStateException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
