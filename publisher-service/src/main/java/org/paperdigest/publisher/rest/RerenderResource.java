package org.paperdigest.publisher.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.paperdigest.publisher.service.StoredRenders;

/**
 * Admin operation: render every published revision and the feed again after a change of the templates or renderers.
 * Published revisions are rendered once, when they are stored; this is the only step that changes what their
 * immutable URLs serve.
 */
@Path("/api/admin/rerender")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Regeneration")
@RolesAllowed("admin")
public class RerenderResource {

    /** @param revisions how many published revisions were rendered again */
    public record Rerendered(int revisions) {
    }

    @Inject
    StoredRenders renders;

    @POST
    @Operation(summary = "Render every published revision and the feed again with the current templates")
    @APIResponse(responseCode = "200", description = "Every revision was rendered again",
            content = @Content(schema = @Schema(implementation = Rerendered.class)))
    @APIResponse(responseCode = "401", description = "No or wrong credentials")
    @APIResponse(responseCode = "403", description = "The user lacks the admin role")
    public Rerendered rerender() {
        return new Rerendered(renders.rerenderAll());
    }
}
