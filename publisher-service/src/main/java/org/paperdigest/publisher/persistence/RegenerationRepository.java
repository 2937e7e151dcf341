package org.paperdigest.publisher.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The regenerations editors asked for, one per revision they make. */
@ApplicationScoped
public class RegenerationRepository {

    @Inject
    EntityManager em;

    /** Stores the request and flushes it, so that a second request for the same revision fails here. */
    public void add(String issueId, int revision, List<String> paperKeys, String model, Instant requestedAt) {
        RegenerationEntity regeneration = new RegenerationEntity();
        regeneration.id = new IssueRevisionId(issueId, revision);
        regeneration.paperKeys = List.copyOf(paperKeys);
        regeneration.model = model;
        regeneration.requestedAt = requestedAt;
        em.persist(regeneration);
        em.flush();
    }

    public Optional<RegenerationEntity> find(String issueId, int revision) {
        return Optional.ofNullable(em.find(RegenerationEntity.class, new IssueRevisionId(issueId, revision)));
    }
}
