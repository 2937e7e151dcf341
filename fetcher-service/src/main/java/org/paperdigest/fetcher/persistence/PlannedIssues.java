package org.paperdigest.fetcher.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.paperdigest.events.Link;
import org.paperdigest.events.PlannedPaper;

/**
 * The issues this service has planned, with their papers. Each method commits on its own, before the plan is sent,
 * so that a second request sees the first one's record.
 */
@ApplicationScoped
public class PlannedIssues {

    private static final TypeReference<List<Link>> LINKS = new TypeReference<>() {
    };

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    /**
     * Records the issue and its papers unless one with its id is recorded already; the database decides, so of two
     * concurrent requests for one issue exactly one gets {@code true}.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean recordIfAbsent(String issueId, PlannedIssue.Kind kind, String title, List<PlannedPaper> papers,
            Instant requestedAt) {
        boolean recorded = recordIfAbsent(issueId, kind, title, papers.size(), requestedAt);
        if (recorded) {
            insertPapers(issueId, papers);
        }
        return recorded;
    }

    /** Records the issue alone, like {@link #recordIfAbsent(String, PlannedIssue.Kind, String, List, Instant)}. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean recordIfAbsent(String issueId, PlannedIssue.Kind kind, String title, int paperCount,
            Instant requestedAt) {
        int inserted = em.createNativeQuery("""
                INSERT INTO {h-schema}planned_issue (issue_id, kind, title, paper_count, requested_at)
                VALUES (:id, :kind, :title, :count, :at)
                ON CONFLICT (issue_id) DO NOTHING""")
                .setParameter("id", issueId)
                .setParameter("kind", kind.name())
                .setParameter("title", title)
                .setParameter("count", paperCount)
                .setParameter("at", requestedAt)
                .executeUpdate();
        return inserted == 1;
    }

    /** A week planned again: the issue's record and papers now describe the new plan. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void replanned(String issueId, String title, List<PlannedPaper> papers, Instant requestedAt) {
        em.createQuery("UPDATE PlannedIssue p SET p.title = :title, p.paperCount = :count, p.requestedAt = :at"
                + " WHERE p.issueId = :id")
                .setParameter("id", issueId)
                .setParameter("title", title)
                .setParameter("count", papers.size())
                .setParameter("at", requestedAt)
                .executeUpdate();
        em.createNativeQuery("DELETE FROM {h-schema}planned_paper WHERE issue_id = :id")
                .setParameter("id", issueId)
                .executeUpdate();
        insertPapers(issueId, papers);
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<PlannedIssue> find(String issueId) {
        return Optional.ofNullable(em.find(PlannedIssue.class, issueId));
    }

    /** The issue's papers in plan order; none for an issue not planned, or planned before papers were stored. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<PlannedPaper> papers(String issueId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT position, paper_key, title, description, CAST(links AS TEXT)
                FROM {h-schema}planned_paper WHERE issue_id = :id ORDER BY position""")
                .setParameter("id", issueId)
                .getResultList();
        return rows.stream().map(row -> new PlannedPaper(((Number) row[0]).intValue(), (String) row[1],
                (String) row[2], (String) row[3], links((String) row[4]))).toList();
    }

    /** Undoes a record whose plan the broker did not take, so the request can be repeated. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void forget(String issueId) {
        em.createQuery("DELETE FROM PlannedIssue p WHERE p.issueId = :id").setParameter("id", issueId)
                .executeUpdate();
    }

    private void insertPapers(String issueId, List<PlannedPaper> papers) {
        for (PlannedPaper paper : papers) {
            em.createNativeQuery("""
                    INSERT INTO {h-schema}planned_paper (issue_id, position, paper_key, title, description, links)
                    VALUES (:id, :position, :key, :title, :description, CAST(:links AS JSONB))""")
                    .setParameter("id", issueId)
                    .setParameter("position", paper.position())
                    .setParameter("key", paper.paperKey())
                    .setParameter("title", paper.title())
                    .setParameter("description", paper.description())
                    .setParameter("links", text(paper.links()))
                    .executeUpdate();
        }
    }

    private String text(List<Link> links) {
        try {
            return json.writeValueAsString(links);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("links cannot be written as JSON", e);
        }
    }

    private List<Link> links(String text) {
        try {
            return json.readValue(text, LINKS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored links are not JSON: " + text, e);
        }
    }
}
