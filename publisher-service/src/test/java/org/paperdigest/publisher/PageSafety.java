package org.paperdigest.publisher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.response.Response;
import java.util.List;
import java.util.Locale;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** What every HTML page must be: served with the security headers, and with nothing executable but our files. */
public final class PageSafety {

    private static final List<String> OWN_SCRIPTS = List.of("/webjars/katex/0.18.11/dist/katex.min.js",
            "/webjars/katex/0.18.11/dist/contrib/auto-render.min.js", "/static/math.js", "/static/progress.js");

    private PageSafety() {
    }

    public static void assertSecurityHeaders(Response response) {
        response.then().statusCode(200).contentType("text/html;charset=UTF-8")
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "strict-origin-when-cross-origin");
        String policy = response.header("Content-Security-Policy");
        for (String directive : List.of("default-src 'none'", "script-src 'self'", "style-src 'self'",
                "font-src 'self'", "frame-ancestors 'none'")) {
            assertTrue(policy.contains(directive), policy + " has " + directive);
        }
        assertTrue(!policy.contains("unsafe-inline") && !policy.contains("unsafe-eval"), policy);
    }

    /** Only the app's own script files; no handler attribute, no javascript: URL, no element the payloads bring. */
    public static void assertNothingExecutable(Document page) {
        for (Element script : page.select("script")) {
            assertTrue(OWN_SCRIPTS.contains(script.attr("src")), "unexpected script " + script);
            assertEquals("", script.data(), "no inline script");
        }
        assertTrue(page.select("img, iframe, object, embed, svg, form").isEmpty());
        for (Element element : page.getAllElements()) {
            for (Attribute attribute : element.attributes()) {
                String name = attribute.getKey().toLowerCase(Locale.ROOT);
                String value = attribute.getValue().strip().toLowerCase(Locale.ROOT);
                assertTrue(!name.startsWith("on"), "event handler " + attribute + " on " + element.tagName());
                assertTrue(!value.startsWith("javascript:"), "javascript: URL in " + attribute);
            }
        }
    }
}
