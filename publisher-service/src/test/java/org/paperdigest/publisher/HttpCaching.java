package org.paperdigest.publisher;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.response.Response;

/** How a published representation must answer caches: a strong, stable ETag, a 304 to it, and its Cache-Control. */
final class HttpCaching {

    static final String REVALIDATE = "public, no-cache";
    static final String IMMUTABLE = "public, max-age=31536000, immutable";

    private HttpCaching() {
    }

    static void assertCachedWithETag(String path, String contentType, String cacheControl) {
        Response first = given().get(path);
        first.then().statusCode(200).contentType(contentType).header("Cache-Control", cacheControl);
        String etag = first.header("ETag");
        assertTrue(etag.matches("\"[0-9a-f]{64}\""), "a strong ETag: " + etag);
        assertEquals(etag, given().get(path).header("ETag"), "the same revision, the same tag");
        Response again = given().header("If-None-Match", etag).get(path);
        again.then().statusCode(304).header("ETag", etag).header("Cache-Control", cacheControl);
        assertEquals("", again.asString());
        given().header("If-None-Match", "\"other\"").get(path).then().statusCode(200);
    }
}
