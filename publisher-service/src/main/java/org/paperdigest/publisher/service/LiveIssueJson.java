package org.paperdigest.publisher.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.UncheckedIOException;
import java.util.Optional;
import org.paperdigest.publisher.domain.IssueDetail;
import org.paperdigest.publisher.domain.LiveIssue;
import org.paperdigest.publisher.domain.RenderFormat;
import org.paperdigest.publisher.domain.StoredRender;

/**
 * {@code GET /api/issues/{id}}: the issue's status, progress and deliveries, which change while it is made and after
 * it is published, serialised once per change and served from {@link LiveIssueCache} until the next one.
 */
@ApplicationScoped
public class LiveIssueJson {

    @Inject
    IssueReader reader;

    @Inject
    ObjectMapper json;

    @Inject
    LiveIssueCache cache;

    /** What {@link #read} answers, if memory holds it: empty means the database must be asked. */
    public Optional<LiveIssue> inMemory(String issueId) {
        return cache.inMemory(issueId);
    }

    /** The issue as it stands; empty for an issue nobody planned. Reads the database unless memory holds it. */
    public Optional<LiveIssue> read(String issueId) {
        return cache.read(issueId,
                () -> QuarkusTransaction.joiningExisting().call(() -> reader.find(issueId)).map(this::serialised));
    }

    private LiveIssue serialised(IssueDetail issue) {
        try {
            return new LiveIssue(StoredRender.of(RenderFormat.JSON_TYPE, json.writeValueAsString(issue)),
                    issue.content() != null);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("issue " + issue.issueId() + " could not be written as JSON", e);
        }
    }
}
