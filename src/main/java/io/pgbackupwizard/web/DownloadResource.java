package io.pgbackupwizard.web;

import io.pgbackupwizard.generate.Release;
import io.pgbackupwizard.generate.ReleaseFile;
import io.pgbackupwizard.generate.ReleaseZip;
import io.pgbackupwizard.model.FieldError;
import io.pgbackupwizard.model.WizardInputParser;
import io.smallrye.common.annotation.NonBlocking;
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
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * The generated files as downloads. Parameters come from the query string (GET, so curl -O works)
 * or a form (POST); left-out parameters take their defaults. Non-blocking: no I/O, so no worker thread.
 */
@Path("/")
@NonBlocking
public class DownloadResource {

    static final MediaType YAML = new MediaType("application", "yaml", "UTF-8");

    @Inject
    Wizard wizard;

    @GET
    @Path("helmchart.yaml")
    @Produces({"application/yaml", MediaType.TEXT_PLAIN})
    @Operation(summary = "The KOTS HelmChart manifest")
    @APIResponse(responseCode = "200", description = "application/yaml, as an attachment named <name>-helmchart.yaml")
    @APIResponse(responseCode = "400", description = "text/plain, one 'parameter: problem' line per bad parameter")
    public Response helmChart(@Context UriInfo uri) {
        return yaml(Params.of(uri.getQueryParameters()), Release::helmChartFileName, Release::helmChart);
    }

    @POST
    @Path("helmchart.yaml")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces({"application/yaml", MediaType.TEXT_PLAIN})
    @Operation(summary = "The KOTS HelmChart manifest, from a form")
    @APIResponse(responseCode = "200", description = "application/yaml attachment")
    @APIResponse(responseCode = "400", description = "text/plain list of problems")
    public Response helmChartFromForm(MultivaluedMap<String, String> form) {
        return yaml(Params.of(form), Release::helmChartFileName, Release::helmChart);
    }

    @GET
    @Path(Release.CONFIG_FILE)
    @Produces({"application/yaml", MediaType.TEXT_PLAIN})
    @Operation(summary = "The KOTS Config defining every option the HelmChart references")
    @APIResponse(responseCode = "200", description = "application/yaml attachment named config.yaml")
    @APIResponse(responseCode = "400", description = "text/plain list of problems")
    public Response config(@Context UriInfo uri) {
        return yaml(Params.of(uri.getQueryParameters()), r -> Release.CONFIG_FILE, Release::config);
    }

    @GET
    @Path("{file: [a-z0-9-]+\\.(?:yaml|md)}")
    @Produces({"application/yaml", "text/markdown", MediaType.TEXT_PLAIN})
    @Operation(summary = "Any other file of the chosen install path (installPath), such as backup.yaml, restore.yaml, "
            + "embedded-cluster-config.yaml, restore-runbook.md, backup-values.yaml, backup-readme.md, velero-schedule.yaml")
    @APIResponse(responseCode = "200", description = "application/yaml or text/markdown attachment")
    @APIResponse(responseCode = "400", description = "text/plain list of problems")
    @APIResponse(responseCode = "404", description = "text/plain: the install path has no such file, and the files it has")
    public Response file(@PathParam("file") String file, @Context UriInfo uri) {
        WizardInputParser.Result parsed = wizard.parse(Params.of(uri.getQueryParameters()));
        if (!parsed.ok()) return problems(parsed.errors());
        Release release = wizard.generate(parsed);
        return release.file(file)
                .map(f -> attachment(f.content(), f.mediaType() + ";charset=UTF-8", f.name()))
                .orElseGet(() -> Response.status(404).type(MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8"))
                        .entity("installPath=" + release.installPath().value() + " has no " + file + "; its files: "
                                + release.releaseFiles().stream().map(ReleaseFile::download)
                                        .collect(Collectors.joining(", ")) + "\n")
                        .build());
    }

    @GET
    @Path("bundle.zip")
    @Produces({"application/zip", MediaType.TEXT_PLAIN})
    @Operation(summary = "Every file of the chosen install path in one zip")
    @APIResponse(responseCode = "200", description = "application/zip attachment named <name>-kots-release.zip")
    @APIResponse(responseCode = "400", description = "text/plain list of problems")
    public Response bundle(@Context UriInfo uri) {
        WizardInputParser.Result parsed = wizard.parse(Params.of(uri.getQueryParameters()));
        if (!parsed.ok()) return problems(parsed.errors());
        Release release = wizard.generate(parsed);
        return attachment(ReleaseZip.bytes(release), "application/zip", ReleaseZip.fileName(release));
    }

    private Response yaml(Map<String, List<String>> params, Function<Release, String> fileName,
            Function<Release, String> content) {
        WizardInputParser.Result parsed = wizard.parse(params);
        if (!parsed.ok()) return problems(parsed.errors());
        Release release = wizard.generate(parsed);
        return attachment(content.apply(release), YAML.toString(), fileName.apply(release));
    }

    private static Response attachment(Object entity, String type, String fileName) {
        // File names are built from a DNS-1123 label, so they need no escaping in the header.
        return Response.ok(entity, type).header("Content-Disposition", "attachment; filename=\"" + fileName + "\"")
                .build();
    }

    static Response problems(List<FieldError> errors) {
        String body = errors.stream().map(FieldError::toString).collect(Collectors.joining("\n", "", "\n"));
        return Response.status(400).type(MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8")).entity(body).build();
    }
}
