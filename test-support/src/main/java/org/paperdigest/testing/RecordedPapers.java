package org.paperdigest.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.paperdigest.events.Category;
import org.paperdigest.events.ContentLevel;
import org.paperdigest.events.EventCodec;
import org.paperdigest.events.PaperFetched;
import org.paperdigest.events.PaperKeys;
import org.paperdigest.events.PaperMetadata;

/** {@link PaperFetched} events built from the recorded arXiv metadata under {@code /fixtures/papers}. */
public final class RecordedPapers {

    /** The nine arXiv papers of the week 2023-11-20 with a record, each in its latest recorded version. */
    public static final List<String> WEEK_2023_11_20 = List.of("2311.10537", "2311.10702", "2311.11045",
            "2311.11797", "2311.11829", "2311.12022", "2311.12351", "2311.12983", "2311.13581");

    private RecordedPapers() {
    }

    /** The record {@code fixtures/papers/<name>.json}, e.g. {@code 2311.12022} or {@code 2311.12351v1}. */
    public static JsonNode json(String name) {
        try (InputStream in = RecordedPapers.class.getResourceAsStream("/fixtures/papers/" + name + ".json")) {
            if (in == null) {
                throw new IllegalStateException("no recorded paper " + name);
            }
            return EventCodec.mapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The paper as the fetcher emits it when only the metadata could be read. */
    public static PaperFetched abstractOnly(String name, String issueId) {
        JsonNode paper = json(name);
        return withAbstract(paper, issueId, paper.get("abstract").asText());
    }

    public static PaperFetched withAbstract(JsonNode paper, String issueId, String abstractText) {
        String id = paper.get("id").asText();
        String version = paper.get("version").asText();
        List<String> authors = new ArrayList<>();
        paper.get("authors").forEach(a -> authors.add(a.asText()));
        List<Category> categories = new ArrayList<>();
        paper.get("categories").forEach(c -> categories.add(new Category(c.asText(), c.asText())));
        PaperMetadata metadata = new PaperMetadata(paper.get("title").asText(), authors, abstractText,
                date(paper.get("published")), date(paper.get("updated")), categories,
                "https://arxiv.org/abs/" + id + version, "https://arxiv.org/pdf/" + id + version, null, null, null);
        return new PaperFetched(PaperFetched.SCHEMA_VERSION, issueId, PaperKeys.arxiv(id), 1, null, version, metadata,
                ContentLevel.ABSTRACT_ONLY, null, List.of("only the abstract could be read"),
                List.of("https://export.arxiv.org/api/query?id_list=" + id), Instant.now());
    }

    private static LocalDate date(JsonNode value) {
        return value == null || value.isNull() ? null : LocalDate.parse(value.asText().substring(0, 10));
    }
}
