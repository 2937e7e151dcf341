package org.paperdigest.fetcher.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.containsStringIgnoringCase;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.paperdigest.fetcher.FixtureServerResource;
import org.paperdigest.testing.AdminCredentials;

/** The request side of the API: what a caller gets back for each kind of wrong request, and the week list. */
@QuarkusTest
@WithTestResource(FixtureServerResource.class)
class IssueResourceTest {

    @Test
    void planningNeedsAnAdminWhileReadingStaysPublic() {
        String week = "{\"week\":\"2023-11-22\"}";
        given().contentType(ContentType.JSON).body(week).post("/api/issues").then().statusCode(401)
                .header("WWW-Authenticate", containsStringIgnoringCase("basic"));
        given().header(AdminCredentials.HEADER, AdminCredentials.WRONG_PASSWORD).contentType(ContentType.JSON)
                .body(week).post("/api/issues").then().statusCode(401);
        given().header(AdminCredentials.HEADER, AdminCredentials.READER).contentType(ContentType.JSON)
                .body(week).post("/api/issues").then().statusCode(403);
        // The admin gets past the check to the request's own validation: the 22nd starts no week.
        post(week).then().statusCode(400);
        given().get("/api/weeks").then().statusCode(200);
        given().header(AdminCredentials.HEADER, AdminCredentials.WRONG_PASSWORD).get("/api/weeks").then()
                .statusCode(200);
    }

    @Test
    void malformedJsonIs400WithAMessage() {
        post("{\"week\": ").then().statusCode(400).contentType(ContentType.JSON)
                .body("status", equalTo(400))
                .body("message", containsString("the body is not JSON"))
                .body("message", containsString("send {\"week\":\"2023-11-20\"}"));
    }

    @Test
    void aBodyThatIsNotAnObjectOrLacksTheWeekIs400() {
        post("[\"2023-11-20\"]").then().statusCode(400).body("message", containsString("must be a JSON object"));
        post("{\"weak\":\"2023-11-20\"}").then().statusCode(400).body("message", containsString("\"week\" is missing"));
        post("{\"week\":20231120}").then().statusCode(400)
                .body("message", equalTo("\"week\" must be a string date like \"2023-11-20\", not 20231120"));
        post("").then().statusCode(400).body("message", containsString("the body is empty"));
    }

    @Test
    void aMalformedDateIs400() {
        post("{\"week\":\"2023-13-45\"}").then().statusCode(400)
                .body("message", equalTo("\"week\" must be a date in the form YYYY-MM-DD, like \"2023-11-20\", or "
                        + "\"latest\"; got \"2023-13-45\""));
        post("{\"week\":\"20 November 2023\"}").then().statusCode(400).body("message", containsString("YYYY-MM-DD"));
    }

    @Test
    void aWeekTheListDoesNotHaveIs400NamingTheNearestWeeks() {
        post("{\"week\":\"2023-11-22\"}").then().statusCode(400)
                .body("message", equalTo("the list has no week starting 2023-11-22; nearest weeks: 2023-11-20, "
                        + "2023-11-27; GET /api/weeks lists them all"))
                .body("details.nearestWeeks", contains("2023-11-20", "2023-11-27"));
    }

    @Test
    void invalidArxivIdsAre400NamingEachOne() {
        post("{\"arxivIds\":[\"2311.12022\",\"not-an-id\",42,\"cs/0112017\",\"2311.120\"]}").then()
                .statusCode(400).contentType(ContentType.JSON)
                .body("message", equalTo("\"arxivIds\": not arXiv ids: \"not-an-id\", \"42\", \"2311.120\" (expected "
                        + "e.g. 2311.12022, 2311.12022v1 or cs/0112017)"))
                .body("details.invalidIds", contains("not-an-id", "42", "2311.120"))
                .body("details.duplicateIds", nullValue());
    }

    @Test
    void duplicateArxivIdsWithOrWithoutVersionAre400NamingEachOne() {
        post("{\"arxivIds\":[\"2311.12022\",\"2311.13581v1\",\"2311.12022v1\",\"2311.13581v1\",\"bad\"]}")
                .then().statusCode(400)
                .body("message", equalTo("\"arxivIds\": not arXiv ids: \"bad\" (expected e.g. 2311.12022, "
                        + "2311.12022v1 or cs/0112017); duplicates: 2311.12022 (as 2311.12022, 2311.12022v1), "
                        + "2311.13581 (as 2311.13581v1)"))
                .body("details.invalidIds", contains("bad"))
                .body("details.duplicateIds", contains("2311.12022", "2311.13581"));
    }

    @Test
    void anEmptyOrOverlongListOrABadTitleIs400() {
        post("{\"arxivIds\":[]}").then().statusCode(400)
                .body("message", equalTo("\"arxivIds\" is empty; name 1 to 50 arXiv ids"));
        post("{\"arxivIds\":\"2311.12022\"}").then().statusCode(400)
                .body("message", containsString("\"arxivIds\" must be an array"));
        String many = IntStream.rangeClosed(1, 51).mapToObj(i -> String.format("\"2311.%05d\"", i))
                .collect(Collectors.joining(","));
        post("{\"arxivIds\":[" + many + "]}").then().statusCode(400)
                .body("message", equalTo("\"arxivIds\" names 51 ids; a custom issue has at most 50"));
        post("{\"arxivIds\":[\"2311.12022\"],\"title\":\"  \"}").then().statusCode(400)
                .body("message", containsString("\"title\" must be a non-blank string"));
        post("{\"arxivIds\":[\"2311.12022\"],\"title\":\"" + "x".repeat(201) + "\"}").then().statusCode(400)
                .body("message", equalTo("\"title\" has 201 characters; at most 200"));
    }

    @Test
    void mixingAWeekWithACustomListOrABadReplanIs400() {
        post("{\"week\":\"2023-11-20\",\"arxivIds\":[\"2311.12022\"]}").then().statusCode(400)
                .body("message", containsString("not both"));
        post("{\"week\":\"2023-11-20\",\"replan\":\"yes\"}").then().statusCode(400)
                .body("message", equalTo("\"replan\" must be true or false, not \"yes\""));
        post("{\"week\":\"2023-11-20\",\"regenerate\":true}").then().statusCode(400)
                .body("message", startsWith("\"regenerate\" is now \"replan\" (plan the week again)"));
        post("{\"week\":\"2023-11-20\",\"title\":\"Mine\"}").then().statusCode(400)
                .body("message", containsString("\"title\" is for custom issues"));
    }

    @Test
    void listsTheWeeksNewestFirst() {
        given().get("/api/weeks").then().statusCode(200)
                .body("$", hasSize(130))
                .body("[0].week", equalTo("2025-06-23"))
                .body("[129].week", equalTo("2023-01-01"))
                .body("find { it.week == '2023-11-20' }.title",
                        equalTo("Top ML Papers of the Week (November 20 - November 26, 2023)"))
                .body("find { it.week == '2023-11-20' }.end", equalTo("2023-11-26"))
                .body("find { it.week == '2023-11-20' }.paperCount", equalTo(10));
    }

    private static io.restassured.response.Response post(String body) {
        return given().header(AdminCredentials.HEADER, AdminCredentials.ADMIN).contentType(ContentType.JSON).body(body).post("/api/issues");
    }
}
