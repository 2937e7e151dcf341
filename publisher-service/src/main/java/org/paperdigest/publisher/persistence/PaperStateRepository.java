package org.paperdigest.publisher.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.paperdigest.publisher.domain.PaperRecord;

/** What was received for each paper of each issue. */
@ApplicationScoped
public class PaperStateRepository {

    @Inject
    EntityManager em;

    /** Callers hold the issue's lock, so no other transaction creates this row meanwhile. */
    public PaperStateEntity findOrCreate(String issueId, String paperKey, Instant now) {
        PaperStateId id = new PaperStateId(issueId, paperKey);
        PaperStateEntity paper = em.find(PaperStateEntity.class, id);
        if (paper == null) {
            paper = new PaperStateEntity();
            paper.id = id;
            paper.updatedAt = now;
            em.persist(paper);
        }
        return paper;
    }

    /** Every paper heard of in the issue, by paper key. */
    public Map<String, PaperRecord> recordsOf(String issueId) {
        return em.createQuery("from PaperStateEntity where id.issueId = :issueId", PaperStateEntity.class)
                .setParameter("issueId", issueId)
                .getResultStream()
                .map(PaperStateEntity::toRecord)
                .collect(Collectors.toMap(PaperRecord::paperKey, Function.identity()));
    }
}
