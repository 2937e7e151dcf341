package org.paperdigest.llm.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.io.Serializable;
import java.util.Objects;

/** The primary key of {@link GeneratedResult}: the columns of a {@link GenerationKey}. */
@Embeddable
public class GeneratedResultId implements Serializable {

    @Column(name = "paper_key")
    public String paperKey;

    @Column(name = "paper_version")
    public String paperVersion;

    @Column(name = "prompt_version")
    public String promptVersion;

    @Column(name = "model")
    public String model;

    protected GeneratedResultId() {
    }

    GeneratedResultId(GenerationKey key) {
        this.paperKey = key.paperKey();
        this.paperVersion = key.paperVersion();
        this.promptVersion = key.promptVersion();
        this.model = key.model();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GeneratedResultId other && paperKey.equals(other.paperKey)
                && paperVersion.equals(other.paperVersion) && promptVersion.equals(other.promptVersion)
                && model.equals(other.model);
    }

    @Override
    public int hashCode() {
        return Objects.hash(paperKey, paperVersion, promptVersion, model);
    }
}
