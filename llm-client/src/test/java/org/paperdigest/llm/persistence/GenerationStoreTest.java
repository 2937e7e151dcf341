package org.paperdigest.llm.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.paperdigest.events.Generation;
import org.paperdigest.events.QualityReport;
import org.paperdigest.events.TokenUsage;
import org.paperdigest.testing.FakeLlmResource;
import org.paperdigest.testing.StoredResults;

/** The generation store on the real PostgreSQL, in a service's schema: what counts as the same generation. */
@QuarkusTest
@WithTestResource(FakeLlmResource.class)
class GenerationStoreTest {

    private final String model = "store-test-" + UUID.randomUUID();
    private final String otherModel = model + "-other";
    private final GenerationKey key = new GenerationKey("arxiv:2311.12983", "v2", "summary-v1", model);
    private final Generation generation = new Generation("store-test-model-2024-07-18", "summary-v1",
            Instant.parse("2026-11-23T10:15:30.123456Z"), new TokenUsage(1200, 340),
            new QualityReport(2, 1, 0, List.of(), 3, 0));
    private final Summary summary = new Summary("GAIAは汎用AIアシスタントのベンチマークである。", "GAIAの紹介。");

    @Inject
    GenerationStore store;

    /** A result as a service stores it: the summarizer's, say. */
    record Summary(String abstractJa, String summaryJa) {
    }

    @AfterEach
    void forgetRows() {
        StoredResults.forget(model);
        StoredResults.forget(otherModel);
    }

    @Test
    void findsWhatWasSavedWithItsProvenance() {
        assertTrue(store.find(key, Summary.class).isEmpty());

        store.save(key, summary, generation);

        StoredGeneration<Summary> found = store.find(key, Summary.class).orElseThrow();
        assertEquals(summary, found.result());
        assertEquals(generation, found.generation());
    }

    @Test
    void anotherModelPromptOrPaperVersionIsAMiss() {
        store.save(key, summary, generation);

        assertTrue(store.find(new GenerationKey(key.paperKey(), "v2", "summary-v1", otherModel), Summary.class)
                .isEmpty());
        assertTrue(store.find(new GenerationKey(key.paperKey(), "v2", "summary-v2", model), Summary.class).isEmpty());
        assertTrue(store.find(new GenerationKey(key.paperKey(), "v3", "summary-v1", model), Summary.class).isEmpty());
        assertTrue(store.find(new GenerationKey("arxiv:2311.12022", "v2", "summary-v1", model), Summary.class)
                .isEmpty());
    }

    @Test
    void aPaperWithoutVersionIsStoredUnderTheEmptyVersion() {
        GenerationKey unversioned = new GenerationKey("url:example.org/paper", null, "summary-v1", model);
        store.save(unversioned, summary, generation);

        assertEquals(summary, store.find(new GenerationKey("url:example.org/paper", "", "summary-v1", model),
                Summary.class).orElseThrow().result());
    }

    @Test
    void theFirstSavedResultStays() {
        store.save(key, summary, generation);
        Generation later = new Generation("other", "summary-v1", Instant.now().truncatedTo(ChronoUnit.MICROS),
                new TokenUsage(1, 1), new QualityReport(1, 0, 0, List.of(), 0, 0));

        store.save(key, new Summary("別の訳。", "別の要約。"), later);

        StoredGeneration<Summary> found = store.find(key, Summary.class).orElseThrow();
        assertEquals(summary, found.result());
        assertEquals(generation, found.generation());
    }
}
