package org.paperdigest.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class EventCodecTest {

    @Test
    void rejectsTextThatIsNotJson() {
        MalformedEventException e = assertThrows(MalformedEventException.class,
                () -> EventCodec.fromJson("{not json", EventType.PAPER_FAILED));
        assertTrue(e.getMessage().startsWith("paper-failed: not JSON"), e.getMessage());
    }

    @Test
    void rejectsAMissingRequiredFieldAndNamesIt() {
        String message = violation(EventType.PAPER_FAILED, json -> json.remove("reason"));
        assertTrue(message.contains("reason"), message);
    }

    @Test
    void rejectsAPaperEventWithoutARevisionOrOfTheContractBeforeRevisions() {
        assertTrue(violation(EventType.PAPER_ANSWERED, json -> json.put("revision", 0)).contains("revision"));
        assertTrue(violation(EventType.PAPER_SUMMARIZED, json -> json.remove("revision")).contains("revision"));
        assertTrue(violation(EventType.PAPER_FETCHED, json -> json.put("schemaVersion", 1)).contains("schemaVersion"));
    }

    @Test
    void rejectsARegenerationRequestOfTheContractThatCarriedPlanRowsOrNamesNoPaperTwice() {
        assertTrue(violation(EventType.REGENERATION_REQUESTED, json -> json.put("schemaVersion", 1))
                .contains("schemaVersion"));
        assertTrue(violation(EventType.REGENERATION_REQUESTED, json -> json.remove("paperKeys"))
                .contains("paperKeys"));
        assertTrue(violation(EventType.REGENERATION_REQUESTED, json -> json.putArray("paperKeys"))
                .contains("paperKeys"));
        assertTrue(violation(EventType.REGENERATION_REQUESTED,
                json -> json.putArray("paperKeys").add("arxiv:2311.12022").add("arxiv:2311.12022"))
                .contains("paperKeys"));
        assertTrue(violation(EventType.REGENERATION_REQUESTED, json -> json.putArray("paperKeys").add("2311.12022"))
                .contains("paperKeys"));
    }

    @Test
    void rejectsAnUnknownStage() {
        String message = violation(EventType.PAPER_FAILED, json -> json.put("stage", "PUBLISH"));
        assertTrue(message.contains("stage"), message);
    }

    @Test
    void rejectsAPaperKeyOutsideTheIdentityScheme() {
        String message = violation(EventType.PAPER_SUMMARIZED, json -> json.put("paperKey", "2311.12022"));
        assertTrue(message.contains("paperKey"), message);
    }

    @Test
    void rejectsAFullTextPaperWithoutText() {
        violation(EventType.PAPER_FETCHED, json -> json.putNull("fullText"));
    }

    @Test
    void readsWhetherTheTextsPagesArePdfPagesAndDefaultsToItsFormat() throws Exception {
        assertTrue(EventCodec.fromJson(GoldenSamples.json(EventType.PAPER_FETCHED), EventType.PAPER_FETCHED)
                .fullText().paged());
        violation(EventType.PAPER_FETCHED, json -> ((ObjectNode) json.get("fullText")).put("paged", "yes"));
        // An event written before the field existed: an HTML text's one page is no PDF page.
        ObjectNode older = (ObjectNode) EventCodec.mapper().readTree(GoldenSamples.json(EventType.PAPER_FETCHED));
        ((ObjectNode) older.get("fullText")).remove("paged");
        ((ObjectNode) older.get("fullText")).put("format", "html");
        PaperFetched html = EventCodec.fromJson(EventCodec.mapper().writeValueAsString(older),
                EventType.PAPER_FETCHED);
        assertEquals(false, html.fullText().paged());
        assertEquals(true, new FullText("pdf", "https://arxiv.org/pdf/1", html.fullText().pages(), false).paged());
    }

    @Test
    void rejectsAnAbstractOnlyPaperThatCarriesText() {
        violation(EventType.PAPER_FETCHED, json -> json.put("contentLevel", "ABSTRACT_ONLY"));
    }

    @Test
    void rejectsAnAnswerableAnswerWithoutEvidence() {
        violation(EventType.PAPER_ANSWERED,
                json -> ((ObjectNode) json.withArray("items").get(0)).putArray("evidence"));
    }

    @Test
    void rejectsAnUnansweredQuestionThatCitesEvidence() {
        violation(EventType.PAPER_ANSWERED, json -> {
            ArrayNode items = json.withArray("items");
            ((ObjectNode) items.get(1)).set("evidence", items.get(0).get("evidence").deepCopy());
        });
    }

    @Test
    void rejectsAnInvalidDate() {
        violation(EventType.ISSUE_PLANNED, json -> json.put("weekStart", "2023-13-40"));
    }

    @Test
    void rejectsAOneLineSummaryOverTheLengthLimit() {
        violation(EventType.PAPER_SUMMARIZED, json -> json.put("summaryJa", "長".repeat(121)));
    }

    @Test
    void decodesARecordWithItsCloudEventsId() {
        ConsumerRecord<String, String> record = record(EventType.PAPER_FAILED.ceType(),
                GoldenSamples.json(EventType.PAPER_FAILED));
        record.headers().add(EventCodec.CE_ID, "id-1".getBytes(StandardCharsets.UTF_8));

        ReceivedEvent<PaperFailed> event = EventCodec.decode(record, EventType.PAPER_FAILED);

        assertEquals("id-1", event.id());
        assertEquals(Stage.FETCH, event.payload().stage());
    }

    @Test
    void rejectsARecordWithoutCloudEventsId() {
        ConsumerRecord<String, String> record = record(EventType.PAPER_FAILED.ceType(),
                GoldenSamples.json(EventType.PAPER_FAILED));

        MalformedEventException e = assertThrows(MalformedEventException.class,
                () -> EventCodec.decode(record, EventType.PAPER_FAILED));
        assertEquals("paper-failures-0@7: no ce_id header", e.getMessage());
    }

    @Test
    void rejectsARecordOfAnotherType() {
        ConsumerRecord<String, String> record = record(EventType.PAPER_ANSWERED.ceType(),
                GoldenSamples.json(EventType.PAPER_FAILED));
        record.headers().add(EventCodec.CE_ID, "id-2".getBytes(StandardCharsets.UTF_8));

        MalformedEventException e = assertThrows(MalformedEventException.class,
                () -> EventCodec.decode(record, EventType.PAPER_FAILED));
        assertTrue(e.getMessage().contains("expected org.paperdigest.paper.failed"), e.getMessage());
    }

    private static ConsumerRecord<String, String> record(String ceType, String value) {
        ConsumerRecord<String, String> record = new ConsumerRecord<>(Topics.PAPER_FAILURES, 0, 7, "k", value);
        record.headers().add(EventCodec.CE_TYPE, ceType.getBytes(StandardCharsets.UTF_8));
        return record;
    }

    private static String violation(EventType<?> type, Consumer<ObjectNode> change) {
        try {
            ObjectNode json = (ObjectNode) EventCodec.mapper().readTree(GoldenSamples.json(type));
            change.accept(json);
            String text = EventCodec.mapper().writeValueAsString(json);
            MalformedEventException e = assertThrows(MalformedEventException.class,
                    () -> EventCodec.fromJson(text, type));
            assertTrue(e.getMessage().startsWith(type.schemaName() + " violates its schema"), e.getMessage());
            return e.getMessage();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }
}
