package org.paperdigest.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class FixtureServerTest {

    private static final List<String> WEEK_2023_11_20 = List.of("2311.11829", "2311.12351", "2311.13581",
            "2311.05698", "2311.11045", "2311.12022", "2311.11797", "2311.12983", "2311.10537", "2311.10702");

    private static FixtureServer server;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        server = FixtureServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void servesTheReadme() throws Exception {
        HttpResponse<String> response = get(server.readmeUrl());
        assertEquals(200, response.statusCode());
        assertTrue(response.body().contains("## Top ML Papers of the Week (November 20 - November 26)"));
    }

    @Test
    void answersTheWeeksIdSetInAnyOrderWithNineEntries() throws Exception {
        List<String> reversed = new ArrayList<>(WEEK_2023_11_20);
        Collections.reverse(reversed);
        String ids = String.join("%2C", reversed);
        HttpResponse<String> response = get(server.arxivApiUrl() + "?search_query=&id_list=" + ids
                + "&start=0&max_results=10");
        assertEquals(200, response.statusCode());
        assertTrue(response.body().contains("<opensearch:totalResults>9</opensearch:totalResults>"));
        assertEquals(9, response.body().split("<entry>", -1).length - 1);
        assertTrue(!response.body().contains("2311.05698v"), "the omitted paper has no entry");
        assertEquals(1, server.arxivQueries(Set.copyOf(WEEK_2023_11_20)).size());
    }

    @Test
    void answersMalformedIdsWithArxivsErrorFeedAndUnknownSetsWith500() throws Exception {
        HttpResponse<String> error = get(server.arxivApiUrl() + "?id_list=abc");
        assertEquals(400, error.statusCode());
        assertTrue(error.body().contains("incorrect id format for abc"));

        HttpResponse<String> unknown = get(server.arxivApiUrl() + "?id_list=2401.00001");
        assertEquals(500, unknown.statusCode());
        assertTrue(unknown.body().contains("no recorded export-API answer for id_list=2401.00001"));
    }

    @Test
    void servesFixturePdfsByIdVersionedOrNot() throws Exception {
        for (String path : List.of("2311.12022", "2311.12022v1")) {
            HttpResponse<byte[]> pdf = HTTP.send(HttpRequest.newBuilder(URI.create(server.arxivPdfBaseUrl() + path))
                    .build(), HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, pdf.statusCode());
            assertEquals("application/pdf", pdf.headers().firstValue("Content-Type").orElseThrow());
            assertEquals("%PDF", new String(pdf.body(), 0, 4, StandardCharsets.US_ASCII));
        }
        assertEquals(404, get(server.arxivPdfBaseUrl() + "2311.12022v2").statusCode());
        assertEquals(404, get(server.arxivPdfBaseUrl() + "2311.11829").statusCode());
    }

    @Test
    void servesTheBuiltHtmlRenderingOfTheMadeUpPaperAndNoOther() throws Exception {
        HttpResponse<String> html = get(server.arxivHtmlBaseUrl() + "2412.99999v1");
        assertEquals(200, html.statusCode());
        assertEquals("text/html; charset=utf-8", html.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(html.body().contains("<article class=\"ltx_document"), "a LaTeXML rendering");
        assertEquals(200, get(server.arxivPdfBaseUrl() + "2412.99999v1").statusCode(), "its PDF too");
        assertEquals(404, get(server.arxivHtmlBaseUrl() + "2412.99999v2").statusCode());
        assertEquals(404, get(server.arxivHtmlBaseUrl() + "2311.12022v1").statusCode());
    }

    @Test
    void servesTheMetaPostFromItsPageFixtureAndLinksTheReadmeToIt() throws Exception {
        String post = "https://ai.meta.com/blog/emu-text-to-video-generation-image-editing-research/";
        String served = server.pageUrl(post);
        assertEquals(server.baseUrl() + "/web/ai.meta.com/blog/emu-text-to-video-generation-image-editing-research/",
                served);

        String readme = get(server.readmeUrl()).body();
        assertTrue(readme.contains("[Paper](" + served + ")"), "the list links the post to this server");
        assertFalse(readme.contains("](" + post + ")"), "no link to the post is left pointing at the internet");
        assertTrue(readme.contains("[Paper](https://arxiv.org/abs/2311.09210)"), "other links are unchanged");

        HttpResponse<String> page = get(served);
        assertEquals(200, page.statusCode());
        assertEquals("text/html; charset=utf-8", page.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(page.body().contains("Introducing Emu Video and Emu Edit"));
        assertEquals(404, get(server.baseUrl() + "/web/ai.meta.com/blog/").statusCode());
    }

    @Test
    void answersTheIdListOfWeek20231113WithTheFiveBuiltEntries() throws Exception {
        String ids = "2311.09210,2311.07361,2311.08401,2311.09277,2311.07989v1,2311.07989,2311.05997,2311.08377v1,"
                + "2311.08377,2311.07689,2311.07590";
        HttpResponse<String> response = get(server.arxivApiUrl() + "?id_list=" + ids + "&start=0&max_results=11");
        assertEquals(200, response.statusCode());
        assertTrue(response.body().contains("<opensearch:totalResults>5</opensearch:totalResults>"));
        assertEquals(5, response.body().split("<entry>", -1).length - 1);
    }

    @Test
    void recordsPathQueryAndUserAgent() throws Exception {
        HTTP.send(HttpRequest.newBuilder(URI.create(server.arxivApiUrl() + "?id_list=1605.08386&max_results=1"))
                .header("User-Agent", "probe/1.0").build(), HttpResponse.BodyHandlers.discarding());
        FixtureServer.RecordedRequest last = server.requests().get(server.requests().size() - 1);
        assertEquals("/arxiv/api/query", last.path());
        assertEquals("1605.08386", last.param("id_list"));
        assertEquals("1", last.param("max_results"));
        assertEquals("probe/1.0", last.userAgent());
    }

    private static HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
