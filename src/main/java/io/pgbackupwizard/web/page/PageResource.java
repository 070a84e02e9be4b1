package io.pgbackupwizard.web.page;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import io.pgbackupwizard.generate.Release;
import io.pgbackupwizard.model.FieldError;
import io.pgbackupwizard.model.WizardInputParser;
import io.pgbackupwizard.web.BaseUrl;
import io.pgbackupwizard.web.Params;
import io.pgbackupwizard.web.PlainTextClient;
import io.pgbackupwizard.web.PresetLink;
import io.pgbackupwizard.web.WizardService;
import io.pgbackupwizard.web.api.PlainTextHelp;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;

/**
 * The wizard page: the form, and for valid input the previews and downloads. On the worker pool (@Blocking):
 * milliseconds of CPU per page must not hold an event loop (see quarkus.thread-pool.max-threads).
 */
@Path("/")
@Blocking
public class PageResource {

    /** The /results parameter that names the file to send in full (the visible tab); see {@link Preview#showing}. */
    public static final String SHOWN_FILE = "file";

    @Inject
    WizardService wizard;
    @Inject
    BaseUrl baseUrl;
    @Inject
    PlainTextHelp help;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance page(FormView form, Preview preview, List<FieldError> errors,
                List<PresetLink> presets, PageParams params);

        /** The page's error summary and results section alone: what the live preview swaps in. */
        static native TemplateInstance live(FormView form, Preview preview, List<FieldError> errors, PageParams params);
    }

    @GET
    @Produces({ MediaType.TEXT_HTML, MediaType.TEXT_PLAIN })
    @Operation(summary = "The wizard page, prefilled from the query string; plain-text help for curl, HTTPie or Accept: text/plain")
    @APIResponse(responseCode = "200", description = "The page (or help text)")
    @APIResponse(responseCode = "400", description = "The page with a message beside each bad field")
    public Response get(@Context UriInfo uri, @HeaderParam("User-Agent") String userAgent,
            @HeaderParam("Accept") String accept) {
        if (PlainTextClient.wanted(userAgent, accept)) {
            return Response.ok(help.render(baseUrl.of(uri)), MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8")).build();
        }
        return page(uri, Params.of(uri.getQueryParameters()));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "The wizard page for a submitted form (the page works without JavaScript)")
    @APIResponse(responseCode = "200", description = "The page with previews and downloads")
    @APIResponse(responseCode = "400", description = "The page with a message beside each bad field")
    public Response post(@Context UriInfo uri, MultivaluedMap<String, String> form) {
        if (!uri.getQueryParameters().isEmpty())
            return Params.refused(List.of(Params.QUERY_ON_POST));
        return page(uri, Params.of(form));
    }

    @GET
    @Path("results")
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "The page's error summary and results section alone, for the live preview (not counted as generated)."
            + " Only one file's content is sent, the one named by 'file' (default: the install path's main file); the others'"
            + " tabs are empty until the page asks for them with their own 'file'")
    @APIResponse(responseCode = "200", description = "HTML: the hidden error summary and the previews")
    @APIResponse(responseCode = "400", description = "HTML: the error summary (one item per bad field, with data-field and data-message) and no previews")
    public Response results(@Context UriInfo uri) {
        Map<String, List<String>> all = new LinkedHashMap<>(Params.of(uri.getQueryParameters()));
        List<String> file = all.remove(SHOWN_FILE);
        return render(uri, all, file == null || file.isEmpty() ? "" : file.get(0));
    }

    private Response page(UriInfo uri, Map<String, List<String>> params) {
        return render(uri, params, null);
    }

    /** shownFile: null for the whole page; for the results fragment, the file whose content it carries. */
    private Response render(UriInfo uri, Map<String, List<String>> all, String shownFile) {
        // Unknown names (utm_source...) are dropped here, for the page only, and named in a notice.
        PageParams params = PageParams.of(all);
        WizardInputParser.Result parsed = wizard.parse(params.known());
        Release release = parsed.ok() ? wizard.preview(parsed) : null;
        String query = wizard.queryString(parsed.values());
        FormView form = FormView.of(parsed.values(), parsed.errors(), wizard::defaultValue);
        String html = (shownFile != null
                ? Templates.live(form, Preview.showing(release, query, baseUrl.of(uri), shownFile), parsed.errors(), params)
                : Templates.page(form, new Preview(release, query, baseUrl.of(uri)), parsed.errors(),
                        PresetLink.all(wizard, parsed.values()),
                        params))
                .render();
        return Response.status(parsed.ok() ? 200 : 400).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(html).build();
    }
}
