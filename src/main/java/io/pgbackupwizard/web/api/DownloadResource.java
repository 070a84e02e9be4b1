package io.pgbackupwizard.web.api;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.pgbackupwizard.generate.Release;
import io.pgbackupwizard.generate.ReleaseFile;
import io.pgbackupwizard.model.InstallPath;
import io.pgbackupwizard.model.WizardInputParser;
import io.pgbackupwizard.web.Params;
import io.pgbackupwizard.web.WizardService;
import io.smallrye.common.annotation.Blocking;

/**
 * The generated files ({@link ReleaseFile}) as downloads. Parameters come from the query string (GET, so curl -O
 * works) or a form (POST); left-out parameters take their defaults. One method serves every output, so a new
 * output needs no change here; {@link OpenApiParameters} documents each one. On the worker pool (@Blocking),
 * like every generating endpoint: see quarkus.thread-pool.max-threads.
 */
@Path("/")
@Blocking
public class DownloadResource {

    /** Only names shaped like an output's path reach this resource; static files (.css, .js) never match. */
    private static final String FILE = "{file: [a-z-]+\\.(yaml|zip|md|txt|sh)}";

    @Inject
    WizardService wizard;

    @GET
    @Path(FILE)
    @Produces({ "application/yaml", "application/zip", "text/markdown", MediaType.TEXT_PLAIN })
    @Operation(hidden = true)
    public Response get(@PathParam("file") String file, @Context UriInfo uri) {
        return download(file, Params.of(uri.getQueryParameters()));
    }

    @POST
    @Path(FILE)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces({ "application/yaml", "application/zip", "text/markdown", MediaType.TEXT_PLAIN })
    @Operation(hidden = true)
    public Response post(@PathParam("file") String file, MultivaluedMap<String, String> form, @Context UriInfo uri) {
        if (!uri.getQueryParameters().isEmpty())
            return Params.refused(List.of(Params.QUERY_ON_POST));
        return download(file, Params.of(form));
    }

    private Response download(String file, Map<String, List<String>> params) {
        ReleaseFile output = ReleaseFile.byPath(file).orElse(null);
        if (output == null)
            return Response.status(404).build();
        WizardInputParser.Result parsed = wizard.parse(params);
        if (!parsed.ok())
            return Params.refused(parsed.errors());
        if (!output.servedFor(parsed.input()))
            return notOnThisPath(output, parsed);
        Release release = wizard.generate(parsed);
        byte[] content = release.bytes(output);
        String type = output.isText() ? output.mediaType() + ";charset=UTF-8" : output.mediaType();
        // File names are built from a DNS-1123 label, so they need no escaping in the header.
        return Response.ok(content, type)
                // a file of a folder (the migration chart's) downloads flat; the zip keeps the folder
                .header("Content-Disposition", "attachment; filename=\"" + release.fileName(output).replace('/', '-')
                        + "\"")
                .build();
    }

    /** 404 that says which files the chosen install paths (or chart family) have instead. */
    private static Response notOnThisPath(ReleaseFile output, WizardInputParser.Result parsed) {
        var in = parsed.input();
        String files = ReleaseFile.releaseFiles(in).stream().map(ReleaseFile::path).collect(Collectors.joining(", "));
        String what = output.forFamily(in.family()) ? "installPath=" + InstallPath.text(in.installPaths())
                : "chartFamily=" + in.family().param();
        return Response.status(404).type(MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8"))
                .entity(what + " has no " + output.path() + "; its files: " + files + "\n").build();
    }
}
