package io.pgbackupwizard.browser;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Test-only stand-ins for /results that fail the way a real deployment does (a proxy's error page, a slow
 * server); the browser tests point the page's live preview at them. Lives in test sources: never shipped.
 */
@Path("/test-only")
public class BrokenResultsResource {

    @GET
    @Path("proxy-error")
    @Produces("text/html")
    @Operation(hidden = true)
    public Response proxyError() {
        return Response.status(502).entity("<html><body><h1>502 Bad Gateway</h1><p>nginx</p></body></html>").build();
    }

    @GET
    @Path("slow")
    @Produces("text/html")
    @Operation(hidden = true)
    public Response slow() throws InterruptedException {
        Thread.sleep(6000);
        return Response.status(504).entity("<html><body><h1>504 Gateway Timeout</h1></body></html>").build();
    }
}
