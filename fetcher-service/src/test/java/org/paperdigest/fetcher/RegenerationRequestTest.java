package org.paperdigest.fetcher;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.paperdigest.events.EventCodec;
import org.paperdigest.events.EventType;
import org.paperdigest.events.Link;
import org.paperdigest.events.PaperFailed;
import org.paperdigest.events.PaperFetched;
import org.paperdigest.events.PlannedPaper;
import org.paperdigest.events.RegenerationRequested;
import org.paperdigest.testing.FixtureServer;

/**
 * The publisher's regeneration request on the real broker: the fetcher reads the named rows again, as their links
 * say, and emits their events under the issue's id with the rows' own keys, with one export-API lookup.
 */
@QuarkusTest
@WithTestResource(FixtureServerResource.class)
class RegenerationRequestTest {

    @FixtureServerResource.Server
    FixtureServer server;

    @Test
    void theRequestedPapersAreFetchedAgain() {
        String issueId = "custom-it-regen-" + UUID.randomUUID().toString().substring(0, 12);
        Set<String> ids = Set.of("0808.05394", "1707.08567");
        int queriesBefore = server.arxivQueries(ids).size();
        RegenerationRequested request = new RegenerationRequested(1, issueId, 2, List.of(
                row(1, "0808.05394"), row(2, "1707.08567")), null, Instant.now());

        try (EventTopics topics = new EventTopics()) {
            Map<TopicPartition, Long> start = topics.endOffsets();
            topics.broker().publish(
                    ConfigProvider.getConfig().getValue("mp.messaging.incoming.regeneration-requests.topic", String.class),
                    request);

            // The subject is issue/paper: each row's event belongs to the regenerated issue under the row's key.
            PaperFetched fetched = EventCodec.decode(topics.consume(EventTopics.FETCHED, start, 1).get(0),
                    EventType.PAPER_FETCHED).payload();
            assertEquals(issueId + "/arxiv:1707.08567", fetched.subject());
            PaperFailed failed = EventCodec.decode(topics.consume(EventTopics.FAILURES, start, 1).get(0),
                    EventType.PAPER_FAILED).payload();
            assertEquals(List.of(issueId + "/arxiv:0808.05394", "arXiv returned no entry for 0808.05394: check the id"
                    + " in the list"), List.of(failed.subject(), failed.reason()));
            assertEquals(queriesBefore + 1, server.arxivQueries(ids).size(), "one export-API request");
        }
    }

    private static PlannedPaper row(int position, String arxivId) {
        return new PlannedPaper(position, "arxiv:" + arxivId, "arXiv:" + arxivId, "",
                List.of(new Link("Paper", "https://arxiv.org/abs/" + arxivId)));
    }
}
