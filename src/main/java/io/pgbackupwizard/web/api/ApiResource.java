package io.pgbackupwizard.web.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import io.pgbackupwizard.generate.Release;
import io.pgbackupwizard.generate.text.InstallNotes;
import io.pgbackupwizard.generate.text.NextSteps;
import io.pgbackupwizard.model.FieldError;
import io.pgbackupwizard.model.InstallPath;
import io.pgbackupwizard.model.WizardInputParser;
import io.pgbackupwizard.web.Params;
import io.pgbackupwizard.web.WizardService;
import io.smallrye.common.annotation.Blocking;

/**
 * JSON in, JSON out: for scripts and for the page's live preview. On the worker pool (@Blocking), like every
 * generating endpoint: see quarkus.thread-pool.max-threads.
 */
@Path("/api/manifests")
@Blocking
public class ApiResource {

    @Inject
    WizardService wizard;

    /**
     * What a valid request gets back. A script is what bash runs; an annotation is the JSON-array value of the
     * hook's command annotation that carries it. {@code restoreScript}/{@code restoreAnnotation} are null without a restore
     * hook.
     * {@code warnings}: what stands between the release and a working install (empty when nothing does);
     * {@code chartSource}: how to get the chart archive the release must hold. {@code summary}: what to do with the
     * files, in one sentence; {@code nextSteps}: the steps in full, as the page's "What next" and README.txt list them.
     */
    public record Manifests(Map<String, String> files, String backupScript, String backupAnnotation,
            String restoreScript, String restoreAnnotation, String chartGeneration, String query,
            // Install path: what the vendor must know, and what to do with the files.
            String installPath, List<String> notes, String summary, List<NextSteps.Step> nextSteps, List<String> warnings,
            String chartSource) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Generate the release files, hook scripts and annotations")
    @RequestBody(description = "A JSON object with any of the wizard's parameters (the names of GET /helmchart.yaml); "
            + "left-out ones take their defaults", content = @Content(schema = @Schema(implementation = Object.class)))
    @APIResponse(responseCode = "200", description = "The files by name, and the hook scripts and annotations", content = @Content(schema = @Schema(implementation = Manifests.class)))
    @APIResponse(responseCode = "400", description = "A JSON list of {field, message}", content = @Content(schema = @Schema(implementation = FieldError[].class)))
    public Response generate(String body, @jakarta.ws.rs.core.Context jakarta.ws.rs.core.UriInfo uri) {
        List<FieldError> bodyErrors = new ArrayList<>();
        if (!uri.getQueryParameters().isEmpty()) { // the README promises one source of parameters: the body
            return Response.status(400).entity(List.of(Params.QUERY_ON_POST)).build();
        }
        Map<String, List<String>> params = Params.ofJson(body, bodyErrors);
        if (!bodyErrors.isEmpty())
            return Response.status(400).entity(bodyErrors).build();
        WizardInputParser.Result parsed = wizard.parse(params);
        if (!parsed.ok())
            return Response.status(400).entity(parsed.errors()).build();
        Release r = wizard.generate(parsed);
        return Response.ok(new Manifests(r.files(), r.hooks().backupScript(), r.hooks().backupAnnotation(),
                r.hooks().restoreScript(), r.hooks().restoreAnnotation(), parsed.input().chart().layout(),
                wizard.queryString(parsed.values()), InstallPath.text(r.installPaths()),
                r.installPaths().stream().flatMap(p -> p.notes().stream()).toList(),
                r.installPaths().stream().map(InstallPath::summary).collect(Collectors.joining(" ")), NextSteps.of(r.input()),
                InstallNotes.warnings(r.input()),
                InstallNotes.chartSource(r.input()))).build();
    }
}
