package io.pgbackupwizard.web.doctor;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import io.pgbackupwizard.doctor.Doctor;
import io.pgbackupwizard.doctor.DoctorReport;
import io.pgbackupwizard.doctor.Finding;
import io.pgbackupwizard.doctor.ManifestRejected;
import io.pgbackupwizard.doctor.WizardPrefill;
import io.pgbackupwizard.model.FieldError;
import io.pgbackupwizard.web.BaseUrl;
import io.pgbackupwizard.web.Params;
import io.pgbackupwizard.web.PlainTextClient;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;

/**
 * The doctor: checks an existing KOTS HelmChart for PostgreSQL backup pitfalls. Plain text for curl, JSON for
 * Accept: application/json, an HTML panel for the browser form. Thin: the checks are in io.pgbackupwizard.doctor.
 * On the worker pool (@Blocking), like every generating endpoint: see quarkus.thread-pool.max-threads.
 */
@Path("/doctor")
@Blocking
public class DoctorResource {

    static final MediaType TEXT = MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8");
    static final MediaType HTML = MediaType.TEXT_HTML_TYPE.withCharset("UTF-8");

    @Inject
    BaseUrl baseUrl;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance doctor(DoctorView view);
    }

    /** The JSON answer for a checked file. */
    public record DoctorJson(String name, String apiVersion, String chartVersion, boolean configChecked,
            long aboveWarning, List<Finding> findings, int notListed, java.util.Map<String, String> wizardParams,
            String wizardLink, List<WizardPrefill.Kept> keptFlagged, String wizardLinkWithFixes,
            String wizardFile, String diff) {
    }

    @GET
    @Produces({ MediaType.TEXT_HTML, MediaType.TEXT_PLAIN })
    @Operation(summary = "The doctor's panel (paste or upload a HelmChart); plain-text usage for curl")
    @APIResponse(responseCode = "200", description = "The empty panel, or usage text")
    public Response panel(@Context UriInfo uri, @HeaderParam("User-Agent") String userAgent,
            @HeaderParam("Accept") String accept) {
        if (PlainTextClient.wanted(userAgent, accept)) {
            String base = baseUrl.of(uri);
            return Response.ok("Doctor: checks a KOTS HelmChart for PostgreSQL backup pitfalls.\n\n"
                    + "  curl --data-binary @postgresql.yaml " + base + "/doctor\n"
                    + "  curl -H 'Accept: application/json' --data-binary @postgresql.yaml " + base + "/doctor\n"
                    + "  curl -F manifestFile=@postgresql.yaml -F configFile=@config.yaml -H 'Accept: text/plain' " + base
                    + "/doctor\n",
                    TEXT).build();
        }
        return Response.ok(Templates.doctor(DoctorView.empty()).render(), HTML).build();
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces({ MediaType.TEXT_PLAIN, MediaType.APPLICATION_JSON, MediaType.TEXT_HTML })
    @Operation(summary = "Check a HelmChart: the YAML as the body (curl --data-binary), or a form with manifest "
            + "(and optionally config) as text or files")
    @APIResponse(responseCode = "200", description = "The findings (text, JSON or HTML by Accept)")
    @APIResponse(responseCode = "400", description = "Not YAML, not a HelmChart, aliases that expand, too many documents")
    @APIResponse(responseCode = "413", description = "Too large")
    public Response check(@Context UriInfo uri, byte[] body, @HeaderParam("Content-Type") String contentType,
            @HeaderParam("Accept") String accept) {
        String a = accept == null ? "" : accept;
        boolean json = a.contains("application/json");
        if (!uri.getQueryParameters().isEmpty()) {
            return json
                    ? Response.status(400).entity(List.of(Params.QUERY_ON_POST)).type(MediaType.APPLICATION_JSON_TYPE).build()
                    : Params.refused(List.of(Params.QUERY_ON_POST));
        }
        DoctorForm form = null;
        try {
            form = DoctorForm.of(body == null ? new byte[0] : body, contentType);
            boolean html = !json && (a.contains("text/html") || (form.form() && !a.contains("text/plain")));
            DoctorReport report = Doctor.check(form.manifest(), form.config());
            String link = baseUrl.of(uri) + "/?" + report.wizardQuery();
            String withFixes = report.wizardQueryWithFixes().isEmpty() ? ""
                    : baseUrl.of(uri) + "/?" + report.wizardQueryWithFixes();
            if (json) {
                return Response.ok(new DoctorJson(report.name(), report.apiVersion(), report.chartVersion(),
                        report.configChecked(), report.aboveWarning(), report.findings(), report.dropped(),
                        report.wizardParams(), link, report.keptFlagged(), withFixes,
                        report.wizardFile(), report.diff()), MediaType.APPLICATION_JSON_TYPE).build();
            }
            if (html) {
                // The page's link is relative (the browser's origin); scripts get the absolute one above.
                return Response.ok(Templates.doctor(new DoctorView(form.manifest(), form.config(), null, report,
                        "/?" + report.wizardQuery(),
                        report.wizardQueryWithFixes().isEmpty() ? "" : "/?" + report.wizardQueryWithFixes())).render(),
                        HTML).build();
            }
            return Response.ok(DoctorText.render(report, link, withFixes), TEXT).build();
        } catch (ManifestRejected e) {
            int status = e.tooLarge() ? 413 : 400;
            String field = e.getMessage().startsWith("config") ? "config"
                    : e.getMessage().startsWith("body") ? "body" : "manifest";
            if (json) {
                return Response.status(status).entity(List.of(new FieldError(field, e.getMessage().substring(
                        e.getMessage().indexOf(':') + 1).strip()))).type(MediaType.APPLICATION_JSON_TYPE).build();
            }
            boolean html = a.contains("text/html") || (form != null && form.form() && !a.contains("text/plain"));
            if (html) {
                DoctorView view = new DoctorView(form == null ? "" : form.manifest(), form == null ? "" : form.config(),
                        e.getMessage(), null, null, null);
                return Response.status(status).entity(Templates.doctor(view).render()).type(HTML).build();
            }
            return Response.status(status).entity(e.getMessage() + "\n").type(TEXT).build();
        }
    }
}
