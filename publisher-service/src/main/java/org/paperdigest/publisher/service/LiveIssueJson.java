package org.paperdigest.publisher.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.paperdigest.publisher.domain.IssueChanged;
import org.paperdigest.publisher.domain.IssueDetail;
import org.paperdigest.publisher.domain.LiveIssue;
import org.paperdigest.publisher.domain.RenderFormat;
import org.paperdigest.publisher.domain.StoredRender;

/**
 * {@code GET /api/issues/{id}}: the issue's status, progress and deliveries, which change while it is made and after
 * it is published, serialised once and kept until a write on this instance changes the issue ({@link IssueChanged})
 * and at most {@code paperdigest.publisher.read-cache.live-ttl}, within which another replica's writes show.
 */
@ApplicationScoped
public class LiveIssueJson {

    private final IssueReader reader;
    private final ObjectMapper json;
    private final KeptValues<String, LiveIssue> kept;

    LiveIssueJson(IssueReader reader, ObjectMapper json,
            @ConfigProperty(name = "paperdigest.publisher.read-cache.live-ttl") Duration ttl) {
        this.reader = reader;
        this.json = json;
        this.kept = KeptValues.refreshedOnWorkers(ttl);
    }

    /** What {@link #read} answers, if memory holds it: empty means the database must be asked. */
    public Optional<LiveIssue> inMemory(String issueId) {
        return Optional.ofNullable(kept.inMemory(issueId, () -> load(issueId)));
    }

    /** The issue as it stands; empty for an issue nobody planned. Reads the database unless memory holds it. */
    public Optional<LiveIssue> read(String issueId) {
        return Optional.ofNullable(kept.read(issueId, () -> load(issueId)));
    }

    /**
     * Dropped before the commit, so that a reader who sees the committed change is never served what was kept
     * before it; and again after, since a load in between read the issue as it was.
     */
    void beforeCommit(@Observes(during = TransactionPhase.BEFORE_COMPLETION) IssueChanged changed) {
        kept.drop(changed.issueId());
    }

    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) IssueChanged changed) {
        kept.drop(changed.issueId());
    }

    private LiveIssue load(String issueId) {
        return QuarkusTransaction.joiningExisting().call(() -> reader.find(issueId)).map(this::serialised).orElse(null);
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
