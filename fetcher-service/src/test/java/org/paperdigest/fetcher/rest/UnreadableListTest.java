package org.paperdigest.fetcher.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.paperdigest.testing.AdminCredentials;

/** When the list cannot be read the caller gets 502 with the URL and the cause, and nothing is planned. */
@QuarkusTest
@TestProfile(UnreadableListTest.NothingListens.class)
class UnreadableListTest {

    /** Port 9 on loopback (discard) has no listener here: the connection is refused at once. */
    public static class NothingListens implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("paperdigest.fetcher.readme-url", "http://127.0.0.1:9/README.md");
        }
    }

    @Test
    void planningIs502() {
        given().header(AdminCredentials.HEADER, AdminCredentials.ADMIN).contentType(ContentType.JSON).body("{\"week\":\"2023-11-20\"}").post("/api/issues")
                .then().statusCode(502).contentType(ContentType.JSON)
                .body("message", startsWith("cannot read the list at http://127.0.0.1:9/README.md: "));
    }

    @Test
    void listingWeeksIs502() {
        given().get("/api/weeks").then().statusCode(502).body("message", containsString("http://127.0.0.1:9/README.md"));
    }
}
