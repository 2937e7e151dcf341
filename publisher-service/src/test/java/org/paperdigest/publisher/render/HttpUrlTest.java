package org.paperdigest.publisher.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class HttpUrlTest {

    @Test
    void onlyAbsoluteHttpAndHttpsUrlsWithAHost() {
        assertEquals(Optional.of("https://arxiv.org/pdf/2311.12022v1"),
                HttpUrl.of(" https://arxiv.org/pdf/2311.12022v1 "));
        assertEquals(Optional.of("HTTP://example.org/a?b=c#d"), HttpUrl.of("HTTP://example.org/a?b=c#d"));
        for (String refused : new String[] {"javascript:alert(1)", " JavaScript:alert(1)", "data:text/html,x",
                "vbscript:x", "//example.org/x", "/issues/x", "https:///nohost", "https://exa mple.org", "", null}) {
            assertEquals(Optional.empty(), HttpUrl.of(refused), refused);
        }
    }
}
