package org.paperdigest.publisher.content;

/**
 * A passage of the paper that readers do not see, or that addresses AI tools: the paper's fact, shown to readers.
 *
 * @param page        the PDF page it stands on, or null
 * @param section     the section it stands in, or null
 * @param hidden      true when readers do not see it (it was kept out of what the model read)
 * @param how         how it is hidden: {@code hidden-colour}, {@code tiny}, {@code invisible-mode}, {@code off-page},
 *                    {@code covered}, {@code html-hidden}; {@code visible} when it is not
 * @param instruction true when it reads as an instruction to an AI tool
 */
public record FlaggedPassage(Integer page, String section, String text, String how, boolean hidden,
        boolean instruction) {
}
