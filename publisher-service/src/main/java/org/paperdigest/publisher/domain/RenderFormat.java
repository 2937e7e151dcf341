package org.paperdigest.publisher.domain;

/** The forms in which a published revision is rendered once and stored, each with the media type it is served as. */
public enum RenderFormat {

    /** The page as its own URL shows it while this revision is the latest: it links the earlier ones. */
    PAGE(RenderFormat.HTML),
    /** The page at the revision's own URL, which names no other revision and so never changes. */
    REVISION_PAGE(RenderFormat.HTML),
    MARKDOWN(RenderFormat.MARKDOWN_TYPE),
    /** The revision's content as the JSON API gives it. */
    JSON(RenderFormat.JSON_TYPE);

    public static final String HTML = "text/html; charset=UTF-8";
    public static final String MARKDOWN_TYPE = "text/markdown; charset=UTF-8";
    public static final String JSON_TYPE = "application/json";

    private final String mediaType;

    RenderFormat(String mediaType) {
        this.mediaType = mediaType;
    }

    public String mediaType() {
        return mediaType;
    }
}
