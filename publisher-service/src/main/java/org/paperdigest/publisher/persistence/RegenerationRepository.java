package org.paperdigest.publisher.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The regenerations editors asked for, one per revision they make. */
@ApplicationScoped
public class RegenerationRepository implements PanacheRepositoryBase<RegenerationEntity, IssueRevisionId> {

    /** Stores the request and flushes it, so that a second request for the same revision fails here. */
    public void add(String issueId, int revision, List<String> paperKeys, String model, Instant requestedAt) {
        RegenerationEntity regeneration = new RegenerationEntity();
        regeneration.id = new IssueRevisionId(issueId, revision);
        regeneration.paperKeys = List.copyOf(paperKeys);
        regeneration.model = model;
        regeneration.requestedAt = requestedAt;
        persist(regeneration);
        flush();
    }

    public Optional<RegenerationEntity> findRevision(String issueId, int revision) {
        return findByIdOptional(new IssueRevisionId(issueId, revision));
    }
}
