package org.paperdigest.publisher.domain;

/** @param reason why the stage failed, written for a person; null unless {@link StageStatus#FAILED} */
public record StageState(StageStatus status, String reason) {

    public static final StageState PENDING = new StageState(StageStatus.PENDING, null);
    public static final StageState DONE = new StageState(StageStatus.DONE, null);
    public static final StageState SKIPPED = new StageState(StageStatus.SKIPPED, null);

    public static StageState failed(String reason) {
        return new StageState(StageStatus.FAILED, reason);
    }

    /** True when nothing more will happen to this stage. */
    public boolean settled() {
        return status != StageStatus.PENDING;
    }
}
