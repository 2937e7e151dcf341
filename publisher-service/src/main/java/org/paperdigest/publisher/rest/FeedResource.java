package org.paperdigest.publisher.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import java.net.URL;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.paperdigest.publisher.render.IssueFeed;
import org.paperdigest.publisher.service.IssueReader;

@Path("/feed.atom")
@Tag(name = "Issues")
public class FeedResource {

    /** A feed carries the latest issues; older ones stay listed at /api/issues. */
    static final int ENTRIES = 50;

    @Inject
    IssueReader reader;

    /** A URL, so that a value without a scheme stops the service at start rather than yielding relative ids. */
    @ConfigProperty(name = "paperdigest.publisher.public-url")
    URL publicUrl;

    @GET
    @Produces(IssueFeed.MEDIA_TYPE)
    @Operation(summary = "Atom 1.0 feed of published issues, one entry per issue, most recently published first")
    @APIResponse(responseCode = "200", description = "The feed (valid without entries too)",
            content = @Content(mediaType = IssueFeed.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING)))
    public String feed() {
        return IssueFeed.render(reader.latestPublished(ENTRIES), publicUrl.toString());
    }
}
