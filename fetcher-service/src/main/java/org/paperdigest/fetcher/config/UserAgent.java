package org.paperdigest.fetcher.config;


/** How we introduce ourselves to remote servers: the project, and a contact when one is configured. */
final class UserAgent {

    private UserAgent() {
    }

    static String of(FetcherConfig config) {
        return "PaperDigest-fetcher/1.0 (weekly digest of Top ML Papers of the Week"
                + config.contact().map(contact -> "; contact: " + contact).orElse("") + ")";
    }
}
