package org.paperdigest.events;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A passage of a paper that readers do not see, or that addresses AI tools rather than readers: kept out of the
 * text the LLM services are given when hidden, left in it when visible, and shown to readers either way.
 *
 * @param page        the PDF page it stands on; null where there is none (a web page, an HTML rendering whose
 *                    passage was not found in the PDF) or for the abstract
 * @param section     the heading of the section it stands in, or {@code Abstract}; null when its page says where
 * @param text        the passage as written
 * @param kind        how it is hidden, or {@link Kind#VISIBLE}
 * @param instruction true when it reads as an instruction to an AI tool (see the fetcher's detector)
 */
public record FlaggedPassage(Integer page, String section, String text, Kind kind, boolean instruction) {

    /** How a passage is kept from readers. */
    public enum Kind {
        /** Its colour is the background's (white on white) or fully transparent. */
        @JsonProperty("hidden-colour")
        HIDDEN_COLOUR,
        /** Set in a size no one can read (under 2 pt). */
        @JsonProperty("tiny")
        TINY,
        /** PDF text rendering mode 3 or 7: drawn with neither fill nor stroke. */
        @JsonProperty("invisible-mode")
        INVISIBLE_MODE,
        /** Outside the page's visible box. */
        @JsonProperty("off-page")
        OFF_PAGE,
        /** Painted over by an opaque shape. */
        @JsonProperty("covered")
        COVERED,
        /** Hidden by the HTML rendering's markup or styles (display, visibility, opacity, colour, size). */
        @JsonProperty("html-hidden")
        HTML_HIDDEN,
        /** Seen by readers: flagged only because it addresses AI tools. */
        @JsonProperty("visible")
        VISIBLE;

        public boolean hidden() {
            return this != VISIBLE;
        }
    }
}
