package org.paperdigest.fetcher.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.paperdigest.fetcher.service.IssuePlanner;

@Path("/api/weeks")
public class WeekResource {

    @Inject
    IssuePlanner planner;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The weeks the list offers, newest first")
    public List<WeekSummary> weeks() {
        return planner.list().weeks().stream()
                .map(week -> new WeekSummary(week.start(), week.end(), week.title(), week.rows().size()))
                .toList();
    }
}
