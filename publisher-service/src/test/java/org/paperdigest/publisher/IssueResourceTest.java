package org.paperdigest.publisher;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Client errors say what is wrong; OpenAPI and health are served. */
@QuarkusTest
class IssueResourceTest {

    @Test
    void unknownIssueIsA404WithAMessage() {
        String unknown = TestEvents.newIssueId("unknown");
        given().get("/api/issues/{id}", unknown).then().statusCode(404)
                .contentType(startsWith("application/json"))
                .body("status", is(404))
                .body("message", is("No issue " + unknown + " has been planned"));
        given().get("/issues/{id}.md", unknown).then().statusCode(404)
                .body("message", containsString(unknown + " is not published"));
    }

    @Test
    void malformedIdIsA400SayingWhatAnIdLooksLike() {
        given().get("/api/issues/{id}", "last-week").then().statusCode(400)
                .contentType(startsWith("application/json"))
                .body("status", is(400))
                .body("message", containsString("Malformed issue id 'last-week'"))
                .body("message", containsString("YYYY-MM-DD"));
        given().get("/api/issues/{id}", "2023-02-30").then().statusCode(400)
                .body("message", containsString("2023-02-30 is not a calendar date"));
        given().get("/issues/{id}.md", "custom-a b").then().statusCode(400)
                .body("message", containsString("Malformed issue id 'custom-a b'"));
    }

    @Test
    void openApiDescribesTheIssueEndpoints() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.'/api/issues'.get.summary", containsString("issues"))
                .body("paths.'/api/issues/{issueId}'.get.responses.'404'.description", containsString("No such issue"))
                .body("paths.'/api/issues'.get.responses.'200'.content.'application/json'.schema.type", is("array"))
                .body("paths.'/api/issues/{issueId}'.get.responses.keySet()", hasItems("200", "400", "404"))
                .body("paths.'/api/issues/{issueId}'.get.responses.'200'.content.'application/json'.schema.'$ref'",
                        endsWith("/IssueDetail"))
                .body("paths.'/api/issues/{issueId}'.get.responses.'400'.content.'application/json'.schema.'$ref'",
                        endsWith("/ApiError"))
                .body("paths.'/issues/{issueId}.md'.get.summary", containsString("Markdown"))
                .body("paths.'/feed.atom'.get.summary", containsString("Atom"))
                .body("paths.'/feed.atom'.get.responses.'200'.content.keySet()", hasItem(startsWith("application/atom+xml")));
        given().get("/q/swagger-ui/").then().statusCode(200).body(containsString("swagger"));
    }

    @Test
    void readinessChecksTheDatabaseAndTheBroker() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", is("UP"))
                .body("checks.name", org.hamcrest.Matchers.hasItems(
                        containsString("Database"), containsString("Reactive Messaging")));
    }
}
