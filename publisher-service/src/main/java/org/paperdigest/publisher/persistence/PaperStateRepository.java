package org.paperdigest.publisher.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.paperdigest.publisher.domain.PaperRecord;

/** What was received for each paper of each issue. */
@ApplicationScoped
public class PaperStateRepository implements PanacheRepositoryBase<PaperStateEntity, PaperStateId> {

    /** Callers hold the issue's lock, so no other transaction creates this row meanwhile. */
    public PaperStateEntity findOrCreate(String issueId, String paperKey, Instant now) {
        PaperStateId id = new PaperStateId(issueId, paperKey);
        PaperStateEntity paper = findById(id);
        if (paper == null) {
            paper = new PaperStateEntity();
            paper.id = id;
            paper.updatedAt = now;
            persist(paper);
        }
        return paper;
    }

    /** Every paper heard of in the issue, by paper key. */
    public Map<String, PaperRecord> recordsOf(String issueId) {
        return getEntityManager().createQuery("from PaperStateEntity where id.issueId = :issueId", PaperStateEntity.class)
                .setParameter("issueId", issueId)
                .getResultStream()
                .map(PaperStateEntity::toRecord)
                .collect(Collectors.toMap(PaperRecord::paperKey, Function.identity()));
    }
}
