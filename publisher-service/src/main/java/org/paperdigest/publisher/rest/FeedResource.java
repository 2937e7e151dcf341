package org.paperdigest.publisher.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.paperdigest.publisher.render.IssueFeed;
import org.paperdigest.publisher.service.StoredRenders;

/** The feed as it was rendered at the latest publication (see {@link StoredRenders#FEED_ENTRIES}). */
@Path("/feed.atom")
@Tag(name = "Issues")
public class FeedResource {

    @Inject
    StoredRenders renders;

    @GET
    @Produces(IssueFeed.MEDIA_TYPE)
    @Operation(summary = "Atom 1.0 feed of published issues, one entry per issue, most recently published first")
    @APIResponse(responseCode = "200", description = "The feed (valid without entries too)",
            content = @Content(mediaType = IssueFeed.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING)))
    public Response feed(@Context Request request) {
        return IssueResponses.published(request, renders.feed());
    }
}
