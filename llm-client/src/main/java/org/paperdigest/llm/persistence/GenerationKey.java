package org.paperdigest.llm.persistence;

import java.util.Objects;
import org.paperdigest.events.PaperFetched;

/**
 * What decides a generated result: the same paper version, put to the same prompt version of the same model, is
 * answered the same, so its result is made once and reused.
 *
 * @param paperVersion the paper's version, {@code ""} when the source has none
 * @param model        the configured model name, the one a new call would use
 */
public record GenerationKey(String paperKey, String paperVersion, String promptVersion, String model) {

    public GenerationKey {
        Objects.requireNonNull(paperKey, "paperKey");
        Objects.requireNonNull(promptVersion, "promptVersion");
        Objects.requireNonNull(model, "model");
        paperVersion = paperVersion == null ? "" : paperVersion;
    }

    public static GenerationKey of(PaperFetched paper, String promptVersion, String model) {
        return new GenerationKey(paper.paperKey(), paper.paperVersion(), promptVersion, model);
    }
}
