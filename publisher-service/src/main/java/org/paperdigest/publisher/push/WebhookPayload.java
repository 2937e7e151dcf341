package org.paperdigest.publisher.push;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The JSON posted to an incoming webhook: Slack reads {@code text}, Discord {@code content} (at most 2000
 * characters there, so the paper list is cut before the link when it is longer); {@code issue} carries the same as
 * data for any other receiver.
 */
final class WebhookPayload {

    static final int DISCORD_LIMIT = 2000;

    private WebhookPayload() {
    }

    static ObjectNode of(PushedIssue issue, ObjectMapper json) {
        ObjectNode payload = json.createObjectNode();
        payload.put("text", text(issue, Integer.MAX_VALUE));
        payload.put("content", text(issue, DISCORD_LIMIT));
        payload.set("issue", json.valueToTree(issue));
        return payload;
    }

    /** The message, at most {@code limit} characters: papers beyond it are counted, never the link dropped. */
    static String text(PushedIssue issue, int limit) {
        String head = issue.subject() + "\n";
        String tail = "\n" + issue.url();
        StringBuilder list = new StringBuilder();
        int shown = 0;
        for (PushedIssue.Paper paper : issue.papers()) {
            String line = "• " + paper.title() + " — " + paper.summary() + "\n";
            String more = "…ほか" + (issue.papers().size() - shown) + "本\n";
            if (head.length() + list.length() + line.length() + more.length() + tail.length() > limit) {
                list.append(more);
                break;
            }
            list.append(line);
            shown++;
        }
        return head + list + tail;
    }
}
