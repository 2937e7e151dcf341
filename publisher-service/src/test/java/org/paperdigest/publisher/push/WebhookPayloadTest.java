package org.paperdigest.publisher.push;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class WebhookPayloadTest {

    static final String URL = "https://digest.example.org/issues/2023-11-20";

    @Test
    void aLongIssueIsCutForDiscordButKeepsItsLinkAndSaysHowManyPapersAreLeftOut() {
        List<PushedIssue.Paper> papers = IntStream.rangeClosed(1, 40)
                .mapToObj(i -> new PushedIssue.Paper("Paper " + i, "要約".repeat(40), "https://arxiv.org/abs/" + i))
                .toList();
        PushedIssue issue = new PushedIssue("2023-11-20", 1, "Top ML Papers of the Week", "2023年11月20日", papers, URL);

        ObjectNode payload = WebhookPayload.of(issue, new ObjectMapper());

        String content = payload.path("content").asText();
        assertTrue(content.length() <= WebhookPayload.DISCORD_LIMIT, content.length() + " characters");
        assertTrue(content.endsWith(URL), content);
        int shown = (int) content.lines().filter(line -> line.startsWith("• ")).count();
        assertTrue(shown > 5 && shown < 40, shown + " papers shown");
        assertTrue(content.contains("…ほか" + (40 - shown) + "本"), content);
        String text = payload.path("text").asText();
        assertEquals(40, text.lines().filter(line -> line.startsWith("• ")).count(), "Slack's text is not cut");
        assertEquals(40, payload.at("/issue/papers").size());
    }
}
