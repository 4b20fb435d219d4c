package de.stadtlabore.changes;

import java.util.Arrays;
import java.util.List;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import de.stadtlabore.common.paging.PageRequest;

/** The change feed: what changed in the network, in commit order, from a cursor on. */
@Path("/changes")
@Produces(MediaType.APPLICATION_JSON)
public class ChangeResource {

    @Inject
    ChangeService changes;

    @GET
    @PermitAll
    public ChangeFeed list(@QueryParam("after") String after, @QueryParam("types") List<String> types,
            @QueryParam("size") String size) {
        List<String> names = types.stream().flatMap(t -> Arrays.stream(t.split(","))).map(String::trim)
                .filter(t -> !t.isEmpty()).toList();
        return changes.after(after == null || after.isBlank() ? null : after.trim(), names,
                PageRequest.parse(null, size).size());
    }
}
