package io.pgbackupwizard.web.api;

import java.util.Arrays;
import java.util.List;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import io.pgbackupwizard.generate.ReleaseFile;
import io.pgbackupwizard.model.Field;
import io.pgbackupwizard.web.page.PageResource;
import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * Adds the wizard's parameters to the OpenAPI document. The resources read them as one map (so that
 * unknown names can be refused), which annotations cannot describe; {@link Field} is the one source.
 * Runs at build time: the document is the same for every start, and filtering it at start-up cost time.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class OpenApiParameters implements OASFilter {

    /** Pages that read the parameters from the query string; each {@link ReleaseFile} does too. */
    private static final List<String> QUERY_PATHS = List.of("/", "/results");
    /** The request body schema of every form and of the JSON API: all parameters, nothing else. */
    static final String PARAMETERS_SCHEMA = "WizardParameters";
    /** The 400 answer every download shares. */
    static final String BAD_PARAMETERS = "BadParameters";

    /**
     * Each parameter and the shared body and 400 answer are described once under {@code components} and
     * referenced from every operation. Written out in place they made a 509 KB document (16 operations ×
     * every parameter), which Quarkus 3.33 parses and serializes again at each start-up.
     */
    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null)
            return;
        if (openAPI.getComponents() == null)
            openAPI.setComponents(OASFactory.createComponents());
        Components components = openAPI.getComponents();
        for (Field f : Field.values())
            components.addParameter(f.param(), parameter(f));
        components.addSchema(PARAMETERS_SCHEMA, allFields());
        components.addResponse(BAD_PARAMETERS, OASFactory.createAPIResponse()
                .description("text/plain, one 'parameter: problem' line per bad parameter")
                .content(OASFactory.createContent().addMediaType("text/plain", OASFactory.createMediaType())));

        for (ReleaseFile o : ReleaseFile.values())
            openAPI.getPaths().addPathItem("/" + o.path(), download(o));
        for (String path : QUERY_PATHS) {
            PathItem item = openAPI.getPaths().getPathItem(path);
            if (item != null && item.getGET() != null)
                addParameterRefs(item.getGET());
        }
        PathItem results = openAPI.getPaths().getPathItem("/results");
        if (results != null && results.getGET() != null)
            results.getGET().addParameter(shownFile());
        PathItem api = openAPI.getPaths().getPathItem("/api/manifests");
        if (api != null && api.getPOST() != null)
            describeJsonBody(api.getPOST());
        PathItem page = openAPI.getPaths().getPathItem("/");
        if (page != null && page.getPOST() != null)
            describeFormBody(page.getPOST());
    }

    /** GET with the parameters in the query string, POST with them in a form; the resource has one method for all. */
    private static PathItem download(ReleaseFile o) {
        Operation get = OASFactory.createOperation().summary(o.description()).responses(responses(o));
        addParameterRefs(get);
        Operation post = OASFactory.createOperation().summary(o.description() + " From a form.").responses(responses(o));
        describeFormBody(post);
        return OASFactory.createPathItem().GET(get).POST(post);
    }

    private static void addParameterRefs(Operation op) {
        for (Field f : Field.values()) {
            op.addParameter(OASFactory.createParameter().ref("#/components/parameters/" + f.param()));
        }
    }

    /** /results sends one file's content, this one (see Preview.showing). */
    private static Parameter shownFile() {
        List<Object> files = Arrays.stream(ReleaseFile.values()).filter(ReleaseFile::isText).map(o -> (Object) o.path())
                .toList();
        return OASFactory.createParameter().name(PageResource.SHOWN_FILE).in(Parameter.In.QUERY).required(false)
                .description("The file whose content the fragment carries (the visible tab); the others' panels are left"
                        + " empty. One the install path does not have, or none, means its main file.")
                .schema(OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)).enumeration(files));
    }

    private static APIResponses responses(ReleaseFile o) {
        return OASFactory.createAPIResponses()
                .addAPIResponse("200", OASFactory.createAPIResponse()
                        .description(o.mediaType() + ", as an attachment named " + o.fileNamePattern())
                        .content(OASFactory.createContent().addMediaType(o.mediaType(), OASFactory.createMediaType())))
                .addAPIResponse("400", OASFactory.createAPIResponse().ref("#/components/responses/" + BAD_PARAMETERS));
    }

    private static Parameter parameter(Field f) {
        return OASFactory.createParameter().name(f.param()).in(Parameter.In.QUERY).required(false)
                .description(f.label() + ". " + f.help() + " Rule: " + f.rule() + ".")
                .schema(OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)).defaultValue(f.defaultValue()));
    }

    private static Schema fieldSchema(Field f) {
        return OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)).defaultValue(f.defaultValue())
                .description(f.help() + " Rule: " + f.rule() + ".");
    }

    private static Schema allFields() {
        Schema object = OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT)).additionalPropertiesBoolean(false);
        for (Field f : Field.values())
            object.addProperty(f.param(), fieldSchema(f));
        return object;
    }

    private static Schema parametersRef() {
        return OASFactory.createSchema().ref("#/components/schemas/" + PARAMETERS_SCHEMA);
    }

    private static void describeJsonBody(Operation op) {
        if (op.getRequestBody() != null && op.getRequestBody().getContent() != null) {
            var media = op.getRequestBody().getContent().getMediaType("application/json");
            if (media != null)
                media.setSchema(parametersRef());
        }
    }

    private static void describeFormBody(Operation op) {
        op.requestBody(OASFactory.createRequestBody().content(OASFactory.createContent()
                .addMediaType("application/x-www-form-urlencoded", OASFactory.createMediaType().schema(parametersRef()))));
    }
}
