package org.paperdigest.publisher.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.paperdigest.events.PaperAnswered;
import org.paperdigest.events.PaperFetched;
import org.paperdigest.events.PaperSummarized;
import org.paperdigest.publisher.domain.PaperRecord;

/** What was received for one paper of one issue; see {@link PaperRecord}. */
@Entity
@Table(name = "paper_state")
public class PaperStateEntity {

    @EmbeddedId
    public PaperStateId id;

    /** The issue revision this paper is being made for; events made for an earlier one are stale. */
    @Column(nullable = false)
    public int revision = 1;

    /** Without its full text. */
    @JdbcTypeCode(SqlTypes.JSON)
    public PaperFetched fetched;

    @JdbcTypeCode(SqlTypes.JSON)
    public PaperSummarized summary;

    @JdbcTypeCode(SqlTypes.JSON)
    public PaperAnswered answers;

    @Column(name = "fetch_failure")
    public String fetchFailure;

    @Column(name = "summarize_failure")
    public String summarizeFailure;

    @Column(name = "answer_failure")
    public String answerFailure;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** Forgets everything received, for a paper made again for {@code revision}: only its events count from now on. */
    public void clear(int revision, Instant now) {
        this.revision = revision;
        fetched = null;
        summary = null;
        answers = null;
        fetchFailure = null;
        summarizeFailure = null;
        answerFailure = null;
        updatedAt = now;
    }

    public PaperRecord toRecord() {
        return new PaperRecord(id.paperKey, fetched, summary, answers, fetchFailure, summarizeFailure, answerFailure);
    }
}
